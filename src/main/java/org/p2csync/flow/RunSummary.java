package org.p2csync.flow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.p2csync.sync.Conflict;
import org.p2csync.sync.Outcome;
import org.p2csync.sync.RunCounts;

/**
 * What one finished run of an area did: the figures for the log, the report and the run history.
 *
 * @param conflicts the run's conflicts (mapping {@code conflicts: detect}), the first {@value RunLedger#LISTED_CONFLICTS}
 *     of them; {@code counts.conflicts()} counts them all
 */
public record RunSummary(
        String area, String runId, RunCounts counts, Map<String, Long> requests, Outcome outcome, Duration took,
        String abortedBy, List<Conflict> conflicts) {
    public RunSummary {
        requests = Map.copyOf(requests);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    /** A run without conflicts. */
    public RunSummary(String area, String runId, RunCounts counts, Map<String, Long> requests, Outcome outcome,
            Duration took, String abortedBy) {
        this(area, runId, counts, requests, outcome, took, abortedBy, List.of());
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }

    /** HTTP requests to both systems per 1000 records written: the API economy figure. */
    public double requestsPerThousandWritten() {
        return counts.written() == 0 ? 0 : totalRequests() * 1000.0 / counts.written();
    }

    public String describe() {
        if (outcome == Outcome.Paused) {
            return String.format("%s run %s Paused: read nothing, the cursor stays; `resume --area %s` to catch up",
                    area, runId, area);
        }
        double seconds = Math.max(took.toMillis(), 1) / 1000.0;
        return String.format(
                "%s run %s %s in %.1f s: read %d, filtered %d, unchanged %d, written %d, failed %d, waiting %d,"
                        + " held %d, conflicts %d, still failing %d; requests %s (%.2f per 1000 written);"
                        + " %.0f records/s%s",
                area, runId, outcome, seconds, counts.read(), counts.filtered(), counts.unchanged(), counts.written(),
                counts.failed(), counts.waiting(), counts.held(), counts.conflicts(), counts.stillFailing(), requests,
                requestsPerThousandWritten(), counts.read() / seconds,
                abortedBy == null ? "" : "; stopped early: " + abortedBy);
    }
}
