package org.p2csync.app;

import java.time.Duration;
import java.util.Optional;

/**
 * How setup changes the CRM.
 *
 * @param solution the unique name of the solution new columns and keys go into ({@code p2c.setup.solution}, sent as
 *     MSCRM.SolutionUniqueName); empty: the org's default solution
 * @param keyWait how long setup waits, in all, for new key indexes to become Active ({@code p2c.setup.key-wait})
 */
public record SetupSettings(Optional<String> solution, Duration keyWait) {
    /** Dataverse builds a key's index in a system job; on a large table that takes minutes. */
    public static final Duration DEFAULT_KEY_WAIT = Duration.ofMinutes(10);

    public SetupSettings {
        if (keyWait.isNegative()) {
            throw new ConfigurationException("p2c.setup.key-wait must not be negative, was " + keyWait);
        }
    }

    public static SetupSettings defaults() {
        return new SetupSettings(Optional.empty(), DEFAULT_KEY_WAIT);
    }
}
