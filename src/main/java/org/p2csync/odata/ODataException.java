package org.p2csync.odata;

/**
 * A request to a service failed for good: a non-transient status, or a transient one that outlasted the retry
 * policy. {@link #status()} is 0 when no response arrived at all.
 */
public class ODataException extends RuntimeException {
    private final int status;

    public ODataException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public ODataException(String message, int status) {
        this(message, status, null);
    }

    public int status() {
        return status;
    }
}
