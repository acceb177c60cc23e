package org.p2csync.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The comma-separated files of real-schemas: a header row, then rows; fields may be double-quoted (RFC 4180). */
final class Csv {
    /** One row by column name, with the line it came from (for messages). */
    record Row(int line, Map<String, String> values) {
        String get(String column) {
            String v = values.get(column);
            return v == null ? "" : v;
        }
    }

    private Csv() {}

    static List<Row> parse(String text, String file) {
        List<List<String>> records = records(text, file);
        if (records.isEmpty()) {
            throw new SchemaException(file + ": empty, expected a header row");
        }
        List<String> header = records.get(0);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() == 1 && r.get(0).isEmpty()) {
                continue;
            }
            if (r.size() != header.size()) {
                throw new SchemaException(file + ":" + (i + 1) + ": " + r.size() + " fields, the header has "
                        + header.size());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), r.get(c));
            }
            rows.add(new Row(i + 1, values));
        }
        return rows;
    }

    private static List<List<String>> records(String text, String file) {
        List<List<String>> out = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                out.add(record);
                record = new ArrayList<>();
                line++;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new SchemaException(file + ":" + line + ": unterminated quoted field");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            out.add(record);
        }
        return out;
    }

    /** Parses {@code "1=Item; 2=Service"} (option or member lists) into value -> label, in order. */
    static Map<Integer, String> options(String text, String where) {
        Map<Integer, String> options = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return options;
        }
        for (String part : text.split(";\\s*(?=-?\\d+=)")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            try {
                options.putIfAbsent(Integer.valueOf(p.substring(0, eq).strip()), p.substring(eq + 1).strip());
            } catch (RuntimeException e) {
                throw new SchemaException(where + ": cannot read the option '" + p + "' (expected value=label)", e);
            }
        }
        return options;
    }
}
