package org.p2csync.state;

import java.time.Duration;
import java.util.Objects;

/**
 * An area's alert rule: pause the area once {@code maxFailed} of its records failed within {@code window}.
 *
 * @param maxFailed 0 turns the rule off
 */
public record AlertRule(String area, int maxFailed, Duration window) {
    public static final int DEFAULT_MAX_FAILED = 10;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    public AlertRule {
        AreaNames.require(area);
        Objects.requireNonNull(window, "window");
        if (maxFailed < 0) {
            throw new IllegalArgumentException("Alert rule of area '" + area + "': max-failed must be 0 (off) or more,"
                    + " was " + maxFailed);
        }
        if (window.isNegative() || window.isZero() || window.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("Alert rule of area '" + area + "': the window must be whole seconds"
                    + " and more than zero, was " + window);
        }
    }

    public boolean enabled() {
        return maxFailed > 0;
    }

    /** "pause after 10 failed records within 15m", or "off". */
    public String describe() {
        return enabled() ? "pause after " + maxFailed + " failed records within " + shown(window) : "off";
    }

    /** 15m, 90s, 2h: the way the settings write it. */
    public static String shown(Duration window) {
        long seconds = window.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
