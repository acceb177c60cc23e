package org.p2csync.odata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the target said about one record's write.
 *
 * @param message the OData error message for a failure, empty on success
 * @param created true when the write created the record: F&amp;O's missing record sent as POST, or any write answered
 *     201 (a Dataverse upsert that creates may answer 204 like an update: then this is false)
 * @param returned the record as the service returned it with a success (an OData POST answers 201 with the created
 *     entity, values the service assigned included); empty when the answer carried none
 */
public record WriteResult(int status, String message, boolean created, Map<String, Object> returned) {
    public WriteResult {
        created = created || status == 201;
        returned = returned == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(returned));
    }

    public WriteResult(int status, String message, boolean created) {
        this(status, message, created, Map.of());
    }

    public WriteResult(int status, String message) {
        this(status, message, false);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
