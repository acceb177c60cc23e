package org.p2csync.ops;

import org.p2csync.state.AreaStatus;

/**
 * Something an operator does to an area from the status page: a button that POSTs to {@code /areas/<area>/<name>}.
 * Retry is one; pause and resume are meant to be others (each a small class, added to the page's list).
 */
public interface AreaAction {
    /** The URL segment, e.g. {@code retry}. */
    String name();

    /** The button's text. */
    String label();

    /** Whether the page offers it for an area in this state (retry: only with open errors). */
    boolean offeredFor(AreaStatus status);

    /** Does it and says what was done, for the page. */
    String perform(String area);
}
