package org.p2csync.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * One alternate key of a Dataverse table, as the metadata API defines it (EntityKeyMetadata).
 *
 * @param table the table's logical name, e.g. account
 * @param attributes the key columns' logical names (a lookup by its column: salesorderid)
 * @param createdAt when the key was created; its index builds within the service's key index delay after
 * @param failure why the index failed (the duplicate values), or null
 */
record EntityKey(String metadataId, String table, String logicalName, String schemaName, String displayName,
                 List<String> attributes, KeyIndexStatus status, Instant createdAt, String failure) {
    EntityKey {
        attributes = List.copyOf(attributes);
    }

    EntityKey withStatus(KeyIndexStatus value, String reason) {
        return new EntityKey(metadataId, table, logicalName, schemaName, displayName, attributes, value, createdAt, reason);
    }
}
