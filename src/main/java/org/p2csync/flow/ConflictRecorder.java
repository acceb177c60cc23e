package org.p2csync.flow;

import java.util.stream.Collectors;
import org.p2csync.state.ConflictStore;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Conflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit side of {@code conflicts: detect}: whether an area keeps the header payloads it writes (what the next
 * write is compared against), and recording the conflicts a page's writes overrode, in the run history and the log.
 */
final class ConflictRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ConflictRecorder.class);

    private final ConflictStore store;
    private final boolean detect;

    private ConflictRecorder(ConflictStore store, boolean detect) {
        this.store = store;
        this.detect = detect;
    }

    /** For an area with {@code conflicts: detect}. */
    static ConflictRecorder detecting(ConflictStore store) {
        return new ConflictRecorder(store, true);
    }

    /** For an area that ignores conflicts: it keeps no payloads and never has conflicts to record. */
    static ConflictRecorder off() {
        return new ConflictRecorder(null, false);
    }

    boolean keepsPayloads() {
        return detect;
    }

    /** Stores the page's conflicts with its run and warns about each, naming area, record and fields. */
    void record(Batch batch) {
        if (batch.conflicts().isEmpty()) {
            return;
        }
        if (store == null) {
            throw new IllegalStateException(batch.area() + ": conflicts reported for an area that does not detect"
                    + " them");
        }
        store.record(batch.runId(), batch.area(), batch.conflicts());
        for (Conflict conflict : batch.conflicts()) {
            LOG.warn("{}: conflict on {} ({}): changed at the target since this area last wrote it; the owner's"
                    + " values were written: {}", batch.area(), conflict.recordKey(), conflict.targetKey(),
                    conflict.fields().stream().map(ConflictRecorder::describe).collect(Collectors.joining("; ")));
        }
    }

    private static String describe(Conflict.Field f) {
        return f.name() + " found " + quoted(f.found()) + ", last written " + quoted(f.lastWritten()) + ", written "
                + quoted(f.written());
    }

    private static String quoted(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }
}
