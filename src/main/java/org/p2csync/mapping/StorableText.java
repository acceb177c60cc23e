package org.p2csync.mapping;

/**
 * Text a target can store. A lone surrogate (half of a UTF-16 pair, as a truncated emoji leaves) has no UTF-8
 * encoding: written as it is, it would reach the target as '?', silently changing the record. Such a value fails
 * its field instead, naming where the half pair is.
 */
final class StorableText {
    private StorableText() {}

    /** @return the value itself, when it is no text or text without a lone surrogate */
    static Object require(Object value) {
        if (value instanceof String text) {
            int at = loneSurrogate(text);
            if (at >= 0) {
                throw new FieldFailure(String.format("text holds a lone surrogate U+%04X at character %d, which the"
                        + " target cannot store (it has no UTF-8 encoding and would be written as '?'); fix the"
                        + " text at the source", (int) text.charAt(at), at + 1));
            }
        }
        return value;
    }

    /** The index of the first half pair without its other half, or -1. */
    static int loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
