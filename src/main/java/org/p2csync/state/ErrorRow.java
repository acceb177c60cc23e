package org.p2csync.state;

import java.time.Instant;

/**
 * A record that could not be mapped or was rejected by the target.
 *
 * @param id assigned by the store; null on a row not yet recorded
 * @param stage where it failed: read, map, write
 * @param payload the source or mapped record as JSON text, for people to inspect; may be null
 * @param createdAt assigned by the store when null
 * @param sourceId the source record's id, so `retry` can have the next run re-read it; null on rows recorded before
 *     the store kept it
 * @param sourceFingerprint a digest of the source row as read (lines included) and of the mapping it failed under, for
 *     a failure that the same row would meet again: an area read in full does not map such a record again while its
 *     row reads the same. Null for failures that may pass by themselves (a read that was not whole, a target that
 *     stayed unavailable) and on rows recorded before the store kept it
 */
public record ErrorRow(
        Long id,
        String runId,
        String area,
        String recordKey,
        String stage,
        String reason,
        String payload,
        Instant createdAt,
        String sourceId,
        String sourceFingerprint) {

    /** A row to record now. */
    public static ErrorRow of(
            String runId, String area, String recordKey, String stage, String reason, String payload) {
        return new ErrorRow(null, runId, area, recordKey, stage, reason, payload, null, null, null);
    }

    /** This row, naming the source record's id. */
    public ErrorRow withSourceId(String id) {
        return new ErrorRow(this.id, runId, area, recordKey, stage, reason, payload, createdAt, id, sourceFingerprint);
    }

    /** This row, with the fingerprint of the source row that failed (null: none). */
    public ErrorRow withSourceFingerprint(String fingerprint) {
        return new ErrorRow(id, runId, area, recordKey, stage, reason, payload, createdAt, sourceId, fingerprint);
    }
}
