package org.p2csync.state;

import java.util.List;
import java.util.Optional;

/**
 * The pause switch of each area, in the state database so that every instance sees it. A paused area's runs read
 * nothing and its cursor stays, so the first run after {@link #resume} catches up everything changed meanwhile.
 */
public interface AreaPauses {
    /**
     * Pauses the area unless it is paused already.
     *
     * @return false when it was paused already: the earlier pause and its reason stay
     */
    boolean pause(String area, PausedBy by, String reason);

    /** @return the pause it ended, or empty when the area was not paused */
    Optional<AreaPause> resume(String area);

    /** The pause in force, if any. */
    default Optional<AreaPause> current(String area) {
        return latest(area).filter(AreaPause::inForce);
    }

    /** The latest pause, in force or resumed; empty when the area was never paused. */
    Optional<AreaPause> latest(String area);

    /** The pauses in force, by area name. */
    List<AreaPause> inForce();
}
