package org.p2csync.sync;

import java.util.Optional;

/**
 * Whether an area is paused (by hand or by an alert rule), as the health check and the status page ask it; the
 * answer comes from the pauses in the state database (state.AreaPauses), which every instance shares.
 */
@FunctionalInterface
public interface PausedAreas {
    PausedAreas NONE = area -> Optional.empty();

    /** Why the area is paused, or empty when it runs. */
    Optional<String> pausedBecause(String area);
}
