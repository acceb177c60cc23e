package org.p2csync.sync;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a target record refuses updates (mapping {@code target.readOnlyWhen}): per target field, the values in which
 * the service keeps the record read-only, e.g. a Dataverse order whose {@code statecode} left Active (0). A record
 * whose current target copy holds one of them is not written at all: a PATCH would only be refused, every run.
 * Values compare as text, numbers without trailing zeros ({@code 1} = {@code 1.0} = {@code "1"}).
 *
 * @param values target field -&gt; the values that make the record read-only; empty: never read-only
 */
public record ReadOnlyWhen(Map<String, List<Object>> values) {
    public static final ReadOnlyWhen NEVER = new ReadOnlyWhen(Map.of());

    public ReadOnlyWhen {
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        values.forEach((field, list) -> copy.put(field, Collections.unmodifiableList(new ArrayList<>(list))));
        values = Collections.unmodifiableMap(copy);
    }

    public boolean isNever() {
        return values.isEmpty();
    }

    /** The fields to read from the target's copy. */
    public List<String> fields() {
        return List.copyOf(values.keySet());
    }

    /**
     * Why the target's copy is read-only, e.g. {@code statecode is 3}, or empty when it may be written (no copy, or
     * no field holds a read-only value).
     */
    public Optional<String> reason(Map<String, Object> copy) {
        if (copy == null) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        values.forEach((field, locked) -> {
            Object value = copy.get(field);
            if (value != null && locked.stream().anyMatch(v -> text(v).equals(text(value)))) {
                why.add(field + " is " + text(value));
            }
        });
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", why));
    }

    private static String text(Object value) {
        if (value instanceof Number n) {
            try {
                return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException notDecimal) {
                return n.toString();
            }
        }
        return String.valueOf(value);
    }
}
