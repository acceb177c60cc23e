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
 * @param conflicts records of a two-way area the target side wrote although the other side had changed them too
 *     (mapping {@code conflicts: detect}); the commit step records them in the run history
 * @param readBack the values the target assigns (mapping {@code target.assigned}) that the engine asks the target
 *     side to read back after the page's writes, and what it found; the commit step keeps them
 */
public record Batch(String area, String runId, List<Item> items, Cursor end, boolean last, List<Conflict> conflicts,
        ReadBack readBack) {
    public Batch {
        items = List.copyOf(items);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        readBack = readBack == null ? ReadBack.NONE : readBack;
    }

    /** A page as a source endpoint emits it: no conflicts yet. */
    public Batch(String area, String runId, List<Item> items, Cursor end, boolean last) {
        this(area, runId, items, end, last, List.of(), ReadBack.NONE);
    }

    public Batch(String area, String runId, List<Item> items, Cursor end, boolean last, List<Conflict> conflicts) {
        this(area, runId, items, end, last, conflicts, ReadBack.NONE);
    }

    public Batch withItems(List<Item> next) {
        return new Batch(area, runId, next, end, last, conflicts, readBack);
    }

    public Batch withConflicts(List<Conflict> found) {
        return new Batch(area, runId, items, end, last, found, readBack);
    }

    public Batch withReadBack(ReadBack next) {
        return new Batch(area, runId, items, end, last, conflicts, next);
    }

    public Batch mapItems(UnaryOperator<Item> step) {
        return withItems(items.stream().map(step).toList());
    }

    public long count(ItemStatus status) {
        return items.stream().filter(i -> i.status() == status).count();
    }
}
