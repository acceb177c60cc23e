package org.p2csync.setup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.p2csync.schema.DataverseColumn;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.FieldInfo;

/**
 * The CRM's $metadata with the p2c_ columns the mappings need added where the org lacks them, typed as setup creates
 * them: what the mappings are checked against before setup created the columns, so that the check names every other
 * problem (an unknown entity set or field) rather than the columns setup is about to create.
 */
final class PlannedCatalog implements FieldCatalog {
    private final FieldCatalog live;
    private final CrmNeeds needs;

    PlannedCatalog(FieldCatalog live, CrmNeeds needs) {
        this.live = live;
        this.needs = needs;
    }

    @Override
    public Optional<Map<String, FieldInfo>> fields(String entitySet) {
        return live.fields(entitySet).map(fields -> withNeeded(entitySet, fields));
    }

    @Override
    public Optional<EntitySetInfo> entitySet(String name) {
        return live.entitySet(name).map(set -> new EntitySetInfo(set.name(), set.keys(), withNeeded(name, set.fields()),
                set.navigation(), set.navigationKnown()));
    }

    private Map<String, FieldInfo> withNeeded(String entitySet, Map<String, FieldInfo> fields) {
        Map<String, FieldInfo> all = new LinkedHashMap<>(fields);
        for (CrmNeeds.Column column : needs.columns()) {
            if (column.entitySet().equals(entitySet)) {
                all.putIfAbsent(column.logicalName(), field(column.column().column()));
            }
        }
        return all;
    }

    private static FieldInfo field(DataverseColumn column) {
        Map<Long, String> options = new LinkedHashMap<>();
        column.options().forEach((value, label) -> options.put(value.longValue(), label));
        return new FieldInfo(column.logicalName(), column.type().edmType(), column.maxLength()).withOptions(options);
    }
}
