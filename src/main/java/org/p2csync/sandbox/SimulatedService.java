package org.p2csync.sandbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.p2csync.schema.RealSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one simulated system: its H2 database, one table per declared set, the Dataverse org's
 * customizations ({@link DataverseOrg}: keys and created columns, which decide the served model), its clock and the
 * rows poisoned for tests. Requests to one system run one at a time under {@link #lock}, which keeps transactions
 * ($batch change sets), the clock and model changes simple; the sandbox is not a load test target.
 */
final class SimulatedService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedService.class);
    /** Dataverse serves date-times without fractions ("2022-08-08T22:19:49Z"). */
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssX");

    private final ServiceModel base;
    private final ServiceRules rules;
    private final Connection connection;
    private final DataverseOrg org;
    private volatile ServiceModel storage;
    private volatile ServiceModel served;
    private final Map<String, EntityTable> tables = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    private final ModificationClock clock;
    private final Set<String> createdSets = new java.util.LinkedHashSet<>();
    private final Tombstones tombstones = new Tombstones();
    private final NumberSequences numbers;

    /**
     * @param base the declared sets ({@link SandboxModel})
     * @param schemas the real schemas, for a Dataverse org's customizations (its p2c_ columns, column types)
     */
    SimulatedService(ServiceModel base, Path dataDir, ServiceRules rules, RealSchemas schemas) throws SQLException {
        this.base = base;
        this.rules = rules;
        String url = "jdbc:h2:" + dataDir.resolve(base.system()).toAbsolutePath() + ";TRACE_LEVEL_FILE=0";
        this.connection = DriverManager.getConnection(url, "sa", "");
        dropUnservedTables();
        this.org = base.kind() == ServiceKind.DATAVERSE
                ? DataverseOrg.open(connection, base, schemas, rules.keyIndexDelay(), Clock.systemUTC()) : null;
        refresh();
        for (EntityTable table : tables.values()) {
            if (table.createIfMissing(connection)) {
                createdSets.add(table.set().name());
            }
        }
        tombstones.createIfMissing(connection);
        this.numbers = new NumberSequences(this);
        OffsetDateTime latest = latestModification();
        OffsetDateTime deleted = tombstones.latest(connection);
        if (deleted != null && (latest == null || deleted.isAfter(latest))) {
            latest = deleted;
        }
        this.clock = new ModificationClock(Clock.systemUTC(), rules.timestampPrecision(), latest,
                Math.max(latestVersion(), tombstones.latestVersion(connection)));
    }

    /** The served model: what clients see (a Dataverse org's customizations applied). */
    ServiceModel model() {
        return served;
    }

    /** Every column the tables keep, including an org's columns not created yet (seeders write them). */
    ServiceModel storageModel() {
        return storage;
    }

    ServiceKind kind() {
        return base.kind();
    }

    ServiceRules rules() {
        return rules;
    }

    /** The Dataverse org's customizations; empty for F&amp;O. */
    Optional<DataverseOrg> org() {
        return Optional.ofNullable(org);
    }

    /** Re-derives the served and stored models after the org's customizations changed. Callers hold the lock. */
    void refresh() {
        this.storage = org == null ? base : org.storage(base);
        this.served = org == null ? base : org.served(base);
        tables.clear();
        for (EntitySetDef set : storage.entitySets()) {
            tables.put(set.name(), new EntityTable(set, org == null ? Map.of() : org.keyIndexes(set),
                    referencedColumns(set)));
        }
    }

    /** Lets the org's key indexes progress (they build in the background); called as each request arrives. */
    void advanceOrg() throws SQLException {
        if (org != null && org.building() && org.advance(this, false)) {
            refresh();
        }
    }

    /** How the service writes date-times in JSON: Dataverse at its precision, F&amp;O with milliseconds. */
    DateTimeFormatter dateTimeFormat() {
        return kind() == ServiceKind.DATAVERSE && rules.timestampPrecision() == ChronoUnit.SECONDS
                ? ISO_SECONDS : EdmType.ISO_MILLIS;
    }

    /** The number sequences of fields the service assigns (F&amp;O party numbers). */
    NumberSequences numbers() {
        return numbers;
    }

    /** True when this start created the set's table, i.e. it is empty and may need seed data. */
    boolean isNew(String set) {
        return createdSets.contains(set);
    }

    /** True when this start created every table: the database is new and needs its seed data. */
    boolean isNew() {
        return createdSets.size() == base.entitySets().size();
    }

    /** Sets added by a newer sandbox version to an existing database; they start empty. */
    Set<String> createdSets() {
        return Set.copyOf(createdSets);
    }

    Tombstones tombstones() {
        return tombstones;
    }

    java.time.Duration deltaTokenTtl() {
        return rules.deltaTokenTtl();
    }

    /** Called after seeding, which writes its own timestamps: the clock must stay at or after every stored one. */
    void seeded() throws SQLException {
        lock.lock();
        try {
            clock.advanceTo(latestModification(), latestVersion());
        } finally {
            lock.unlock();
        }
    }

    /** The last row version handed out: every later write has a greater one. */
    long lastVersion() {
        return clock.version();
    }

    /** The table of a set, with every column it keeps. */
    EntityTable table(String set) {
        EntityTable t = tables.get(set);
        if (t == null) {
            throw ODataError.noSuchSegment(set);
        }
        return t;
    }

    Connection connection() {
        return connection;
    }

    ReentrantLock lock() {
        return lock;
    }

    /** Holds every later write's timestamp at the current second ({@link ModificationClock#hold}); returns it. */
    OffsetDateTime holdTimestamps() {
        lock.lock();
        try {
            return clock.hold();
        } finally {
            lock.unlock();
        }
    }

    void releaseTimestamps() {
        lock.lock();
        try {
            clock.release();
        } finally {
            lock.unlock();
        }
    }

    /** The stamps of the next write: its timestamp (at the service's precision) and row version. */
    ModificationClock.Stamp nextStamp() {
        return clock.next();
    }
    void poison(String set, String id) {
        table(set);
        poisoned.add(set + "|" + id);
    }

    boolean isPoisoned(String set, String keyString) {
        return !poisoned.isEmpty() && poisoned.contains(set + "|" + keyString);
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. Nested calls (a change set
     * inside a $batch) roll back to their own savepoint only.
     */
    <T> T inTransaction(SqlWork<T> work) throws SQLException {
        if (!connection.getAutoCommit()) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                T result = work.run();
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (RuntimeException | SQLException e) {
                connection.rollback(savepoint);
                throw e;
            }
        }
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (RuntimeException | SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Tables an older sandbox served (sets the real services do not have) are dropped, with their data. */
    private void dropUnservedTables() throws SQLException {
        List<String> unserved = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, "PUBLIC", null, new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (base.entitySet(name).isEmpty() && !name.startsWith("$")) {
                    unserved.add(name);
                }
            }
        }
        try (Statement st = connection.createStatement()) {
            for (String name : unserved) {
                LOG.info("sandbox: dropping {} of {}, which the real service does not have", name, base.system());
                st.execute("DROP TABLE \"" + name + "\"");
            }
        }
    }

    /** The column lists other sets' references look this set's rows up by. */
    private List<List<String>> referencedColumns(EntitySetDef set) {
        return base.entitySets().stream().flatMap(s -> s.references().stream())
                .filter(r -> r.set().equals(set.name())).map(EntitySetDef.Reference::targetFields).distinct().toList();
    }

    private OffsetDateTime latestModification() throws SQLException {
        OffsetDateTime latest = null;
        for (EntityTable t : tables.values()) {
            for (Property p : t.set().properties()) {
                if (p.stamp() != Property.Stamp.CREATED && p.stamp() != Property.Stamp.MODIFIED) {
                    continue;
                }
                try (Statement st = connection.createStatement();
                        ResultSet rs = st.executeQuery("SELECT MAX(" + p.column() + ") FROM \"" + t.set().name() + "\"")) {
                    rs.next();
                    OffsetDateTime v = rs.getObject(1, OffsetDateTime.class);
                    if (v != null && (latest == null || v.isAfter(latest))) {
                        latest = v;
                    }
                }
            }
        }
        return latest;
    }

    private long latestVersion() throws SQLException {
        long latest = 0;
        for (EntityTable t : tables.values()) {
            for (Property p : t.set().properties()) {
                if (p.stamp() != Property.Stamp.VERSION) {
                    continue;
                }
                try (Statement st = connection.createStatement();
                        ResultSet rs = st.executeQuery("SELECT MAX(" + p.column() + ") FROM \"" + t.set().name() + "\"")) {
                    rs.next();
                    latest = Math.max(latest, rs.getLong(1));
                }
            }
        }
        return latest;
    }

    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            connection.close();
        } finally {
            lock.unlock();
        }
    }
}
