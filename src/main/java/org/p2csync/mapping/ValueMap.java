package org.p2csync.mapping;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A named translation table. Keys compare exactly with the source value's text (case, accents and spaces count);
 * put {@code trim} or {@code case} on the field when the source is untidy.
 *
 * @param blank what an empty source value becomes, or null to leave it empty
 * @param fallback what an unknown value becomes
 */
record ValueMap(String name, Map<String, Object> entries, Object blank, Fallback fallback) {
    ValueMap {
        entries = Collections.unmodifiableMap(new HashMap<>(entries)); // a value may be null
    }

    sealed interface Fallback {
        /** An unknown value fails the record, naming the value and the table. */
        record Error() implements Fallback {}

        /** An unknown value passes through unchanged. */
        record Keep() implements Fallback {}

        /** An unknown value becomes this literal. */
        record Use(Object value) implements Fallback {}
    }

    /** @param sourceDescription how a failure names the input, e.g. "address1_country" */
    Object translate(Object value, String sourceDescription) {
        if (Values.isEmpty(value)) {
            return blank != null ? blank : value;
        }
        String key = Values.text(value);
        if (entries.containsKey(key)) {
            return entries.get(key);
        }
        if (fallback instanceof Fallback.Keep) {
            return value;
        }
        if (fallback instanceof Fallback.Use use) {
            return use.value();
        }
        throw new FieldFailure("value " + Values.show(value) + " of " + sourceDescription
                + " is not in value map '" + name + "'");
    }
}
