package org.p2csync.mapping;

import java.util.List;

/**
 * Where a mapping writes to.
 *
 * @param system "crm" or "erp"
 * @param entity the target entity set, e.g. CustomersV3
 * @param key the target key fields in key order (F&O keys are composite: dataAreaId, then the number)
 */
public record TargetSpec(String system, String entity, List<String> key) {
    public TargetSpec {
        key = List.copyOf(key);
    }
}
