package org.p2csync.flow;

import java.util.List;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.SourcePage;
import org.p2csync.sync.SourceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source with a modification timestamp: a run starts at the stored watermark W with one query for every row
 * modified at or after W, ordered by (modified, id fields), and follows the next links as given. After each page the
 * cursor is the page's last row's modified value, taken from the row (never from our clock, which may be skewed
 * from the service's). That is safe to commit: rows ordered before it were read, and rows sharing its value (in a
 * later page, or written in that second after the read passed it) are read again by the next run's {@code ge}. Rows
 * read again cost no write, their hashes are unchanged. An interrupted run resumes from its last committed page;
 * rows edited during a run come again in the next, with their new timestamp.
 */
final class WatermarkRead implements ReadStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(WatermarkRead.class);

    private final String area;
    private final ReadSpec spec;
    private final SourceReader source;
    private final Cursor start;
    private Cursor position;

    WatermarkRead(String area, ReadSpec spec, Cursor stored, SourceReader source) {
        this.area = area;
        this.spec = spec;
        this.source = source;
        if (stored instanceof Cursor.DeltaLink) {
            // the mapping dropped change tracking: a delta link is no watermark
            LOG.info("{}: stored cursor is a delta link but change tracking is off; reading from the start", area);
            this.start = Cursor.START;
        } else {
            this.start = stored;
        }
        this.position = start;
    }

    @Override
    public Cursor start() {
        return start;
    }

    @Override
    public SourcePage first() {
        return source.readAfter(start);
    }

    @Override
    public Cursor endOf(SourcePage page) {
        List<Item> items = page.items();
        if (!items.isEmpty()) {
            Item last = items.get(items.size() - 1);
            Object modified = last.source().get(spec.modifiedField());
            if (modified == null) {
                throw new IllegalStateException(area + ": record " + last.displayKey() + " of " + spec.entitySet()
                        + " has no " + spec.modifiedField() + " (source.modified of the mapping); the cursor cannot"
                        + " move past it");
            }
            position = new Cursor.Watermark(modified.toString());
        }
        return position;
    }
}
