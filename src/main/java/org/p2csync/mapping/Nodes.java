package org.p2csync.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Reading scalar YAML nodes with their (1-based) lines. */
final class Nodes {
    private Nodes() {}

    static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** The text of a scalar, or null with a problem when the node is a list or mapping. */
    static String text(Node node, String what, Problems problems) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        problems.add(line(node), what + " must be a single value");
        return null;
    }

    /**
     * A literal as YAML typed it: plain integers become Long (or BigDecimal when too large), plain decimals
     * BigDecimal, true/false Boolean, ~ or null null; anything quoted stays text. So {@code default: "10"} writes the
     * text 10 and {@code default: 10} the number 10.
     */
    static Object literal(Node node, String what, Problems problems) {
        String text = text(node, what, problems);
        if (text == null) {
            return null;
        }
        Tag tag = node.getTag();
        try {
            if (Tag.INT.equals(tag)) {
                BigInteger n = new BigInteger(text.replace("_", ""));
                return n.bitLength() < 64 ? (Object) n.longValue() : new BigDecimal(n);
            }
            if (Tag.FLOAT.equals(tag)) {
                return new BigDecimal(text);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return text; // e.g. 0x1F or .inf: keep what was written
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(text);
        }
        // the JSON schema the loader parses with knows only "null"; YAML's plain ~ means null too (README: equals: ~)
        if (Tag.NULL.equals(tag) || (Tag.STR.equals(tag) && "~".equals(text) && node instanceof ScalarNode scalar
                && scalar.isPlain())) {
            return null;
        }
        return text;
    }

    /** A positive whole number option, or null with a problem. */
    static Integer positiveInt(Node node, String what, Problems problems) {
        String text = text(node, what, problems);
        if (text == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(line(node), what + " must be a whole number >= 0, not '" + text + "'");
        return null;
    }
}
