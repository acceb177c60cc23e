package org.p2csync.schema;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2csync.sync.Access;
import org.p2csync.sync.EntitySetCatalog;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.EnumInfo;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.FieldInfo;
import org.p2csync.sync.NavigationInfo;

/**
 * The {@link FieldCatalog} of one real service built offline from the real schemas, so mappings can be checked
 * without a service: F&amp;O entity sets with their keys, typed fields, enums and single-valued navigation; Dataverse
 * tables by entity set with their Web API properties (lookups as {@code _<column>_value}, always read-only: they
 * are written through their navigation property), read-only columns, choice options, MaxLength and single-valued
 * navigation properties. F&amp;O's write access is not published: it stays {@link Access#UNKNOWN}.
 */
public final class RealSchemaCatalog {
    /** The tables an {@code owner} lookup (ownerid) may point to: a user or a team. */
    private static final List<String> OWNER_SETS = List.of("systemusers", "teams");
    /** The column kinds written as one of their option values. */
    private static final Set<ColumnType> CHOICES = EnumSet.of(ColumnType.CHOICE, ColumnType.STATE, ColumnType.STATUS);

    private RealSchemaCatalog() {}

    /** The catalog of a mapping system: {@code crm} (Dataverse) or {@code erp} (F&amp;O). */
    public static FieldCatalog of(RealSchemas schemas, String system) {
        return switch (system) {
            case "crm" -> crm(schemas);
            case "erp" -> erp(schemas);
            default -> throw new IllegalArgumentException("no real schema for system '" + system
                    + "'; use crm or erp");
        };
    }

    /** Dataverse (Dynamics 365 Sales), with p2c-sync's own columns. */
    public static FieldCatalog crm(RealSchemas schemas) {
        Map<String, EntitySetInfo> sets = new LinkedHashMap<>();
        for (DataverseTable table : schemas.dataverseTables()) {
            sets.put(table.entitySet(), dataverse(table, schemas));
        }
        return new EntitySetCatalog(sets);
    }

    /** Finance &amp; Operations. */
    public static FieldCatalog erp(RealSchemas schemas) {
        Map<String, EntitySetInfo> sets = new LinkedHashMap<>();
        for (FnoEntity entity : schemas.fnoEntities()) {
            sets.put(entity.entitySet(), fno(entity));
        }
        return new EntitySetCatalog(sets);
    }

    private static EntitySetInfo dataverse(DataverseTable table, RealSchemas schemas) {
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        for (DataverseColumn column : table.columns().values()) {
            Map<Long, String> options = new LinkedHashMap<>();
            if (CHOICES.contains(column.type())) {
                column.options().forEach((value, label) -> options.put(value.longValue(), label));
            }
            // a lookup's _x_value property is computed from the reference; only x@odata.bind writes it
            Access access = column.readOnly() || column.isLookup() ? Access.READ_ONLY : Access.WRITABLE;
            fields.put(column.property(), new FieldInfo(column.property(), column.type().edmType(),
                    column.maxLength(), !column.required(), access, null, options));
        }
        Map<String, NavigationInfo> navigation = new LinkedHashMap<>();
        for (DataverseNavigation nav : table.navigation().values()) {
            boolean readOnly = table.column(nav.referencingAttribute()).map(DataverseColumn::readOnly).orElse(false);
            navigation.put(nav.name(), new NavigationInfo(nav.name(), targets(nav.targetTable(), schemas),
                    nav.targetTable(), readOnly ? Access.READ_ONLY : Access.WRITABLE));
        }
        return new EntitySetInfo(table.entitySet(), List.of(table.primaryId()), fields, navigation, true);
    }

    /** The entity sets of a lookup's target table; none when the schemas do not carry that table. */
    private static List<String> targets(String table, RealSchemas schemas) {
        if (table.equals("owner")) {
            return OWNER_SETS;
        }
        return schemas.dataverseTable(table).map(t -> List.of(t.entitySet())).orElse(List.of());
    }

    private static EntitySetInfo fno(FnoEntity entity) {
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        for (FnoField field : entity.fields().values()) {
            EnumInfo enumInfo = field.isEnum() ? enumInfo(field.enumType()) : null;
            fields.put(field.name(), new FieldInfo(field.name(), field.type(), null, field.nullable(), Access.UNKNOWN,
                    enumInfo, Map.of()));
        }
        Map<String, NavigationInfo> navigation = new LinkedHashMap<>();
        for (FnoNavigation nav : entity.navigation().values()) {
            if (!nav.collection()) {
                navigation.put(nav.name(), new NavigationInfo(nav.name(), List.of(nav.targetEntitySet()),
                        nav.targetEntitySet(), Access.UNKNOWN));
            }
        }
        return new EntitySetInfo(entity.entitySet(), entity.keys(), fields, navigation, true);
    }

    private static EnumInfo enumInfo(EnumType type) {
        Map<String, Long> members = new LinkedHashMap<>();
        type.members().forEach((member, value) -> members.put(member, value.longValue()));
        return new EnumInfo(type.name(), members);
    }
}
