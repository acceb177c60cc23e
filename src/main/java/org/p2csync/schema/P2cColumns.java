package org.p2csync.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Reads {@code p2c-columns.yaml}: table -> column -> {type, label, maxLength, format, options, description}. */
final class P2cColumns {
    static final String FILE = "p2c-columns.yaml";
    private static final Set<String> KEYS = Set.of("type", "label", "maxLength", "format", "options", "description");

    private P2cColumns() {}

    static List<P2cColumn> parse(String yaml) {
        Object root;
        try {
            root = new Load(LoadSettings.builder().setSchema(new CoreSchema()).setLabel(FILE).build())
                    .loadFromString(yaml);
        } catch (YamlEngineException e) {
            throw new SchemaException(FILE + ": " + e.getMessage(), e);
        }
        List<P2cColumn> out = new ArrayList<>();
        for (Map.Entry<String, Object> table : map(root, FILE).entrySet()) {
            for (Map.Entry<String, Object> column : map(table.getValue(), FILE + ": " + table.getKey()).entrySet()) {
                out.add(column(table.getKey(), column.getKey(), map(column.getValue(),
                        FILE + ": " + table.getKey() + "." + column.getKey())));
            }
        }
        return out;
    }

    private static P2cColumn column(String table, String name, Map<String, Object> spec) {
        String where = FILE + ": " + table + "." + name;
        if (!name.startsWith(P2cColumn.PREFIX) || !name.equals(name.toLowerCase(java.util.Locale.ROOT))) {
            throw new SchemaException(where + ": a p2c-sync column's logical name is lower case and starts with "
                    + P2cColumn.PREFIX);
        }
        for (String key : spec.keySet()) {
            if (!KEYS.contains(key)) {
                throw new SchemaException(where + ": unknown key '" + key + "'; known: " + KEYS);
            }
        }
        String typeName = String.valueOf(spec.get("type"));
        ColumnType type = ColumnType.ofAttributeType(typeName).orElseThrow(() -> new SchemaException(where
                + ": type '" + typeName + "' is not one of String, Boolean, Picklist, DateTime, Decimal, Integer"));
        Integer maxLength = null;
        if (type == ColumnType.STRING) {
            if (!(spec.get("maxLength") instanceof Number n) || n.intValue() < 1) {
                throw new SchemaException(where + ": a String column needs maxLength, a positive number");
            }
            maxLength = n.intValue();
        } else if (spec.containsKey("maxLength")) {
            throw new SchemaException(where + ": maxLength is for String columns only");
        }
        Map<Integer, String> options = new LinkedHashMap<>();
        if (type == ColumnType.CHOICE) {
            map(spec.get("options"), where + ".options").forEach((value, label) -> {
                try {
                    options.put(Integer.valueOf(value), String.valueOf(label));
                } catch (NumberFormatException e) {
                    throw new SchemaException(where + ".options: '" + value + "' is no option value (a number)", e);
                }
            });
            if (options.isEmpty()) {
                throw new SchemaException(where + ": a Picklist column needs options");
            }
        } else if (spec.containsKey("options")) {
            throw new SchemaException(where + ": options are for Picklist columns only");
        }
        String format = spec.get("format") == null ? null : String.valueOf(spec.get("format"));
        if (type == ColumnType.DATETIME && !Set.of("DateOnly", "DateAndTime").contains(String.valueOf(format))) {
            throw new SchemaException(where + ": a DateTime column needs format DateOnly or DateAndTime");
        }
        if (spec.get("label") == null) {
            throw new SchemaException(where + ": label is missing");
        }
        DataverseColumn column = new DataverseColumn(name, type, maxLength, false, false, options,
                DataverseColumn.Origin.P2C);
        return new P2cColumn(table, column, String.valueOf(spec.get("label")),
                spec.get("description") == null ? "" : String.valueOf(spec.get("description")), format);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String where) {
        if (!(node instanceof Map<?, ?> m)) {
            throw new SchemaException(where + ": expected a mapping");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
