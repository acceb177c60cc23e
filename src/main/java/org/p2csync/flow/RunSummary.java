package org.p2csync.flow;

import java.time.Duration;
import java.util.Map;
import org.p2csync.sync.Outcome;
import org.p2csync.sync.RunCounts;

/** What one finished run of an area did: the figures for the log, the report and the run history. */
public record RunSummary(
        String area, String runId, RunCounts counts, Map<String, Long> requests, Outcome outcome, Duration took,
        String abortedBy) {
    public RunSummary {
        requests = Map.copyOf(requests);
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** HTTP requests to both systems per 1000 records written: the API economy figure. */
    public double requestsPerThousandWritten() {
        return counts.written() == 0 ? 0 : totalRequests() * 1000.0 / counts.written();
    }

    public String describe() {
        double seconds = Math.max(took.toMillis(), 1) / 1000.0;
        return String.format(
                "%s run %s %s in %.1f s: read %d, filtered %d, unchanged %d, written %d, failed %d, waiting %d;"
                        + " requests %s (%.2f per 1000 written); %.0f records/s%s",
                area, runId, outcome, seconds, counts.read(), counts.filtered(), counts.unchanged(), counts.written(),
                counts.failed(), counts.waiting(), requests, requestsPerThousandWritten(), counts.read() / seconds,
                abortedBy == null ? "" : "; stopped early: " + abortedBy);
    }
}
