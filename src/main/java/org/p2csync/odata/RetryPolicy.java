package org.p2csync.odata;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before retrying a transient failure: exponential backoff with full jitter, so
 * many callers that failed together do not come back together.
 *
 * @param base the first backoff ceiling
 * @param cap the largest backoff ceiling
 * @param maxAttempts attempts in total, the first one included
 */
public record RetryPolicy(Duration base, Duration cap, int maxAttempts) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(30), 8);

    public RetryPolicy {
        if (base.isNegative() || cap.isNegative() || maxAttempts < 1) {
            throw new IllegalArgumentException("retry policy needs base, cap >= 0 and maxAttempts >= 1, got "
                    + base + ", " + cap + ", " + maxAttempts);
        }
    }

    /** A random wait in [0, min(cap, base * 2^(attempt-1))] after the given failed attempt (1-based). */
    public Duration backoff(int failedAttempt) {
        long ceiling = base.toMillis() << Math.min(failedAttempt - 1, 30);
        if (ceiling <= 0 || ceiling > cap.toMillis()) {
            ceiling = cap.toMillis();
        }
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    /** True for the statuses a service uses to say "not now" rather than "not this". */
    public static boolean isTransient(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }
}
