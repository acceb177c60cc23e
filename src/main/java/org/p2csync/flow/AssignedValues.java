package org.p2csync.flow;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2csync.state.WrittenTarget;

/** What a lookup sees of the values a target assigned to a record another area wrote. */
final class AssignedValues {
    private AssignedValues() {}

    /**
     * Every assigned field of the area, with the value read back for the record or null while not known; empty when
     * the area's target assigns nothing.
     */
    static Map<String, Object> of(List<String> fields, WrittenTarget target) {
        if (fields.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> known = target == null || target.assigned() == null ? Map.of() : target.assigned();
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach(f -> values.put(f, known.get(f)));
        return Collections.unmodifiableMap(values);
    }
}
