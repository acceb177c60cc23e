package org.p2csync.odata;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds back every request to one system until a Retry-After deadline has passed. Service protection limits are per
 * caller identity, not per thread, so one 429 must pause all threads that talk to the same system.
 */
public final class ThrottleGate {
    private final AtomicReference<Instant> notBefore = new AtomicReference<>(Instant.EPOCH);

    /** Moves the deadline forward (never back: a shorter Retry-After must not shorten an earlier, longer one). */
    public void holdUntil(Instant deadline) {
        notBefore.accumulateAndGet(deadline, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Blocks until the deadline has passed. */
    public void awaitClearance() throws InterruptedException {
        while (true) {
            long waitMillis = notBefore.get().toEpochMilli() - System.currentTimeMillis();
            if (waitMillis <= 0) {
                return;
            }
            Thread.sleep(waitMillis);
        }
    }

    public Instant deadline() {
        return notBefore.get();
    }
}
