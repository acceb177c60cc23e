package org.p2csync.flow;

import java.util.List;
import java.util.Map;
import org.p2csync.state.PendingStore;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;

/**
 * A record does not wait for its reference forever: one whose reference is still missing after
 * {@code p2c.waiting.max-attempts} runs becomes a failed record, with the reference it waited for as the reason. The
 * usual cause is a reference the other area never syncs because its mapping filters it out (a contact of a prospect
 * account, when the accounts area syncs customers only): waiting would never end, and an error is what someone sees.
 */
final class WaitingLimit {
    static final int DEFAULT_MAX_ATTEMPTS = 10;
    static final String STAGE = "waiting";

    private final PendingStore pending;
    private final int maxAttempts;

    WaitingLimit(PendingStore pending, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("p2c.waiting.max-attempts must be at least 1, was " + maxAttempts);
        }
        this.pending = pending;
        this.maxAttempts = maxAttempts;
    }

    /** The page with its waiting records that have now waited {@code maxAttempts} runs turned into failures. */
    Batch apply(Batch batch) {
        List<String> waiting = batch.items().stream().filter(i -> i.status() == ItemStatus.WAITING)
                .map(Item::sourceId).toList();
        if (waiting.isEmpty()) {
            return batch;
        }
        Map<String, Integer> attempts = pending.attempts(batch.area(), waiting);
        if (attempts.values().stream().noneMatch(n -> n + 1 >= maxAttempts)) {
            return batch;
        }
        return batch.withItems(batch.items().stream().map(i -> i.status() == ItemStatus.WAITING
                && attempts.getOrDefault(i.sourceId(), 0) + 1 >= maxAttempts ? gaveUp(i) : i).toList());
    }

    private Item gaveUp(Item item) {
        return item.failed(STAGE, "still waiting after " + maxAttempts + " runs (p2c.waiting.max-attempts): "
                + item.reason() + "; it never arrived: is it filtered out by its own area's mapping (a contact's"
                + " prospect account, say) or not synced at all? After fixing that: retry");
    }
}
