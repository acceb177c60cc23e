package org.p2csync.state;

import java.time.Instant;

/**
 * A record waiting for a reference, as the pending table holds it.
 *
 * @param sourceKey the natural key, for people; may be null
 * @param reason the missing reference, e.g. "accounts record 1f0c... (from _customerid_value) not synced yet"
 * @param attempts how many runs have tried to map it
 */
public record PendingRecord(
        String area, String sourceId, String sourceKey, String reason, Instant firstSeen, Instant lastSeen,
        int attempts) {
    /** A record found waiting now, to be stored. */
    public static PendingRecord waiting(String area, String sourceId, String sourceKey, String reason) {
        return new PendingRecord(area, sourceId, sourceKey, reason, null, null, 1);
    }
}
