package org.p2csync.state;

import java.time.Instant;
import java.util.Map;
import org.p2csync.sync.RunCounts;

/**
 * One run of an area as the history shows it.
 *
 * @param finishedAt null while running
 * @param counts {@link RunCounts#ZERO} while running
 * @param requests HTTP requests sent by system (e.g. crm, erp), empty while running
 * @param outcome Running, Abandoned (its sync stopped before finishing it), or the name of an
 *     {@link org.p2csync.sync.Outcome}: Completed, Warning, Error
 */
public record RunRecord(
        String runId,
        String area,
        Instant startedAt,
        Instant finishedAt,
        RunCounts counts,
        Map<String, Long> requests,
        String outcome) {
    public static final String RUNNING = "Running";
    /** Cut short by a crash or kill of its sync: never finished, its counts are not known. */
    public static final String ABANDONED = "Abandoned";

    public RunRecord {
        requests = Map.copyOf(requests);
    }

    public boolean running() {
        return RUNNING.equals(outcome);
    }
}
