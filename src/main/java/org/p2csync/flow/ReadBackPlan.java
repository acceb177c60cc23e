package org.p2csync.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2csync.state.RecordStateRepository;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.ReadBack;
import org.p2csync.sync.TargetRecord;

/**
 * For an area whose target assigns fields (mapping {@code target.assigned}): decides which records the target side
 * reads back after the page's writes, so that a repeat run costs nothing. Asked for are a record about to be written
 * whose values the record state does not hold yet (every field with a value), a record found unchanged whose values
 * were never read back, and, on a run's last page, up to {@link #BACKFILL} records written on earlier runs and never
 * read back (written before the mapping named the fields): without them, records looking those up would wait until
 * their source changed. A record read back and not found at the target is not asked for again until it is written.
 */
final class ReadBackPlan implements BatchStep {
    /** Records of earlier runs read back per run at most: 50 GETs of 20, a bounded cost per run while catching up. */
    static final int BACKFILL = 1000;

    private final RecordStateRepository recordState;
    private final List<String> fields;

    ReadBackPlan(RecordStateRepository recordState, List<String> fields) {
        this.recordState = recordState;
        this.fields = List.copyOf(fields);
    }

    @Override
    public Batch apply(Batch batch) {
        if (fields.isEmpty()) {
            return batch;
        }
        Map<String, Item> onPage = new LinkedHashMap<>();
        for (Item item : batch.items()) {
            if ((item.status() == ItemStatus.READY || item.status() == ItemStatus.UNCHANGED)
                    && item.target().operation() != TargetRecord.Operation.DELETE) {
                onPage.put(item.target().stateKey(), item);
            }
        }
        Map<String, Map<String, Object>> known = recordState.assignedValues(onPage.keySet());
        Map<String, Map<String, Object>> wanted = new LinkedHashMap<>();
        onPage.forEach((key, item) -> {
            boolean missing = item.status() == ItemStatus.READY ? !complete(known.get(key)) : !known.containsKey(key);
            if (missing) {
                wanted.put(key, item.target().key());
            }
        });
        if (batch.last()) {
            recordState.notReadBack(BACKFILL).forEach(wanted::putIfAbsent);
        }
        return batch.withReadBack(ReadBack.of(wanted));
    }

    private boolean complete(Map<String, Object> values) {
        return values != null && fields.stream().noneMatch(f -> isEmpty(values.get(f)));
    }

    private static boolean isEmpty(Object value) {
        return value == null || (value instanceof String text && text.isBlank());
    }
}
