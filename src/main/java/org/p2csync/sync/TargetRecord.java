package org.p2csync.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A mapped record as the target should hold it. {@code key} holds the target key properties in key order (for F&O
 * e.g. dataAreaId then CustomerAccount); {@code payload} holds every property to write, key properties included.
 * A document (quote, order, invoice) carries its {@code lines}: they are written together with the header, in one
 * atomic change set, never one without the other.
 *
 * @param operation what to do with it at the target: upsert it, update it only if it exists (never create it), or
 *     delete it (a source delete under the delete policy)
 * @param recordKey the key of its record state when that is not the target key: the source id, for a target record
 *     that several source records write (mapping {@code target.shared}); null otherwise
 * @param neverWritten true when p2c-sync holds no record state for it (it never wrote it, or forgot it with a
 *     delete), as the skip-unchanged step found: most likely new to the target, so a target that creates only by
 *     POST (F&amp;O) is sent one at once. A hint, not a fact: the record may exist there all the same (created by
 *     hand), and the connector then updates it
 */
public record TargetRecord(
        String entitySet, Map<String, Object> key, Map<String, Object> payload, List<TargetRecord> lines,
        Operation operation, String recordKey, boolean neverWritten) {

    public enum Operation {
        UPSERT,
        /** Update an existing record; a missing one is an error, never created ({@code If-Match: *}). */
        UPDATE,
        DELETE
    }

    public TargetRecord {
        key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
        lines = lines == null ? List.of() : List.copyOf(lines);
        operation = operation == null ? Operation.UPSERT : operation;
    }

    public TargetRecord(String entitySet, Map<String, Object> key, Map<String, Object> payload,
                        List<TargetRecord> lines, Operation operation) {
        this(entitySet, key, payload, lines, operation, null, false);
    }

    /** A record of the endpoint's own entity set, without lines, to upsert. */
    public TargetRecord(Map<String, Object> key, Map<String, Object> payload) {
        this(null, key, payload, List.of(), Operation.UPSERT);
    }

    /** This document without its line at {@code index}. */
    public TargetRecord withoutLine(int index) {
        List<TargetRecord> rest = new java.util.ArrayList<>(lines);
        rest.remove(index);
        return withLines(rest);
    }

    /** This document with these lines instead of its own. */
    public TargetRecord withLines(List<TargetRecord> next) {
        return new TargetRecord(entitySet, key, payload, next, operation, recordKey, neverWritten);
    }

    /** This record, its record state kept under {@code value} (a source id) instead of its target key. */
    public TargetRecord withRecordKey(String value) {
        return new TargetRecord(entitySet, key, payload, lines, operation, value, neverWritten);
    }

    /** This record, known never to have been written by p2c-sync (see {@link #neverWritten}). */
    public TargetRecord asNeverWritten() {
        return new TargetRecord(entitySet, key, payload, lines, operation, recordKey, true);
    }

    /** The key of this record's state (hash, identity, written payload): {@link #recordKey} or {@link #keyString}. */
    public String stateKey() {
        return recordKey != null ? recordKey : keyString();
    }

    /** The target key as one readable string, e.g. {@code usmf|US-001}. */
    public String keyString() {
        return key.values().stream().map(String::valueOf).collect(Collectors.joining("|"));
    }
}
