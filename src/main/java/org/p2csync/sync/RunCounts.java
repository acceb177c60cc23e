package org.p2csync.sync;

/**
 * What one run (or one page of it) did, by record. read = filtered + unchanged + written + failed + waiting + held.
 * {@code conflicts} counts written records the other side had changed too (mapping {@code conflicts: detect}); they
 * are among the written, not an extra outcome. {@code held} counts documents not written because a line fails their
 * mapping's {@code require} (a business rule: it leaves the outcome alone). {@code stillFailing} counts records of an
 * area read in full that failed before and were read as they were then (source row and mapping unchanged): not mapped
 * or written again, not failed anew, their open error stays open; they are among the unchanged.
 */
public record RunCounts(
        long read, long filtered, long unchanged, long written, long failed, long waiting, long conflicts, long held,
        long stillFailing) {
    public static final RunCounts ZERO = new RunCounts(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Counts of an area that detects no conflicts and holds nothing. */
    public RunCounts(long read, long filtered, long unchanged, long written, long failed, long waiting) {
        this(read, filtered, unchanged, written, failed, waiting, 0, 0, 0);
    }

    /** Counts of an area that holds nothing. */
    public RunCounts(long read, long filtered, long unchanged, long written, long failed, long waiting, long conflicts) {
        this(read, filtered, unchanged, written, failed, waiting, conflicts, 0, 0);
    }

    /** Counts without records still failing. */
    public RunCounts(long read, long filtered, long unchanged, long written, long failed, long waiting, long conflicts,
            long held) {
        this(read, filtered, unchanged, written, failed, waiting, conflicts, held, 0);
    }

    public RunCounts plus(RunCounts o) {
        return new RunCounts(
                read + o.read,
                filtered + o.filtered,
                unchanged + o.unchanged,
                written + o.written,
                failed + o.failed,
                waiting + o.waiting,
                conflicts + o.conflicts,
                held + o.held,
                stillFailing + o.stillFailing);
    }

    public Outcome outcome() {
        return Outcome.of(written, failed);
    }
}
