package org.p2csync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The pending table in the state database. */
final class JdbcPendingStore implements PendingStore {
    private final Transactions tx;
    private final Clock clock;

    JdbcPendingStore(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void waiting(Collection<PendingRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        records.forEach(r -> {
            AreaNames.require(r.area());
            if (r.sourceId() == null || r.sourceId().isEmpty()) {
                throw new IllegalArgumentException("Pending record of area '" + r.area() + "': empty source id");
            }
        });
        Instant now = clock.instant();
        String area = records.iterator().next().area();
        tx.inTransaction("record " + records.size() + " waiting records of area '" + area + "'", connection -> {
            // Update first so attempts count up and first_seen stays; insert what was not there. Waiting records are
            // few per page, so two small statements each cost little.
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE pending_record SET source_key = ?, reason = ?, last_seen = ?, attempts = attempts + 1
                    WHERE area = ? AND source_id = ?""");
                    PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO pending_record (area, source_id, source_key, reason, first_seen, last_seen, attempts)
                    VALUES (?, ?, ?, ?, ?, ?, 1)""")) {
                for (PendingRecord r : records) {
                    update.setString(1, r.sourceKey());
                    update.setString(2, r.reason());
                    DbTime.set(update, 3, now);
                    update.setString(4, r.area());
                    update.setString(5, r.sourceId());
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, r.area());
                        insert.setString(2, r.sourceId());
                        insert.setString(3, r.sourceKey());
                        insert.setString(4, r.reason());
                        DbTime.set(insert, 5, now);
                        DbTime.set(insert, 6, now);
                        insert.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void resolve(String area, Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return;
        }
        tx.inTransaction("resolve " + sourceIds.size() + " waiting records of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "DELETE FROM pending_record WHERE area = ? AND source_id = ANY(?)")) {
                st.setString(1, area);
                st.setArray(2, KeyArrays.of(connection, sourceIds));
                return st.executeUpdate();
            }
        });
    }

    @Override
    public void dropped(String area, Collection<String> sourceIds) {
        resolve(area, sourceIds);
    }

    @Override
    public List<String> pending(String area, int limit) {
        return list(area, limit).stream().map(PendingRecord::sourceId).toList();
    }

    @Override
    public List<PendingRecord> list(String area, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(
                    "Pending records of area '" + area + "': limit must be at least 1, was " + limit);
        }
        return tx.inTransaction("read waiting records of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    SELECT area, source_id, source_key, reason, first_seen, last_seen, attempts FROM pending_record
                    WHERE area = ? ORDER BY first_seen, source_id LIMIT ?""")) {
                st.setString(1, area);
                st.setInt(2, limit);
                List<PendingRecord> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new PendingRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), DbTime.get(rs, "first_seen"), DbTime.get(rs, "last_seen"),
                                rs.getInt(7)));
                    }
                }
                return rows;
            }
        });
    }

    @Override
    public long count(String area) {
        return tx.inTransaction("count waiting records of area '" + area + "'", connection -> {
            try (PreparedStatement st =
                    connection.prepareStatement("SELECT COUNT(*) FROM pending_record WHERE area = ?")) {
                st.setString(1, area);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public java.util.Map<String, Integer> attempts(String area, Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return java.util.Map.of();
        }
        return tx.inTransaction("read attempts of waiting records of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT source_id, attempts FROM pending_record WHERE area = ? AND source_id = ANY(?)")) {
                st.setString(1, area);
                st.setArray(2, KeyArrays.of(connection, sourceIds));
                java.util.Map<String, Integer> found = new java.util.HashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getInt(2));
                    }
                }
                return found;
            }
        });
    }
}
