package org.p2csync.mapping;

/** One compiled operation on a field's value; chained once at load time so applying a record parses nothing. */
@FunctionalInterface
interface Step {
    /** @throws FieldFailure when the value cannot be turned into what the target needs */
    Object apply(Object value);
}
