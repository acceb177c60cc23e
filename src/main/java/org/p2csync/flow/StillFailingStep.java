package org.p2csync.flow;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.p2csync.state.ErrorStore;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;

/**
 * For an area read in full, which brings every record every run, failed ones too: a record whose open error was
 * recorded for the very row now read (same fingerprint: source row, lines and mapping unchanged) is marked still
 * failing instead of being mapped and written again, which would only fail it anew, as a new error, every run. Its
 * error stays open. A record that waits (`retry` scheduled it, or a reference is missing) is mapped whatever its row.
 * One query per page, before the map step.
 */
final class StillFailingStep implements BatchStep {
    private final ErrorStore errors;
    private final SourceFingerprint fingerprints;

    StillFailingStep(ErrorStore errors, SourceFingerprint fingerprints) {
        this.errors = errors;
        this.fingerprints = fingerprints;
    }

    @Override
    public Batch apply(Batch batch) {
        List<String> ids = batch.items().stream()
                .filter(i -> i.status() == ItemStatus.READ)
                .map(Item::sourceId)
                .toList();
        if (ids.isEmpty()) {
            return batch;
        }
        Map<String, String> failedAs = errors.stillFailing(batch.area(), ids);
        if (failedAs.isEmpty()) {
            return batch;
        }
        return batch.mapItems(i -> i.status() == ItemStatus.READ && failedAs.containsKey(i.sourceId())
                && Objects.equals(failedAs.get(i.sourceId()), fingerprints.of(i.source())) ? i.stillFailing() : i);
    }
}
