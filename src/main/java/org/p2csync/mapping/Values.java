package org.p2csync.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;

/** How the engine reads source values (JSON: String, Number, Boolean, null) the same way everywhere. */
final class Values {
    private Values() {}

    /** Null or text with nothing but white space: what blank, default and required treat as "no value". */
    static boolean isEmpty(Object value) {
        return value == null || value instanceof String s && s.isBlank();
    }

    /** A number as an exact decimal, or null when it is none. Doubles go through their shortest decimal form. */
    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return n instanceof BigInteger b ? new BigDecimal(b) : new BigDecimal(n.toString());
        }
        return null;
    }

    /** Text for comparisons and value-map keys: numbers without trailing zeros, so 3, 3.0 and 3L read "3". */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal d = decimal(value);
        return d != null ? d.stripTrailingZeros().toPlainString() : value.toString();
    }

    /** A value quoted for a message, e.g. 'Atlantis', or "empty". */
    static String show(Object value) {
        return value == null ? "empty" : value instanceof String s ? "'" + s + "'" : text(value);
    }
}
