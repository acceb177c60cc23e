package org.p2csync.sync;

/** What one run (or one page of it) did, by record. read = filtered + unchanged + written + failed + waiting. */
public record RunCounts(long read, long filtered, long unchanged, long written, long failed, long waiting) {
    public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0, 0);

    public RunCounts plus(RunCounts o) {
        return new RunCounts(
                read + o.read,
                filtered + o.filtered,
                unchanged + o.unchanged,
                written + o.written,
                failed + o.failed,
                waiting + o.waiting);
    }

    public Outcome outcome() {
        return Outcome.of(written, failed);
    }
}
