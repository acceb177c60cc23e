package org.p2csync.mapping;

import java.util.List;

/**
 * Where a mapping writes to.
 *
 * @param system "crm" or "erp"
 * @param entity the target entity set, e.g. CustomersV3
 * @param key the target key fields in key order (F&O keys are composite: dataAreaId, then the number)
 */
public record TargetSpec(String system, String entity, List<String> key, String id) {
    public TargetSpec {
        key = List.copyOf(key);
    }

    /** A target addressed by its key only, whose own record id the mapping does not set. */
    public TargetSpec(String system, String entity, List<String> key) {
        this(system, entity, key, null);
    }
}
