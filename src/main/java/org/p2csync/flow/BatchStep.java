package org.p2csync.flow;

import org.p2csync.sync.Batch;

/** One stage of an area's route, applied to a whole page so the stages can batch their I/O. */
@FunctionalInterface
public interface BatchStep {
    Batch apply(Batch batch);
}
