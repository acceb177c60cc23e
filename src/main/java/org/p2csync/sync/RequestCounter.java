package org.p2csync.sync;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every HTTP request sent, per area and system (token requests and retries included), so a run report can
 * state its API economy; and, for the metrics, the retries among them and the 429 answers (throttling) received.
 * Thread-safe; one instance per application.
 */
public final class RequestCounter {
    private final Tally sent = new Tally();
    private final Tally retried = new Tally();
    private final Tally throttled = new Tally();

    public void increment(String area, String system) {
        sent.add(area, system);
    }

    /** A request is sent again after a transient failure (429, 5xx, I/O error); counted besides its sending. */
    public void retried(String area, String system) {
        retried.add(area, system);
    }

    /** The system answered 429 Too Many Requests. */
    public void throttled(String area, String system) {
        throttled.add(area, system);
    }

    public long get(String area, String system) {
        return sent.get(area, system);
    }

    /** Requests sent to the system, all areas together. */
    public long sent(String system) {
        return sent.total(system);
    }

    public long retries(String system) {
        return retried.total(system);
    }

    public long throttled(String system) {
        return throttled.total(system);
    }

    private static final class Tally {
        private final Map<String, LongAdder> byAreaAndSystem = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> bySystem = new ConcurrentHashMap<>();

        void add(String area, String system) {
            byAreaAndSystem.computeIfAbsent(area + "/" + system, k -> new LongAdder()).increment();
            bySystem.computeIfAbsent(system, k -> new LongAdder()).increment();
        }

        long get(String area, String system) {
            LongAdder adder = byAreaAndSystem.get(area + "/" + system);
            return adder == null ? 0 : adder.sum();
        }

        long total(String system) {
            LongAdder adder = bySystem.get(system);
            return adder == null ? 0 : adder.sum();
        }
    }
}
