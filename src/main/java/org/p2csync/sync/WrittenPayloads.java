package org.p2csync.sync;

import java.util.Collection;
import java.util.Map;

/**
 * The header payload an area last wrote per record, kept for areas whose mapping says {@code conflicts: detect}, so
 * the target side can tell whether the other system changed a record since. The application registers one instance
 * in the Camel registry.
 */
public interface WrittenPayloads {
    /**
     * The payload last written for each given record key (the target key as one string) that has one; records never
     * written, or written before the area detected conflicts, are absent. One query for the whole collection.
     */
    Map<String, Map<String, Object>> lastWritten(String area, Collection<String> recordKeys);
}
