package org.p2csync.flow;

import org.p2csync.sync.Cursor;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.SourcePage;

/**
 * How one run reads its area: which request starts it and what cursor each page ends at. The page loop is the same
 * for all ({@link PageLoop}): follow the service's next link as given until a page has none. One instance per run.
 */
interface ReadStrategy {
    /** Which strategy reads an area: change tracking when enabled, else a watermark when the source has a timestamp. */
    static Kind kindOf(ReadSpec spec) {
        if (spec.changeTracking()) {
            return Kind.CHANGE_TRACKING;
        }
        return spec.modifiedField() != null ? Kind.WATERMARK : Kind.FULL_READ;
    }

    enum Kind { CHANGE_TRACKING, WATERMARK, FULL_READ }

    /** Where the run starts: the end of the pages that are no resume point, and of re-read waiting records. */
    Cursor start();

    /** Whether waiting records are re-read by id before the first page; a full read reads them anyway. */
    default boolean reReadsWaiting() {
        return true;
    }

    /** The run's first page. */
    SourcePage first();

    /** Whether next links are read as a change-tracking read. */
    default boolean tracked() {
        return false;
    }

    /** The cursor a page ends at, once committed. */
    Cursor endOf(SourcePage page);

    /** Told of each page before it is handed on. */
    default void read(SourcePage page) {}

    /**
     * What a read that reached its last page still owes, handed on through {@code run}. A strategy that hands on
     * anything here ends with the run's last batch, and says so by {@link #continuesAfterLastPage()}.
     */
    default void complete(RunInProgress run) throws Exception {}

    /** True when {@link #complete} hands on the run's last batch, so the last page is not it. */
    default boolean continuesAfterLastPage() {
        return false;
    }
}
