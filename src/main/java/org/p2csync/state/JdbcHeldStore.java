package org.p2csync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The held table in the state database. */
final class JdbcHeldStore implements HeldStore {
    private final Transactions tx;
    private final Clock clock;

    JdbcHeldStore(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void hold(Collection<HeldRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        records.forEach(JdbcHeldStore::validate);
        Instant now = clock.instant();
        String area = records.iterator().next().area();
        tx.inTransaction("record " + records.size() + " held records of area '" + area + "'", connection -> {
            // update first so since stays; held records are few per page, so two small statements each cost little
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE held_record SET record_key = ?, reason = ?, run_id = ?, payload_hash = ?
                    WHERE area = ? AND source_id = ?""");
                    PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO held_record (area, source_id, record_key, reason, since, run_id, payload_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                for (HeldRecord r : records) {
                    update.setString(1, r.recordKey());
                    update.setString(2, r.reason());
                    update.setString(3, r.runId());
                    update.setString(4, r.payloadHash());
                    update.setString(5, r.area());
                    update.setString(6, r.sourceId());
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, r.area());
                        insert.setString(2, r.sourceId());
                        insert.setString(3, r.recordKey());
                        insert.setString(4, r.reason());
                        DbTime.set(insert, 5, now);
                        insert.setString(6, r.runId());
                        insert.setString(7, r.payloadHash());
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void release(String area, Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return;
        }
        tx.inTransaction("release " + sourceIds.size() + " held records of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "DELETE FROM held_record WHERE area = ? AND source_id = ANY(?)")) {
                st.setString(1, area);
                st.setArray(2, KeyArrays.of(connection, sourceIds));
                return st.executeUpdate();
            }
        });
    }

    @Override
    public List<HeldRecord> list(String area, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(
                    "Held records of area '" + area + "': limit must be at least 1, was " + limit);
        }
        return tx.inTransaction("read held records of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    SELECT area, source_id, record_key, reason, since, run_id, payload_hash FROM held_record
                    WHERE area = ? ORDER BY since, source_id LIMIT ?""")) {
                st.setString(1, area);
                st.setInt(2, limit);
                List<HeldRecord> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                return rows;
            }
        });
    }

    @Override
    public long count(String area) {
        return tx.inTransaction("count held records of area '" + area + "'", connection -> {
            try (PreparedStatement st =
                    connection.prepareStatement("SELECT COUNT(*) FROM held_record WHERE area = ?")) {
                st.setString(1, area);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Map<String, HeldRecord> heldWithPayload(String area, Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction("read held records of area '" + area + "' by source id", connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    SELECT area, source_id, record_key, reason, since, run_id, payload_hash FROM held_record
                    WHERE area = ? AND source_id = ANY(?) AND payload_hash IS NOT NULL""")) {
                st.setString(1, area);
                st.setArray(2, KeyArrays.of(connection, sourceIds));
                Map<String, HeldRecord> rows = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        HeldRecord r = row(rs);
                        rows.put(r.sourceId(), r);
                    }
                }
                return rows;
            }
        });
    }

    private static HeldRecord row(ResultSet rs) throws java.sql.SQLException {
        return new HeldRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                DbTime.get(rs, "since"), rs.getString(6), rs.getString(7));
    }

    private static void validate(HeldRecord r) {
        AreaNames.require(r.area());
        if (r.sourceId() == null || r.sourceId().isEmpty()) {
            throw new IllegalArgumentException("Held record of area '" + r.area() + "': empty source id");
        }
        if (r.reason() == null || r.reason().isBlank()) {
            throw new IllegalArgumentException("Held record " + r.sourceId() + " of area '" + r.area()
                    + "': no reason; people must be told why it is held");
        }
    }
}
