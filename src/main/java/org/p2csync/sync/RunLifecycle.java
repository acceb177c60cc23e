package org.p2csync.sync;

/**
 * How a source endpoint opens and, when it cannot finish, closes a run. A run that reaches its last page is closed by
 * the route's commit step instead, after the last hashes and cursor are stored.
 */
public interface RunLifecycle {
    /** Opens a run of an area and returns its id. */
    String begin(String area);

    /** Closes a run that stopped early; the cursor stays at the last committed page, so nothing is lost. */
    void abort(String runId, Exception cause);
}
