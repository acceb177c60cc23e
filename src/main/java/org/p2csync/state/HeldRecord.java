package org.p2csync.state;

import java.time.Instant;

/**
 * A document held back by its mapping's {@code require} (a quote with a write-in line), as the held table keeps it.
 *
 * @param recordKey the key people know it by (the natural key, else the source id)
 * @param reason which line and why, e.g. "line 4 (sequencenumber 4): write-in line (no product); ..."
 * @param since when it was first held (it stays while later runs hold it again); assigned by the store
 * @param runId the latest run that held it
 */
public record HeldRecord(String area, String sourceId, String recordKey, String reason, Instant since, String runId) {
    /** A record found held now by run {@code runId}, to be stored. */
    public static HeldRecord held(String area, String sourceId, String recordKey, String reason, String runId) {
        return new HeldRecord(area, sourceId, recordKey, reason, null, runId);
    }
}
