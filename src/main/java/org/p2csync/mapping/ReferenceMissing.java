package org.p2csync.mapping;

/** A lookup whose referenced record another area has not synced yet; the record waits instead of failing. */
final class ReferenceMissing extends RuntimeException {
    ReferenceMissing(String reference) {
        super(reference, null, false, false);
    }

    String reference() {
        return getMessage();
    }
}
