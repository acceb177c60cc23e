package org.p2csync.sandbox;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The settings of one simulated service that {@link SandboxOptions} chooses.
 *
 * @param deltaTokenTtl how long a Dataverse delta link stays valid
 * @param expiredDeltaTokenStatus the status an expired delta token is answered with (code 0x80044352)
 * @param timestampPrecision what the service keeps of date-times: Dataverse seconds by default, F&amp;O milliseconds
 * @param keyIndexDelay how long a new Dataverse alternate key's index takes to build
 */
record ServiceRules(Duration deltaTokenTtl, int expiredDeltaTokenStatus, ChronoUnit timestampPrecision,
                    Duration keyIndexDelay) {
    static ServiceRules dataverse(SandboxOptions o) {
        return new ServiceRules(o.deltaTokenTtl(), o.expiredDeltaTokenStatus(), o.timestampPrecision(), o.keyIndexDelay());
    }

    static ServiceRules fno(SandboxOptions o) {
        return new ServiceRules(o.deltaTokenTtl(), o.expiredDeltaTokenStatus(), ChronoUnit.MILLIS, Duration.ZERO);
    }
}
