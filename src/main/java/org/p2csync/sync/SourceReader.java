package org.p2csync.sync;

import java.util.List;

/**
 * The reads a source connector offers the engine for one area's run, in the source's own protocol: the first page
 * of each kind of read, a link as given, and records re-read by id. The engine decides which read a run makes and
 * what each page means for the cursor; the connector knows nothing of runs. A page that stays malformed at the source
 * comes back narrowed down: its one bad record as an item failed at the read stage, the rest as read.
 */
public interface SourceReader {
    /**
     * The first page of a timestamp read: rows modified at or after {@code from} (a {@link Cursor.Watermark};
     * {@link Cursor#START} reads from the first row), ordered by (modified, id).
     */
    SourcePage readAfter(Cursor from);

    /** The first page of a full read: every row of the entity set, ordered by its id fields. */
    SourcePage readAll();

    /** The first page of a change-tracking read of every row; its last page carries a delta link. */
    SourcePage readTracked();

    /**
     * The first page of what changed since a stored delta link: changed rows and deleted ones.
     *
     * @throws DeltaLinkExpired when the service no longer knows the link (its token expired)
     */
    SourcePage readDelta(String deltaLink);

    /** The page a previous page's next link points to, as the service gave it. */
    SourcePage readNext(String nextLink, boolean tracked);

    /** How many ids one {@link #readByIds} call may ask for: the request must stay within the service's limits. */
    int idsPerRead();

    /** Reads records again by their source ids, at most {@link #idsPerRead()} of them. */
    ReadBack readByIds(List<String> sourceIds);

    /**
     * What a read by id found.
     *
     * @param found the records the source still has, as read
     * @param gone ids the source did not return: deleted there
     * @param unreadable ids that are no ids of this source at all (the mapping's source id changed since they were
     *     kept); nothing can be said about them
     */
    record ReadBack(List<Item> found, List<String> gone, List<String> unreadable) {
        public ReadBack {
            found = List.copyOf(found);
            gone = List.copyOf(gone);
            unreadable = List.copyOf(unreadable);
        }
    }
}
