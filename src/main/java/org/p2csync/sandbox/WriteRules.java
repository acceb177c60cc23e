package org.p2csync.sandbox;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a service does to a write beyond storing its values: Dataverse ownership (a record's business unit follows
 * its owner team), F&amp;O numbers it assigns (and never lets change), references F&amp;O checks.
 */
final class WriteRules {
    /** Dataverse's owner navigation property and what owning by a team sets. */
    static final String OWNER = "ownerid";
    static final String OWNER_VALUE = "_ownerid_value";
    static final String OWNING_BUSINESS_UNIT = "_owningbusinessunit_value";
    static final String OWNING_TEAM = "_owningteam_value";
    static final String OWNING_USER = "_owninguser_value";
    static final String TEAM_BUSINESS_UNIT = "_businessunitid_value";

    private final SimulatedService service;
    private final EntitySetDef set;

    WriteRules(SimulatedService service, EntitySetDef set) {
        this.service = service;
        this.set = set;
    }

    void onCreate(Map<String, Object> values, List<RequestBody.Bound> binds) throws SQLException {
        if (service.kind() == ServiceKind.DATAVERSE) {
            initialState(values);
        }
        for (EntitySetDef.AssignedNumber field : set.assignedNumbers()) {
            Object given = values.get(field.property());
            if (given == null) {
                values.put(field.property(), service.numbers().next(set, field));
            } else {
                service.numbers().taken(set, field, given.toString());
            }
        }
        ownership(values, binds);
        checkReferences(values, values, true);
    }

    void onUpdate(Map<String, Object> existing, Map<String, Object> values, List<RequestBody.Bound> binds)
            throws SQLException {
        for (EntitySetDef.AssignedNumber field : set.assignedNumbers()) {
            if (values.containsKey(field.property())
                    && !Objects.equals(values.get(field.property()), existing.get(field.property()))) {
                throw ODataError.writeRefused("The field " + field.property() + " of " + set.typeName()
                        + " cannot be changed: the service assigned " + existing.get(field.property())
                        + " when the record was created");
            }
        }
        ownership(values, binds);
        Map<String, Object> merged = new LinkedHashMap<>(existing);
        merged.putAll(values);
        checkReferences(merged, values, false);
    }

    /**
     * Dataverse creates a record in state 0 (Active, Draft) with that state's default status, the first the table
     * lists for it ("New(state 0)"), unless the create gives them.
     */
    private void initialState(Map<String, Object> values) {
        if (set.property("statecode").isEmpty() || values.get("statecode") != null) {
            return;
        }
        values.put("statecode", 0);
        set.property("statuscode").filter(p -> values.get("statuscode") == null).ifPresent(p ->
                p.options().entrySet().stream().filter(o -> o.getValue().endsWith("(state 0)")).findFirst()
                        .ifPresent(o -> values.put("statuscode", o.getKey())));
    }

    /** Owned by a team: the record belongs to the team's business unit (the only way to set it). */
    private void ownership(Map<String, Object> values, List<RequestBody.Bound> binds) {
        for (RequestBody.Bound bound : binds) {
            if (!bound.navigation().name().equals(OWNER)) {
                continue;
            }
            Map<String, Object> team = bound.target();
            put(values, OWNING_TEAM, team.get(bound.targetSet().key().get(0)));
            put(values, OWNING_USER, null);
            put(values, OWNING_BUSINESS_UNIT, team.get(TEAM_BUSINESS_UNIT));
        }
    }

    private void put(Map<String, Object> values, String property, Object value) {
        if (set.property(property).isPresent()) {
            values.put(property, value);
        }
    }

    /** Each reference must name an existing row: always on create, on update when the write sets its fields. */
    private void checkReferences(Map<String, Object> row, Map<String, Object> written, boolean creating)
            throws SQLException {
        for (EntitySetDef.Reference reference : set.references()) {
            if (!creating && reference.fields().stream().noneMatch(written::containsKey)) {
                continue;
            }
            Map<String, Object> target = new LinkedHashMap<>();
            for (int i = 0; i < reference.fields().size(); i++) {
                target.put(reference.targetFields().get(i), row.get(reference.fields().get(i)));
            }
            boolean exists = !target.containsValue(null) && service.table(reference.set())
                    .count(service.connection(), service.table(reference.set()).matching(target)) > 0;
            if (!exists) {
                throw ODataError.writeRefused(set.typeName() + ": " + String.join(", ", reference.fields()) + " "
                        + reference.fields().stream().map(row::get).toList() + " must name a record of "
                        + reference.set() + " (" + String.join(", ", reference.targetFields()) + "); none has "
                        + target.values());
            }
        }
    }
}
