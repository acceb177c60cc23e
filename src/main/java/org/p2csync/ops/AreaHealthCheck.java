package org.p2csync.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.p2csync.state.RunHistory;
import org.p2csync.state.RunRecord;
import org.p2csync.sync.Outcome;
import org.p2csync.sync.PausedAreas;

/**
 * One area's health, as {@code /observe/health} reports it: DOWN when the area is paused, when its last run ended in
 * Error, or when no run completed within three schedule periods (counted from the sync's start at the earliest, so a
 * sync started after a night off is not DOWN before its first run could finish).
 */
public final class AreaHealthCheck extends AbstractHealthCheck {
    /** Periods a run may be late before the area counts as stuck. */
    static final int LATE_PERIODS = 3;
    /** Runs looked back for the last completed one. */
    private static final int LOOK_BACK = 20;

    private final String area;
    private final RunHistory runs;
    private final PausedAreas pauses;
    private final Optional<Duration> period;
    private final Instant started;
    private final Clock clock;

    public AreaHealthCheck(String area, RunHistory runs, PausedAreas pauses, Optional<Duration> period,
            Instant started, Clock clock) {
        super("p2c", "area-" + area);
        this.area = area;
        this.runs = runs;
        this.pauses = pauses;
        this.period = period;
        this.started = started;
        this.clock = clock;
    }

    /** A failing area is a reason not to trust the sync, not to restart it: readiness only. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("area", area);
        period.ifPresent(p -> builder.detail("schedule.period", p.toString()));
        List<RunRecord> recent = runs.recent(area, LOOK_BACK);
        Optional<RunRecord> lastFinished = recent.stream().filter(r -> !r.running()).findFirst();
        Optional<RunRecord> lastCompleted = recent.stream().filter(AreaHealthCheck::completed).findFirst();
        lastFinished.ifPresent(r -> builder.detail("last.run", r.runId()).detail("last.outcome", r.outcome())
                .detail("last.finished", r.finishedAt().toString()));
        lastCompleted.ifPresent(r -> builder.detail("last.completed", r.finishedAt().toString()));

        Optional<String> paused = pauses.pausedBecause(area);
        if (paused.isPresent()) {
            builder.down().message(area + " is paused: " + paused.get());
            return;
        }
        if (lastFinished.isPresent() && Outcome.Error.name().equals(lastFinished.get().outcome())) {
            RunRecord run = lastFinished.get();
            builder.down().message(area + ": last run " + run.runId() + " ended in Error at " + run.finishedAt()
                    + " (failed " + run.counts().failed() + ", written " + run.counts().written() + ")");
            return;
        }
        if (period.isPresent()) {
            Instant since = lastCompleted.map(RunRecord::finishedAt).filter(t -> t.isAfter(started)).orElse(started);
            Duration allowed = period.get().multipliedBy(LATE_PERIODS);
            Duration waited = Duration.between(since, clock.instant());
            if (waited.compareTo(allowed) > 0) {
                builder.down().message(area + ": no run completed since " + since + " (" + waited.toSeconds()
                        + " s; " + LATE_PERIODS + " schedule periods are " + allowed.toSeconds() + " s)");
                return;
            }
        }
        builder.up().message(area + ": " + lastFinished.map(r -> "last run " + r.outcome() + " at " + r.finishedAt())
                .orElse("no run finished yet"));
    }

    /** A run that went through its pages: Completed, or Warning (some records failed, others flowed). */
    static boolean completed(RunRecord run) {
        return Outcome.Completed.name().equals(run.outcome()) || Outcome.Warning.name().equals(run.outcome());
    }
}
