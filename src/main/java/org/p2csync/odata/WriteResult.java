package org.p2csync.odata;

/**
 * What the target said about one record's write.
 *
 * @param message the OData error message for a failure, empty on success
 */
public record WriteResult(int status, String message) {
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
