package org.p2csync.mapping;

/**
 * A field that cannot be computed for one record. Thrown without a stack trace: it is an expected outcome of
 * mapping bad data, caught per field by {@link Mapping#apply}, and must stay cheap on a 20k-record run.
 */
final class FieldFailure extends RuntimeException {
    FieldFailure(String reason) {
        super(reason, null, false, false);
    }
}
