package org.p2csync.sync;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One page of an area's run as it travels through the route: the body of every exchange a source endpoint emits.
 *
 * @param area the integration area (accounts, ...)
 * @param runId the run this page belongs to
 * @param items the page's records, in source order
 * @param end the cursor after this page; committed only once the page's writes are recorded
 * @param last true on the run's final page (which may carry no items)
 */
public record Batch(String area, String runId, List<Item> items, Cursor end, boolean last) {
    public Batch {
        items = List.copyOf(items);
    }

    public Batch withItems(List<Item> next) {
        return new Batch(area, runId, next, end, last);
    }

    public Batch mapItems(UnaryOperator<Item> step) {
        return withItems(items.stream().map(step).toList());
    }

    public long count(ItemStatus status) {
        return items.stream().filter(i -> i.status() == status).count();
    }
}
