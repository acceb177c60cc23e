package org.p2csync.flow;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.PendingRecords;
import org.p2csync.sync.SourcePage;
import org.p2csync.sync.SourceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source without timestamp or change tracking (F&amp;O entities): every run reads the whole entity set, ordered by
 * its id fields, following the next links as given. The cursor stays at the start, so an interrupted run starts over;
 * unchanged records cost no write, their hashes are the same. Only a read that reached its last page is complete,
 * and only a complete read says anything about deletes: then the records the area wrote that the read did not return
 * are confirmed gone by id and handed on as deleted ({@link VanishedRecords}), and waiting records it did not return
 * stop waiting. Every record read counts as seen, whatever becomes of it (filtered, unchanged, failed, waiting).
 */
final class FullRead implements ReadStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(FullRead.class);

    private final String area;
    private final SourceReader source;
    private final PendingRecords pending;
    private final VanishedRecords vanished;
    /** Source ids read in this run, in {@link #seenForm}; bounded by the run. */
    private final Set<String> seen = new HashSet<>();

    /** @param vanished hands on the records gone from the source, or null when the area ignores deletes */
    FullRead(String area, Cursor stored, SourceReader source, PendingRecords pending, VanishedRecords vanished) {
        this.area = area;
        this.source = source;
        this.pending = pending;
        this.vanished = vanished;
        if (!stored.isStart()) {
            // left as it is: harmless if the mapping goes back to the strategy that stored it
            LOG.info("{}: ignoring the stored cursor {}; the source has no timestamp or change tracking and is read"
                    + " in full", area, stored);
        }
    }

    /** Ids compare as the services compare keys: without case. */
    static String seenForm(String sourceId) {
        return sourceId.toLowerCase(Locale.ROOT);
    }

    @Override
    public Cursor start() {
        return Cursor.START;
    }

    @Override
    public boolean reReadsWaiting() {
        return false;
    }

    @Override
    public SourcePage first() {
        return source.readAll();
    }

    @Override
    public Cursor endOf(SourcePage page) {
        return Cursor.START;
    }

    @Override
    public void read(SourcePage page) {
        for (Item item : page.items()) {
            seen.add(seenForm(item.sourceId()));
        }
    }

    @Override
    public boolean continuesAfterLastPage() {
        return vanished != null;
    }

    @Override
    public void complete(RunInProgress run) throws Exception {
        LOG.info("{}: complete read of {} records", area, seen.size());
        List<String> goneWaiting = pending.pending(area, WaitingRecords.MAX_PER_RUN).stream()
                .filter(id -> !seen.contains(seenForm(id)))
                .toList();
        if (!goneWaiting.isEmpty()) {
            LOG.info("{}: {} waiting records are no longer at the source (deleted there); no longer waiting: {}",
                    area, goneWaiting.size(), goneWaiting);
            pending.dropped(area, goneWaiting);
        }
        if (vanished != null) {
            vanished.handOn(run, seen);
        }
    }
}
