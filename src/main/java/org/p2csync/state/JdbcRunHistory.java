package org.p2csync.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.p2csync.sync.Outcome;
import org.p2csync.sync.RunCounts;

/** Run history in the state database; the request counts per system are kept as a small JSON object. */
final class JdbcRunHistory implements RunHistory {
    private static final TypeReference<Map<String, Long>> REQUESTS = new TypeReference<>() {};

    private final Transactions tx;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    JdbcRunHistory(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String start(String area) {
        AreaNames.require(area);
        String runId = UUID.randomUUID().toString();
        tx.inTransaction("start a run of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    INSERT INTO sync_run (run_id, area, started_at, outcome, read_count, filtered_count,
                        unchanged_count, written_count, failed_count, waiting_count, requests)
                    VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, '{}')""")) {
                st.setString(1, runId);
                st.setString(2, area);
                DbTime.set(st, 3, clock.instant());
                st.setString(4, RunRecord.RUNNING);
                return st.executeUpdate();
            }
        });
        return runId;
    }

    @Override
    public void finish(String runId, RunCounts counts, Map<String, Long> requestsBySystem, Outcome outcome) {
        String requests = toJson(requestsBySystem);
        int updated = tx.inTransaction("finish run " + runId, connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    UPDATE sync_run SET finished_at = ?, outcome = ?, read_count = ?, filtered_count = ?,
                        unchanged_count = ?, written_count = ?, failed_count = ?, waiting_count = ?, requests = ?,
                        conflict_count = ?, held_count = ?, still_failing_count = ?
                    WHERE run_id = ?""")) {
                DbTime.set(st, 1, clock.instant());
                st.setString(2, outcome.name());
                st.setLong(3, counts.read());
                st.setLong(4, counts.filtered());
                st.setLong(5, counts.unchanged());
                st.setLong(6, counts.written());
                st.setLong(7, counts.failed());
                st.setLong(8, counts.waiting());
                st.setString(9, requests);
                st.setLong(10, counts.conflicts());
                st.setLong(11, counts.held());
                st.setLong(12, counts.stillFailing());
                st.setString(13, runId);
                return st.executeUpdate();
            }
        });
        if (updated == 0) {
            throw new IllegalArgumentException("Cannot finish run '" + runId + "': no such run was started");
        }
        durable();
    }

    /**
     * An H2 file writes committed changes to disk in the background, within its write delay: a finished run is
     * flushed at once, so a kill right after the run logged its outcome loses nothing of it. (WRITE_DELAY=0 would do
     * it for every commit, but a file killed and reopened under it was found corrupted by its next opener.)
     */
    private void durable() {
        tx.inTransaction("flush the finished run to disk", connection -> {
            if (connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
                try (var st = connection.createStatement()) {
                    st.execute("CHECKPOINT");
                }
            }
            return null;
        });
    }

    @Override
    public int abandonRunning() {
        return tx.inTransaction("mark runs left Running as Abandoned", connection -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "UPDATE sync_run SET outcome = ? WHERE outcome = ?")) {
                st.setString(1, RunRecord.ABANDONED);
                st.setString(2, RunRecord.RUNNING);
                return st.executeUpdate();
            }
        });
    }

    @Override
    public List<RunRecord> recent(String area, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(
                    "Recent runs of area '" + area + "': limit must be at least 1, was " + limit);
        }
        return tx.inTransaction("read recent runs of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT * FROM sync_run WHERE area = ? ORDER BY started_at DESC, run_id LIMIT ?")) {
                st.setString(1, area);
                st.setInt(2, limit);
                List<RunRecord> runs = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        runs.add(toRecord(rs));
                    }
                }
                return runs;
            }
        });
    }

    @Override
    public int purgeOlderThan(Duration age) {
        Instant cutoff = clock.instant().minus(age);
        return tx.inTransaction("purge runs older than " + age, connection -> {
            try (PreparedStatement conflicts = connection.prepareStatement(
                            "DELETE FROM sync_conflict WHERE detected_at < ?");
                    PreparedStatement errors = connection.prepareStatement(
                            "DELETE FROM sync_error WHERE created_at < ? AND resolved_at IS NOT NULL");
                    PreparedStatement runs = connection.prepareStatement("DELETE FROM sync_run WHERE started_at < ?")) {
                DbTime.set(conflicts, 1, cutoff);
                conflicts.executeUpdate();
                DbTime.set(errors, 1, cutoff);
                errors.executeUpdate();
                DbTime.set(runs, 1, cutoff);
                return runs.executeUpdate();
            }
        });
    }

    private RunRecord toRecord(ResultSet rs) throws SQLException {
        RunCounts counts = new RunCounts(
                rs.getLong("read_count"),
                rs.getLong("filtered_count"),
                rs.getLong("unchanged_count"),
                rs.getLong("written_count"),
                rs.getLong("failed_count"),
                rs.getLong("waiting_count"),
                rs.getLong("conflict_count"),
                rs.getLong("held_count"),
                rs.getLong("still_failing_count"));
        String runId = rs.getString("run_id");
        return new RunRecord(
                runId,
                rs.getString("area"),
                DbTime.get(rs, "started_at"),
                DbTime.get(rs, "finished_at"),
                counts,
                fromJson(runId, rs.getString("requests")),
                rs.getString("outcome"));
    }

    private String toJson(Map<String, Long> requestsBySystem) {
        try {
            return json.writeValueAsString(new TreeMap<>(requestsBySystem));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Request counts cannot be stored: " + requestsBySystem, e);
        }
    }

    private Map<String, Long> fromJson(String runId, String text) {
        try {
            return json.readValue(text, REQUESTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Run " + runId + " has unreadable request counts: " + text, e);
        }
    }
}
