package org.p2csync.sandbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one simulated system: its H2 database, one table per declared set, its timestamp clock and the rows
 * poisoned for tests. Requests to one system run one at a time under {@link #lock}, which keeps transactions
 * ($batch change sets) and the strictly increasing clock simple; the sandbox is not a load test target.
 */
final class SimulatedService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedService.class);

    private final ServiceModel model;
    private final Connection connection;
    private final Map<String, EntityTable> tables = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    private final ModificationClock clock;
    private final Set<String> createdSets = new java.util.LinkedHashSet<>();
    private final Tombstones tombstones = new Tombstones();
    private final java.time.Duration deltaTokenTtl;
    private final NumberSequences numbers;

    SimulatedService(ServiceModel model, Path dataDir) throws SQLException {
        this(model, dataDir, java.time.Duration.ofDays(7));
    }

    SimulatedService(ServiceModel model, Path dataDir, java.time.Duration deltaTokenTtl) throws SQLException {
        this.model = model;
        this.deltaTokenTtl = deltaTokenTtl;
        String url = "jdbc:h2:" + dataDir.resolve(model.system()).toAbsolutePath() + ";TRACE_LEVEL_FILE=0";
        this.connection = DriverManager.getConnection(url, "sa", "");
        dropUnservedTables();
        for (EntitySetDef set : model.entitySets()) {
            EntityTable table = new EntityTable(set, referencedColumns(set));
            if (table.createIfMissing(connection)) {
                createdSets.add(set.name());
            }
            tables.put(set.name(), table);
        }
        tombstones.createIfMissing(connection);
        this.numbers = new NumberSequences(this);
        OffsetDateTime latest = latestModification();
        OffsetDateTime deleted = tombstones.latest(connection);
        if (deleted != null && (latest == null || deleted.isAfter(latest))) {
            latest = deleted;
        }
        this.clock = new ModificationClock(Clock.systemUTC(), latest);
    }

    ServiceModel model() {
        return model;
    }

    ServiceKind kind() {
        return model.kind();
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
        return createdSets.size() == model.entitySets().size();
    }

    /** Sets added by a newer sandbox version to an existing database; they start empty. */
    Set<String> createdSets() {
        return Set.copyOf(createdSets);
    }

    Tombstones tombstones() {
        return tombstones;
    }

    java.time.Duration deltaTokenTtl() {
        return deltaTokenTtl;
    }

    /** Called after seeding, which writes its own timestamps: the clock must stay ahead of every stored one. */
    void seeded() throws SQLException {
        lock.lock();
        try {
            clock.advanceTo(latestModification());
        } finally {
            lock.unlock();
        }
    }

    /** The last timestamp handed out: every later write is stamped strictly after it. */
    OffsetDateTime lastTimestamp() {
        return clock.last();
    }

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

    OffsetDateTime nextTimestamp() {
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
                if (model.entitySet(name).isEmpty() && !name.startsWith("$")) {
                    unserved.add(name);
                }
            }
        }
        try (Statement st = connection.createStatement()) {
            for (String name : unserved) {
                LOG.info("sandbox: dropping {} of {}, which the real service does not have", name, model.system());
                st.execute("DROP TABLE \"" + name + "\"");
            }
        }
    }

    /** The column lists other sets' references look this set's rows up by. */
    private List<List<String>> referencedColumns(EntitySetDef set) {
        return model.entitySets().stream().flatMap(s -> s.references().stream())
                .filter(r -> r.set().equals(set.name())).map(EntitySetDef.Reference::targetFields).distinct().toList();
    }

    private OffsetDateTime latestModification() throws SQLException {
        OffsetDateTime latest = null;
        for (EntityTable t : tables.values()) {
            for (Property p : t.set().properties()) {
                if (!p.serverManaged()) {
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
