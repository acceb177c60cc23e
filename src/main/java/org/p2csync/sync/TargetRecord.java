package org.p2csync.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A mapped record as the target should hold it. {@code key} holds the target key properties in key order (for F&O
 * e.g. dataAreaId then CustomerAccount); {@code payload} holds every property to write, key properties included.
 */
public record TargetRecord(Map<String, Object> key, Map<String, Object> payload) {
    public TargetRecord {
        key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
        payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    /** The key as one readable string, e.g. {@code usmf|US-001}; used as the record-state and error key. */
    public String keyString() {
        return key.values().stream().map(String::valueOf).collect(Collectors.joining("|"));
    }
}
