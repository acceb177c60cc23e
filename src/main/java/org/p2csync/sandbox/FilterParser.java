package org.p2csync.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compiles an OData {@code $filter} (eq ne gt ge lt le, and or not, parentheses, literals) into parameterised SQL
 * against one entity set. Comparisons use OData's two-valued logic: a null never equals a value, and {@code ne}
 * matches nulls. An F&amp;O enum field compares only with an enum literal of its own type, qualified as F&amp;O
 * writes it ({@code Microsoft.Dynamics.DataEntities.SalesStatus'Invoiced'}); a plain string is refused, as F&amp;O
 * refuses it. Whether F&amp;O also takes the short form {@code SalesStatus'Invoiced'} is unconfirmed: refused.
 */
final class FilterParser {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+([eE][-+]?\\d+)?|-?\\d+[eE][-+]?\\d+");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[-+]\\d{2}:\\d{2})");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern IDENTIFIER_PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Map<String, String> OPERATORS =
            Map.of("eq", "=", "ne", "<>", "gt", ">", "ge", ">=", "lt", "<", "le", "<=");
    private static final Map<String, String> FLIPPED =
            Map.of("eq", "eq", "ne", "ne", "gt", "lt", "ge", "le", "lt", "gt", "le", "ge");

    private enum Kind { LPAREN, RPAREN, STRING, TYPED, WORD, END }

    /** {@code type} is the type prefix of a TYPED literal ({@code Ns.Enum'Member'}: type Ns.Enum, text Member). */
    private record Token(Kind kind, String text, int position, String type) {
        Token(Kind kind, String text, int position) {
            this(kind, text, position, null);
        }
    }

    /** A parsed operand: a property of the set, or a literal with the EDM type it reads as (null for null). */
    private record Operand(Property property, Object value, String literalKind, String text, String type) {
        Operand(Property property, Object value, String literalKind, String text) {
            this(property, value, literalKind, text, null);
        }
    }

    private final EntitySetDef set;
    private final String input;
    private final List<Token> tokens;
    private int next;

    private FilterParser(EntitySetDef set, String input) {
        this.set = set;
        this.input = input;
        this.tokens = tokenize(input);
    }

    static SqlFragment compile(EntitySetDef set, String filter) {
        FilterParser parser = new FilterParser(set, filter);
        SqlFragment result = parser.orExpr();
        if (parser.peek().kind != Kind.END) {
            throw parser.error("unexpected '" + parser.peek().text + "'");
        }
        return result;
    }

    private SqlFragment orExpr() {
        SqlFragment left = andExpr();
        while (isWord("or")) {
            next++;
            left = left.or(andExpr());
        }
        return left;
    }

    private SqlFragment andExpr() {
        SqlFragment left = unary();
        while (isWord("and")) {
            next++;
            left = left.and(unary());
        }
        return left;
    }

    private SqlFragment unary() {
        if (isWord("not")) {
            next++;
            return unary().not();
        }
        if (peek().kind == Kind.LPAREN) {
            next++;
            SqlFragment inner = orExpr();
            expect(Kind.RPAREN, "')'");
            return inner;
        }
        return comparison();
    }

    private SqlFragment comparison() {
        Operand left = operand();
        Token op = tokens.get(next);
        if (op.kind != Kind.WORD || !OPERATORS.containsKey(op.text)) {
            throw error("expected one of eq ne gt ge lt le after '" + left.text + "' but found '" + op.text + "'");
        }
        next++;
        Operand right = operand();
        if (left.property == null && right.property != null) {
            return compare(right, FLIPPED.get(op.text), left);
        }
        if (left.property == null) {
            throw error("a comparison needs a property on one side: '" + left.text + " " + op.text + " " + right.text + "'");
        }
        return compare(left, op.text, right);
    }

    private SqlFragment compare(Operand column, String op, Operand other) {
        Property p = column.property;
        if (other.property != null) {
            return new SqlFragment(p.sortExpression() + " " + OPERATORS.get(op) + " " + other.property.sortExpression(),
                    List.of());
        }
        String c = p.column();
        if (other.literalKind.equals("null")) {
            return switch (op) {
                case "eq" -> SqlFragment.of(c + " IS NULL");
                case "ne" -> SqlFragment.of(c + " IS NOT NULL");
                default -> SqlFragment.of("1=0");
            };
        }
        Object value = convert(p, other);
        if (op.equals("ne")) {
            return SqlFragment.of("(" + c + " IS NULL OR " + c + " <> ?)", value);
        }
        if (op.equals("eq")) {
            return SqlFragment.of("(" + c + " IS NOT NULL AND " + c + " = ?)", value);
        }
        // order comparisons follow the service's order, which for enums is the members' values
        return SqlFragment.of("(" + c + " IS NOT NULL AND " + p.sortExpression() + " " + OPERATORS.get(op) + " ?)",
                p.type().sortValue(value));
    }

    private Object convert(Property property, Operand literal) {
        String kind = literal.literalKind;
        Object v = literal.value;
        if (property.type().isEnum()) {
            return enumMember(property, literal);
        }
        if (kind.equals("typed")) {
            throw error("property '" + property.name() + "' is " + property.type().edmName()
                    + " and cannot be compared with the enum literal " + literal.text);
        }
        switch (property.type().kind()) {
            case STRING:
                if (kind.equals("string")) return v;
                break;
            case GUID:
                if (kind.equals("guid") || kind.equals("string")) return EdmType.parseGuid((String) v, property.name());
                break;
            case INT32:
                if (kind.equals("integer")) {
                    try {
                        return Integer.valueOf(literal.text);
                    } catch (NumberFormatException e) {
                        throw error("'" + literal.text + "' is out of range for Edm.Int32 property '" + property.name() + "'");
                    }
                }
                break;
            case INT64:
                if (kind.equals("integer")) {
                    try {
                        return Long.valueOf(literal.text);
                    } catch (NumberFormatException e) {
                        throw error("'" + literal.text + "' is out of range for Edm.Int64 property '" + property.name() + "'");
                    }
                }
                break;
            case DECIMAL:
                if (kind.equals("integer") || kind.equals("decimal")) return new BigDecimal(literal.text);
                break;
            case DOUBLE:
                if (kind.equals("integer") || kind.equals("decimal")) return Double.valueOf(literal.text);
                break;
            case BOOLEAN:
                if (kind.equals("boolean")) return v;
                break;
            case DATETIME:
                if (kind.equals("datetime")) return EdmType.parseDateTime(literal.text, property.name());
                break;
            default:
                break;
        }
        throw error("property '" + property.name() + "' is " + property.type().edmName()
                + " and cannot be compared with the " + kind + " literal " + literal.text);
    }

    private String enumMember(Property property, Operand literal) {
        var type = property.type().enumType();
        String example = type.name() + "'" + type.members().keySet().iterator().next() + "'";
        if (!literal.literalKind.equals("typed")) {
            throw error("property '" + property.name() + "' is the enum " + type.name() + " and cannot be compared"
                    + " with the " + literal.literalKind + " literal " + literal.text + "; write an enum literal, e.g. "
                    + example);
        }
        if (!literal.type.equals(type.name())) {
            throw error("property '" + property.name() + "' is the enum " + type.name() + ", not " + literal.type
                    + " (write the qualified type, e.g. " + example + ")");
        }
        String member = (String) literal.value;
        if (!type.hasMember(member)) {
            throw error("'" + member + "' is not a member of " + type.name() + " (members: "
                    + String.join(", ", type.members().keySet()) + ")");
        }
        return member;
    }

    private Operand operand() {
        Token t = tokens.get(next);
        if (t.kind == Kind.STRING) {
            next++;
            return new Operand(null, t.text, "string", "'" + t.text.replace("'", "''") + "'");
        }
        if (t.kind == Kind.TYPED) {
            next++;
            return new Operand(null, t.text, "typed", t.type + "'" + t.text.replace("'", "''") + "'", t.type);
        }
        if (t.kind != Kind.WORD) {
            throw error("expected a property or a literal but found '" + t.text + "'");
        }
        next++;
        String w = t.text;
        if (w.equals("null")) return new Operand(null, null, "null", w);
        if (w.equals("true") || w.equals("false")) return new Operand(null, Boolean.valueOf(w), "boolean", w);
        if (GUID.matcher(w).matches()) return new Operand(null, w, "guid", w);
        if (DATETIME.matcher(w).matches()) return new Operand(null, w, "datetime", w);
        if (INTEGER.matcher(w).matches()) return new Operand(null, w, "integer", w);
        if (DECIMAL.matcher(w).matches()) return new Operand(null, w, "decimal", w);
        if (IDENTIFIER.matcher(w).matches()) {
            if (peek().kind == Kind.LPAREN) {
                throw error("function '" + w + "' is not supported");
            }
            return new Operand(set.require(w), null, "property", w);
        }
        throw error("cannot read '" + w + "'");
    }

    private boolean isWord(String word) {
        Token t = peek();
        return t.kind == Kind.WORD && t.text.equals(word);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private void expect(Kind kind, String what) {
        if (peek().kind != kind) {
            throw error("expected " + what + " but found '" + peek().text + "'");
        }
        next++;
    }

    private ODataError error(String message) {
        int at = peek().position;
        return ODataError.badRequest("Invalid $filter at position " + at + ": " + message + " (in: " + input + ")");
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '(') {
                out.add(new Token(Kind.LPAREN, "(", i++));
            } else if (ch == ')') {
                out.add(new Token(Kind.RPAREN, ")", i++));
            } else if (ch == '\'') {
                int start = i;
                String type = null;
                if (!out.isEmpty() && out.get(out.size() - 1).kind == Kind.WORD
                        && out.get(out.size() - 1).position + out.get(out.size() - 1).text.length() == i
                        && IDENTIFIER_PATH.matcher(out.get(out.size() - 1).text).matches()) {
                    // a typed literal such as Microsoft.Dynamics.DataEntities.NoYes'Yes': the word before is its type
                    Token word = out.remove(out.size() - 1);
                    type = word.text;
                    start = word.position;
                }
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= s.length()) {
                        throw ODataError.badRequest("Invalid $filter: unterminated string literal at position " + start
                                + " (in: " + s + ")");
                    }
                    char c = s.charAt(i);
                    if (c == '\'') {
                        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                            sb.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.append(c);
                    i++;
                }
                out.add(type == null ? new Token(Kind.STRING, sb.toString(), start)
                        : new Token(Kind.TYPED, sb.toString(), start, type));
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()'".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), start));
            }
        }
        out.add(new Token(Kind.END, "end of filter", s.length()));
        return out;
    }
}
