package org.p2csync.sandbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.p2csync.schema.DataverseColumn;
import org.p2csync.schema.DataverseTable;
import org.p2csync.schema.P2cColumn;
import org.p2csync.schema.RealSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Dataverse as its customizers left it: which alternate keys exist (and how far their indexes are
 * built) and which columns were created. A fresh org has neither: the model's p2c_ columns (p2c-columns.yaml) are
 * columns that may be created, hidden until they are; any column set of the allowed types may become a key. The
 * served model is the declared one ({@link SandboxModel}) with those customizations applied; the H2 tables keep
 * every column that may exist (the "storage" model), so the seed data's p2c_ values are there when the column is
 * created, as if users had filled it right after.
 *
 * <p>A key's index builds in the background: Pending for the first half of the key index delay, InProgress for
 * the second, then Active, or Failed when the table holds duplicate values for the key's columns (nulls never
 * collide). States move when the service next handles a request ({@link #advance}), which clients cannot tell from
 * a background job.
 */
final class DataverseOrg {
    private static final Logger LOG = LoggerFactory.getLogger(DataverseOrg.class);
    /** Dataverse: up to ten alternate keys per table, at most 16 columns each ("Define alternate keys"). */
    static final int MAX_KEYS = 10;
    static final int MAX_KEY_COLUMNS = 16;

    /** One column of a table as the metadata API describes it: a real one or one created in the org. */
    record Attribute(String table, String logicalName, AttributeKind kind, Property property, DataverseColumn real,
                     OrgMetadata.CreatedColumn created, boolean primaryId, boolean primaryName) {
        String metadataId() {
            return created != null ? created.metadataId() : SeedCatalog.guid("attribute:" + table + "." + logicalName);
        }
    }

    private final RealSchemas schemas;
    private final OrgMetadata store;
    private final Duration indexDelay;
    private final Clock clock;

    private DataverseOrg(RealSchemas schemas, OrgMetadata store, Duration indexDelay, Clock clock) {
        this.schemas = schemas;
        this.store = store;
        this.indexDelay = indexDelay;
        this.clock = clock;
    }

    /**
     * Opens the org's customizations in the CRM database. A database made by a sandbox that did not record them
     * (keys implicit, p2c_ columns present) opens as an org on which setup has run: the p2c_ columns its tables
     * have are created, and its alternate-key indexes are Active keys (its data was written through them).
     */
    static DataverseOrg open(Connection c, ServiceModel base, RealSchemas schemas, Duration indexDelay, Clock clock)
            throws SQLException {
        boolean older = !OrgMetadata.recorded(c) && hasTables(c, base);
        OrgMetadata store = OrgMetadata.open(c);
        DataverseOrg org = new DataverseOrg(schemas, store, indexDelay, clock);
        if (older) {
            org.adoptOlderFolder(c, base);
        }
        return org;
    }

    // ---- models ----

    /** Every column the tables keep: the declared ones and those created in the org (typed as declared). */
    ServiceModel storage(ServiceModel base) {
        List<EntitySetDef> sets = new ArrayList<>();
        for (EntitySetDef set : base.entitySets()) {
            List<Property> created = store.columns(set.typeName()).stream().map(c -> c.definition().property()).toList();
            sets.add(set.customized(Set.of(), created, List.of()));
        }
        return base.withEntitySets(sets);
    }

    /** What the Web API serves: p2c_ columns not created are hidden, Active keys address records. */
    ServiceModel served(ServiceModel base) {
        List<EntitySetDef> sets = new ArrayList<>();
        for (EntitySetDef set : base.entitySets()) {
            String table = set.typeName();
            Set<String> hidden = new HashSet<>();
            schemas.p2cColumns().stream().filter(c -> c.table().equals(table))
                    .map(c -> c.column().logicalName())
                    .filter(name -> store.column(table, name).isEmpty())
                    .forEach(hidden::add);
            List<Property> created = store.columns(table).stream().map(c -> c.definition().property()).toList();
            List<List<String>> keys = store.keys(table).stream().filter(k -> k.status() == KeyIndexStatus.Active)
                    .map(k -> properties(table, k.attributes())).toList();
            sets.add(set.customized(hidden, created, keys));
        }
        return base.withEntitySets(sets);
    }

    /** The unique indexes of the set's Active keys: index name -> property columns. */
    Map<String, List<String>> keyIndexes(EntitySetDef set) {
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        store.keys(set.typeName()).stream().filter(k -> k.status() == KeyIndexStatus.Active).forEach(k -> {
            List<String> columns = properties(set.typeName(), k.attributes());
            indexes.put(EntityTable.indexName("ak", set.name(), columns), columns);
        });
        return indexes;
    }

    // ---- what the metadata API reads ----

    /** The served tables by logical name. */
    Optional<DataverseTable> table(String logicalName, ServiceModel served) {
        return schemas.dataverseTable(logicalName).filter(t -> served.entitySet(t.entitySet()).isPresent());
    }

    List<EntityKey> keys(String table) {
        return store.keys(table);
    }

    /** The table's columns as served: the real ones and those created, in the set's property order. */
    List<Attribute> attributes(DataverseTable table, ServiceModel served) {
        EntitySetDef set = served.requireEntitySet(table.entitySet());
        List<Attribute> out = new ArrayList<>();
        for (Property p : set.properties()) {
            Optional<OrgMetadata.CreatedColumn> created = store.column(table.logicalName(), p.name());
            if (created.isPresent()) {
                out.add(new Attribute(table.logicalName(), p.name(), created.get().definition().kind(), p, null,
                        created.get(), false, false));
                continue;
            }
            table.byProperty(p.name()).ifPresent(c -> out.add(new Attribute(table.logicalName(), c.logicalName(),
                    AttributeKind.of(c.type()), p, c, null, c.logicalName().equals(table.primaryId()),
                    c.logicalName().equals(table.primaryName()))));
        }
        return out;
    }

    Optional<Attribute> attribute(DataverseTable table, String logicalName, ServiceModel served) {
        return attributes(table, served).stream().filter(a -> a.logicalName().equals(logicalName)).findFirst();
    }

    // ---- what the metadata API changes ----

    /**
     * Creates a column. Its values are those the table keeps for it (the seed data's, for a p2c_ column of the
     * model created with its declared kind); a column of another kind starts empty.
     */
    OrgMetadata.CreatedColumn createColumn(SimulatedService service, DataverseTable table, ColumnDefinition definition)
            throws SQLException {
        String name = definition.logicalName();
        if (attribute(table, name, service.model()).isPresent()) {
            throw ODataError.badRequest("An attribute with the name '" + name + "' already exists on the entity '"
                    + table.logicalName() + "'");
        }
        EntityTable storage = service.table(table.entitySet());
        Property declared = definition.property();
        Optional<Property> kept = storage.set().property(name);
        if (kept.isEmpty()) {
            storage.addColumn(service.connection(), declared);
        } else if (!kept.get().type().sqlType().equals(declared.type().sqlType())) {
            storage.replaceColumn(service.connection(), declared);
        }
        OrgMetadata.CreatedColumn created = new OrgMetadata.CreatedColumn(UUID.randomUUID().toString(),
                table.logicalName(), definition, clock.instant());
        store.addColumn(created);
        LOG.info("sandbox: column {}.{} created ({})", table.logicalName(), name, definition.kind().attributeType());
        return created;
    }

    /** Creates an alternate key; its index builds later ({@link #advance}). */
    EntityKey createKey(SimulatedService service, DataverseTable table, String schemaName, String displayName,
                        List<String> attributes) {
        String logicalName = schemaName.toLowerCase(Locale.ROOT);
        List<EntityKey> existing = store.keys(table.logicalName());
        if (existing.stream().anyMatch(k -> k.logicalName().equals(logicalName))) {
            throw ODataError.badRequest("An entity key with the name '" + schemaName + "' already exists on the entity '"
                    + table.logicalName() + "'");
        }
        if (attributes.isEmpty() || attributes.size() > MAX_KEY_COLUMNS) {
            throw ODataError.badRequest("An entity key needs 1 to " + MAX_KEY_COLUMNS + " KeyAttributes, got "
                    + attributes.size());
        }
        if (new LinkedHashSet<>(attributes).size() != attributes.size()) {
            throw ODataError.badRequest("The KeyAttributes of an entity key name a column twice: " + attributes);
        }
        for (String attribute : attributes) {
            Attribute a = attribute(table, attribute, service.model()).orElseThrow(() -> ODataError.badRequest(
                    "The attribute '" + attribute + "' does not exist on the entity '" + table.logicalName()
                            + "' and cannot be part of an entity key"));
            if (!a.kind().keyable()) {
                throw ODataError.badRequest("The attribute '" + attribute + "' of type " + a.kind().metadataType()
                        + " cannot be part of an entity key; only Decimal, Integer, String, DateTime, Lookup and"
                        + " Picklist attributes can");
            }
        }
        if (existing.stream().anyMatch(k -> Set.copyOf(k.attributes()).equals(Set.copyOf(attributes)))) {
            throw ODataError.badRequest("An entity key on the attributes " + attributes + " already exists on the entity '"
                    + table.logicalName() + "'");
        }
        if (existing.size() >= MAX_KEYS) {
            throw ODataError.badRequest("The entity '" + table.logicalName() + "' has " + existing.size()
                    + " entity keys; at most " + MAX_KEYS + " are allowed");
        }
        EntityKey key = new EntityKey(UUID.randomUUID().toString(), table.logicalName(), logicalName, schemaName,
                displayName, attributes, KeyIndexStatus.Pending, clock.instant(), null);
        try {
            store.addKey(key);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the key " + schemaName, e);
        }
        LOG.info("sandbox: key {} on {} {} created, its index is Pending", schemaName, table.logicalName(), attributes);
        return key;
    }

    /** Deletes a key; a pending index build is cancelled, a built index dropped. */
    void deleteKey(SimulatedService service, EntityKey key) throws SQLException {
        if (key.status() == KeyIndexStatus.Active) {
            EntitySetDef set = service.storageModel().requireEntitySet(entitySet(key.table()));
            service.table(set.name()).dropIndex(service.connection(),
                    EntityTable.indexName("ak", set.name(), properties(key.table(), key.attributes())));
        }
        store.deleteKey(key);
        LOG.info("sandbox: key {} on {} deleted", key.schemaName(), key.table());
    }

    /** True when some key's index is still being built. */
    boolean building() {
        return store.keys().stream().anyMatch(k -> k.status().building());
    }

    /**
     * Moves the keys whose index is being built along: InProgress after half the delay, Active or Failed after it
     * (or at once when {@code now} is true, as when an administrator waits for the index). Returns true when a key
     * became Active or Failed, i.e. the served model changed.
     */
    boolean advance(SimulatedService service, boolean now) throws SQLException {
        boolean changed = false;
        Instant at = clock.instant();
        for (EntityKey key : store.keys()) {
            if (!key.status().building()) {
                continue;
            }
            Duration age = Duration.between(key.createdAt(), at);
            if (now || age.compareTo(indexDelay) >= 0) {
                store.updateKey(build(service, key));
                changed = true;
            } else if (key.status() == KeyIndexStatus.Pending && age.compareTo(indexDelay.dividedBy(2)) >= 0) {
                store.updateKey(key.withStatus(KeyIndexStatus.InProgress, null));
            }
        }
        return changed;
    }

    private EntityKey build(SimulatedService service, EntityKey key) throws SQLException {
        EntitySetDef set = service.storageModel().requireEntitySet(entitySet(key.table()));
        List<String> columns = properties(key.table(), key.attributes());
        EntityTable table = service.table(set.name());
        Optional<List<Object>> duplicate = table.duplicate(service.connection(), columns);
        if (duplicate.isPresent()) {
            String reason = "more than one " + key.table() + " record has " + key.attributes() + " = " + duplicate.get();
            LOG.warn("sandbox: the index of key {} on {} failed: {}", key.schemaName(), key.table(), reason);
            return key.withStatus(KeyIndexStatus.Failed, reason);
        }
        table.createUniqueIndex(service.connection(), EntityTable.indexName("ak", set.name(), columns), columns);
        LOG.info("sandbox: the index of key {} on {} is Active", key.schemaName(), key.table());
        return key.withStatus(KeyIndexStatus.Active, null);
    }

    // ---- names ----

    /** A key's columns as Web API properties: a lookup's column salesorderid is {@code _salesorderid_value}. */
    List<String> properties(String table, List<String> attributes) {
        DataverseTable t = schemas.dataverseTable(table).orElseThrow();
        return attributes.stream().map(a -> t.column(a).map(DataverseColumn::property).orElse(a)).toList();
    }

    private String entitySet(String table) {
        return schemas.dataverseTable(table).orElseThrow().entitySet();
    }

    // ---- an older data folder ----

    private static boolean hasTables(Connection c, ServiceModel base) throws SQLException {
        for (EntitySetDef set : base.entitySets()) {
            try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", set.name(), null)) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A data folder of a sandbox that had its keys and p2c_ columns built in: the columns its tables have are
     * created columns of the org, and each of its alternate-key indexes whose columns all exist is an Active key
     * (named as setup names keys); what it lacks stays to be created.
     */
    private void adoptOlderFolder(Connection c, ServiceModel base) throws SQLException {
        Instant at = clock.instant();
        List<String> adopted = new ArrayList<>();
        for (EntitySetDef set : base.entitySets()) {
            String table = set.typeName();
            Set<String> columns = columns(c, set.name());
            for (P2cColumn p2c : schemas.p2cColumns()) {
                if (p2c.table().equals(table) && columns.contains(p2c.column().logicalName())) {
                    store.addColumn(new OrgMetadata.CreatedColumn(UUID.randomUUID().toString(), table,
                            OrgSetUp.definition(p2c), at));
                    adopted.add(table + "." + p2c.column().logicalName());
                }
            }
            DataverseTable real = schemas.dataverseTable(table).orElseThrow();
            for (List<String> index : keyIndexes(c, set.name()).values()) {
                List<String> attributes = new ArrayList<>();
                for (String property : index) {
                    boolean created = store.column(table, property).isPresent();
                    Optional<DataverseColumn> column = real.byProperty(property)
                            .filter(col -> col.origin() == DataverseColumn.Origin.REAL || created);
                    if (column.isEmpty() || !columns.contains(property)) {
                        attributes = null;
                        break;
                    }
                    attributes.add(column.get().logicalName());
                }
                if (attributes != null) {
                    store.addKey(new EntityKey(UUID.randomUUID().toString(), table,
                            OrgSetUp.keySchemaName(table, attributes).toLowerCase(Locale.ROOT),
                            OrgSetUp.keySchemaName(table, attributes), OrgSetUp.keyDisplayName(attributes),
                            attributes, KeyIndexStatus.Active, at, null));
                    adopted.add(table + " key " + attributes);
                }
            }
        }
        LOG.info("sandbox: the CRM data folder predates the metadata API; it opens as an org set up with {}", adopted);
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", table, null)) {
            while (rs.next()) {
                out.add(rs.getString("COLUMN_NAME"));
            }
        }
        return out;
    }

    /** The table's alternate-key indexes (named ak_...) by name, columns in index order. */
    private static Map<String, List<String>> keyIndexes(Connection c, String table) throws SQLException {
        Map<String, TreeMap<Integer, String>> indexes = new LinkedHashMap<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, "PUBLIC", table, true, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                if (name != null && name.startsWith("ak_") && rs.getString("COLUMN_NAME") != null) {
                    indexes.computeIfAbsent(name, n -> new TreeMap<>())
                            .put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME"));
                }
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        indexes.forEach((name, cols) -> out.put(name, List.copyOf(cols.values())));
        return out;
    }
}
