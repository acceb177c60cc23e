package org.p2csync.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2csync.state.ErrorRow;
import org.p2csync.state.ErrorStore;
import org.p2csync.state.RecordStateRepository;
import org.p2csync.sync.Batch;
import org.p2csync.sync.CursorStore;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.RunCounts;

/**
 * The last stage of a page, after the target accepted its writes: record the hashes of what was written, then the
 * errors, then advance the cursor. In that order a crash anywhere repeats some upserts (harmless) and loses none.
 */
final class CommitStep implements BatchStep {
    private final RecordStateRepository recordState;
    private final ErrorStore errors;
    private final CursorStore cursors;
    private final RunLedger ledger;
    private final ObjectMapper json;

    CommitStep(RecordStateRepository recordState, ErrorStore errors, CursorStore cursors, RunLedger ledger,
            ObjectMapper json) {
        this.recordState = recordState;
        this.errors = errors;
        this.cursors = cursors;
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    public Batch apply(Batch batch) {
        Map<String, String> written = new LinkedHashMap<>();
        for (Item item : batch.items()) {
            if (item.status() == ItemStatus.WRITTEN) {
                written.put(item.target().keyString(), item.hash());
            }
        }
        if (!written.isEmpty()) {
            recordState.record(written);
        }
        List<ErrorRow> failed = batch.items().stream()
                .filter(i -> i.status() == ItemStatus.FAILED)
                .map(i -> ErrorRow.of(batch.runId(), batch.area(), i.displayKey(), i.stage(), i.reason(), payloadOf(i)))
                .toList();
        if (!failed.isEmpty()) {
            errors.recordAll(failed);
        }
        List<String> healed = batch.items().stream()
                .filter(i -> i.status() == ItemStatus.WRITTEN || i.status() == ItemStatus.UNCHANGED
                        || i.status() == ItemStatus.FILTERED)
                .map(Item::displayKey)
                .toList();
        if (!healed.isEmpty()) {
            errors.resolve(batch.area(), healed);
        }
        if (batch.end() != null && !batch.end().isStart()) {
            cursors.save(batch.area(), batch.end());
        }
        ledger.add(batch.runId(), countsOf(batch));
        if (batch.last()) {
            ledger.complete(batch.runId());
        }
        return batch;
    }

    private static RunCounts countsOf(Batch batch) {
        return new RunCounts(
                batch.items().size(),
                batch.count(ItemStatus.FILTERED),
                batch.count(ItemStatus.UNCHANGED),
                batch.count(ItemStatus.WRITTEN),
                batch.count(ItemStatus.FAILED),
                batch.count(ItemStatus.WAITING));
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
