package org.p2csync.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The manual re-run of failed records (`retry`): an area's open errors become waiting records, so its next run
 * re-reads each by source id before its normal pages, whether or not the source changed. For records that failed
 * because of something fixed elsewhere since (a mapping, the target's reference data, a service's outage).
 */
public final class FailedRecordRetry {
    /**
     * @param records the record keys scheduled, oldest error first
     * @param withoutSourceId open errors recorded before the store kept source ids: they cannot be re-read by id
     */
    public record Scheduled(List<String> records, int withoutSourceId) {
        public Scheduled {
            records = List.copyOf(records);
        }

        /** What was scheduled, in words, naming the first {@code shown} records; one line per fact. */
        public List<String> describe(int shown) {
            List<String> lines = new ArrayList<>();
            if (records.isEmpty() && withoutSourceId == 0) {
                return List.of("no failed records");
            }
            lines.add(records.size() + " failed record(s) will be re-read by the next run" + (records.isEmpty() ? ""
                    : ": " + String.join(", ", records.subList(0, Math.min(shown, records.size())))
                            + (records.size() > shown ? " and " + (records.size() - shown) + " more" : "")));
            if (withoutSourceId > 0) {
                lines.add(withoutSourceId + " older error(s) do not name their source id and stay open; they flow"
                        + " again when their source record changes");
            }
            return lines;
        }
    }

    private final ErrorStore errors;
    private final PendingStore pending;

    public FailedRecordRetry(ErrorStore errors, PendingStore pending) {
        this.errors = errors;
        this.pending = pending;
    }

    /**
     * Schedules every open error of the area that names its source id. The errors are resolved once the records wait:
     * a retry that fails again records a new error, one that succeeds leaves none. Pending first, so a crash in
     * between leaves the record both waiting and in error, never neither.
     */
    public Scheduled schedule(String area) {
        Map<String, ErrorRow> bySource = new LinkedHashMap<>();
        int withoutSourceId = 0;
        for (ErrorRow error : errors.open(area, Integer.MAX_VALUE)) {
            if (error.sourceId() == null) {
                withoutSourceId++;
            } else {
                bySource.put(error.sourceId(), error); // the latest error of a record says why it failed last
            }
        }
        List<PendingRecord> waiting = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (ErrorRow error : bySource.values()) {
            waiting.add(PendingRecord.waiting(area, error.sourceId(), error.recordKey(),
                    "retry of a failed record (" + error.stage() + ": " + error.reason() + ")"));
            keys.add(error.recordKey());
        }
        pending.waiting(waiting);
        errors.resolve(area, keys);
        return new Scheduled(keys, withoutSourceId);
    }
}
