package org.p2csync.ops;

import org.p2csync.state.AreaStatus;
import org.p2csync.state.FailedRecordRetry;

/** The page's "retry" button: what `retry --area` does, the failed records re-read by the area's next run. */
public final class RetryAction implements AreaAction {
    private static final int SHOWN = 10;

    private final FailedRecordRetry retry;

    public RetryAction(FailedRecordRetry retry) {
        this.retry = retry;
    }

    @Override
    public String name() {
        return "retry";
    }

    @Override
    public String label() {
        return "Retry failed records";
    }

    @Override
    public boolean offeredFor(AreaStatus status) {
        return status.openErrors() > 0;
    }

    @Override
    public String perform(String area) {
        return String.join("; ", retry.schedule(area).describe(SHOWN));
    }
}
