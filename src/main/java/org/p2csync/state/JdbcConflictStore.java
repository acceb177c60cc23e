package org.p2csync.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.p2csync.sync.Conflict;

/** Conflicts in the state database; the fields of one conflict are kept as a small JSON array. */
final class JdbcConflictStore implements ConflictStore {
    private static final TypeReference<List<Map<String, Object>>> FIELDS = new TypeReference<>() {};

    private final Transactions tx;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    JdbcConflictStore(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void record(String runId, String area, List<Conflict> conflicts) {
        AreaNames.require(area);
        if (conflicts.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        tx.inTransaction("record " + conflicts.size() + " conflicts of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    INSERT INTO sync_conflict (run_id, area, record_key, target_key, detected_at, fields)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (Conflict conflict : conflicts) {
                    st.setString(1, runId);
                    st.setString(2, area);
                    st.setString(3, limit(conflict.recordKey()));
                    st.setString(4, limit(conflict.targetKey()));
                    DbTime.set(st, 5, now);
                    st.setString(6, toJson(area, conflict));
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<ConflictRow> recent(String area, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(
                    "Recent conflicts of area '" + area + "': limit must be at least 1, was " + limit);
        }
        return query("read recent conflicts of area '" + area + "'",
                "SELECT * FROM sync_conflict WHERE area = ? ORDER BY id DESC LIMIT " + limit, area);
    }

    @Override
    public List<ConflictRow> ofRun(String runId) {
        return query("read the conflicts of run " + runId,
                "SELECT * FROM sync_conflict WHERE run_id = ? ORDER BY id", runId);
    }

    private List<ConflictRow> query(String what, String sql, String parameter) {
        return tx.inTransaction(what, connection -> {
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                st.setString(1, parameter);
                List<ConflictRow> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(toRow(rs));
                    }
                }
                return rows;
            }
        });
    }

    private ConflictRow toRow(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Conflict.Field> fields = new ArrayList<>();
        try {
            for (Map<String, Object> f : json.readValue(rs.getString("fields"), FIELDS)) {
                fields.add(new Conflict.Field(String.valueOf(f.get("field")), f.get("lastWritten"), f.get("found"),
                        f.get("written")));
            }
        } catch (JsonProcessingException e) {
            throw new StateStoreException("Conflict " + id + " has unreadable fields: " + e.getOriginalMessage(), e);
        }
        return new ConflictRow(id, rs.getString("run_id"), rs.getString("area"), rs.getString("record_key"),
                rs.getString("target_key"), DbTime.get(rs, "detected_at"), fields);
    }

    private String toJson(String area, Conflict conflict) {
        try {
            return json.writeValueAsString(conflict.fields().stream().map(Conflict.Field::asMap).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Conflict of record '" + conflict.recordKey() + "' in area '" + area
                    + "' cannot be stored: " + e.getOriginalMessage(), e);
        }
    }

    /** Keys are bounded like the record state's; a longer one is cut rather than losing the conflict. */
    private static String limit(String key) {
        return key == null || key.length() <= RecordStateRepository.MAX_KEY_LENGTH ? key
                : key.substring(0, RecordStateRepository.MAX_KEY_LENGTH);
    }
}
