package org.p2csync.flow;

/** Asked at the start of every run of an area whether the run may read. */
@FunctionalInterface
public interface RunGate {
    /** For runs that nothing can hold back (tests of the reading itself). */
    RunGate OPEN = area -> false;

    /** @return true when the run must not read; the gate has then recorded and logged it as such */
    boolean holdsBack(String area);
}
