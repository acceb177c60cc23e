package org.p2csync.flow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2csync.state.RecordStateRepository;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.TargetRecord;

/**
 * Lines deleted at the source (a quote line removed in the CRM) must go from the target too, or the target document
 * keeps a line its source no longer has. A document about to be written gets, in its own change set, a DELETE for
 * each line of {@code linesTarget} it was last written with and no longer has. Only lines read from the source
 * count: {@code source: self} sections (an invoice's order) are never deleted this way.
 */
final class VanishedLines {
    private final RecordStateRepository recordState;
    private final String linesTarget;

    /** @param linesTarget the target entity set of the document's source-read lines */
    VanishedLines(RecordStateRepository recordState, String linesTarget) {
        this.recordState = recordState;
        this.linesTarget = linesTarget;
    }

    /** The page with DELETEs added to the documents about to be written; one query per page. */
    Batch addDeletes(Batch batch) {
        List<String> keys = batch.items().stream()
                .filter(i -> i.status() == ItemStatus.READY && i.target().operation() != TargetRecord.Operation.DELETE)
                .map(i -> i.target().stateKey())
                .toList();
        if (keys.isEmpty()) {
            return batch;
        }
        Map<String, List<Map<String, Object>>> written = recordState.lineKeys(keys);
        if (written.isEmpty()) {
            return batch;
        }
        return batch.mapItems(i -> i.status() == ItemStatus.READY && written.containsKey(i.target().stateKey())
                ? withDeletes(i, written.get(i.target().stateKey())) : i);
    }

    private Item withDeletes(Item item, List<Map<String, Object>> writtenKeys) {
        TargetRecord document = item.target();
        Set<String> current = new HashSet<>();
        for (TargetRecord line : document.lines()) {
            if (linesTarget.equals(line.entitySet())) {
                current.add(line.keyString());
            }
        }
        List<TargetRecord> lines = new ArrayList<>(document.lines());
        for (Map<String, Object> key : writtenKeys) {
            TargetRecord gone = new TargetRecord(linesTarget, key, key, List.of(), TargetRecord.Operation.DELETE);
            if (!current.contains(gone.keyString())) {
                lines.add(gone);
            }
        }
        if (lines.size() == document.lines().size()) {
            return item;
        }
        return item.mapped(document.withLines(lines), item.hash());
    }
}
