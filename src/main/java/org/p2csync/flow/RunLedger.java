package org.p2csync.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.p2csync.state.RunHistory;
import org.p2csync.sync.Conflict;
import org.p2csync.sync.Outcome;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.RunCounts;
import org.p2csync.sync.RunLifecycle;

/**
 * Keeps the running tally of every open run, and on its end writes it to the run history and tells the listeners.
 * Request figures are the difference of the shared counter between the run's start and end.
 */
public final class RunLedger implements RunLifecycle {
    private static final List<String> SYSTEMS = List.of("crm", "erp");

    private final RunHistory history;
    private final RequestCounter requests;
    private final Map<String, OpenRun> open = new ConcurrentHashMap<>();
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    public RunLedger(RunHistory history, RequestCounter requests) {
        this.history = history;
        this.requests = requests;
    }

    public void addListener(RunListener listener) {
        listeners.add(listener);
    }

    @Override
    public String begin(String area) {
        String runId = history.start(area);
        open.put(runId, new OpenRun(area, System.nanoTime(), requestSnapshot(area)));
        return runId;
    }

    /**
     * Records a run of a paused area: it read nothing, so it is recorded as started and ended at once, outcome Paused,
     * and the listeners hear of it like of any other run.
     */
    void paused(String area) {
        String runId = history.start(area);
        Map<String, Long> none = new LinkedHashMap<>();
        SYSTEMS.forEach(s -> none.put(s, 0L));
        history.finish(runId, RunCounts.ZERO, none, Outcome.Paused);
        RunSummary summary = new RunSummary(area, runId, RunCounts.ZERO, none, Outcome.Paused, Duration.ZERO, null);
        listeners.forEach(l -> l.finished(summary));
    }

    /** Conflicts a run summary lists (all are counted and in the conflict store): bounds a run's memory. */
    static final int LISTED_CONFLICTS = 100;

    /** Adds one committed page's figures to its run. */
    void add(String runId, RunCounts page) {
        add(runId, page, List.of());
    }

    /** Adds one committed page's figures and conflicts to its run. */
    void add(String runId, RunCounts page, List<Conflict> conflicts) {
        OpenRun run = open.get(runId);
        if (run != null) {
            run.add(page, conflicts);
        }
    }

    /** Closes a run whose last page was committed. */
    void complete(String runId) {
        close(runId, null);
    }

    @Override
    public void abort(String runId, Exception cause) {
        close(runId, cause == null ? "unknown" : String.valueOf(cause.getMessage()));
    }

    private void close(String runId, String abortedBy) {
        OpenRun run = open.remove(runId);
        if (run == null) {
            return;
        }
        RunCounts counts = run.counts();
        Map<String, Long> used = new LinkedHashMap<>();
        Map<String, Long> now = requestSnapshot(run.area);
        SYSTEMS.forEach(s -> used.put(s, now.get(s) - run.requestsAtStart.get(s)));
        // A run that could not finish reading lost nothing (the cursor stays), but it did not complete either.
        Outcome outcome = abortedBy == null ? counts.outcome() : Outcome.Error;
        history.finish(runId, counts, used, outcome);
        RunSummary summary = new RunSummary(
                run.area, runId, counts, used, outcome, Duration.ofNanos(System.nanoTime() - run.startedNanos),
                abortedBy, run.conflicts());
        listeners.forEach(l -> l.finished(summary));
    }

    private Map<String, Long> requestSnapshot(String area) {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        SYSTEMS.forEach(s -> snapshot.put(s, requests.get(area, s)));
        return snapshot;
    }

    private static final class OpenRun {
        private final String area;
        private final long startedNanos;
        private final Map<String, Long> requestsAtStart;
        private RunCounts counts = RunCounts.ZERO;
        private final List<Conflict> conflicts = new ArrayList<>();

        OpenRun(String area, long startedNanos, Map<String, Long> requestsAtStart) {
            this.area = area;
            this.startedNanos = startedNanos;
            this.requestsAtStart = requestsAtStart;
        }

        synchronized void add(RunCounts page, List<Conflict> found) {
            counts = counts.plus(page);
            found.stream().limit(Math.max(0, LISTED_CONFLICTS - conflicts.size())).forEach(conflicts::add);
        }

        synchronized RunCounts counts() {
            return counts;
        }

        synchronized List<Conflict> conflicts() {
            return List.copyOf(conflicts);
        }
    }
}
