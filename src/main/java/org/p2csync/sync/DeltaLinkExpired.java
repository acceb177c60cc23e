package org.p2csync.sync;

/** The service no longer knows a stored change-tracking delta link (its token expired): read in full again. */
public class DeltaLinkExpired extends RuntimeException {
    public DeltaLinkExpired(String message, Throwable cause) {
        super(message, cause);
    }
}
