package org.p2csync.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses the key in parentheses after a set name: {@code (guid)}, {@code (accountnumber='ACC-1')} or the composite
 * {@code (dataAreaId='usmf',CustomerAccount='US-001')}. The text arrives percent-encoded; it is decoded first and the
 * literal parsed after, so encoded quotes, commas and parentheses inside values are safe. Dataverse takes only its
 * primary key and its Active alternate keys (anything else is the documented "key in the request URI is not valid"),
 * and no key value with characters that cannot travel in a URL ({@link UrlKeyCharacters}).
 */
final class KeyPredicate {
    private KeyPredicate() {}

    /** Returns property -> value for the primary key or one alternate key, all parts present. */
    static Map<String, Object> parse(ServiceKind kind, EntitySetDef set, String rawKey) {
        String text;
        try {
            text = QueryOptions.decode(rawKey, false);
        } catch (ODataError malformed) {
            // a bare '%' (say) is no escape: Dataverse's URI parser fails on it as on the other forbidden characters
            throw kind == ServiceKind.DATAVERSE ? UrlKeyCharacters.querySyntax() : malformed;
        }
        Map<String, Object> key = parseDecoded(kind, set, text);
        if (kind == ServiceKind.DATAVERSE) {
            UrlKeyCharacters.checkDataverse(key);
        }
        return key;
    }

    private static Map<String, Object> parseDecoded(ServiceKind kind, EntitySetDef set, String text) {
        List<String[]> parts = split(text);
        Map<String, Object> key = new LinkedHashMap<>();
        if (parts.size() == 1 && parts.get(0)[0] == null) {
            if (set.key().size() != 1) {
                throw ODataError.badRequest("Set '" + set.name() + "' has a composite key; name every part: "
                        + String.join(", ", set.key()));
            }
            Property p = set.require(set.key().get(0));
            key.put(p.name(), literal(p, parts.get(0)[1]));
            return key;
        }
        for (String[] part : parts) {
            if (part[0] == null) {
                throw ODataError.badRequest("Key '" + text + "': every part of a composite key needs a name");
            }
            if (kind == ServiceKind.DATAVERSE && set.property(part[0]).isEmpty()) {
                throw notAKey(set);
            }
            Property p = set.require(part[0]);
            if (key.put(p.name(), literal(p, part[1])) != null) {
                throw ODataError.badRequest("Key '" + text + "' names '" + p.name() + "' twice");
            }
        }
        Set<String> named = key.keySet();
        boolean primary = named.equals(Set.copyOf(set.key()));
        boolean alternate = set.alternateKeys().stream().anyMatch(ak -> named.equals(Set.copyOf(ak)));
        if (!primary && !alternate && kind == ServiceKind.DATAVERSE) {
            throw notAKey(set);
        }
        if (!primary && !alternate) {
            List<String> forms = new ArrayList<>();
            forms.add(String.join(",", set.key()));
            set.alternateKeys().forEach(ak -> forms.add(String.join(",", ak)));
            throw ODataError.badRequest("Key '" + text + "' of set '" + set.name() + "' must give all parts of one key: "
                    + forms.stream().map(f -> "(" + f + ")").collect(Collectors.joining(" or ")));
        }
        return key;
    }

    /**
     * Dataverse's documented answer ("Use an alternate key to reference a record") to a key that is no key of the
     * table: not defined, or defined but its index not Active yet. The code is unpublished: 0x80060888 (the one its
     * OData layer uses for requests it cannot take).
     */
    private static ODataError notAKey(EntitySetDef set) {
        String type = "Microsoft.Dynamics.CRM." + set.typeName();
        return ODataError.badRequest("The key in the request URI is not valid for resource '" + type + "'. Ensure that"
                + " the names and number of key properties match the declared or alternate key properties for the"
                + " resource '" + type + "'.");
    }

    /** The canonical key segment for links, values percent-encoded: {@code (guid)} or {@code (a='x',b='y')}. */
    static String format(EntitySetDef set, Map<String, Object> row) {
        if (set.key().size() == 1 && set.keyProperties().get(0).type().equals(EdmType.GUID)) {
            return "(" + row.get(set.key().get(0)) + ")";
        }
        return set.key().stream()
                .map(k -> k + "=" + QueryOptions.encode(quoted(set.require(k), row.get(k))))
                .collect(Collectors.joining(",", "(", ")"));
    }

    private static String quoted(Property p, Object value) {
        return switch (p.type().kind()) {
            case STRING -> "'" + String.valueOf(value).replace("'", "''") + "'";
            case ENUM -> p.type().edmName() + "'" + value + "'";
            default -> p.type().canonical(value);
        };
    }

    private static Object literal(Property p, String text) {
        String t = text.trim();
        if (t.startsWith("'")) {
            if (t.length() < 2 || !t.endsWith("'")) {
                throw ODataError.badRequest("Key value " + t + " for '" + p.name() + "' is not a closed string literal");
            }
            String value = t.substring(1, t.length() - 1).replace("''", "'");
            return p.type().equals(EdmType.GUID) ? EdmType.parseGuid(value, p.name()) : checkString(p, value, t);
        }
        try {
            return switch (p.type().kind()) {
                case GUID -> EdmType.parseGuid(t, p.name());
                case INT32 -> Integer.valueOf(t);
                case INT64 -> Long.valueOf(t);
                case DECIMAL -> new java.math.BigDecimal(t);
                case DOUBLE -> Double.valueOf(t);
                case DATETIME -> EdmType.parseDateTime(t, p.name());
                default -> throw ODataError.badRequest(
                        "Key value " + t + " for '" + p.name() + "' must be a quoted string literal");
            };
        } catch (NumberFormatException e) {
            throw ODataError.badRequest("Key value " + t + " for '" + p.name() + "' is not a " + p.type().edmName());
        }
    }

    private static Object checkString(Property p, String value, String literal) {
        if (!p.type().equals(EdmType.STRING)) {
            throw ODataError.badRequest("Key value " + literal + " for '" + p.name() + "' must be a " + p.type().edmName());
        }
        return value;
    }

    /** Splits {@code a='x,y',b='z'} on commas outside quotes; returns [name-or-null, literal] pairs. */
    private static List<String[]> split(String text) {
        List<String[]> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                inQuote = !inQuote; // a doubled quote toggles twice, so it stays inside the literal
            }
            if (c == ',' && !inQuote) {
                parts.add(pair(current.toString(), text));
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (inQuote) {
            throw ODataError.badRequest("Key '" + text + "' has an unterminated string literal");
        }
        parts.add(pair(current.toString(), text));
        return parts;
    }

    private static String[] pair(String part, String whole) {
        if (part.isBlank()) {
            throw ODataError.badRequest("Key '" + whole + "' has an empty part");
        }
        int eq = -1;
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) == '\'') {
                break;
            }
            if (part.charAt(i) == '=') {
                eq = i;
                break;
            }
        }
        return eq < 0 ? new String[] {null, part} : new String[] {part.substring(0, eq).trim(), part.substring(eq + 1)};
    }
}
