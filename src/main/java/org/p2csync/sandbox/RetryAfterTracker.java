package org.p2csync.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers, per client, until when a 429's Retry-After asks it to wait, so early returns can be counted. */
final class RetryAfterTracker {
    private final Map<String, Instant> waitUntil = new ConcurrentHashMap<>();
    private final Clock clock;

    RetryAfterTracker(Clock clock) {
        this.clock = clock;
    }

    void throttled(String clientId, Duration retryAfter) {
        waitUntil.put(clientId, clock.instant().plus(retryAfter));
    }

    /** True when the client is back before its Retry-After deadline. */
    boolean isEarly(String clientId) {
        Instant until = waitUntil.get(clientId);
        return until != null && clock.instant().isBefore(until);
    }
}
