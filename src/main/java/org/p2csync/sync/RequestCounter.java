package org.p2csync.sync;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every HTTP request sent, per area and system (token requests and retries included), so a run report can
 * state its API economy. Thread-safe; one instance per application.
 */
public final class RequestCounter {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void increment(String area, String system) {
        counts.computeIfAbsent(area + "/" + system, k -> new LongAdder()).increment();
    }

    public long get(String area, String system) {
        LongAdder adder = counts.get(area + "/" + system);
        return adder == null ? 0 : adder.sum();
    }
}
