package org.p2csync.flow;

import org.p2csync.sync.Batch;

/** One stage of an area's route, applied to a whole page so the stages can batch their I/O. */
@FunctionalInterface
public interface BatchStep {
    Batch apply(Batch batch);

    /** This stage, then {@code next} on its result: two jobs behind one endpoint of the route. */
    default BatchStep andThen(BatchStep next) {
        return batch -> next.apply(apply(batch));
    }
}
