package org.p2csync.flow;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.p2csync.state.RecordStateRepository;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.TargetRecord;

/**
 * Marks records whose mapped payload hash equals the one last written as unchanged, so they cost no write, and those
 * without any record state as never written ({@link TargetRecord#neverWritten}), so a target that creates only by
 * POST is sent one at once. One bulk lookup per page keeps this off the per-record path. Documents still to be
 * written get DELETEs for the lines gone from their source since ({@link VanishedLines}).
 */
final class SkipUnchangedStep implements BatchStep {
    private final RecordStateRepository recordState;
    private final VanishedLines vanishedLines;

    /** @param linesTarget the target entity set of source-read document lines, or null for records without them */
    SkipUnchangedStep(RecordStateRepository recordState, String linesTarget) {
        this.recordState = recordState;
        this.vanishedLines = linesTarget == null ? null : new VanishedLines(recordState, linesTarget);
    }

    @Override
    public Batch apply(Batch batch) {
        List<String> keys = batch.items().stream()
                .filter(i -> i.status() == ItemStatus.READY)
                .map(i -> i.target().stateKey())
                .toList();
        if (keys.isEmpty()) {
            return batch;
        }
        Map<String, String> known = recordState.hashes(keys);
        Batch marked = batch.mapItems(i -> isUnchanged(i, known) ? i.unchanged()
                : isNeverWritten(i, known) ? i.mapped(i.target().asNeverWritten(), i.hash()) : i);
        return vanishedLines == null ? marked : vanishedLines.addDeletes(marked);
    }

    /**
     * An upsert without record state. Not for an update-only or delete write (they never create), nor for a record
     * that several source records write (target.shared): another of them may have created it.
     */
    private static boolean isNeverWritten(Item item, Map<String, String> known) {
        TargetRecord target = item.target();
        return item.status() == ItemStatus.READY && target.operation() == TargetRecord.Operation.UPSERT
                && target.recordKey() == null && !known.containsKey(target.stateKey());
    }

    private static boolean isUnchanged(Item item, Map<String, String> known) {
        return item.status() == ItemStatus.READY && Objects.equals(known.get(item.target().stateKey()), item.hash());
    }
}
