package org.p2csync.state;

import java.nio.file.Path;
import java.time.Clock;
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

    private StateStore(JdbcConnectionPool pool, Dialect dialect, Clock clock) {
        this.pool = pool;
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

    public static StateStore open(StateConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** @param clock stamps runs, errors and hashes; tests pass their own to check retention */
    public static StateStore open(StateConfig config, Clock clock) {
        Dialect dialect = Dialect.of(config.redactedUrl());
        JdbcConnectionPool pool = pool(dialect, config);
        pool.setMaxConnections(MAX_CONNECTIONS);
        StateStore store = new StateStore(pool, dialect, clock);
        try {
            int version = new SchemaMigrator(store.tx, dialect, clock).migrate();
            LOG.info("State store open at {} (schema version {})", config.redactedUrl(), version);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * The default store: an H2 file under the data folder. AUTO_SERVER lets a second process (the CLI showing run
     * history, say) open the same file while the sync runs, by connecting to the process that holds it.
     */
    public static StateConfig h2(Path dataDir) {
        String file = dataDir.toAbsolutePath().resolve("state").toString().replace('\\', '/');
        return new StateConfig("jdbc:h2:file:" + file + ";TRACE_LEVEL_FILE=0;AUTO_SERVER=TRUE", "sa", "");
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
        pool.dispose();
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
