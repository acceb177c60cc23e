package org.p2csync.sandbox;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Hands out the stamps of one simulated system's writes: a timestamp at the service's precision that never goes
 * back, and a row version that grows with every write (Dataverse's versionnumber), which change tracking follows so
 * that writes within one second are never lost. At whole seconds (Dataverse's default) many writes share one
 * timestamp: max(now, last). At milliseconds every write gets its own, max(now, last + 1 ms), as the sandbox did
 * before it kept seconds. Callers hold the service lock.
 */
final class ModificationClock {
    /** One write's stamps. */
    record Stamp(OffsetDateTime at, long version) {}

    private final Clock clock;
    private final ChronoUnit precision;
    private OffsetDateTime last;
    private long version;

    ModificationClock(Clock clock, ChronoUnit precision, OffsetDateTime last, long version) {
        this.clock = clock;
        this.precision = precision;
        this.last = last == null ? OffsetDateTime.MIN : last;
        this.version = version;
    }

    /** Moves the clock past data written without it (seed rows), so later stamps lie at or after them. */
    void advanceTo(OffsetDateTime t, long v) {
        if (t != null && t.isAfter(last)) {
            last = t;
        }
        version = Math.max(version, v);
    }

    long version() {
        return version;
    }

    Stamp next() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(precision);
        OffsetDateTime floor = precision == ChronoUnit.SECONDS || last.equals(OffsetDateTime.MIN) ? last
                : last.plus(1, precision);
        if (now.isAfter(floor)) {
            last = now;
        } else {
            last = floor;
        }
        version++;
        return new Stamp(last, version);
    }
}
