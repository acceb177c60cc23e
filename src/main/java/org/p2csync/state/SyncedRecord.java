package org.p2csync.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record as written to the target, with its identity on both sides: what other areas' lookups resolve (a quote's
 * customer id -> the customer account written for it) and what a source delete finds its target record by.
 *
 * @param recordKey the record-state key (the target key as one string)
 * @param hash the hash of the payload written
 * @param sourceId the source's primary id, e.g. the accountid GUID
 * @param sourceKey the source's natural key, e.g. accountnumber; may be null
 * @param targetKey the target key fields in key order, e.g. dataAreaId then CustomerAccount
 * @param writtenPayload the header payload written, kept only for areas that detect conflicts; else null
 * @param lineKeys the keys of the source-read lines written with a document, so lines gone from the source since can
 *     be deleted at the target; null for records without such lines
 */
public record SyncedRecord(
        String recordKey, String hash, String sourceId, String sourceKey, Map<String, Object> targetKey,
        String targetId, Map<String, Object> writtenPayload, java.util.List<Map<String, Object>> lineKeys) {
    public SyncedRecord {
        targetKey = Collections.unmodifiableMap(new LinkedHashMap<>(targetKey));
        // payload values may be null (a cleared field), which Map.copyOf refuses
        writtenPayload = writtenPayload == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(writtenPayload));
        lineKeys = lineKeys == null ? null : lineKeys.stream().map(k -> Collections.unmodifiableMap(
                new LinkedHashMap<>(k))).toList();
    }

    /** A record without source-read lines. */
    public SyncedRecord(String recordKey, String hash, String sourceId, String sourceKey, Map<String, Object> targetKey,
            String targetId, Map<String, Object> writtenPayload) {
        this(recordKey, hash, sourceId, sourceKey, targetKey, targetId, writtenPayload, null);
    }

    /** A record of an area that keeps no written payload. */
    public SyncedRecord(String recordKey, String hash, String sourceId, String sourceKey, Map<String, Object> targetKey,
            String targetId) {
        this(recordKey, hash, sourceId, sourceKey, targetKey, targetId, null, null);
    }

    /** A record whose target id is not known (the target is addressed by its key only). */
    public SyncedRecord(String recordKey, String hash, String sourceId, String sourceKey, Map<String, Object> targetKey) {
        this(recordKey, hash, sourceId, sourceKey, targetKey, null, null, null);
    }
}
