package org.p2csync.sync;

/** What happened to one source record on its way through a route. */
public enum ItemStatus {
    /** Read from the source, not yet mapped. */
    READ,
    /**
     * Deleted at the source (seen through change tracking, or gone from a complete full read); the mapping's delete
     * policy decides what follows.
     */
    DELETED,
    /** Left out by the mapping's filter (e.g. a prospect). */
    FILTERED,
    /** Mapped, and its payload equals what was last written: no write needed. */
    UNCHANGED,
    /** Mapped and due to be written. */
    READY,
    /** Accepted by the target. */
    WRITTEN,
    /** Mapped, but a record it refers to has not been synced yet; retried on a later run, never written half-linked. */
    WAITING,
    /** Rejected at some stage; {@link Item#stage()} and {@link Item#reason()} say where and why. */
    FAILED,
    /**
     * Read in full again exactly as it was when it failed (the same source row, lines included, under the same
     * mapping): mapping or writing it again would fail the same way, so it is neither, and its open error stays open.
     * Not a new failure: counted among the unchanged (and as still failing). It flows again when its source or the
     * mapping changes, or after {@code retry}.
     */
    STILL_FAILING,
    /**
     * A document with a line its mapping's {@code require} does not accept (a write-in line): not written at all,
     * neither header nor lines, until its source changes. A business rule, not an error; {@link Item#reason()} says
     * which line and why.
     */
    HELD
}
