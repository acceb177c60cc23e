package org.p2csync.mapping;

/**
 * Where a mapping reads from.
 *
 * @param system "crm" or "erp"
 * @param entity the source entity set, e.g. accounts
 * @param id the primary id, always present; orders a timestamp read's pages after the timestamp
 * @param key the natural key, used as record-state and error key
 * @param modified the modification time a timestamp read follows, or null: the source has none (F&amp;O entities) and
 *     is read in full, unless it is read with change tracking
 */
public record SourceSpec(String system, String entity, String id, String key, String modified) {
    /** True when a read sees records deleted at the source: with change tracking, or as a full read's gaps. */
    public boolean seesDeletes(boolean changeTracking) {
        return changeTracking || modified == null;
    }
}
