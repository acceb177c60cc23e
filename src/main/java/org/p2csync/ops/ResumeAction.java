package org.p2csync.ops;

import org.p2csync.state.AreaPauses;
import org.p2csync.state.AreaStatus;

/** The page's "resume" button: what `resume --area` does; the next run catches up what changed meanwhile. */
public final class ResumeAction implements AreaAction {
    private final AreaPauses pauses;

    public ResumeAction(AreaPauses pauses) {
        this.pauses = pauses;
    }

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String label() {
        return "Resume";
    }

    @Override
    public boolean offeredFor(AreaStatus status) {
        return pauses.current(status.area()).isPresent();
    }

    @Override
    public String perform(String area) {
        return pauses.resume(area).map(p -> area + " resumed (was paused " + p.describe() + "); its next run catches up")
                .orElse(area + " was not paused");
    }
}
