package org.p2csync.state;

/** A state database operation failed; the message says which operation and for which area or record. */
public final class StateStoreException extends RuntimeException {
    public StateStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
