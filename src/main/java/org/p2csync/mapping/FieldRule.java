package org.p2csync.mapping;

import java.util.List;
import java.util.Map;

/** How one target field is computed: a value source, then its steps in the documented order. */
record FieldRule(String target, ValueSource source, List<Step> steps) {
    FieldRule {
        steps = List.copyOf(steps);
    }

    Object compute(Map<String, Object> row, Lookups lookups) {
        Object value = source.read(row, lookups);
        for (Step step : steps) {
            value = step.apply(value);
        }
        return value;
    }
}
