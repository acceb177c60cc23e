package org.p2csync.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a target assigns to the records it stores (mapping {@code target.assigned}, e.g. the party number F&amp;O
 * gives a customer it creates), as one page asks for them and the target side reads them back after its writes.
 * Record keys are {@link TargetRecord#stateKey()}s.
 *
 * @param wanted the target key of each record whose assigned values the engine does not hold yet: a record of the
 *     page is read back once its write succeeded (or it was unchanged), a record of an earlier page as it is
 * @param found per record read back, the assigned fields with the values the target holds (a value may be null);
 *     an empty map for a record the target does not have (deleted meanwhile)
 */
public record ReadBack(Map<String, Map<String, Object>> wanted, Map<String, Map<String, Object>> found) {
    /** Nothing to read back, nothing found: areas without assigned fields. */
    public static final ReadBack NONE = new ReadBack(Map.of(), Map.of());

    public ReadBack {
        wanted = copy(wanted);
        found = copy(found);
    }

    /** Asks for these records (record key to target key), nothing found yet. */
    public static ReadBack of(Map<String, Map<String, Object>> wanted) {
        return wanted.isEmpty() ? NONE : new ReadBack(wanted, Map.of());
    }

    /** This request with what the target answered. */
    public ReadBack withFound(Map<String, Map<String, Object>> values) {
        return new ReadBack(wanted, values);
    }

    // values may be null (a field the target left empty), which Map.copyOf refuses
    private static Map<String, Map<String, Object>> copy(Map<String, Map<String, Object>> byKey) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        byKey.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(copy);
    }
}
