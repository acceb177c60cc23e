package org.p2csync.sync;

import java.util.Objects;

/**
 * Where an area's next run starts, one of three kinds, one per read strategy:
 * <ul>
 *   <li>{@link Start}: nothing to resume from. A first run, and always a full read's cursor: a full read starts over
 *       every run (re-read records cost no write, their hashes are unchanged).
 *   <li>{@link Watermark}: a timestamp read starts at the last committed row's modified value, that second included
 *       ({@code ge}), so rows sharing one timestamp (Dataverse keeps whole seconds) are never skipped; those read
 *       again cost no write. No id tie-breaker: ids do not compare on the service as they do in a client.
 *   <li>{@link DeltaLink}: change tracking resumes from the link that returns what changed since.
 * </ul>
 */
public sealed interface Cursor permits Cursor.Start, Cursor.Watermark, Cursor.DeltaLink {
    Cursor START = new Start();

    /** Nothing stored: read from the beginning. */
    record Start() implements Cursor {}

    /**
     * @param modified the last committed row's modification time, as the service wrote it (never our clock); a run
     *     reads every row modified at or after it
     */
    record Watermark(String modified) implements Cursor {
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
