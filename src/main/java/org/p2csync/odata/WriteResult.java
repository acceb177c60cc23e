package org.p2csync.odata;

/**
 * What the target said about one record's write.
 *
 * @param message the OData error message for a failure, empty on success
 * @param created true when the write created the record: F&amp;O's missing record sent as POST, or any write answered
 *     201 (a Dataverse upsert that creates may answer 204 like an update: then this is false)
 */
public record WriteResult(int status, String message, boolean created) {
    public WriteResult {
        created = created || status == 201;
    }

    public WriteResult(int status, String message) {
        this(status, message, false);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
