package org.p2csync.ops;

import org.p2csync.state.AreaPause;
import org.p2csync.state.AreaPauses;
import org.p2csync.state.AreaStatus;
import org.p2csync.state.PausedBy;

/** The page's "pause" button: what `pause --area` does, in the state every instance reads. */
public final class PauseAction implements AreaAction {
    private final AreaPauses pauses;

    public PauseAction(AreaPauses pauses) {
        this.pauses = pauses;
    }

    @Override
    public String name() {
        return "pause";
    }

    @Override
    public String label() {
        return "Pause";
    }

    @Override
    public boolean offeredFor(AreaStatus status) {
        return pauses.current(status.area()).isEmpty();
    }

    @Override
    public String perform(String area) {
        return pauses.pause(area, PausedBy.OPERATOR, "paused from the status page")
                ? area + " paused: its runs read nothing and its cursor stays until resumed"
                : area + " was paused already: " + pauses.current(area).map(AreaPause::describe).orElse("");
    }
}
