package org.p2csync.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.p2csync.flow.RunListener;
import org.p2csync.flow.RunSummary;
import org.p2csync.state.RunRecord;
import org.p2csync.state.StateStore;
import org.p2csync.sync.Outcome;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.RunCounts;

/**
 * The sync's own figures in the Camel metrics registry, for {@code /observe/metrics} (Prometheus names): records per
 * area and result, runs and their duration, HTTP requests, retries and 429s per system, the age of the last completed
 * run and the open errors and waiting records per area.
 */
public final class SyncMetrics implements RunListener {
    static final List<String> SYSTEMS = List.of("crm", "erp");
    private static final int LOOK_BACK = 20;

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> lastCompleted = new ConcurrentHashMap<>();

    public SyncMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Per-system request figures, read from the connector's counter at each scrape. */
    public void bindRequests(RequestCounter requests) {
        for (String system : SYSTEMS) {
            systemCounter("p2c.http.requests", "HTTP requests sent (retries and token requests included)", system,
                    requests, r -> r.sent(system));
            systemCounter("p2c.http.retries", "requests sent again after a 429, 5xx or I/O error", system,
                    requests, r -> r.retries(system));
            systemCounter("p2c.http.throttled", "429 Too Many Requests answers received", system,
                    requests, r -> r.throttled(system));
        }
    }

    /** The per-area gauges; the last completed run as the state knows it from before this start. */
    public void bindAreas(Collection<String> areas, StateStore state) {
        for (String area : areas) {
            state.runs().recent(area, LOOK_BACK).stream().filter(AreaHealthCheck::completed).findFirst()
                    .ifPresent(run -> lastCompleted.merge(area, run.finishedAt(), SyncMetrics::later));
            Gauge.builder("p2c.last.completed.run.age.seconds", this, m -> m.age(area))
                    .description("seconds since the area's last completed run (NaN: none yet)")
                    .tag("area", area).register(registry);
            Gauge.builder("p2c.errors.open", state, s -> s.errors().countOpen(area))
                    .description("failed records not written since").tag("area", area).register(registry);
            Gauge.builder("p2c.records.waiting.now", state, s -> s.pending().count(area))
                    .description("records waiting for a reference (or a retry) now").tag("area", area)
                    .register(registry);
        }
    }

    @Override
    public void finished(RunSummary run) {
        RunCounts c = run.counts();
        count(run.area(), "read", c.read());
        count(run.area(), "written", c.written());
        count(run.area(), "unchanged", c.unchanged());
        count(run.area(), "failed", c.failed());
        count(run.area(), "waiting", c.waiting());
        count(run.area(), "filtered", c.filtered());
        count(run.area(), "held", c.held());
        Counter.builder("p2c.conflicts").description("records written although the other side had changed them too")
                .tag("area", run.area()).register(registry).increment(c.conflicts());
        Timer.builder("p2c.run.duration").description("how long runs took, by outcome")
                .tag("area", run.area()).tag("outcome", run.outcome().name()).register(registry).record(run.took());
        if (run.outcome() != Outcome.Error) {
            lastCompleted.merge(run.area(), clock.instant(), SyncMetrics::later);
        }
    }

    private void count(String area, String result, long n) {
        Counter.builder("p2c.records." + result).description("records " + result + " by the area's runs")
                .tag("area", area).register(registry).increment(n);
    }

    private void systemCounter(String name, String description, String system, RequestCounter requests,
            ToLongFunction<RequestCounter> value) {
        FunctionCounter.builder(name, requests, r -> value.applyAsLong(r)).description(description)
                .tag("system", system).register(registry);
    }

    private double age(String area) {
        Instant at = lastCompleted.get(area);
        return at == null ? Double.NaN : Math.max(0, clock.millis() - at.toEpochMilli()) / 1000.0;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
