package org.p2csync.flow;

import java.util.Optional;
import org.p2csync.state.AreaPause;
import org.p2csync.state.AreaPauses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds back the runs of paused areas. The switch is read from the state database at each run's start, so a pause
 * set by any instance, or by `pause` from the command line, stops the next run everywhere; the run is recorded as
 * Paused and the cursor is not touched, so the first run after `resume` reads everything changed meanwhile.
 */
public final class PauseGate implements RunGate {
    private static final Logger LOG = LoggerFactory.getLogger(PauseGate.class);

    private final AreaPauses pauses;
    private final RunLedger ledger;

    public PauseGate(AreaPauses pauses, RunLedger ledger) {
        this.pauses = pauses;
        this.ledger = ledger;
    }

    @Override
    public boolean holdsBack(String area) {
        Optional<AreaPause> pause = pauses.current(area);
        if (pause.isEmpty()) {
            return false;
        }
        LOG.info("{}: paused {}; this run reads nothing and the cursor stays (resume --area {})", area,
                pause.get().describe(), area);
        ledger.paused(area);
        return true;
    }
}
