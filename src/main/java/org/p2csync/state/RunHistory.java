package org.p2csync.state;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.p2csync.sync.Outcome;
import org.p2csync.sync.RunCounts;

/** The history of runs per area, as the Data Integrator showed it; kept for a retention period. */
public interface RunHistory {
    Duration DEFAULT_RETENTION = Duration.ofDays(45);

    /** Records a run as started now, outcome Running, and returns its id. */
    String start(String area);

    /** @throws IllegalArgumentException naming the run when no such run was started */
    void finish(String runId, RunCounts counts, Map<String, Long> requestsBySystem, Outcome outcome);

    /**
     * Marks every run still Running as Abandoned: called by the one sync that holds the state, when it starts, so
     * these are runs of an earlier holder that stopped (crashed, killed) before finishing them.
     *
     * @return the number of runs marked
     */
    int abandonRunning();

    /** The area's latest runs, newest first. */
    List<RunRecord> recent(String area, int limit);

    /**
     * Deletes runs started longer than {@code age} ago, the conflicts detected and the resolved errors created in
     * that span; open errors stay until resolved, they still need someone's attention.
     *
     * @return the number of runs deleted
     */
    int purgeOlderThan(Duration age);
}
