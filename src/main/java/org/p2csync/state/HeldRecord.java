package org.p2csync.state;

import java.time.Instant;

/**
 * A record held back, as the held table keeps it: a document its mapping's {@code require} holds (a quote with a
 * write-in line), or a record whose target copy is read-only ({@code target.readOnlyWhen}: an order fulfilled in the
 * CRM).
 *
 * @param recordKey the key people know it by (the natural key, else the source id)
 * @param reason which line and why, e.g. "line 4 (sequencenumber 4): write-in line (no product); ...", or which
 *     target state
 * @param since when it was first held (it stays while later runs hold it again); assigned by the store
 * @param runId the latest run that held it
 * @param payloadHash the hash of the payload a read-only target was not sent, or null (held before it was mapped):
 *     the same payload again stays held without asking the target
 */
public record HeldRecord(String area, String sourceId, String recordKey, String reason, Instant since, String runId,
        String payloadHash) {
    /** A record held before it was mapped. */
    public HeldRecord(String area, String sourceId, String recordKey, String reason, Instant since, String runId) {
        this(area, sourceId, recordKey, reason, since, runId, null);
    }

    /** A record found held now by run {@code runId}, to be stored. */
    public static HeldRecord held(String area, String sourceId, String recordKey, String reason, String runId) {
        return new HeldRecord(area, sourceId, recordKey, reason, null, runId, null);
    }

    /** The same, held with the payload hash it was not sent with. */
    public HeldRecord withPayloadHash(String hash) {
        return new HeldRecord(area, sourceId, recordKey, reason, since, runId, hash);
    }
}
