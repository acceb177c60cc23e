package org.p2csync.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.p2csync.mapping.FieldUse;
import org.p2csync.mapping.KeyUse;
import org.p2csync.mapping.Mapping;
import org.p2csync.mapping.Mappings;
import org.p2csync.schema.DataverseTable;
import org.p2csync.schema.P2cColumn;
import org.p2csync.schema.RealSchemas;

/**
 * What the mappings need of the CRM beyond an out-of-the-box Sales org: the p2c_ columns of {@code p2c-columns.yaml}
 * that some mapping reads or writes (a declared column no mapping uses is not created), and every key some mapping
 * addresses CRM records by (target keys of headers and lines, binds by alternate key), each with the mapping lines
 * that use it. Whether a key is the table's primary id (needing nothing) is known only from the org: see
 * {@link SetupPlan}.
 */
public record CrmNeeds(List<Column> columns, List<Key> keys) {
    /** The system name mapping files give the CRM. */
    public static final String CRM = "crm";

    /** A p2c_ column and where the mappings use it. */
    public record Column(P2cColumn column, String entitySet, List<String> usedAt) {
        public Column {
            usedAt = List.copyOf(usedAt);
        }

        public String table() {
            return column.table();
        }

        public String logicalName() {
            return column.column().logicalName();
        }

        /** {@code salesorder.p2c_processingstatus}. */
        public String name() {
            return table() + "." + logicalName();
        }
    }

    /**
     * A key records of an entity set are addressed by.
     *
     * @param properties the key's properties as the mappings name them, in the order of the first use
     */
    public record Key(String entitySet, List<String> properties, List<String> usedAt) {
        public Key {
            properties = List.copyOf(properties);
            usedAt = List.copyOf(usedAt);
        }

        /** The key's columns by logical name: a lookup property {@code _pricelevelid_value} is the column pricelevelid. */
        public List<String> columns() {
            return properties.stream().map(Key::column).toList();
        }

        /** {@code productpricelevels(pricelevelid, productid)}. */
        public String name() {
            return entitySet + "(" + String.join(", ", columns()) + ")";
        }

        static String column(String property) {
            return property.startsWith("_") && property.endsWith("_value") && property.length() > "__value".length()
                    ? property.substring(1, property.length() - "_value".length()) : property;
        }
    }

    public CrmNeeds {
        columns = List.copyOf(columns);
        keys = List.copyOf(keys);
    }

    public static CrmNeeds of(Mappings mappings, RealSchemas schemas) {
        Map<String, List<String>> fieldUses = new LinkedHashMap<>();
        Map<Set<String>, Key> keys = new LinkedHashMap<>();
        for (String area : mappings.areas()) {
            Mapping mapping = mappings.mapping(area);
            for (FieldUse use : mapping.fieldUses()) {
                if (use.system().equals(CRM)) {
                    fieldUses.computeIfAbsent(use.entitySet() + "/" + use.field(), k -> new ArrayList<>()).add(use.where());
                }
            }
            for (KeyUse use : mapping.keyUses()) {
                if (!use.system().equals(CRM)) {
                    continue;
                }
                use.fields().forEach(f -> fieldUses.computeIfAbsent(use.entitySet() + "/" + f, k -> new ArrayList<>())
                        .add(use.where()));
                Set<String> id = new LinkedHashSet<>();
                id.add(use.entitySet());
                use.fields().forEach(f -> id.add("/" + f));
                Key known = keys.get(id);
                List<String> where = new ArrayList<>(known == null ? List.of() : known.usedAt());
                where.add(use.where());
                keys.put(id, new Key(use.entitySet(), known == null ? use.fields() : known.properties(), distinct(where)));
            }
        }
        List<Column> columns = new ArrayList<>();
        for (P2cColumn declared : schemas.p2cColumns()) {
            Optional<String> set = schemas.dataverseTable(declared.table()).map(DataverseTable::entitySet);
            List<String> used = set.map(s -> fieldUses.get(s + "/" + declared.column().logicalName())).orElse(null);
            if (used != null) {
                columns.add(new Column(declared, set.get(), distinct(used)));
            }
        }
        return new CrmNeeds(columns, List.copyOf(keys.values()));
    }

    private static List<String> distinct(List<String> where) {
        return List.copyOf(new LinkedHashSet<>(where));
    }
}
