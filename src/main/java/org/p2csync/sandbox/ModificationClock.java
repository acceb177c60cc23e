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
    /** While set, every write is stamped with this second (see {@link #hold}). */
    private OffsetDateTime held;

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

    /**
     * Stamps every later write with the current second until {@link #release}: the moment a client reads at, and
     * writes after it within that same second, made to happen on purpose. Only at whole seconds, where many writes
     * share one timestamp anyway; at milliseconds each write has its own.
     */
    OffsetDateTime hold() {
        if (precision != ChronoUnit.SECONDS) {
            throw new IllegalStateException("timestamps are held at a second only at whole-second precision, not "
                    + precision);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(precision);
        held = now.isAfter(last) ? now : last;
        return held;
    }

    /** Writes take the clock's time again (never earlier than the held second). */
    void release() {
        held = null;
    }

    Stamp next() {
        if (held != null) {
            last = held;
            version++;
            return new Stamp(held, version);
        }
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
