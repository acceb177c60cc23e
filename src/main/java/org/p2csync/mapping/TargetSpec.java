package org.p2csync.mapping;

import java.util.List;
import org.p2csync.sync.ReadOnlyWhen;

/**
 * Where a mapping writes to.
 *
 * @param system "crm" or "erp"
 * @param entity the target entity set, e.g. CustomersV3
 * @param key the target key fields in key order (F&O keys are composite: dataAreaId, then the number)
 * @param id the target field holding the record's own id, or null
 * @param write how the header is written: upsert (create or update), or update only (never create)
 * @param assigned target fields the service assigns (e.g. F&O's PartyNumber on create): never written, read back after
 *     writing so other areas' lookups can name them
 * @param shared several source records write the same target record (a product released in several companies is
 *     one CRM product): each source record keeps its own record state, so they do not overwrite each other's hash
 * @param readOnlyWhen the target values in which the service refuses updates of a record (a Dataverse order whose
 *     statecode left Active): such a record is not written, but held ({@code target.readOnlyWhen})
 */
public record TargetSpec(String system, String entity, List<String> key, String id, Write write,
        List<String> assigned, boolean shared, ReadOnlyWhen readOnlyWhen) {

    /** {@code target.write}: whether p2c-sync may create the target record or only change one that exists. */
    public enum Write {
        /** PATCH by key creates the record when it is missing (the default). */
        UPSERT,
        /**
         * PATCH by key with {@code If-Match: *}: the record must exist, a missing one fails. For records another
         * system owns, e.g. ERP status written onto orders the CRM created, where a create would leave a bare copy.
         */
        UPDATE
    }

    public TargetSpec {
        key = List.copyOf(key);
        write = write == null ? Write.UPSERT : write;
        assigned = assigned == null ? List.of() : List.copyOf(assigned);
        readOnlyWhen = readOnlyWhen == null ? ReadOnlyWhen.NEVER : readOnlyWhen;
    }

    /** A target whose records are never read-only. */
    public TargetSpec(String system, String entity, List<String> key, String id, Write write,
            List<String> assigned, boolean shared) {
        this(system, entity, key, id, write, assigned, shared, ReadOnlyWhen.NEVER);
    }

    /** A target none of whose fields the service assigns. */
    public TargetSpec(String system, String entity, List<String> key, String id, Write write) {
        this(system, entity, key, id, write, List.of(), false);
    }

    /** An upsert target, optionally with the field holding its own id. */
    public TargetSpec(String system, String entity, List<String> key, String id) {
        this(system, entity, key, id, Write.UPSERT);
    }

    /** A target addressed by its key only, whose own record id the mapping does not set. */
    public TargetSpec(String system, String entity, List<String> key) {
        this(system, entity, key, null);
    }
}
