package org.p2csync.sync;

import java.util.Objects;

/**
 * Where an area's next run starts, one of three kinds, one per read strategy:
 * <ul>
 *   <li>{@link Start}: nothing to resume from. A first run, and always a full read's cursor: a full read starts over
 *       every run (re-read records cost no write, their hashes are unchanged).
 *   <li>{@link Watermark}: a timestamp read resumes after the last committed row's (modified, id), so rows sharing one
 *       timestamp across a page boundary are neither skipped nor read forever.
 *   <li>{@link DeltaLink}: change tracking resumes from the link that returns what changed since.
 * </ul>
 */
public sealed interface Cursor permits Cursor.Start, Cursor.Watermark, Cursor.DeltaLink {
    Cursor START = new Start();

    /** Nothing stored: read from the beginning. */
    record Start() implements Cursor {}

    /**
     * @param modified the last row's modification time, as the service wrote it
     * @param tieBreaker the last row's id (a composite id as a JSON array, see the connector's SourceId); null reads
     *     every row at or after {@code modified} (a run's start moved back by an overlap)
     */
    record Watermark(String modified, String tieBreaker) implements Cursor {
        public Watermark {
            Objects.requireNonNull(modified, "a watermark needs its modified value");
        }
    }

    /** @param link the change-tracking delta link, relative to the service root (an older version stored it absolute) */
    record DeltaLink(String link) implements Cursor {
        public DeltaLink {
            Objects.requireNonNull(link, "a delta link cursor needs its link");
        }
    }

    default boolean isStart() {
        return this instanceof Start;
    }
}
