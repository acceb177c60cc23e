package org.p2csync.state;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest pause of an area: in force while {@code resumedAt} is null.
 *
 * @param reason why, as the operator or the alert rule gave it
 * @param resumedAt when it was resumed; null while the area is paused
 */
public record AreaPause(String area, Instant pausedAt, PausedBy by, String reason, Instant resumedAt) {
    public AreaPause {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(pausedAt, "pausedAt");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(reason, "reason");
    }

    public boolean inForce() {
        return resumedAt == null;
    }

    /** "since 2026-12-01T12:00:00Z by rule: 10 failed records ...", for logs and the CLI. */
    public String describe() {
        return "since " + pausedAt + " by " + by.word() + ": " + reason;
    }
}
