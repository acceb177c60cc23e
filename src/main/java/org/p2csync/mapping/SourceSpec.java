package org.p2csync.mapping;

/**
 * Where a mapping reads from.
 *
 * @param system "crm" or "erp"
 * @param entity the source entity set, e.g. accounts
 * @param id the primary id, always present; the cursor's tie-breaker
 * @param key the natural key, used as record-state and error key
 * @param modified the modification time the cursor follows
 */
public record SourceSpec(String system, String entity, String id, String key, String modified) {}
