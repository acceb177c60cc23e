package org.p2csync.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dataverse tables whose state ({@code statecode}, {@code statuscode}) the real service changes only through
 * messages, never through an update naming the columns (REAL-SERVICES.md, Dataverse 5): an order is fulfilled with
 * FulfillSalesOrder and canceled with CancelSalesOrder. By entity set, as mappings name their targets. A live
 * $metadata does not say this, so it is kept here, with the sources, rather than assumed of any table.
 */
public final class DataverseStateMessages {
    /** The columns a state message sets. */
    public static final Set<String> STATE_COLUMNS = Set.of("statecode", "statuscode");

    private static final Map<String, List<String>> BY_ENTITY_SET = Map.of(
            "salesorders", List.of("FulfillSalesOrder", "CancelSalesOrder"));

    private DataverseStateMessages() {}

    /** The messages that change the state of the entity set's records, or empty when updates may set it. */
    public static Optional<List<String>> of(String entitySet) {
        return Optional.ofNullable(BY_ENTITY_SET.get(entitySet));
    }
}
