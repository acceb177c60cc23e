package org.p2csync.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Hands out server timestamps that strictly increase (max(now, last + 1 ms)), so a client following modifiedon with a
 * keyset cursor never misses a write that landed in the same millisecond. Callers hold the service lock.
 */
final class ModificationClock {
    private final Clock clock;
    private OffsetDateTime last;

    ModificationClock(Clock clock, OffsetDateTime last) {
        this.clock = clock;
        this.last = last == null ? OffsetDateTime.MIN : last;
    }

    /** Moves the clock past data written without it (seed rows), so later stamps and delta tokens lie after them. */
    void advanceTo(OffsetDateTime t) {
        if (t != null && t.isAfter(last)) {
            last = t;
        }
    }

    OffsetDateTime last() {
        return last;
    }

    OffsetDateTime next() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime bumped = last.plus(Duration.ofMillis(1));
        last = now.isAfter(bumped) ? now : bumped;
        return last;
    }
}
