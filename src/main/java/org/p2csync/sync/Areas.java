package org.p2csync.sync;

import java.util.List;

/** Looks up what each configured area reads; the application registers one instance in the Camel registry. */
public interface Areas {
    /** @throws IllegalArgumentException naming the area when it has no mapping */
    ReadSpec readSpec(String area);

    /**
     * The header fields the target side compares with what the area last wrote before writing a record again
     * (mapping {@code conflicts: detect}): every target field but the key fields and {@code @odata.bind} references.
     * Empty for an area that does not detect conflicts, which then costs no extra request.
     */
    default List<String> conflictFields(String area) {
        return List.of();
    }

    /**
     * True when the area does something with a record deleted at its source (mapping {@code onDelete} deactivate or
     * delete). A complete full read then confirms the records it no longer returned and hands them on as deleted;
     * false (policy ignore, the default) spares those reads.
     */
    default boolean actsOnDeletes(String area) {
        return false;
    }

    /**
     * The target fields the service assigns to the records it stores (mapping {@code target.assigned}, e.g. F&amp;O's
     * PartyNumber), read back after writing so other areas' lookups can use them. Empty for an area that assigns
     * none, which then costs no extra request.
     */
    default List<String> assignedFields(String area) {
        return List.of();
    }

    /**
     * The target values in which the service refuses updates of a record (mapping {@code target.readOnlyWhen}): the
     * target side reads them for the records it is about to update and holds those that are read-only instead of
     * sending a write the service would refuse. {@link ReadOnlyWhen#NEVER} costs no request.
     */
    default ReadOnlyWhen readOnlyWhen(String area) {
        return ReadOnlyWhen.NEVER;
    }
}
