package org.p2csync.state;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.p2csync.sync.CursorStore;
import org.p2csync.sync.WrittenPayloads;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable state of the sync: record hashes, cursors, run history, errors, waiting and held records, in one schema that the store creates
 * and migrates itself. Every write method is one transaction, so the product's commit order (write the target, then
 * record the hashes, then advance the cursor) survives a crash at any point.
 */
public final class StateStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    /** Enough for the routes of all areas plus Quartz's own connections. */
    private static final int MAX_CONNECTIONS = 20;

    private final JdbcConnectionPool pool;
    private final Transactions tx;
    private final Dialect dialect;
    private final Clock clock;
    private final CursorStore cursors;
    private final RunHistory runs;
    private final ErrorStore errors;
    private final PendingStore pending;
    private final ConflictStore conflicts;
    private final HeldStore held;
    private final AreaPauses pauses;
    private final AlertRules alertRules;
    private final Optional<Path> h2File;
    /** Closed after the pool, in reverse order: the state server, then the sync lock. */
    private final Deque<AutoCloseable> holdings = new ArrayDeque<>();

    private StateStore(JdbcConnectionPool pool, Dialect dialect, Clock clock, Optional<Path> h2File) {
        this.pool = pool;
        this.h2File = h2File;
        this.tx = new Transactions(pool);
        this.dialect = dialect;
        this.clock = clock;
        this.cursors = new JdbcCursorStore(tx, dialect, clock);
        this.runs = new JdbcRunHistory(tx, clock);
        this.errors = new JdbcErrorStore(tx, clock);
        this.pending = new JdbcPendingStore(tx, clock);
        this.conflicts = new JdbcConflictStore(tx, clock);
        this.held = new JdbcHeldStore(tx, clock);
        this.pauses = new JdbcAreaPauses(tx, clock);
        this.alertRules = new JdbcAlertRules(tx, dialect, clock);
    }

    /**
     * Opens the state to read it or change it beside a running sync ({@code status}, {@code retry}): an H2 file that
     * a sync in another process holds is reached through that sync, on its loopback port.
     */
    public static StateStore open(StateConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** @param clock stamps runs, errors and hashes; tests pass their own to check retention */
    public static StateStore open(StateConfig config, Clock clock) {
        Optional<Path> file = H2Files.of(config.jdbcUrl());
        StateConfig reach = file.flatMap(LocalStateLock::servingPort)
                .map(port -> new StateConfig(H2Files.served(file.get(), port), config.user(), config.password()))
                .orElse(config);
        return opened(reach, clock, file, store -> { });
    }

    /**
     * Opens the state for the one sync that may run on it: refused, naming the holder (host, pid, since), while
     * another sync holds it. An H2 file is served to readers on a loopback port while this store is open; runs
     * that an earlier holder left Running (it crashed) are marked Abandoned.
     *
     * @throws StateInUseException when another sync holds the state database
     */
    public static StateStore openForSync(StateConfig config) {
        return openForSync(config, Clock.systemUTC());
    }

    public static StateStore openForSync(StateConfig config, Clock clock) {
        Optional<Path> file = H2Files.of(config.jdbcUrl());
        if (file.isEmpty()) {
            return opened(config, clock, file, store -> store.hold(SharedStateLock.acquire(store.tx, store.dialect,
                    clock.instant())));
        }
        LocalStateLock lock = LocalStateLock.acquire(file.get(), clock.instant());
        try {
            return openedBesideReaders(config, clock, file, store -> {
                store.holdings.push(lock);
                StateServer.start().ifPresent(server -> {
                    store.holdings.push(server);
                    try {
                        lock.publish(server.port());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException("cannot publish the state server's port", e);
                    }
                });
                store.hold(null);
            });
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** A reader (`status`) that opened the file just before this sync took it holds it for a moment: wait for it. */
    private static final java.time.Duration READERS_WAIT = java.time.Duration.ofSeconds(15);
    /** H2's "Database may be already in use". */
    private static final int H2_IN_USE = 90020;

    private static StateStore openedBesideReaders(StateConfig config, Clock clock, Optional<Path> h2File,
            java.util.function.Consumer<StateStore> take) {
        long deadline = System.nanoTime() + READERS_WAIT.toNanos();
        while (true) {
            try {
                return opened(config, clock, h2File, take);
            } catch (StateStoreException e) {
                if (!inUse(e) || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.info("the state file is open in another process (a status or retry); waiting for it to close");
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_IN_USE) {
                return true;
            }
        }
        return false;
    }

    private static StateStore opened(StateConfig config, Clock clock, Optional<Path> h2File,
            java.util.function.Consumer<StateStore> take) {
        Dialect dialect = Dialect.of(config.redactedUrl());
        JdbcConnectionPool pool = pool(dialect, config);
        pool.setMaxConnections(MAX_CONNECTIONS);
        StateStore store = new StateStore(pool, dialect, clock, h2File);
        try {
            int version = new SchemaMigrator(store.tx, dialect, clock).migrate();
            take.accept(store);
            LOG.info("State store open at {} (schema version {})", config.redactedUrl(), version);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Takes the state for this sync: whatever an earlier holder left Running died with it. */
    private void hold(AutoCloseable lock) {
        if (lock != null) {
            holdings.push(lock);
        }
        int abandoned = runs.abandonRunning();
        if (abandoned > 0) {
            LOG.warn("{} run(s) left Running by a sync that stopped without finishing them are now Abandoned",
                    abandoned);
        }
    }

    /**
     * Makes H2 bind its server sockets to 127.0.0.1, the only way it offers: call before anything in the JVM loads H2
     * (the runnable jar does, first thing). Leaves a {@code -Dh2.bindAddress} given on the command line alone.
     */
    public static void preferLoopback() {
        StateServer.preferLoopback();
    }

    /** True while a sync holds this state database (this process or another); readers show its runs as running. */
    public boolean heldBySync() {
        return h2File.map(LocalStateLock::held).orElseGet(() -> SharedStateLock.held(tx));
    }

    /**
     * The default store: an H2 file under the data folder, opened by one process; a running sync serves it to the
     * others on a loopback port ({@link #openForSync}). H2's own write delay stays: a finished run is flushed at
     * once (JdbcRunHistory), so a run logged Completed survives a kill -9 right after; WRITE_DELAY=0 corrupted files
     * killed and reopened (README "A run logged Completed is on disk").
     */
    public static StateConfig h2(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve("state").toString().replace('\\', '/');
        return new StateConfig("jdbc:h2:file:" + file + ";TRACE_LEVEL_FILE=0", "sa", "");
    }

    /** Pooled connections to the state database; Quartz's clustered job store can share it. */
    public DataSource dataSource() {
        return pool;
    }

    public RecordStateRepository recordState(String area) {
        return new RecordStateRepository(area, tx, dialect, clock);
    }

    public CursorStore cursors() {
        return cursors;
    }

    public RunHistory runs() {
        return runs;
    }

    public ErrorStore errors() {
        return errors;
    }

    /** Records waiting for a reference; also the source endpoints' {@link org.p2csync.sync.PendingRecords}. */
    public PendingStore pending() {
        return pending;
    }

    /** The manual re-run of failed records. */
    public FailedRecordRetry failedRecordRetry() {
        return new FailedRecordRetry(errors(), pending());
    }

    /** Documents held back by their mapping's require (a write-in line), per area. */
    public HeldStore held() {
        return held;
    }

    /** The pause switch of each area (operators' `pause`/`resume`, alert rules that fired). */
    public AreaPauses pauses() {
        return pauses;
    }

    /** The alert rules the sync stored at its start, as every instance applies them. */
    public AlertRules alertRules() {
        return alertRules;
    }

    /** Conflicts of two-way areas, per run. */
    public ConflictStore conflicts() {
        return conflicts;
    }

    /** The header payloads written by areas that detect conflicts; what the target endpoints compare against. */
    public WrittenPayloads writtenPayloads() {
        return (area, recordKeys) -> recordState(area).writtenPayloads(recordKeys);
    }

    @Override
    public void close() {
        try {
            pool.dispose();
        } finally {
            while (!holdings.isEmpty()) {
                try {
                    holdings.pop().close();
                } catch (Exception e) {
                    LOG.warn("cannot release the state database cleanly: {}", e.getMessage());
                }
            }
        }
    }

    private static JdbcConnectionPool pool(Dialect dialect, StateConfig config) {
        return switch (dialect) {
            case H2 -> JdbcConnectionPool.create(config.jdbcUrl(), config.user(), config.password());
            case POSTGRES -> JdbcConnectionPool.create(postgres(config));
        };
    }

    @SuppressWarnings("deprecation") // still the driver's only ConnectionPoolDataSource
    private static PGConnectionPoolDataSource postgres(StateConfig config) {
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setURL(config.jdbcUrl());
        ds.setUser(config.user());
        ds.setPassword(config.password());
        // Sends a page's hash upserts as multi-row statements instead of one round trip per row.
        ds.setReWriteBatchedInserts(true);
        return ds;
    }
}
