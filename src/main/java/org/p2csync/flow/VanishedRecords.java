package org.p2csync.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.SourceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a complete full read: records the area wrote that the read did not return may be deleted at the source.
 * They are candidates only (a next link that pages by offset can skip a record when rows change during the read),
 * so each is read again by id first: those the source still has are handed on as read; those it no longer has are
 * handed on as deleted at the source, for the area's {@code onDelete} policy, exactly as change-tracking deletes.
 * The run's last batch is the last of these.
 */
final class VanishedRecords {
    private static final Logger LOG = LoggerFactory.getLogger(VanishedRecords.class);

    private final String area;
    private final SourceReader source;
    private final WrittenSources written;

    VanishedRecords(String area, SourceReader source, WrittenSources written) {
        this.area = area;
        this.source = source;
        this.written = written;
    }

    /** @param seen the source ids the complete read returned, in {@link FullRead#seenForm} */
    void handOn(RunInProgress run, Set<String> seen) throws Exception {
        Map<String, String> keys = written.bySourceId(area);
        List<String> candidates = keys.keySet().stream().filter(id -> !seen.contains(FullRead.seenForm(id)))
                .sorted().toList();
        if (candidates.isEmpty()) {
            run.hand(List.of(), Cursor.START, true);
            return;
        }
        LOG.info("{}: {} records written earlier were not in the complete read; reading them by id to confirm they"
                + " are gone", area, candidates.size());
        int chunk = source.idsPerRead();
        long deleted = 0;
        for (int from = 0; from < candidates.size(); from += chunk) {
            List<String> ids = candidates.subList(from, Math.min(candidates.size(), from + chunk));
            SourceReader.ReadBack back = source.readByIds(ids);
            if (!back.found().isEmpty()) {
                LOG.info("{}: {} records the read did not return are still at the source (a page moved under the"
                        + " read?); handed on as read: {}", area, back.found().size(),
                        back.found().stream().map(Item::displayKey).toList());
            }
            if (!back.unreadable().isEmpty()) {
                LOG.warn("{}: {} written records have no source id of the form this mapping reads (did the source id"
                        + " change?); they cannot be confirmed and are not treated as deleted: {}", area,
                        back.unreadable().size(), back.unreadable());
            }
            List<Item> items = new ArrayList<>(back.found());
            for (String id : back.gone()) {
                items.add(Item.deletedAtSource(id, keys.get(id)));
            }
            deleted += back.gone().size();
            run.hand(items, Cursor.START, from + chunk >= candidates.size());
        }
        LOG.info("{}: {} records are gone from the source; handed on to the delete policy", area, deleted);
    }
}
