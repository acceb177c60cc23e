package org.p2csync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2csync.flow.RunSummary;
import org.p2csync.sync.Conflict;
import org.p2csync.sync.Outcome;

/** The JSON report of `sync --once --report FILE`: one entry per area with its counts, outcome and requests. */
final class RunReport {
    private final List<RunSummary> runs;

    RunReport(List<RunSummary> runs) {
        this.runs = List.copyOf(runs);
    }

    /** Every run completed or was held back by its area's pause (a paused area has no failed records to report). */
    boolean allCompleted() {
        return runs.stream().allMatch(r -> r.outcome() == Outcome.Completed || r.outcome() == Outcome.Paused);
    }

    /** {@code {"record": "ORD-1", "targetKey": "usmf|ORD-1", "fields": [{"field", "lastWritten", "found", "written"}]}} */
    private static Map<String, Object> conflict(Conflict conflict) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("record", conflict.recordKey());
        out.put("targetKey", conflict.targetKey());
        out.put("fields", conflict.fields().stream().map(Conflict.Field::asMap).toList());
        return out;
    }

    void write(Path file) throws IOException {
        Map<String, Object> areas = new LinkedHashMap<>();
        for (RunSummary run : runs) {
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("read", run.counts().read());
            area.put("filtered", run.counts().filtered());
            area.put("unchanged", run.counts().unchanged());
            area.put("stillFailing", run.counts().stillFailing());
            area.put("written", run.counts().written());
            area.put("failed", run.counts().failed());
            area.put("waiting", run.counts().waiting());
            area.put("held", run.counts().held());
            area.put("conflicts", run.counts().conflicts());
            area.put("outcome", run.outcome().name());
            area.put("requests", new LinkedHashMap<>(Map.of("crm", run.requests().getOrDefault("crm", 0L),
                    "erp", run.requests().getOrDefault("erp", 0L))));
            area.put("requestsPer1000Written", Math.round(run.requestsPerThousandWritten() * 100) / 100.0);
            area.put("seconds", run.took().toMillis() / 1000.0);
            area.put("runId", run.runId());
            if (!run.conflicts().isEmpty()) {
                area.put("conflictRecords", run.conflicts().stream().map(RunReport::conflict).toList());
            }
            if (run.abortedBy() != null) {
                area.put("stoppedEarly", run.abortedBy());
            }
            areas.put(run.area(), area);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), Map.of("areas", areas));
    }
}
