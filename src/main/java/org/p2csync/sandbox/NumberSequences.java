package org.p2csync.sandbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The number sequences of one simulated service, for fields it assigns on create (F&amp;O's party numbers,
 * {@code 000001001}, ...). Each continues after the highest number stored, so restarts never hand one out twice.
 * Callers hold the service lock.
 */
final class NumberSequences {
    /** Where a sequence starts in an empty database. */
    private static final long FIRST_AFTER = 1000;

    private final SimulatedService service;
    private final Map<String, Long> last = new HashMap<>();

    NumberSequences(SimulatedService service) {
        this.service = service;
    }

    String next(EntitySetDef set, EntitySetDef.AssignedNumber field) throws SQLException {
        long n = current(set, field) + 1;
        last.put(id(set, field), n);
        return String.format(field.format(), n);
    }

    /** A client gave the number itself: later ones continue after it. */
    void taken(EntitySetDef set, EntitySetDef.AssignedNumber field, String value) throws SQLException {
        if (value != null && value.matches("\\d{1,18}")) {
            last.put(id(set, field), Math.max(current(set, field), Long.parseLong(value)));
        }
    }

    /** Rows stored without the number (made by an older sandbox) get one, in key order. */
    void backfill(EntitySetDef set) throws SQLException {
        EntityTable table = service.table(set.name());
        for (EntitySetDef.AssignedNumber field : set.assignedNumbers()) {
            Property p = set.require(field.property());
            List<Map<String, Object>> rows = table.select(service.connection(), set.keyProperties(),
                    SqlFragment.of(p.column() + " IS NULL"), set.key().stream().map(k -> '"' + k + '"')
                            .reduce((a, b) -> a + ", " + b).orElseThrow(), Integer.MAX_VALUE, 0);
            for (Map<String, Object> key : rows) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put(field.property(), next(set, field));
                table.update(service.connection(), key, value);
            }
        }
    }

    private long current(EntitySetDef set, EntitySetDef.AssignedNumber field) throws SQLException {
        Long known = last.get(id(set, field));
        if (known != null) {
            return known;
        }
        String column = set.require(field.property()).column();
        try (PreparedStatement ps = service.connection().prepareStatement("SELECT MAX(CAST(" + column
                + " AS BIGINT)) FROM \"" + set.name() + "\" WHERE REGEXP_LIKE(" + column + ", '^[0-9]{1,18}$')");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long max = rs.getLong(1);
            long start = rs.wasNull() ? FIRST_AFTER : Math.max(max, FIRST_AFTER);
            last.put(id(set, field), start);
            return start;
        }
    }

    private static String id(EntitySetDef set, EntitySetDef.AssignedNumber field) {
        return set.name() + "." + field.property();
    }
}
