package org.p2csync.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The decoded query options of one request. A '+' reads as a space, as HTML forms and most HTTP clients encode it.
 */
record QueryOptions(Map<String, String> values) {
    private static final Set<String> SUPPORTED =
            Set.of("$select", "$filter", "$orderby", "$top", "$skip", "$count", "$skiptoken", "$format", "$deltatoken");

    static QueryOptions parse(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
                if (name.startsWith("$") && !SUPPORTED.contains(name)) {
                    throw ODataError.badRequest("The query parameter " + name + " is not supported");
                }
                if (values.put(name, value) != null) {
                    throw ODataError.badRequest("The query parameter " + name + " is specified more than once");
                }
            }
        }
        return new QueryOptions(Map.copyOf(values));
    }

    String get(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** A non-negative integer option, or null when absent; anything else is a 400 naming the option. */
    Integer nonNegative(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ODataError.badRequest("Invalid value '" + v + "' for " + name + ": expected a non-negative integer");
    }

    /** Percent-decodes as UTF-8 bytes; malformed escapes are a 400 rather than a silent guess. */
    static String decode(String s, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw ODataError.badRequest("Malformed percent-encoding in '" + s + "'");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw ODataError.badRequest("Malformed percent-encoding in '" + s + "'");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    b = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
