package org.p2csync.mapping;

import org.p2csync.sync.TargetRecord;

/** What a mapping made of one source record. */
public sealed interface MapResult {
    /** Mapped; {@code hash} identifies the payload, so an unchanged record can be skipped. */
    record Mapped(TargetRecord record, String hash) implements MapResult {}

    /** Left out by the mapping's filter; {@code reason} says which condition did not hold. */
    record Filtered(String reason) implements MapResult {}

    /** Cannot be mapped; {@code field} is the target field at fault, {@code reason} the cause for people. */
    record Failed(String field, String reason) implements MapResult {}

    /** Refers to a record another area has not synced yet; retried later rather than written half-linked. */
    record Waiting(String reference) implements MapResult {}

    /**
     * A document with a line that fails its lines' {@code require} (a write-in line): written neither header nor
     * lines, and not retried until its source changes; {@code reason} names the line and why, for people.
     */
    record Held(String reason) implements MapResult {}
}
