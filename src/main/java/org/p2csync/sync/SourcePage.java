package org.p2csync.sync;

import java.util.List;

/**
 * One page of a source read as the connector hands it to the engine.
 *
 * @param items the page's records in source order: read, deleted at the source (change tracking), or failed at the
 *     read stage (a record that stays malformed, with its identity)
 * @param nextLink the service's link to the next page, followed as given; null on the read's last page
 * @param deltaLink change tracking, on the last page: the link (relative to the service root) that returns what
 *     changed since; else null
 * @param total on a read's first page, the rows the whole read will bring when the source counted them (for the
 *     progress of a long read); else null
 */
public record SourcePage(List<Item> items, String nextLink, String deltaLink, Long total) {
    public SourcePage {
        items = List.copyOf(items);
    }

    public SourcePage(List<Item> items, String nextLink, String deltaLink) {
        this(items, nextLink, deltaLink, null);
    }

    public boolean isLast() {
        return nextLink == null;
    }
}
