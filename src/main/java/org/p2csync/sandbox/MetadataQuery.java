package org.p2csync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query options of a metadata Web API request: {@code $select}, {@code $expand} (with nested {@code $select}
 * and {@code $filter}: {@code Keys($select=KeyAttributes)}) and {@code $filter}. The sandbox's {@code $filter} takes
 * comparisons {@code Property eq 'text' | number | true | false | null} joined by {@code and}; anything else is a
 * 400 saying so.
 *
 * @param expand navigation property -> its own options
 */
record MetadataQuery(List<String> select, Map<String, MetadataQuery> expand, List<Comparison> filter) {
    private static final Set<String> SUPPORTED = Set.of("$select", "$expand", "$filter");
    private static final Pattern COMPARISON = Pattern.compile(
            "\\s*([A-Za-z]\\w*)\\s+eq\\s+('(?:[^']|'')*'|-?\\d+|true|false|null)\\s*");

    /** {@code Property eq literal}: the literal as JSON would hold it. */
    record Comparison(String property, JsonNode value) {}

    static final MetadataQuery NONE = new MetadataQuery(List.of(), Map.of(), List.of());

    static MetadataQuery parse(String rawQuery) {
        Map<String, String> options = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                options.put(QueryOptions.decode(eq < 0 ? pair : pair.substring(0, eq), true),
                        eq < 0 ? "" : QueryOptions.decode(pair.substring(eq + 1), true));
            }
        }
        return of(options, "");
    }

    private static MetadataQuery of(Map<String, String> options, String where) {
        for (String name : options.keySet()) {
            if (name.startsWith("$") && !SUPPORTED.contains(name)) {
                throw ODataError.badRequest("The query parameter " + name + where + " is not supported by the"
                        + " sandbox's metadata API (it takes $select, $expand and $filter)");
            }
        }
        List<String> select = new ArrayList<>();
        if (options.get("$select") != null && !options.get("$select").isBlank()) {
            for (String s : options.get("$select").split(",")) {
                select.add(s.trim());
            }
        }
        Map<String, MetadataQuery> expand = new LinkedHashMap<>();
        if (options.get("$expand") != null && !options.get("$expand").isBlank()) {
            for (String item : topLevel(options.get("$expand"), ',')) {
                int open = item.indexOf('(');
                String name = (open < 0 ? item : item.substring(0, open)).trim();
                Map<String, String> nested = new LinkedHashMap<>();
                if (open >= 0) {
                    if (!item.endsWith(")")) {
                        throw ODataError.badRequest("Cannot read the $expand item '" + item + "'");
                    }
                    for (String option : topLevel(item.substring(open + 1, item.length() - 1), ';')) {
                        int eq = option.indexOf('=');
                        if (eq < 0) {
                            throw ODataError.badRequest("Cannot read the option '" + option + "' of $expand " + name);
                        }
                        nested.put(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
                    }
                }
                expand.put(name, of(nested, " in $expand=" + name));
            }
        }
        List<Comparison> filter = new ArrayList<>();
        if (options.get("$filter") != null && !options.get("$filter").isBlank()) {
            for (String part : options.get("$filter").split("(?i)\\s+and\\s+")) {
                Matcher m = COMPARISON.matcher(part);
                if (!m.matches()) {
                    throw ODataError.badRequest("The sandbox's metadata API takes $filter comparisons 'Property eq"
                            + " value' joined by 'and'; cannot read '" + part.trim() + "'");
                }
                filter.add(new Comparison(m.group(1), literal(m.group(2))));
            }
        }
        return new MetadataQuery(List.copyOf(select), expand, List.copyOf(filter));
    }

    /** True when the object satisfies every comparison (a missing property compares as null). */
    boolean matches(ObjectNode object) {
        for (Comparison c : filter) {
            JsonNode actual = object.get(c.property());
            JsonNode value = c.value();
            boolean equal = actual == null || actual.isNull() ? value.isNull()
                    : actual.isTextual() && value.isTextual() ? actual.asText().equalsIgnoreCase(value.asText())
                    : actual.equals(value) || actual.isNumber() && value.isNumber()
                            && actual.decimalValue().compareTo(value.decimalValue()) == 0;
            if (!equal) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the selected and expanded properties (and MetadataId, always served), when there is a $select. */
    ObjectNode selected(ObjectNode object, String type) {
        if (select.isEmpty()) {
            return object;
        }
        for (String name : select) {
            if (!object.has(name)) {
                throw ODataError.unknownProperty("Could not find a property named '" + name + "' on type '"
                        + AttributeKind.NAMESPACE + type + "'.");
            }
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.startsWith("@") && !name.equals("MetadataId") && !select.contains(name)
                    && !expand.containsKey(name)) {
                it.remove();
            }
        }
        return object;
    }

    private static JsonNode literal(String text) {
        if (text.startsWith("'")) {
            return Json.MAPPER.getNodeFactory().textNode(text.substring(1, text.length() - 1).replace("''", "'"));
        }
        return switch (text) {
            case "true" -> Json.MAPPER.getNodeFactory().booleanNode(true);
            case "false" -> Json.MAPPER.getNodeFactory().booleanNode(false);
            case "null" -> Json.MAPPER.getNodeFactory().nullNode();
            default -> Json.MAPPER.getNodeFactory().numberNode(Long.parseLong(text));
        };
    }

    /** Splits at the separator outside parentheses and quotes. */
    private static List<String> topLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
            if (c == separator && depth == 0 && !quoted) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().trim());
        }
        return parts;
    }
}
