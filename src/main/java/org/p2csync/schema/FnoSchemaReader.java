package org.p2csync.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the F&amp;O side of real-schemas: {@code fno/enums.csv} (every enum type), {@code fno/entities_index.csv}
 * (the sets, their keys in order and navigation properties) and {@code fno/entities/<set>.csv} (the typed fields).
 */
final class FnoSchemaReader {
    private final Function<String, String> files;

    /** @param files reads a file below real-schemas/ by relative path */
    FnoSchemaReader(Function<String, String> files) {
        this.files = files;
    }

    Map<String, FnoEntity> read() {
        Map<String, EnumType> enums = enums();
        Map<String, FnoEntity> sets = new LinkedHashMap<>();
        String indexFile = "fno/entities_index.csv";
        for (Csv.Row row : Csv.parse(files.apply(indexFile), indexFile)) {
            String set = row.get("entitySet");
            List<String> keys = List.of(row.get("keys").split("\\|"));
            sets.put(set, new FnoEntity(set, keys, fields(set, keys, enums),
                    navigation(row.get("navigationProperties(name->targetEntitySet[one|many])"),
                            indexFile + ":" + row.line())));
        }
        return sets;
    }

    private Map<String, EnumType> enums() {
        String file = "fno/enums.csv";
        Map<String, Map<String, Integer>> members = new LinkedHashMap<>();
        for (Csv.Row row : Csv.parse(files.apply(file), file)) {
            try {
                members.computeIfAbsent(row.get("enumType"), t -> new LinkedHashMap<>())
                        .putIfAbsent(row.get("member"), Integer.valueOf(row.get("value")));
            } catch (NumberFormatException e) {
                throw new SchemaException(file + ":" + row.line() + ": value '" + row.get("value") + "' is no number", e);
            }
        }
        Map<String, EnumType> types = new LinkedHashMap<>();
        members.forEach((name, m) -> types.put(name, new EnumType(name, m)));
        return types;
    }

    private Map<String, FnoField> fields(String set, List<String> keys, Map<String, EnumType> enums) {
        String file = "fno/entities/" + set + ".csv";
        Map<String, FnoField> fields = new LinkedHashMap<>();
        for (Csv.Row row : Csv.parse(files.apply(file), file)) {
            String name = row.get("field");
            String type = row.get("type");
            EnumType enumType = null;
            if (!type.startsWith("Edm.")) {
                enumType = enums.get(type);
                if (enumType == null) {
                    throw new SchemaException(file + ":" + row.line() + ": field " + name + " has type " + type
                            + ", which is no Edm type and not in fno/enums.csv");
                }
            }
            boolean key = "Y".equals(row.get("isKey"));
            if (key != keys.contains(name)) {
                throw new SchemaException(file + ":" + row.line() + ": field " + name + " isKey=" + row.get("isKey")
                        + " disagrees with the keys " + keys + " of fno/entities_index.csv");
            }
            fields.put(name, new FnoField(name, type, key, Boolean.parseBoolean(row.get("nullable")), enumType));
        }
        for (String k : keys) {
            if (!fields.containsKey(k)) {
                throw new SchemaException(file + ": key field " + k + " of fno/entities_index.csv is not a field");
            }
        }
        return fields;
    }

    /** {@code Name->TargetSet[one]; Other->Set[many]}, as entities_index.csv lists them. */
    private static Map<String, FnoNavigation> navigation(String text, String where) {
        Map<String, FnoNavigation> out = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>(List.of(text.split(";")));
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int arrow = p.indexOf("->");
            int bracket = p.lastIndexOf('[');
            if (arrow < 0 || bracket < arrow || !p.endsWith("]")) {
                throw new SchemaException(where + ": cannot read the navigation property '" + p + "'");
            }
            String name = p.substring(0, arrow);
            out.put(name, new FnoNavigation(name, p.substring(arrow + 2, bracket),
                    p.substring(bracket + 1, p.length() - 1).equals("many")));
        }
        return out;
    }
}
