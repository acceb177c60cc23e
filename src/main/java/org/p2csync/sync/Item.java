package org.p2csync.sync;

import java.util.Map;

/**
 * One source record and what the route has done with it so far. Steps never mutate an item; they return a copy in
 * its next state.
 *
 * @param sourceId the source's primary id (e.g. accountid), always present
 * @param sourceKey the natural key (e.g. accountnumber); may be null when the source record lacks it
 * @param source the source row as read (JSON values: String, Number, Boolean, null)
 * @param target the mapped record, once mapped
 * @param hash hash of the mapped payload, once mapped
 * @param stage where it failed: read, map, write
 * @param reason why it failed, waits, was filtered or is held, for people
 * @param transientFailure a failure that may pass with no change at all (the target stayed unavailable or throttling
 *     through every retry): an area read in full tries such a record again at its next run
 */
public record Item(
        String sourceId,
        String sourceKey,
        Map<String, Object> source,
        ItemStatus status,
        TargetRecord target,
        String hash,
        String stage,
        String reason,
        boolean transientFailure) {

    public static Item read(String sourceId, String sourceKey, Map<String, Object> source) {
        return new Item(sourceId, sourceKey, source, ItemStatus.READ, null, null, null, null, false);
    }

    /** A record the source reports deleted: only its id (and, when the source says, its key) is known. */
    public static Item deletedAtSource(String sourceId, String sourceKey) {
        return new Item(sourceId, sourceKey, Map.of(), ItemStatus.DELETED, null, null, null, null, false);
    }

    /** The key people see for this record: the natural key when there is one, else the source id. */
    public String displayKey() {
        return sourceKey != null && !sourceKey.isBlank() ? sourceKey : sourceId;
    }

    public Item mapped(TargetRecord target, String hash) {
        return new Item(sourceId, sourceKey, source, ItemStatus.READY, target, hash, null, null, false);
    }

    public Item filtered(String why) {
        return new Item(sourceId, sourceKey, source, ItemStatus.FILTERED, target, hash, null, why, false);
    }

    public Item unchanged() {
        return new Item(sourceId, sourceKey, source, ItemStatus.UNCHANGED, target, hash, null, null, false);
    }

    public Item written() {
        return new Item(sourceId, sourceKey, source, ItemStatus.WRITTEN, target, hash, null, null, false);
    }

    public Item waiting(String missingReference) {
        return new Item(sourceId, sourceKey, source, ItemStatus.WAITING, target, hash, "map", missingReference, false);
    }

    /** Not to be written at all (a document with a line its mapping's require refuses); {@code why} names the line. */
    public Item held(String why) {
        return new Item(sourceId, sourceKey, source, ItemStatus.HELD, target, hash, null, why, false);
    }

    /** Failed for good: the same source row under the same mapping would fail again. */
    public Item failed(String atStage, String why) {
        return new Item(sourceId, sourceKey, source, ItemStatus.FAILED, target, hash, atStage, why, false);
    }

    /** Failed for now: the target answered with a transient status (429, 5xx) through every retry. */
    public Item failedTransiently(String atStage, String why) {
        return new Item(sourceId, sourceKey, source, ItemStatus.FAILED, target, hash, atStage, why, true);
    }

    /** Read as it was when it failed: not mapped or written again, its open error stays open. */
    public Item stillFailing() {
        return new Item(sourceId, sourceKey, source, ItemStatus.STILL_FAILING, null, null, null, null, false);
    }
}
