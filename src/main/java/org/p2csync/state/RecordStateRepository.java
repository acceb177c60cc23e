package org.p2csync.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The hash of the last payload written per record of one area: a record whose mapped payload hashes the same is not
 * written again. Exposed as a standard Camel {@link IdempotentRepository} whose message ids are
 * {@code <recordKey>#<hash>}; the route itself uses the bulk methods, one page at a time.
 *
 * <p>Never record a hash before the target has accepted the write: the hash is what makes a later run skip the
 * record. With the Idempotent Consumer EIP that means {@code eager: false}, so Camel adds the id only after the
 * exchange completed.
 */
public final class RecordStateRepository implements IdempotentRepository {
    /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound driver memory. */
    private static final int BATCH = 1000;
    static final int MAX_KEY_LENGTH = 512;
    static final int MAX_HASH_LENGTH = 128;

    private static final TypeReference<LinkedHashMap<String, Object>> KEY_TYPE = new TypeReference<>() {};
    private static final TypeReference<List<LinkedHashMap<String, Object>>> LINE_KEYS_TYPE = new TypeReference<>() {};
    /** Payloads read back keep their decimals exact, as they were written. */
    private static final ObjectMapper PAYLOAD_JSON =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String area;
    private final Transactions tx;
    private final Clock clock;
    private final String upsertSql;
    private final String upsertIdentitySql;
    private final ObjectMapper json = new ObjectMapper();

    RecordStateRepository(String area, Transactions tx, Dialect dialect, Clock clock) {
        this.area = AreaNames.require(area);
        this.tx = tx;
        this.clock = clock;
        this.upsertSql = dialect.upsert("record_state", List.of("area", "record_key"), List.of("hash", "updated_at"));
        this.upsertIdentitySql = dialect.upsert("record_state", List.of("area", "record_key"),
                List.of("hash", "updated_at", "source_id", "source_key", "target_key", "target_id", "written_payload",
                        "line_keys"));
    }

    public String area() {
        return area;
    }

    /** The stored hash of each given key that has one; keys never written are absent from the result. */
    public Map<String, String> hashes(Collection<String> recordKeys) {
        return storedText("hash", "record hashes", recordKeys);
    }

    /**
     * The header payload last written for each given key that has one (areas with {@code conflicts: detect} keep it);
     * keys never written, or written without a payload, are absent. One query for the whole collection.
     */
    public Map<String, Map<String, Object>> writtenPayloads(Collection<String> recordKeys) {
        Map<String, Map<String, Object>> found = new HashMap<>();
        storedText("written_payload", "written payloads", recordKeys)
                .forEach((key, text) -> found.put(key, payloadFromJson(key, text)));
        return found;
    }

    /**
     * The keys of the source-read lines last written with each given document that has them; documents written
     * without (or before this was kept) are absent. One query for the whole collection.
     */
    public Map<String, List<Map<String, Object>>> lineKeys(Collection<String> recordKeys) {
        Map<String, List<Map<String, Object>>> found = new HashMap<>();
        storedText("line_keys", "written line keys", recordKeys).forEach((key, text) -> {
            try {
                found.put(key, List.<Map<String, Object>>copyOf(json.readValue(text, LINE_KEYS_TYPE)));
            } catch (JsonProcessingException e) {
                throw new StateStoreException("Record state of area '" + area + "': stored line keys of '" + key
                        + "' are not valid JSON: " + e.getOriginalMessage(), e);
            }
        });
        return found;
    }

    /** One text column's non-null values for the given keys, in one query; {@code column} is ours, never input. */
    private Map<String, String> storedText(String column, String what, Collection<String> recordKeys) {
        if (recordKeys.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction("read " + what + " of area '" + area + "'", connection -> {
            // UNNEST first: both databases then look each key up in the primary key instead of scanning the area.
            try (PreparedStatement st = connection.prepareStatement("SELECT r.record_key, r." + column
                    + " FROM UNNEST(?) AS k(record_key) JOIN record_state r ON r.area = ? AND r.record_key = k.record_key"
                    + " WHERE r." + column + " IS NOT NULL")) {
                st.setArray(1, KeyArrays.of(connection, recordKeys));
                st.setString(2, area);
                Map<String, String> found = new HashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                }
                return found;
            }
        });
    }

    private Map<String, Object> payloadFromJson(String recordKey, String text) {
        try {
            return Collections.unmodifiableMap(PAYLOAD_JSON.readValue(text, KEY_TYPE));
        } catch (JsonProcessingException e) {
            throw new StateStoreException("Record state of area '" + area + "': stored payload of '" + recordKey
                    + "' is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Upserts the hashes of records the target has accepted, in one transaction. */
    public void record(Map<String, String> hashByRecordKey) {
        if (hashByRecordKey.isEmpty()) {
            return;
        }
        hashByRecordKey.forEach(this::validate);
        Instant now = clock.instant();
        inBatches("record " + hashByRecordKey.size() + " hashes of area '" + area + "'", upsertSql,
                hashByRecordKey.entrySet(), (st, e) -> bindUpsert(st, e.getKey(), e.getValue(), now));
    }

    /**
     * Upserts written records with their identity (source id, source key, target key), in one transaction, so that
     * other areas' lookups and this area's deletes can find them.
     */
    public void recordWritten(Collection<SyncedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        records.forEach(r -> validate(r.recordKey(), r.hash()));
        Instant now = clock.instant();
        inBatches("record " + records.size() + " written records of area '" + area + "'", upsertIdentitySql, records,
                (st, r) -> {
                    bindUpsert(st, r.recordKey(), r.hash(), now);
                    st.setString(5, r.sourceId());
                    st.setString(6, r.sourceKey());
                    st.setString(7, toJson(r.targetKey()));
                    st.setString(8, r.targetId());
                    st.setString(9, r.writtenPayload() == null ? null : toJson(r.writtenPayload()));
                    st.setString(10, r.lineKeys() == null ? null : toJson(r.lineKeys()));
                });
    }

    /** Runs one statement for every row in JDBC batches of {@link #BATCH}, all in one transaction. */
    private <T> void inBatches(String what, String sql, Collection<T> rows, RowBinder<T> binder) {
        tx.inTransaction(what, connection -> {
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                int pending = 0;
                for (T row : rows) {
                    binder.bind(st, row);
                    st.addBatch();
                    if (++pending == BATCH) {
                        st.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    st.executeBatch();
                }
            }
            return null;
        });
    }

    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedStatement st, T row) throws SQLException;
    }

    /** Of the given record keys, those whose row lacks the identity columns (written before schema version 2). */
    public Set<String> lackingIdentity(Collection<String> recordKeys) {
        if (recordKeys.isEmpty()) {
            return Set.of();
        }
        return tx.inTransaction("find records without identity in area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    SELECT r.record_key FROM UNNEST(?) AS k(record_key)
                    JOIN record_state r ON r.area = ? AND r.record_key = k.record_key
                    WHERE r.source_id IS NULL OR r.target_key IS NULL""")) {
                st.setArray(1, KeyArrays.of(connection, recordKeys));
                st.setString(2, area);
                Set<String> found = new HashSet<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                return found;
            }
        });
    }

    /**
     * The target key last written for each given reference, where a reference is a record's source id or its
     * source natural key; references never written are absent. One query for the whole collection. When a source
     * record was written under two target keys (its natural key changed), the latest write wins.
     */
    public Map<String, Map<String, Object>> targetKeysBySource(Collection<String> refs) {
        Map<String, Map<String, Object>> keys = new HashMap<>();
        targetsBySource(refs).forEach((ref, target) -> keys.put(ref, target.targetKey()));
        return keys;
    }

    /**
     * As {@link #targetKeysBySource}, with the values the target assigned to each record beside its key (null when
     * never read back). Still one query for the whole collection.
     */
    public Map<String, WrittenTarget> targetsBySource(Collection<String> refs) {
        if (refs.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction("look up target keys in area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    SELECT source_id, source_key, target_key, target_id, assigned_values, record_key FROM record_state
                    WHERE area = ? AND target_key IS NOT NULL
                        AND (source_id = ANY(?) OR source_key = ANY(?) OR target_id = ANY(?))
                    ORDER BY updated_at, record_key""")) {
                st.setString(1, area);
                st.setArray(2, KeyArrays.of(connection, refs));
                st.setArray(3, KeyArrays.of(connection, refs));
                st.setArray(4, KeyArrays.of(connection, refs));
                Set<String> wanted = new HashSet<>(refs);
                Map<String, WrittenTarget> found = new HashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String assigned = rs.getString(5);
                        WrittenTarget target = new WrittenTarget(fromJson(rs.getString(3)),
                                assigned == null ? null : payloadFromJson(rs.getString(6), assigned));
                        for (String ref : new String[] {rs.getString(1), rs.getString(2), rs.getString(4)}) {
                            if (ref != null && wanted.contains(ref)) {
                                found.put(ref, target);
                            }
                        }
                    }
                }
                return found;
            }
        });
    }

    /**
     * The source id of every record this area has written and not deleted since, with its source key (null when
     * unknown), in one query: what a complete full read of the source is compared with to find records deleted there.
     * Rows written before schema version 2 know no source id and are left out.
     */
    public Map<String, String> writtenSources() {
        return tx.inTransaction("read the written source ids of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT source_id, source_key FROM record_state WHERE area = ? AND source_id IS NOT NULL")) {
                st.setString(1, area);
                Map<String, String> found = new HashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                }
                return found;
            }
        });
    }

    /**
     * The assigned values read back for each given record key that has them ({@code {}} for a record the target did
     * not have); records never read back are absent. One query for the whole collection.
     */
    public Map<String, Map<String, Object>> assignedValues(Collection<String> recordKeys) {
        Map<String, Map<String, Object>> found = new HashMap<>();
        storedText("assigned_values", "assigned values", recordKeys)
                .forEach((key, text) -> found.put(key, payloadFromJson(key, text)));
        return found;
    }

    /**
     * Keeps the values read back from the target per record key, replacing what was kept; records without a row (never
     * written) are left alone. One transaction.
     */
    public void recordAssigned(Map<String, Map<String, Object>> valuesByRecordKey) {
        if (valuesByRecordKey.isEmpty()) {
            return;
        }
        inBatches("record assigned values of " + valuesByRecordKey.size() + " records of area '" + area + "'",
                "UPDATE record_state SET assigned_values = ? WHERE area = ? AND record_key = ?",
                valuesByRecordKey.entrySet(), (st, e) -> {
                    st.setString(1, toJson(e.getValue()));
                    st.setString(2, area);
                    st.setString(3, e.getKey());
                });
    }

    /**
     * Up to {@code limit} written records whose assigned values were never read back (written before the mapping named
     * them, or before this was kept), record key to target key, in record-key order.
     */
    public Map<String, Map<String, Object>> notReadBack(int limit) {
        return tx.inTransaction("find records of area '" + area + "' not read back", connection -> {
            try (PreparedStatement st = connection.prepareStatement("""
                    SELECT record_key, target_key FROM record_state
                    WHERE area = ? AND assigned_values IS NULL AND target_key IS NOT NULL
                    ORDER BY record_key LIMIT ?""")) {
                st.setString(1, area);
                st.setInt(2, limit);
                Map<String, Map<String, Object>> found = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), fromJson(rs.getString(2)));
                    }
                }
                return found;
            }
        });
    }

    public Optional<String> hash(String recordKey) {
        return Optional.ofNullable(hashes(List.of(recordKey)).get(recordKey));
    }

    /** True when the stored hash of the id's record equals the id's hash. */
    @Override
    public boolean contains(String messageId) {
        MessageId id = MessageId.parse(messageId);
        return hash(id.recordKey()).map(id.hash()::equals).orElse(false);
    }

    /** Stores the id's hash for its record; true when it was absent or different (so the message is new). */
    @Override
    public boolean add(String messageId) {
        MessageId id = MessageId.parse(messageId);
        validate(id.recordKey(), id.hash());
        return tx.inTransaction("record the hash of '" + id.recordKey() + "' in area '" + area + "'", connection -> {
            if (id.hash().equals(storedHash(connection, id.recordKey()))) {
                return false;
            }
            try (PreparedStatement st = connection.prepareStatement(upsertSql)) {
                bindUpsert(st, id.recordKey(), id.hash(), clock.instant());
                st.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Undoes {@link #add}: forgets the record only while its stored hash is the id's hash. Camel calls this when an
     * exchange fails; with {@code eager: false} the failed payload's hash was never added, so the hash of the last
     * accepted write must survive.
     */
    @Override
    public boolean remove(String messageId) {
        MessageId id = MessageId.parse(messageId);
        return delete("remove '" + messageId + "' from area '" + area + "'",
                "DELETE FROM record_state WHERE area = ? AND record_key = ? AND hash = ?",
                id.recordKey(), id.hash());
    }

    /** Forgets a record whatever its hash, so the next run writes it again (a replay). */
    public boolean forget(String recordKey) {
        return delete("forget '" + recordKey + "' in area '" + area + "'",
                "DELETE FROM record_state WHERE area = ? AND record_key = ?", recordKey);
    }

    private boolean delete(String what, String sql, String... parameters) {
        return tx.inTransaction(what, connection -> {
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                st.setString(1, area);
                for (int i = 0; i < parameters.length; i++) {
                    st.setString(i + 2, parameters[i]);
                }
                return st.executeUpdate() > 0;
            }
        });
    }

    /** Hashes are recorded only after the target accepted the write, so there is nothing left to confirm. */
    @Override
    public boolean confirm(String messageId) {
        return true;
    }

    /** Forgets every record of the area, so the next run writes them all again. */
    @Override
    public void clear() {
        tx.inTransaction("clear record state of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement("DELETE FROM record_state WHERE area = ?")) {
                st.setString(1, area);
                return st.executeUpdate();
            }
        });
    }

    /** The connection pool belongs to the {@link StateStore}; Camel starting or stopping a route changes nothing. */
    @Override
    public void start() {}

    @Override
    public void stop() {}

    private String storedHash(Connection connection, String recordKey) throws SQLException {
        try (PreparedStatement st =
                connection.prepareStatement("SELECT hash FROM record_state WHERE area = ? AND record_key = ?")) {
            st.setString(1, area);
            st.setString(2, recordKey);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private void bindUpsert(PreparedStatement st, String recordKey, String hash, Instant now) throws SQLException {
        st.setString(1, area);
        st.setString(2, recordKey);
        st.setString(3, hash);
        DbTime.set(st, 4, now);
    }

    private void validate(String recordKey, String hash) {
        if (recordKey == null || recordKey.isEmpty()) {
            throw new IllegalArgumentException("Record state of area '" + area + "': empty record key");
        }
        if (recordKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Record state of area '" + area + "': record key '"
                    + recordKey.substring(0, 40) + "...' has " + recordKey.length() + " characters, at most "
                    + MAX_KEY_LENGTH + " allowed");
        }
        if (hash == null || hash.isEmpty() || hash.length() > MAX_HASH_LENGTH) {
            throw new IllegalArgumentException("Record state of area '" + area + "': record key '" + recordKey
                    + "' has an invalid hash '" + hash + "' (1 to " + MAX_HASH_LENGTH + " characters)");
        }
    }

    private String toJson(Object targetKey) {
        try {
            return json.writeValueAsString(targetKey);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Record state of area '" + area + "': target key " + targetKey
                    + " (or written payload) is not JSON-serialisable", e);
        }
    }

    private Map<String, Object> fromJson(String text) {
        try {
            return Collections.unmodifiableMap(json.readValue(text, KEY_TYPE));
        } catch (JsonProcessingException e) {
            throw new StateStoreException("Record state of area '" + area + "': stored target key '" + text
                    + "' is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** An idempotent message id: the record key, '#', the payload hash. Keys may contain '#'; hashes are hex. */
    record MessageId(String recordKey, String hash) {
        static MessageId parse(String messageId) {
            int split = messageId == null ? -1 : messageId.lastIndexOf('#');
            if (split <= 0 || split == messageId.length() - 1) {
                throw new IllegalArgumentException(
                        "Idempotent message id '" + messageId + "' is not of the form <recordKey>#<hash>");
            }
            return new MessageId(messageId.substring(0, split), messageId.substring(split + 1));
        }
    }
}
