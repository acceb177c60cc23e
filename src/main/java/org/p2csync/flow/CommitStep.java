package org.p2csync.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2csync.state.ErrorRow;
import org.p2csync.state.ErrorStore;
import org.p2csync.state.HeldStore;
import org.p2csync.state.PendingRecord;
import org.p2csync.state.PendingStore;
import org.p2csync.state.RecordStateRepository;
import org.p2csync.state.SyncedRecord;
import org.p2csync.sync.Batch;
import org.p2csync.sync.CursorStore;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.RunCounts;
import org.p2csync.sync.TargetRecord;

/**
 * The last stage of a page, after the target accepted its writes: record the hashes of what was written, then the
 * waiting and held records and the errors, then advance the cursor. In that order a crash anywhere repeats some
 * upserts (harmless) and loses none. Held documents get no hash: nothing of them was written.
 */
final class CommitStep implements BatchStep {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommitStep.class);
    private final RecordStateRepository recordState;
    private final ErrorStore errors;
    private final PendingStore pending;
    private final CursorStore cursors;
    private final RunLedger ledger;
    private final String targetIdField;
    private final String linesTarget;
    private final ObjectMapper json;
    private final ConflictRecorder conflicts;
    private final HeldRecorder held;
    private final SourceFingerprint fingerprints;
    private final WaitingLimit waitingLimit;

    /**
     * @param targetIdField the target field holding the written record's own id (mapping {@code target.id}), or null
     * @param linesTarget the target entity set of source-read document lines (their keys are kept, so lines gone
     *     from the source are deleted with the next write), or null
     * @param conflicts for an area with {@code conflicts: detect}: keeps written payloads and records conflicts
     * @param held the area's held documents (a line its mapping's require refuses): recorded, and released once
     *     found otherwise
     * @param fingerprints what a failed record's error keeps of its source row, so that a full read that finds the
     *     row unchanged does not map it again
     */
    CommitStep(RecordStateRepository recordState, ErrorStore errors, PendingStore pending, CursorStore cursors,
            RunLedger ledger, ObjectMapper json, String targetIdField, String linesTarget, ConflictRecorder conflicts,
            HeldStore held, SourceFingerprint fingerprints) {
        this(recordState, errors, pending, cursors, ledger, json, targetIdField, linesTarget, conflicts, held,
                fingerprints, WaitingLimit.DEFAULT_MAX_ATTEMPTS);
    }

    /** @param maxWaitingAttempts runs a record waits for its reference before it fails ({@link WaitingLimit}) */
    CommitStep(RecordStateRepository recordState, ErrorStore errors, PendingStore pending, CursorStore cursors,
            RunLedger ledger, ObjectMapper json, String targetIdField, String linesTarget, ConflictRecorder conflicts,
            HeldStore held, SourceFingerprint fingerprints, int maxWaitingAttempts) {
        this.waitingLimit = new WaitingLimit(pending, maxWaitingAttempts);
        this.held = new HeldRecorder(held);
        this.fingerprints = fingerprints;
        this.targetIdField = targetIdField;
        this.linesTarget = linesTarget;
        this.conflicts = conflicts;
        this.recordState = recordState;
        this.errors = errors;
        this.pending = pending;
        this.cursors = cursors;
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    public Batch apply(Batch page) {
        Batch batch = waitingLimit.apply(page);
        recordWritten(batch);
        // after the rows of the records just written exist; a crash before leaves them unread, read back next time
        recordState.recordAssigned(batch.readBack().found());
        // after the payloads they were compared against are replaced: a crash before repeats the write, not the conflict
        conflicts.record(batch);
        recordWaiting(batch);
        held.record(batch);
        List<ErrorRow> failed = batch.items().stream()
                .filter(i -> i.status() == ItemStatus.FAILED)
                .map(i -> ErrorRow.of(batch.runId(), batch.area(), i.displayKey(), i.stage(), i.reason(), payloadOf(i))
                        .withSourceId(i.sourceId())
                        .withSourceFingerprint(fingerprints.ofFailure(i)))
                .toList();
        if (!failed.isEmpty()) {
            errors.recordAll(failed);
            failed.forEach(CommitStep::warn);
        }
        List<String> healed = batch.items().stream()
                // a held record's old error no longer applies: it is not to be written at all now; a record still
                // failing keeps its error open (it was not even mapped)
                .filter(i -> i.status() == ItemStatus.WRITTEN || i.status() == ItemStatus.UNCHANGED
                        || i.status() == ItemStatus.FILTERED || i.status() == ItemStatus.HELD)
                .map(Item::displayKey)
                .toList();
        if (!healed.isEmpty()) {
            errors.resolve(batch.area(), healed);
        }
        if (batch.end() != null && !batch.end().isStart()) {
            cursors.save(batch.area(), batch.end());
        }
        ledger.add(batch.runId(), countsOf(batch), batch.conflicts());
        if (batch.last()) {
            ledger.complete(batch.runId());
        }
        return batch;
    }

    /** Reasons are bounded: one names a field and its value, never a whole payload echoed by a service. */
    static final int LOGGED_REASON = 300;

    /** One line per failed record, for log-based alerting: the key, stage and reason; the payload stays in the store. */
    private static void warn(ErrorRow e) {
        String reason = e.reason() == null ? "" : e.reason().replaceAll("\\s+", " ");
        LOG.warn("{}: record {} failed at {}: {}", e.area(), e.recordKey(), e.stage(), reason.length() <= LOGGED_REASON
                ? reason : reason.substring(0, LOGGED_REASON) + "... (in full: status, errors)");
    }

    /**
     * Hashes and identity of what the target accepted; records found unchanged whose row predates the identity
     * columns get them too, so lookups find records written by older versions.
     */
    private void recordWritten(Batch batch) {
        Map<String, SyncedRecord> written = new LinkedHashMap<>();
        Map<String, Item> unchanged = new LinkedHashMap<>();
        for (Item item : batch.items()) {
            if (item.status() == ItemStatus.WRITTEN && item.target().operation() == TargetRecord.Operation.DELETE) {
                // gone from the target: forget it, so lookups no longer find it and a re-created record is written
                recordState.forget(item.target().stateKey());
            } else if (item.status() == ItemStatus.WRITTEN) {
                written.put(item.target().stateKey(), synced(item));
            } else if (item.status() == ItemStatus.UNCHANGED) {
                unchanged.put(item.target().stateKey(), item);
            }
        }
        if (!unchanged.isEmpty()) {
            for (String key : recordState.lackingIdentity(unchanged.keySet())) {
                written.putIfAbsent(key, synced(unchanged.get(key)));
            }
        }
        recordState.recordWritten(written.values());
    }

    private SyncedRecord synced(Item item) {
        Object targetId = targetIdField == null ? null : item.target().payload().get(targetIdField);
        return new SyncedRecord(item.target().stateKey(), item.hash(), item.sourceId(), item.sourceKey(),
                item.target().key(), targetId == null ? null : String.valueOf(targetId),
                conflicts.keepsPayloads() ? item.target().payload() : null, lineKeys(item.target()));
    }

    /** The keys of the source-read lines now at the target: those written, not those this write deleted. */
    private List<Map<String, Object>> lineKeys(TargetRecord document) {
        if (linesTarget == null) {
            return null;
        }
        return document.lines().stream()
                .filter(l -> linesTarget.equals(l.entitySet()) && l.operation() != TargetRecord.Operation.DELETE)
                .map(TargetRecord::key)
                .toList();
    }

    /**
     * Waiting records go to the pending table, to be re-read next run; every other outcome ends their wait. A record
     * still failing had none (records that wait are always mapped) and was not looked at.
     */
    private void recordWaiting(Batch batch) {
        List<PendingRecord> waiting = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (Item item : batch.items()) {
            if (item.status() == ItemStatus.WAITING) {
                waiting.add(PendingRecord.waiting(batch.area(), item.sourceId(), item.sourceKey(), item.reason()));
            } else if (item.status() != ItemStatus.READ && item.status() != ItemStatus.READY
                    && item.status() != ItemStatus.STILL_FAILING) {
                done.add(item.sourceId());
            }
        }
        waiting.forEach(w -> done.remove(w.sourceId()));
        pending.resolve(batch.area(), done);
        pending.waiting(waiting);
    }

    private static RunCounts countsOf(Batch batch) {
        return new RunCounts(
                batch.items().size(),
                batch.count(ItemStatus.FILTERED),
                // nothing to do for either: a record still failing is unchanged since it failed
                batch.count(ItemStatus.UNCHANGED) + batch.count(ItemStatus.STILL_FAILING),
                batch.count(ItemStatus.WRITTEN),
                batch.count(ItemStatus.FAILED),
                batch.count(ItemStatus.WAITING),
                batch.conflicts().size(),
                batch.count(ItemStatus.HELD),
                batch.count(ItemStatus.STILL_FAILING));
    }

    /** The error row keeps what was read and, when mapping got that far, what would have been written. */
    private String payloadOf(Item item) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("source", item.source());
        if (item.target() != null) {
            payload.put("target", item.target().payload());
        }
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return String.valueOf(payload);
        }
    }
}
