package org.p2csync.sync;

import java.util.Map;
import java.util.Optional;

/** The fields each entity set of one service has, so mappings are checked before any record moves. */
public interface FieldCatalog {
    /** The properties of an entity set by name, or empty when the service has no such set. */
    Optional<Map<String, FieldInfo>> fields(String entitySet);
}
