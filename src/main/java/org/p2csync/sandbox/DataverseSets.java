package org.p2csync.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2csync.schema.ColumnType;
import org.p2csync.schema.DataverseColumn;
import org.p2csync.schema.DataverseNavigation;
import org.p2csync.schema.DataverseTable;
import org.p2csync.schema.RealSchemas;

/**
 * Derives a served Dataverse set from its real table: every column the schema types (p2c_ columns included) with
 * its EDM type ({@link ColumnType#edmType()}; lookups as {@code _<column>_value} Edm.Guid), MaxLength, choice
 * options and read-only flag; the primary id as a generated Guid key; the single-valued navigation properties with
 * the served sets they may point to. What holds for every Dataverse table is applied here too: {@code createdon} and
 * {@code modifiedon} are stamped by the service, {@code versionnumber} (the row version change tracking follows)
 * counts every write, and only the primary key is non-nullable (as Dataverse's
 * $metadata declares it).
 */
final class DataverseSets {
    /** Dataverse's owner lookup points at a team or a user; $metadata types it as the abstract principal. */
    static final String OWNER_TABLE = "owner";
    static final String PRINCIPAL_TYPE = "principal";

    private final RealSchemas schemas;
    private final Set<String> servedTables;

    DataverseSets(RealSchemas schemas, Set<String> servedTables) {
        this.schemas = schemas;
        this.servedTables = Set.copyOf(servedTables);
    }

    /** The set's builder with everything the schema says; the caller adds what it does not. */
    EntitySetDef.Builder set(String entitySet) {
        DataverseTable table = table(entitySet);
        EntitySetDef.Builder b = EntitySetDef.builder(table.entitySet(), table.logicalName());
        for (DataverseColumn c : table.columns().values()) {
            b.property(property(c, c.logicalName().equals(table.primaryId())));
        }
        b.key(List.of(table.primaryId())).generatedKey();
        for (DataverseNavigation n : table.navigation().values()) {
            String lookup = "_" + n.referencingAttribute() + "_value";
            if (!b.has(lookup)) {
                continue; // a relationship the schema lists without its lookup column: nothing to bind
            }
            DataverseColumn column = table.column(n.referencingAttribute()).orElseThrow();
            b.navigation(new EntitySetDef.Navigation(n.name(), lookup, targetSets(n.targetTable()),
                    targetType(n.targetTable()), !column.readOnly()));
        }
        return b;
    }

    /**
     * A document line, linked to its header, whose lookup {@code headerNavigation} names (e.g. quoteid for
     * quotedetails).
     */
    EntitySetDef.Builder lines(String entitySet, String headerSet, String headerNavigation) {
        EntitySetDef.Builder b = set(entitySet);
        DataverseTable header = table(headerSet);
        String lookup = "_" + table(entitySet).navigation(headerNavigation).orElseThrow(() ->
                new IllegalArgumentException(entitySet + " has no navigation property " + headerNavigation))
                .referencingAttribute() + "_value";
        return b.parent(headerSet, Map.of(lookup, header.primaryId()));
    }

    private DataverseTable table(String entitySet) {
        return schemas.dataverseEntitySet(entitySet).orElseThrow(() ->
                new IllegalArgumentException("real-schemas has no Dataverse entity set " + entitySet));
    }

    private static Property property(DataverseColumn c, boolean primaryKey) {
        EdmType type = switch (c.type()) {
            case PRIMARY_KEY, UNIQUEIDENTIFIER, LOOKUP -> EdmType.GUID;
            default -> EdmType.primitive(c.type().edmType());
        };
        Property p = Property.of(c.property(), type).withNullable(!primaryKey);
        if (c.type() == ColumnType.STRING) {
            p = p.withMaxLength(c.maxLength());
        }
        if (!c.options().isEmpty()) {
            p = p.withOptions(c.options());
        }
        if (c.isLookup()) {
            p = p.withAccess(Property.Access.LOOKUP);
        } else if (c.readOnly()) {
            p = p.withAccess(Property.Access.READ_ONLY);
        }
        return switch (c.logicalName()) {
            case "createdon" -> p.withStamp(Property.Stamp.CREATED);
            case "modifiedon" -> p.withStamp(Property.Stamp.MODIFIED);
            case "versionnumber" -> p.withStamp(Property.Stamp.VERSION);
            default -> p;
        };
    }

    private List<String> targetSets(String targetTable) {
        String table = targetTable.equals(OWNER_TABLE) ? "team" : targetTable; // the sandbox has teams, no users
        if (!servedTables.contains(table)) {
            return List.of();
        }
        return List.of(schemas.dataverseTable(table).orElseThrow().entitySet());
    }

    private String targetType(String targetTable) {
        if (targetTable.equals(OWNER_TABLE)) {
            return PRINCIPAL_TYPE;
        }
        return servedTables.contains(targetTable) ? targetTable : null;
    }
}
