package org.p2csync.sync;

/** Receives each page of a run; throwing stops the run, and the cursor stays where the last accepted page left it. */
@FunctionalInterface
public interface BatchSink {
    void accept(Batch batch) throws Exception;
}
