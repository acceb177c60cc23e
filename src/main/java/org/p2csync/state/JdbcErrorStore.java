package org.p2csync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The error store in the state database; an error is open until a later run writes its record. */
final class JdbcErrorStore implements ErrorStore {
    private static final String INSERT = """
            INSERT INTO sync_error (run_id, area, record_key, stage, reason, payload, created_at, source_id,
                source_fingerprint)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Transactions tx;
    private final Clock clock;

    JdbcErrorStore(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void record(String runId, String area, String recordKey, String stage, String reason, String payload) {
        recordAll(List.of(ErrorRow.of(runId, area, recordKey, stage, reason, payload)));
    }

    @Override
    public void recordAll(List<ErrorRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        rows.forEach(JdbcErrorStore::validate);
        Instant now = clock.instant();
        tx.inTransaction("record " + rows.size() + " errors of area '" + rows.get(0).area() + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement(INSERT)) {
                for (ErrorRow row : rows) {
                    st.setString(1, row.runId());
                    st.setString(2, row.area());
                    st.setString(3, row.recordKey());
                    st.setString(4, row.stage());
                    st.setString(5, row.reason());
                    st.setString(6, row.payload());
                    DbTime.set(st, 7, row.createdAt() == null ? now : row.createdAt());
                    st.setString(8, row.sourceId());
                    st.setString(9, row.sourceFingerprint());
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<ErrorRow> open(String area, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(
                    "Open errors of area '" + area + "': limit must be at least 1, was " + limit);
        }
        return tx.inTransaction("read open errors of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    SELECT id, run_id, area, record_key, stage, reason, payload, created_at, source_id,
                        source_fingerprint
                    FROM sync_error WHERE area = ? AND resolved_at IS NULL ORDER BY id LIMIT ?""")) {
                st.setString(1, area);
                st.setInt(2, limit);
                List<ErrorRow> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new ErrorRow(
                                rs.getLong("id"),
                                rs.getString("run_id"),
                                rs.getString("area"),
                                rs.getString("record_key"),
                                rs.getString("stage"),
                                rs.getString("reason"),
                                rs.getString("payload"),
                                DbTime.get(rs, "created_at"),
                                rs.getString("source_id"),
                                rs.getString("source_fingerprint")));
                    }
                }
                return rows;
            }
        });
    }

    @Override
    public Map<String, String> stillFailing(String area, Collection<String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction("read fingerprints of failed records of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    SELECT e.source_id, e.source_fingerprint FROM sync_error e
                    WHERE e.area = ? AND e.resolved_at IS NULL AND e.source_id = ANY(?)
                        AND NOT EXISTS (SELECT 1 FROM pending_record p
                                        WHERE p.area = e.area AND p.source_id = e.source_id)
                    ORDER BY e.id""")) {
                st.setString(1, area);
                st.setArray(2, KeyArrays.of(connection, sourceIds));
                // in id order, so the latest error of a record is the one kept: it says how the record failed last
                Map<String, String> latest = new HashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        latest.put(rs.getString(1), rs.getString(2));
                    }
                }
                latest.values().removeIf(Objects::isNull);
                return latest;
            }
        });
    }

    @Override
    public void resolve(String area, Collection<String> recordKeys) {
        if (recordKeys.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        tx.inTransaction("resolve errors of " + recordKeys.size() + " records of area '" + area + "'", connection -> {
            // = ANY only checks the area's open errors, which stay few; no IN list that H2 would test row by row.
            try (PreparedStatement st = connection.prepareStatement("""
                    UPDATE sync_error SET resolved_at = ?
                    WHERE area = ? AND resolved_at IS NULL AND record_key = ANY(?)""")) {
                DbTime.set(st, 1, now);
                st.setString(2, area);
                st.setArray(3, KeyArrays.of(connection, recordKeys));
                return st.executeUpdate();
            }
        });
    }

    @Override
    public long countOpen(String area) {
        return tx.inTransaction("count open errors of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT COUNT(*) FROM sync_error WHERE area = ? AND resolved_at IS NULL")) {
                st.setString(1, area);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public long failedRecordsSince(String area, Instant since) {
        return tx.inTransaction("count failed records of area '" + area + "' since " + since, connection -> {
            // an error without a record key (a page that could not be read) counts as one record of its own
            try (PreparedStatement st = connection.prepareStatement("""
                    SELECT COUNT(DISTINCT COALESCE(record_key, CONCAT('#', CAST(id AS VARCHAR(20)))))
                    FROM sync_error WHERE area = ? AND created_at >= ?""")) {
                st.setString(1, area);
                DbTime.set(st, 2, since);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static void validate(ErrorRow row) {
        AreaNames.require(row.area());
        if (row.recordKey() != null && row.recordKey().length() > RecordStateRepository.MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Error of area '" + row.area() + "': record key of "
                    + row.recordKey().length() + " characters, at most " + RecordStateRepository.MAX_KEY_LENGTH);
        }
        if (row.sourceFingerprint() != null
                && row.sourceFingerprint().length() > RecordStateRepository.MAX_HASH_LENGTH) {
            throw new IllegalArgumentException("Error of area '" + row.area() + "', record '" + row.recordKey()
                    + "': source fingerprint of " + row.sourceFingerprint().length() + " characters, at most "
                    + RecordStateRepository.MAX_HASH_LENGTH);
        }
    }
}
