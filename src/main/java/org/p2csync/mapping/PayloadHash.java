package org.p2csync.mapping;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.p2csync.sync.TargetRecord;

/**
 * SHA-256 of a canonical form of a payload. The form sorts field names and writes numbers without trailing zeros,
 * so the hash depends only on what would be written: 10 and 10.00 hash the same, field order does not matter.
 */
final class PayloadHash {
    private PayloadHash() {}

    static String of(Map<String, Object> payload) {
        StringBuilder out = new StringBuilder(512);
        canonical(payload, out);
        return digest(out);
    }

    /**
     * A document's hash: the header's canonical form, then each line's (entity set and payload) in the given order,
     * so a changed, added or removed line changes the document's hash and the whole document is written again.
     */
    static String ofDocument(Map<String, Object> header, List<TargetRecord> lines) {
        StringBuilder out = new StringBuilder(512 * (1 + lines.size()));
        canonical(header, out);
        for (TargetRecord line : lines) {
            out.append("\n");
            quote(String.valueOf(line.entitySet()), out);
            out.append(':');
            canonical(line.payload(), out);
        }
        return digest(out);
    }

    private static String digest(StringBuilder out) {
        return HexFormat.of().formatHex(sha256().digest(out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void canonical(Map<String, Object> payload, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : new TreeMap<>(payload).entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(e.getKey(), out);
            out.append(':');
            value(e.getValue(), out);
        }
        out.append('}');
    }

    private static void value(Object v, StringBuilder out) {
        BigDecimal d = Values.decimal(v);
        if (v == null) {
            out.append("null");
        } else if (d != null) {
            out.append(d.stripTrailingZeros().toPlainString());
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else {
            quote(v.toString(), out);
        }
    }

    /** JSON string quoting: enough to keep "a,b" and "a","b" from colliding. */
    private static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
