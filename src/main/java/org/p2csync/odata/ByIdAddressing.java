package org.p2csync.odata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.p2csync.sync.BindReference;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.Guids;
import org.p2csync.sync.TargetRecord;

/**
 * Dataverse refuses alternate-key values with {@code / < > * % & : \ ? +} (and, reports say, {@code #}) in a URL,
 * encoded or not (REAL-SERVICES.md Dataverse 3): a record with such a key value is addressed by its id instead. A
 * write by such a key becomes a write by id ({@code accounts(<id>)}, the key columns in the body), a bind to such a
 * key a bind by id. The ids are found with a {@code $filter} on the key columns: one GET per entity set and
 * {@link KeyedReader#CHUNK} keys for a whole batch; records and binds without such values cost no request at all.
 *
 * <p>A record the target does not have yet is created by a PATCH of an id p2c-sync chooses (Dataverse's upsert by
 * primary key creates; a client may choose the id, REAL-SERVICES.md Dataverse 4): the payload's own id when the
 * mapping gives one (a known id such as {@code productid}), else a name-based UUID of the entity set and the key
 * values. Either is the same on every try, so a create whose answer was lost and its retry, or two instances writing
 * at once, address one record, never create two. Not found, a delete is done already and an update-only write fails
 * as not existing, as by key; a bind whose key finds no record fails the record as a 404, as Dataverse answers a bind
 * to a missing record (p2c-sync's own missing-reference path, waiting records, runs before any write and is untouched).
 */
final class ByIdAddressing {
    /** The characters Dataverse refuses in a key value of a URL: the documented list and '#'. */
    static final String FORBIDDEN = "/<>*%&:\\?+#";
    private static final String BIND = "@odata.bind";
    private static final int PAGE_SIZE = 5000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ByIdAddressing.class);

    /**
     * The records as they go to the target, by position; those settled without a write have their result here
     * instead (and their place in {@code records} holds the record unchanged).
     */
    record Prepared(List<TargetRecord> records, Map<Integer, WriteResult> settled) {
        Prepared {
            records = List.copyOf(records);
            settled = Map.copyOf(settled);
        }
    }

    /** A record of an entity set named by one of its keys, to be found by $filter. */
    private record Lookup(String entitySet, Map<String, Object> key) {}

    private final ODataClient client;
    private final String area;

    ByIdAddressing(ODataClient client, String area) {
        this.client = client;
        this.area = area;
    }

    /** True when a key value cannot travel in a Dataverse URL. */
    static boolean unsafe(Object value) {
        if (!(value instanceof String text) || Guids.isGuid(text)) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (FORBIDDEN.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean unsafeKey(TargetRecord record) {
        return record.key().values().stream().anyMatch(ByIdAddressing::unsafe);
    }

    /**
     * The records with every key and bind that cannot travel in a URL turned into an id: no request when there is
     * none, else one GET per entity set and {@link KeyedReader#CHUNK} such keys.
     *
     * @throws ODataException when a lookup fails for good
     */
    Prepared prepare(String defaultSet, List<TargetRecord> records) {
        Set<Lookup> wanted = new LinkedHashSet<>();
        for (TargetRecord record : records) {
            collect(record, defaultSet, wanted);
            record.lines().forEach(line -> collect(line, defaultSet, wanted));
        }
        if (wanted.isEmpty()) {
            return new Prepared(records, Map.of());
        }
        Resolved resolved = resolve(wanted);
        List<TargetRecord> prepared = new ArrayList<>(records.size());
        Map<Integer, WriteResult> settled = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            TargetRecord record = records.get(i);
            Outcome header = address(record, defaultSet, resolved);
            if (header.settled() != null) {
                settled.put(i, header.settled());
                prepared.add(record);
                continue;
            }
            List<TargetRecord> lines = new ArrayList<>(record.lines().size());
            WriteResult failedLine = null;
            for (TargetRecord line : record.lines()) {
                Outcome outcome = address(line, defaultSet, resolved);
                if (outcome.settled() != null && !outcome.settled().isSuccess()) {
                    String set = line.entitySet() != null ? line.entitySet() : defaultSet;
                    failedLine = new WriteResult(outcome.settled().status(),
                            "line " + set + " " + line.keyString() + ": " + outcome.settled().message());
                    break;
                }
                if (outcome.record() != null) {
                    lines.add(outcome.record()); // a line delete whose key finds nothing is gone already: dropped
                }
            }
            if (failedLine != null) {
                settled.put(i, failedLine);
                prepared.add(record);
            } else {
                prepared.add(header.record().withLines(lines));
            }
        }
        return new Prepared(prepared, settled);
    }

    private void collect(TargetRecord record, String defaultSet, Set<Lookup> wanted) {
        String set = record.entitySet() != null ? record.entitySet() : defaultSet;
        if (unsafeKey(record)) {
            wanted.add(new Lookup(set, record.key()));
        }
        if (record.operation() == TargetRecord.Operation.DELETE) {
            return;
        }
        record.payload().forEach((field, value) -> {
            if (field.endsWith(BIND)) {
                BindReference.byKey(value).filter(ref -> unsafe(ref.value())).ifPresent(ref ->
                        wanted.add(new Lookup(ref.entitySet(), Map.of(ref.keyField(), ref.value()))));
            }
        });
    }

    /** A record to send (null: nothing to send) or a result reached without sending it. */
    private record Outcome(TargetRecord record, WriteResult settled) {}

    private Outcome address(TargetRecord record, String defaultSet, Resolved resolved) {
        String set = record.entitySet() != null ? record.entitySet() : defaultSet;
        Map<String, Object> payload = new LinkedHashMap<>(record.payload());
        if (record.operation() != TargetRecord.Operation.DELETE) {
            for (Map.Entry<String, Object> field : record.payload().entrySet()) {
                Optional<BindReference.ByKey> ref = BindReference.byKey(field.getValue())
                        .filter(r -> unsafe(r.value()));
                if (ref.isEmpty()) {
                    continue;
                }
                Lookup lookup = new Lookup(ref.get().entitySet(), Map.of(ref.get().keyField(), ref.get().value()));
                if (!resolved.addressable(lookup)) {
                    continue; // no primary key known: sent as it is, and the service says what it thinks of it
                }
                String id = resolved.ids().get(lookup);
                if (id == null) {
                    return new Outcome(null, new WriteResult(404, field.getKey() + ": no " + ref.get().entitySet()
                            + " record has " + ref.get().keyField() + " '" + ref.get().value() + "' (found by $filter:"
                            + " such a value cannot travel in a Dataverse URL)"));
                }
                payload.put(field.getKey(), BindReference.of(ref.get().entitySet(), null, id));
            }
        }
        TargetRecord bound = new TargetRecord(record.entitySet(), record.key(), payload, record.lines(),
                record.operation(), record.recordKey(), record.neverWritten());
        Lookup own = new Lookup(set, record.key());
        if (!unsafeKey(record) || !resolved.addressable(own)) {
            return new Outcome(bound, null);
        }
        String primary = resolved.primaryKeys().get(set);
        String id = resolved.ids().get(own);
        if (id == null) {
            switch (record.operation()) {
                case DELETE:
                    return new Outcome(null, new WriteResult(204, ""));
                case UPDATE:
                    return new Outcome(null, new WriteResult(404, set + KeyPredicate.readable(record.key(),
                            Dialect.DATAVERSE) + " does not exist; target write: update never creates"));
                default:
                    id = chosenId(set, record, primary);
            }
        }
        return new Outcome(byId(bound, primary, id), null);
    }

    /**
     * The record addressed by {@code id}: its key the primary id, its alternate-key columns in the body (they are no
     * longer in the URL). A lookup column of the key ({@code _salesorderid_value}) is no writable property: its bind
     * in the payload carries it. The payload's own primary id goes: the URL has it.
     */
    private static TargetRecord byId(TargetRecord record, String primary, String id) {
        Map<String, Object> payload = new LinkedHashMap<>(record.payload());
        payload.remove(primary);
        record.key().forEach((field, value) -> {
            if (field.startsWith("_") && field.endsWith("_value")) {
                payload.remove(field);
            } else {
                payload.put(field, value);
            }
        });
        return new TargetRecord(record.entitySet(), Map.of(primary, id), payload, record.lines(), record.operation(),
                record.recordKey(), record.neverWritten());
    }

    /** The id of a record to create: the mapping's known id when it gives one, else the same UUID on every try. */
    private static String chosenId(String set, TargetRecord record, String primary) {
        Object own = record.payload().get(primary);
        if (Guids.isGuid(own)) {
            return own.toString().toLowerCase(java.util.Locale.ROOT);
        }
        String name = "p2c-sync:" + set + KeyPredicate.readable(record.key(), Dialect.DATAVERSE);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** What the lookups found: ids by lookup, and the primary key of every set that has one. */
    private record Resolved(Map<Lookup, String> ids, Map<String, String> primaryKeys) {
        boolean addressable(Lookup lookup) {
            return primaryKeys.containsKey(lookup.entitySet());
        }
    }

    private Resolved resolve(Set<Lookup> wanted) {
        Map<List<Object>, List<Lookup>> groups = new LinkedHashMap<>();
        for (Lookup lookup : wanted) {
            groups.computeIfAbsent(List.of(lookup.entitySet(), List.copyOf(lookup.key().keySet())),
                    g -> new ArrayList<>()).add(lookup);
        }
        Map<Lookup, String> ids = new HashMap<>();
        Map<String, String> primaryKeys = new HashMap<>();
        for (List<Lookup> group : groups.values()) {
            String set = group.get(0).entitySet();
            Optional<String> primary = client.entitySetInfo(set).map(EntitySetInfo::keys)
                    .filter(keys -> keys.size() == 1).map(keys -> keys.get(0));
            if (primary.isEmpty()) {
                LOG.warn("{}: the $metadata names no primary key for {}: {} record(s) whose key cannot travel in a URL"
                        + " are sent by key all the same", area, set, group.size());
                continue;
            }
            primaryKeys.put(set, primary.get());
            KeyedReader reader = new KeyedReader(client, area, set, false, PAGE_SIZE);
            for (int from = 0; from < group.size(); from += KeyedReader.CHUNK) {
                List<Lookup> chunk = group.subList(from, Math.min(group.size(), from + KeyedReader.CHUNK));
                List<Map<String, Object>> rows =
                        reader.readChunk(chunk.stream().map(Lookup::key).toList(), List.of(primary.get()));
                for (int i = 0; i < chunk.size(); i++) {
                    Map<String, Object> row = rows.get(i);
                    if (row != null && Guids.isGuid(row.get(primary.get()))) {
                        ids.put(chunk.get(i), row.get(primary.get()).toString());
                    }
                }
            }
        }
        return new Resolved(ids, primaryKeys);
    }
}
