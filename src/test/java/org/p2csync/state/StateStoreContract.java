package org.p2csync.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.CursorStore;
import org.p2csync.sync.Outcome;
import org.p2csync.sync.RunCounts;

/** What every state database must do; run against H2 and PostgreSQL by the subclasses. */
abstract class StateStoreContract {
    static final String CYRILLIC = "ООО «Ромашка» Москва";
    static final String ARABIC = "شركة الأمل للتجارة";
    static final String CHINESE = "北京华夏贸易有限公司";
    static final String QUOTES = "O'Brien \"Ltd\" `x` \\ %_";

    final TestClock clock = new TestClock(Instant.parse("2026-01-10T08:00:00.123456Z"));
    StateConfig config;
    StateStore store;

    /** A database no other test has used. */
    abstract StateConfig newDatabase() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        config = newDatabase();
        store = StateStore.open(config, clock);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    StateStore reopen() {
        store.close();
        store = StateStore.open(config, clock);
        return store;
    }

    // --- schema ---

    @Test
    void migrationsAreAppliedOnceAndReopeningIsANoOp() throws SQLException {
        List<Integer> first = appliedVersions();
        reopen();
        reopen();

        assertThat(first).isEqualTo(SchemaMigrator.MIGRATIONS.stream().map(Migration::version).toList());
        assertThat(appliedVersions()).isEqualTo(first);
    }

    @Test
    void aLaterMigrationUpgradesAnExistingSchemaAndKeepsItsData() throws SQLException {
        store.recordState("accounts").record(Map.of("k", "h"));
        List<Migration> next = new ArrayList<>(SchemaMigrator.MIGRATIONS);
        int version = nextVersion();
        next.add(new Migration(version, "replay requests",
                List.of("CREATE TABLE IF NOT EXISTS replay_request (area VARCHAR(100) NOT NULL PRIMARY KEY)")));

        assertThat(migrator(next).migrate()).isEqualTo(version);

        assertThat(appliedVersions()).isEqualTo(next.stream().map(Migration::version).toList());
        assertThat(countRows("SELECT COUNT(*) FROM replay_request")).isZero();
        assertThat(store.recordState("accounts").hash("k")).contains("h");
        assertThat(migrator(next).migrate()).as("again: nothing left to apply").isEqualTo(version);
    }

    /** The last migration's number plus one: not the count, as numbers need not be contiguous. */
    private static int nextVersion() {
        return SchemaMigrator.MIGRATIONS.get(SchemaMigrator.MIGRATIONS.size() - 1).version() + 1;
    }

    @Test
    void aFailingMigrationIsNamedAndNotRecordedAsApplied() throws SQLException {
        List<Migration> next = new ArrayList<>(SchemaMigrator.MIGRATIONS);
        int broken = nextVersion();
        next.add(new Migration(broken, "broken step", List.of("ALTER TABLE no_such_table ADD COLUMN x INT")));

        assertThatThrownBy(() -> migrator(next).migrate())
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("migration " + broken + " (broken step) failed");
        assertThat(appliedVersions()).doesNotContain(broken);
    }

    SchemaMigrator migrator(List<Migration> migrations) {
        return new SchemaMigrator(
                new Transactions(store.dataSource()), Dialect.of(config.jdbcUrl()), clock, migrations);
    }

    @Test
    void twoInstancesStartingAtOnceOnAnEmptyDatabaseBothSucceed() throws Exception {
        store.close();
        config = newDatabase();
        CountDownLatch go = new CountDownLatch(1);
        Callable<StateStore> starter = () -> {
            go.await();
            return StateStore.open(config, clock);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<StateStore> a = pool.submit(starter);
            Future<StateStore> b = pool.submit(starter);
            go.countDown();
            StateStore first = a.get(60, TimeUnit.SECONDS);
            StateStore second = b.get(60, TimeUnit.SECONDS);
            second.close();
            store = first;
        } finally {
            pool.shutdownNow();
        }

        assertThat(appliedVersions()).isEqualTo(SchemaMigrator.MIGRATIONS.stream().map(Migration::version).toList());
        store.recordState("accounts").record(Map.of("k", "h"));
        assertThat(store.recordState("accounts").hash("k")).contains("h");
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        store.recordState("accounts").record(Map.of("usmf|US-001", "aa11"));
        store.cursors().save("accounts", new Cursor.Watermark("2026-01-10T08:00:00Z"));
        String runId = store.runs().start("accounts");
        store.errors().record(runId, "accounts", "usmf|US-002", "write", "rejected", "{}");

        reopen();

        assertThat(store.recordState("accounts").hash("usmf|US-001")).contains("aa11");
        assertThat(store.cursors().load("accounts")).isEqualTo(new Cursor.Watermark("2026-01-10T08:00:00Z"));
        assertThat(store.runs().recent("accounts", 10)).extracting(RunRecord::runId).containsExactly(runId);
        assertThat(store.errors().countOpen("accounts")).isEqualTo(1);
    }

    @Test
    void aFailingUnitOfWorkLeavesNothingBehind() {
        Transactions tx = new Transactions(store.dataSource());

        assertThatThrownBy(() -> tx.inTransaction("test a crash mid-page", connection -> {
                    try (PreparedStatement st = connection.prepareStatement(
                            "INSERT INTO sync_cursor (area, watermark, tie_breaker, updated_at) VALUES (?, ?, ?, ?)")) {
                        st.setString(1, "accounts");
                        st.setString(2, "w");
                        st.setString(3, "t");
                        DbTime.set(st, 4, clock.instant());
                        st.executeUpdate();
                    }
                    throw new SQLException("simulated crash");
                }))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("test a crash mid-page")
                .hasMessageContaining("simulated crash");
        assertThat(store.cursors().load("accounts")).isEqualTo(Cursor.START);
    }

    // --- record state, bulk ---

    @Test
    void aPageOfHashesIsRecordedAndReadBackExactly() {
        RecordStateRepository state = store.recordState("accounts");
        Map<String, String> page = new LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            page.put("usmf|US-" + i, Integer.toHexString(i * 7919));
        }
        page.putAll(unicodeKeys());

        state.record(page);

        List<String> asked = new ArrayList<>(page.keySet());
        asked.add("usmf|never-written");
        assertThat(state.hashes(asked)).isEqualTo(page);
    }

    @Test
    void recordingAgainReplacesChangedHashesAndKeepsTheRest() {
        RecordStateRepository state = store.recordState("accounts");
        state.record(Map.of("a", "01", "b", "02"));

        state.record(Map.of("b", "03", "c", "04"));

        assertThat(state.hashes(List.of("a", "b", "c"))).isEqualTo(Map.of("a", "01", "b", "03", "c", "04"));
    }

    @Test
    void areasDoNotSeeEachOthersRecords() {
        store.recordState("accounts").record(Map.of("same-key", "aa"));
        store.recordState("contacts").record(Map.of("same-key", "bb"));

        store.recordState("contacts").clear();

        assertThat(store.recordState("accounts").hash("same-key")).contains("aa");
        assertThat(store.recordState("contacts").hash("same-key")).isEmpty();
    }

    @Test
    void emptyPagesNeedNoDatabase() {
        RecordStateRepository state = store.recordState("accounts");
        state.record(Map.of());
        assertThat(state.hashes(List.of())).isEmpty();
    }

    @Test
    void anOverlongKeyIsRejectedByNameAndNothingOfThePageIsRecorded() {
        RecordStateRepository state = store.recordState("accounts");
        Map<String, String> page = new LinkedHashMap<>();
        page.put("good", "01");
        page.put("x".repeat(513), "02");

        assertThatThrownBy(() -> state.record(page))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accounts")
                .hasMessageContaining("513 characters");
        assertThat(state.hash("good")).isEmpty();
    }

    // --- record state as a Camel IdempotentRepository ---

    @Test
    void idempotentRepositoryContract() {
        RecordStateRepository repo = store.recordState("accounts");

        assertThat(repo.contains("usmf|US-001#aa")).isFalse();
        assertThat(repo.add("usmf|US-001#aa")).isTrue();
        assertThat(repo.contains("usmf|US-001#aa")).isTrue();
        assertThat(repo.add("usmf|US-001#aa")).as("same payload again").isFalse();
        assertThat(repo.contains("usmf|US-001#bb")).as("changed payload").isFalse();
        assertThat(repo.add("usmf|US-001#bb")).isTrue();
        assertThat(repo.hash("usmf|US-001")).contains("bb");
        assertThat(repo.confirm("usmf|US-001#bb")).isTrue();

        assertThat(repo.remove("usmf|US-001#aa")).as("an older hash is no longer there to remove").isFalse();
        assertThat(repo.contains("usmf|US-001#bb")).isTrue();
        assertThat(repo.remove("usmf|US-001#bb")).isTrue();
        assertThat(repo.contains("usmf|US-001#bb")).isFalse();
        assertThat(repo.hash("usmf|US-001")).isEmpty();
        assertThat(repo.remove("usmf|US-001#bb")).isFalse();
    }

    @Test
    void forgettingARecordMakesTheNextRunWriteItWhateverItsHash() {
        RecordStateRepository repo = store.recordState("accounts");
        repo.record(Map.of("usmf|US-001", "aa", "usmf|US-002", "bb"));

        assertThat(repo.forget("usmf|US-001")).isTrue();
        assertThat(repo.forget("usmf|US-001")).isFalse();

        assertThat(repo.hashes(List.of("usmf|US-001", "usmf|US-002"))).isEqualTo(Map.of("usmf|US-002", "bb"));
    }

    @Test
    void messageIdsSplitAtTheLastHashSign() {
        RecordStateRepository repo = store.recordState("accounts");

        repo.add("order#12#line#3#c0ffee");

        assertThat(repo.hash("order#12#line#3")).contains("c0ffee");
        assertThat(repo.contains("order#12#line#3#c0ffee")).isTrue();
    }

    @Test
    void unicodeKeysWorkThroughTheIdempotentRepositoryToo() {
        RecordStateRepository repo = store.recordState("accounts");
        unicodeKeys().forEach((key, hash) -> assertThat(repo.add(key + "#" + hash)).isTrue());
        unicodeKeys().forEach((key, hash) -> assertThat(repo.contains(key + "#" + hash)).as(key).isTrue());
    }

    @Test
    void malformedMessageIdsAreRejectedByName() {
        RecordStateRepository repo = store.recordState("accounts");
        for (String bad : List.of("no-hash-sign", "#only-hash", "key-without-hash#")) {
            assertThatThrownBy(() -> repo.add(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void clearForgetsOnlyTheRepositorysArea() {
        store.recordState("accounts").add("k#01");
        store.recordState("contacts").add("k#01");

        store.recordState("accounts").clear();

        assertThat(store.recordState("accounts").contains("k#01")).isFalse();
        assertThat(store.recordState("contacts").contains("k#01")).isTrue();
    }

    // --- cursors ---

    @Test
    void cursorsStartAtTheBeginningAndRoundTrip() {
        CursorStore cursors = store.cursors();
        assertThat(cursors.load("accounts")).isEqualTo(Cursor.START);

        cursors.save("accounts", new Cursor.Watermark("2026-01-10T08:00:00Z"));
        cursors.save("accounts", new Cursor.Watermark("2026-01-11T09:30:00.123+02:00"));
        cursors.save("contacts", new Cursor.Watermark("2026-01-01T00:00:00Z"));

        assertThat(cursors.load("accounts")).isEqualTo(new Cursor.Watermark("2026-01-11T09:30:00.123+02:00"));
        assertThat(cursors.load("contacts")).isEqualTo(new Cursor.Watermark("2026-01-01T00:00:00Z"));
    }

    @Test
    void savingStartResetsTheCursor() {
        store.cursors().save("accounts", new Cursor.Watermark("2026-01-10T08:00:00Z"));
        store.cursors().save("accounts", Cursor.START);
        assertThat(store.cursors().load("accounts").isStart()).isTrue();
    }

    @Test
    void eachKindOfCursorKeepsTheStoredFormOfEarlierVersions() throws SQLException {
        CursorStore cursors = store.cursors();
        cursors.save("accounts", new Cursor.DeltaLink("accounts?$select=name&$deltatoken=919%2101"));
        cursors.save("contacts", new Cursor.Watermark("2026-01-10T08:00:00Z"));

        assertThat(storedCursor("accounts")).containsExactly("accounts?$select=name&$deltatoken=919%2101", "delta");
        assertThat(storedCursor("contacts")).containsExactly("2026-01-10T08:00:00Z", null);
        assertThat(cursors.load("accounts")).isEqualTo(new Cursor.DeltaLink("accounts?$select=name&$deltatoken=919%2101"));
        try (Connection c = store.dataSource().getConnection();
                Statement st = c.createStatement()) {
            // watermarks as versions before whole-second reads stored them: with the last row's id as tie-breaker
            st.executeUpdate("UPDATE sync_cursor SET tie_breaker = '0b6c6c2e-0001' WHERE area = 'contacts'");
            st.executeUpdate("INSERT INTO sync_cursor (area, watermark, tie_breaker, updated_at) VALUES"
                    + " ('orders', '2026-01-11T09:30:00Z', 'delta', CURRENT_TIMESTAMP)");
        }
        assertThat(cursors.load("contacts")).as("an old tie-breaker is read as its watermark alone: that second again")
                .isEqualTo(new Cursor.Watermark("2026-01-10T08:00:00Z"));
        assertThat(cursors.load("orders")).as("an old tie-breaker id that reads 'delta' is still a watermark")
                .isEqualTo(new Cursor.Watermark("2026-01-11T09:30:00Z"));
        try (Connection c = store.dataSource().getConnection();
                Statement st = c.createStatement()) {
            // as an older version stored it: absolute, tie-breaker "delta"
            st.executeUpdate("UPDATE sync_cursor SET watermark = 'https://org.crm.dynamics.com/api/data/v9.2/"
                    + "accounts?$deltatoken=1' WHERE area = 'accounts'");
        }
        assertThat(cursors.load("accounts"))
                .isEqualTo(new Cursor.DeltaLink("https://org.crm.dynamics.com/api/data/v9.2/accounts?$deltatoken=1"));
    }

    private List<String> storedCursor(String area) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
                PreparedStatement st = c.prepareStatement(
                        "SELECT watermark, tie_breaker FROM sync_cursor WHERE area = ?")) {
            st.setString(1, area);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return java.util.Arrays.asList(rs.getString(1), rs.getString(2));
            }
        }
    }

    // --- run history ---

    @Test
    void aRunIsRunningUntilFinished() {
        String runId = store.runs().start("accounts");

        RunRecord running = store.runs().recent("accounts", 1).get(0);
        assertThat(running.running()).isTrue();
        assertThat(running.outcome()).isEqualTo("Running");
        assertThat(running.startedAt()).isEqualTo(clock.instant());
        assertThat(running.finishedAt()).isNull();
        assertThat(running.counts()).isEqualTo(RunCounts.ZERO);

        clock.advance(Duration.ofSeconds(42));
        RunCounts counts = new RunCounts(10, 1, 2, 5, 1, 1);
        store.runs().finish(runId, counts, Map.of("crm", 3L, "erp", 7L), Outcome.Warning);

        RunRecord done = store.runs().recent("accounts", 1).get(0);
        assertThat(done).isEqualTo(new RunRecord(runId, "accounts", Instant.parse("2026-01-10T08:00:00.123456Z"),
                Instant.parse("2026-01-10T08:00:42.123456Z"), counts, Map.of("crm", 3L, "erp", 7L), "Warning"));
        assertThat(done.running()).isFalse();
    }

    @Test
    void recentListsAnAreasRunsNewestFirstUpToTheLimit() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(store.runs().start("accounts"));
            clock.advance(Duration.ofMinutes(5));
        }
        store.runs().start("contacts");

        assertThat(store.runs().recent("accounts", 3))
                .extracting(RunRecord::runId)
                .containsExactly(ids.get(3), ids.get(2), ids.get(1));
    }

    @Test
    void finishingAnUnknownRunNamesIt() {
        assertThatThrownBy(() -> store.runs().finish("no-such-run", RunCounts.ZERO, Map.of(), Outcome.Completed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-run");
    }

    @Test
    void purgeDeletesOldRunsAndResolvedErrorsButKeepsOpenErrors() {
        String old = store.runs().start("accounts");
        store.errors().record(old, "accounts", "fixed", "write", "rejected", null);
        store.errors().record(old, "accounts", "still-broken", "write", "rejected", null);
        store.errors().resolve("accounts", List.of("fixed"));
        clock.advance(Duration.ofDays(46));
        String recent = store.runs().start("accounts");

        int purged = store.runs().purgeOlderThan(RunHistory.DEFAULT_RETENTION);

        assertThat(purged).isEqualTo(1);
        assertThat(store.runs().recent("accounts", 10)).extracting(RunRecord::runId).containsExactly(recent);
        assertThat(store.errors().open("accounts", 10)).extracting(ErrorRow::recordKey).containsExactly("still-broken");
        assertThat(countRows("SELECT COUNT(*) FROM sync_error")).isEqualTo(1);
    }

    // --- conflicts (two-way areas) ---

    @Test
    void writtenPayloadsAreKeptOnlyWhenGivenAndReadBackExactly() {
        RecordStateRepository state = store.recordState("orders");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("SalesOrderName", CYRILLIC + " " + QUOTES);
        payload.put("TotalAmount", new java.math.BigDecimal("10.50"));
        payload.put("SalesQuotationNumber", null);
        state.recordWritten(List.of(
                new SyncedRecord("usmf|O-1", "h1", "id-1", "O-1", Map.of("SalesOrderNumber", "O-1"), null, payload),
                new SyncedRecord("usmf|O-2", "h2", "id-2", "O-2", Map.of("SalesOrderNumber", "O-2"))));

        Map<String, Map<String, Object>> found = state.writtenPayloads(List.of("usmf|O-1", "usmf|O-2", "usmf|O-3"));

        assertThat(found).containsOnlyKeys("usmf|O-1");
        assertThat(found.get("usmf|O-1")).as("nulls kept, decimals exact (scale too), order kept")
                .containsExactlyEntriesOf(payload);
        assertThat(found.get("usmf|O-1").get("TotalAmount")).isEqualTo(new java.math.BigDecimal("10.50"));
        assertThat(store.writtenPayloads().lastWritten("orders", List.of("usmf|O-1"))).isEqualTo(found);
        assertThat(store.writtenPayloads().lastWritten("accounts", List.of("usmf|O-1"))).isEmpty();
    }

    @Test
    void conflictsAreKeptPerRunWithTheirFieldsAndCountedInTheRun() {
        String runId = store.runs().start("orders");
        org.p2csync.sync.Conflict renamed = new org.p2csync.sync.Conflict("ORD-1", "usmf|ORD-1", List.of(
                new org.p2csync.sync.Conflict.Field("SalesOrderName", "Old", ARABIC, "New"),
                new org.p2csync.sync.Conflict.Field("RequestedShippingDate", null, "2026-12-01T00:00:00Z", null)));
        org.p2csync.sync.Conflict total = new org.p2csync.sync.Conflict("ORD-2", "demf|ORD-2", List.of(
                new org.p2csync.sync.Conflict.Field("TotalAmount", new java.math.BigDecimal("10.5"), 99, 11)));

        store.conflicts().record(runId, "orders", List.of(renamed, total));
        store.conflicts().record(runId, "orders", List.of());
        store.runs().finish(runId, new RunCounts(5, 0, 3, 2, 0, 0, 2), Map.of(), Outcome.Completed);

        List<ConflictRow> rows = store.conflicts().ofRun(runId);
        assertThat(rows).extracting(ConflictRow::recordKey).containsExactly("ORD-1", "ORD-2");
        assertThat(rows.get(0).fields()).isEqualTo(renamed.fields());
        assertThat(rows.get(0).targetKey()).isEqualTo("usmf|ORD-1");
        assertThat(rows.get(0).detectedAt()).isEqualTo(clock.instant());
        assertThat(rows.get(1).fields()).singleElement().satisfies(f -> {
            assertThat(f.lastWritten()).isEqualTo(new java.math.BigDecimal("10.5"));
            assertThat(f.found()).isEqualTo(99);
        });
        assertThat(store.conflicts().recent("orders", 1)).extracting(ConflictRow::recordKey).containsExactly("ORD-2");
        assertThat(store.conflicts().recent("accounts", 5)).isEmpty();
        assertThat(store.runs().recent("orders", 1).get(0).counts().conflicts()).isEqualTo(2);
    }

    @Test
    void purgeDeletesOldConflictsWithTheirRuns() {
        String old = store.runs().start("orders");
        store.conflicts().record(old, "orders", List.of(new org.p2csync.sync.Conflict("ORD-1", "usmf|ORD-1",
                List.of(new org.p2csync.sync.Conflict.Field("SalesOrderName", "a", "b", "c")))));
        clock.advance(Duration.ofDays(46));
        String recent = store.runs().start("orders");
        store.conflicts().record(recent, "orders", List.of(new org.p2csync.sync.Conflict("ORD-2", "usmf|ORD-2",
                List.of(new org.p2csync.sync.Conflict.Field("SalesOrderName", "a", "b", "c")))));

        store.runs().purgeOlderThan(RunHistory.DEFAULT_RETENTION);

        assertThat(store.conflicts().recent("orders", 10)).extracting(ConflictRow::runId).containsExactly(recent);
    }

    // --- errors ---

    @Test
    void errorsRoundTripUnicodeAndLargePayloads() {
        String runId = store.runs().start("accounts");
        String payload = "{\"name\":\"" + ARABIC + "\",\"notes\":\"" + "x".repeat(1_000_000) + "\"}";

        store.errors().record(runId, "accounts", CYRILLIC, "map", "Name too long: " + QUOTES + " " + CHINESE, payload);

        List<ErrorRow> open = store.errors().open("accounts", 10);
        assertThat(open).hasSize(1);
        ErrorRow row = open.get(0);
        assertThat(row.id()).isNotNull();
        assertThat(row)
                .usingRecursiveComparison()
                .ignoringFields("id")
                .isEqualTo(new ErrorRow(null, runId, "accounts", CYRILLIC, "map",
                        "Name too long: " + QUOTES + " " + CHINESE, payload, clock.instant(), null, null));
    }

    @Test
    void retryMakesFailedRecordsWaitAndLeavesErrorsWithoutSourceIdOpen() {
        store.errors().recordAll(List.of(
                ErrorRow.of("run-1", "accounts", CYRILLIC, "write", "HTTP 400 first", null).withSourceId("id-1"),
                ErrorRow.of("run-2", "accounts", CYRILLIC, "write", "HTTP 400 again", null).withSourceId("id-1"),
                ErrorRow.of("run-2", "accounts", "ACC-2", "map", "no country", null).withSourceId("id-2"),
                ErrorRow.of("run-0", "accounts", "OLD-1", "map", "before source ids", null),
                ErrorRow.of("run-2", "contacts", "C-1", "map", "other area", null).withSourceId("id-9")));

        FailedRecordRetry.Scheduled scheduled = store.failedRecordRetry().schedule("accounts");

        assertThat(scheduled.records()).containsExactly(CYRILLIC, "ACC-2");
        assertThat(scheduled.withoutSourceId()).isEqualTo(1);
        assertThat(store.pending().list("accounts", 10)).extracting(PendingRecord::sourceId, PendingRecord::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("id-1", "retry of a failed record (write: HTTP 400 again)"),
                        org.assertj.core.groups.Tuple.tuple("id-2", "retry of a failed record (map: no country)"));
        assertThat(store.errors().open("accounts", 10)).extracting(ErrorRow::recordKey).containsExactly("OLD-1");
        assertThat(store.errors().countOpen("contacts")).isEqualTo(1);
        assertThat(store.failedRecordRetry().schedule("accounts").records()).as("nothing left to schedule").isEmpty();
    }

    @Test
    void anErrorKeepsTheFingerprintOfItsSourceRow() {
        store.errors().recordAll(List.of(ErrorRow.of("run-1", "products", CHINESE, "map", "no GBP", "{}")
                .withSourceId("[\"usmf\",\"" + CHINESE + "\"]").withSourceFingerprint("f".repeat(64))));

        assertThat(store.errors().open("products", 1).get(0).sourceFingerprint()).isEqualTo("f".repeat(64));
        assertThat(store.errors().open("products", 1).get(0).sourceId()).isEqualTo("[\"usmf\",\"" + CHINESE + "\"]");
        assertThatThrownBy(() -> store.errors().recordAll(List.of(ErrorRow.of("run-1", "products", "P-2", "map", "x",
                null).withSourceFingerprint("f".repeat(129)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P-2").hasMessageContaining("129");
    }

    @Test
    void stillFailingGivesTheFingerprintOfEachRecordsLatestOpenError() {
        store.errors().recordAll(List.of(
                ErrorRow.of("run-1", "products", "P-1", "map", "first", null).withSourceId("p1")
                        .withSourceFingerprint("old"),
                ErrorRow.of("run-2", "products", "P-1", "map", "again", null).withSourceId("p1")
                        .withSourceFingerprint("new"),
                ErrorRow.of("run-2", "products", CYRILLIC, "write", "400", null).withSourceId(CYRILLIC)
                        .withSourceFingerprint("cyr"),
                ErrorRow.of("run-2", "products", "P-3", "write", "503 for good", null).withSourceId("p3"),
                ErrorRow.of("run-1", "products", "P-4", "map", "then a transient one", null).withSourceId("p4")
                        .withSourceFingerprint("f4"),
                ErrorRow.of("run-2", "products", "P-4", "write", "503", null).withSourceId("p4"),
                ErrorRow.of("run-2", "products", "P-5", "map", "written since", null).withSourceId("p5")
                        .withSourceFingerprint("f5"),
                ErrorRow.of("run-2", "invoices", "P-1", "map", "other area", null).withSourceId("p1")
                        .withSourceFingerprint("inv")));
        store.errors().resolve("products", List.of("P-5"));

        assertThat(store.errors().stillFailing("products", List.of("p1", CYRILLIC, "p3", "p4", "p5", "never")))
                .as("the latest error counts; none without a fingerprint, resolved or of another area")
                .isEqualTo(Map.of("p1", "new", CYRILLIC, "cyr"));
        assertThat(store.errors().stillFailing("products", List.of())).isEmpty();
        assertThat(store.errors().stillFailing("invoices", List.of("p1"))).isEqualTo(Map.of("p1", "inv"));
    }

    @Test
    void aWaitingRecordIsNotStillFailingWhateverItsOpenError() {
        store.errors().recordAll(List.of(
                ErrorRow.of("run-1", "products", "P-1", "map", "no GBP", null).withSourceId("p1")
                        .withSourceFingerprint("f1"),
                ErrorRow.of("run-1", "products", "P-2", "map", "no GBP", null).withSourceId("p2")
                        .withSourceFingerprint("f2")));
        // a crash between the two steps of retry leaves the record waiting with its error still open
        store.pending().waiting(List.of(PendingRecord.waiting("products", "p1", "P-1", "retry of a failed record")));
        store.pending().waiting(List.of(PendingRecord.waiting("invoices", "p2", "P-2", "another area's wait")));

        assertThat(store.errors().stillFailing("products", List.of("p1", "p2"))).isEqualTo(Map.of("p2", "f2"));

        store.failedRecordRetry().schedule("products");
        assertThat(store.errors().stillFailing("products", List.of("p1", "p2"))).as("retry resolves and schedules")
                .isEmpty();
    }

    @Test
    void stillFailingAnswersAPageOfThousandsOfIdsInOneQuery() {
        List<ErrorRow> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10000; i++) {
            ids.add("[\"usmf\",\"P-" + i + "\"]");
            if (i % 1000 == 0) {
                rows.add(ErrorRow.of("run-1", "products", "P-" + i, "map", "bad", null).withSourceId(ids.get(i))
                        .withSourceFingerprint("f" + i));
            }
        }
        store.errors().recordAll(rows);

        assertThat(store.errors().stillFailing("products", ids)).hasSize(10)
                .containsEntry("[\"usmf\",\"P-9000\"]", "f9000");
    }

    @Test
    void openErrorsAreOldestFirstLimitedAndPerArea() {
        List<ErrorRow> page = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            page.add(ErrorRow.of("run-1", "accounts", "k" + i, "write", "HTTP 400", "{}"));
        }
        store.errors().recordAll(page);
        store.errors().record("run-1", "contacts", "c0", "map", "bad", null);

        assertThat(store.errors().open("accounts", 3)).extracting(ErrorRow::recordKey).containsExactly("k0", "k1", "k2");
        assertThat(store.errors().countOpen("accounts")).isEqualTo(5);
        assertThat(store.errors().countOpen("contacts")).isEqualTo(1);
    }

    @Test
    void resolvingClosesOnlyTheNamedRecordsOfTheArea() {
        store.errors().recordAll(List.of(
                ErrorRow.of("run-1", "accounts", ARABIC, "write", "HTTP 400", null),
                ErrorRow.of("run-1", "accounts", ARABIC, "write", "HTTP 400 again", null),
                ErrorRow.of("run-1", "accounts", "other", "write", "HTTP 400", null),
                ErrorRow.of("run-1", "contacts", ARABIC, "write", "HTTP 400", null)));

        store.errors().resolve("accounts", List.of(ARABIC, "never-failed"));
        store.errors().resolve("accounts", List.of());

        assertThat(store.errors().open("accounts", 10)).extracting(ErrorRow::recordKey).containsExactly("other");
        assertThat(store.errors().countOpen("contacts")).isEqualTo(1);
    }

    @Test
    void resolvingAPageOfThousandsOfKeysWorks() {
        List<ErrorRow> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            keys.add("k" + i);
            rows.add(ErrorRow.of("run-1", "accounts", "k" + i, "write", "HTTP 400", null));
        }
        store.errors().recordAll(rows);

        store.errors().resolve("accounts", keys.subList(0, 2400));

        assertThat(store.errors().countOpen("accounts")).isEqualTo(100);
    }

    @Test
    void listingLimitsMustBePositive() {
        assertThatThrownBy(() -> store.runs().recent("accounts", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accounts")
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> store.errors().open("accounts", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accounts")
                .hasMessageContaining("limit");
    }

    // --- record identity (migrations 2 and 3) ---

    @Test
    void writtenRecordsAreAlsoFoundByTheirTargetId() {
        RecordStateRepository products = store.recordState("products");
        products.recordWritten(List.of(new SyncedRecord("D1000", "h", "[\"usmf\",\"D1000\"]", "D1000",
                Map.of("productnumber", "D1000"), "fe77f2dc-d1d6-3bb6-b358-71b401ff9661")));

        assertThat(products.targetKeysBySource(List.of("fe77f2dc-d1d6-3bb6-b358-71b401ff9661")))
                .containsEntry("fe77f2dc-d1d6-3bb6-b358-71b401ff9661", Map.of("productnumber", "D1000"));
        assertThat(products.targetKeysBySource(List.of("D1000"))).containsOnlyKeys("D1000");
    }

    @Test
    void writtenRecordsAreFoundBySourceIdOrNaturalKeyWithTheirTargetKeyInKeyOrder() {
        RecordStateRepository accounts = store.recordState("accounts");
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", "usmf");
        key.put("CustomerAccount", QUOTES);
        accounts.recordWritten(List.of(
                new SyncedRecord("usmf|" + QUOTES, "h1", "guid-1", QUOTES, key),
                new SyncedRecord("usmf|" + CHINESE, "h2", "guid-2", null,
                        Map.of("dataAreaId", "usmf", "CustomerAccount", CHINESE))));

        Map<String, Map<String, Object>> found =
                accounts.targetKeysBySource(List.of("guid-1", QUOTES, "guid-2", "guid-never"));

        assertThat(found).containsOnlyKeys("guid-1", QUOTES, "guid-2");
        assertThat(found.get("guid-1")).containsExactly(
                Map.entry("dataAreaId", "usmf"), Map.entry("CustomerAccount", QUOTES));
        assertThat(found.get(QUOTES)).isEqualTo(key);
        assertThat(accounts.hash("usmf|" + QUOTES)).contains("h1");
        assertThat(store.recordState("contacts").targetKeysBySource(List.of("guid-1"))).isEmpty();
        assertThat(accounts.targetKeysBySource(List.of())).isEmpty();
    }

    @Test
    void rowsWrittenWithoutIdentityAreReportedSoTheyCanHeal() {
        RecordStateRepository accounts = store.recordState("accounts");
        accounts.record(Map.of("usmf|OLD", "h0", "usmf|NEW", "h0"));
        accounts.recordWritten(List.of(new SyncedRecord("usmf|NEW", "h0", "g-new", "NEW", Map.of("k", "NEW"))));

        assertThat(accounts.lackingIdentity(List.of("usmf|OLD", "usmf|NEW", "usmf|NONE"))).containsExactly("usmf|OLD");
        assertThat(accounts.targetKeysBySource(List.of("OLD", "NEW"))).containsOnlyKeys("NEW");

        accounts.record(Map.of("usmf|NEW", "h1"));
        assertThat(accounts.targetKeysBySource(List.of("g-new"))).as("a hash-only update keeps the identity")
                .containsOnlyKeys("g-new");
    }

    @Test
    void theWrittenSourceIdsOfAnAreaAreWhatAFullReadIsComparedWith() {
        RecordStateRepository products = store.recordState("products");
        products.record(Map.of("OLD", "h0"));
        products.recordWritten(List.of(
                new SyncedRecord("D1000", "h", "[\"usmf\",\"D1000\"]", "D1000", Map.of("productnumber", "D1000")),
                new SyncedRecord("D1001", "h", "[\"demf\",\"D1001\"]", null, Map.of("productnumber", "D1001")),
                new SyncedRecord("D1002", "h", "[\"usmf\",\"D1002\"]", "D1002", Map.of("productnumber", "D1002"))));
        store.recordState("accounts").recordWritten(List.of(new SyncedRecord("A", "h", "g", "A", Map.of("k", "A"))));
        products.forget("D1002");

        Map<String, String> written = products.writtenSources();

        assertThat(written).as("without the row that predates identity, the forgotten one and other areas'")
                .containsOnlyKeys("[\"usmf\",\"D1000\"]", "[\"demf\",\"D1001\"]")
                .containsEntry("[\"usmf\",\"D1000\"]", "D1000").containsEntry("[\"demf\",\"D1001\"]", null);
    }

    @Test
    void aSourceRecordWrittenUnderTwoKeysResolvesToTheLatest() {
        RecordStateRepository accounts = store.recordState("accounts");
        accounts.recordWritten(List.of(new SyncedRecord("usmf|A-1", "h", "g", "A-1", Map.of("k", "A-1"))));
        clock.advance(Duration.ofSeconds(1));
        accounts.recordWritten(List.of(new SyncedRecord("usmf|A-2", "h", "g", "A-2", Map.of("k", "A-2"))));

        assertThat(accounts.targetKeysBySource(List.of("g")).get("g")).isEqualTo(Map.of("k", "A-2"));
    }

    // --- values the target assigned (migration 8) ---

    @Test
    void assignedValuesAreKeptPerRecordAndFoundBesideTheTargetKey() {
        RecordStateRepository accounts = store.recordState("accounts");
        accounts.recordWritten(List.of(new SyncedRecord("usmf|A-1", "h1", "g1", "A-1", customerKey("A-1")),
                new SyncedRecord("usmf|A-2", "h2", "g2", "A-2", customerKey("A-2")),
                new SyncedRecord("usmf|A-3", "h3", "g3", "A-3", customerKey("A-3"))));
        List<String> keys = List.of("usmf|A-1", "usmf|A-2", "usmf|A-3", "usmf|NEVER");
        assertThat(accounts.assignedValues(keys)).as("nothing read back yet").isEmpty();

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("PartyNumber", "000123");
        values.put("Name", CYRILLIC + " " + QUOTES);
        values.put("Empty", null);
        accounts.recordAssigned(Map.of("usmf|A-1", values, "usmf|A-2", Map.of(), "usmf|NEVER", Map.of("PartyNumber", "9")));

        Map<String, Map<String, Object>> found = accounts.assignedValues(keys);
        assertThat(found).as("a record without a row gets none").containsOnlyKeys("usmf|A-1", "usmf|A-2");
        assertThat(found.get("usmf|A-1")).as("nulls and order kept").containsExactlyEntriesOf(values);
        assertThat(found.get("usmf|A-2")).as("read back, not at the target").isEmpty();
        assertThat(accounts.hash("usmf|NEVER")).isEmpty();
        Map<String, WrittenTarget> targets = accounts.targetsBySource(List.of("g1", "A-2", "g3"));
        assertThat(targets.get("g1").targetKey()).containsExactly(Map.entry("dataAreaId", "usmf"),
                Map.entry("CustomerAccount", "A-1"));
        assertThat(targets.get("g1").assigned()).containsExactlyEntriesOf(values);
        assertThat(targets.get("A-2").assigned()).isEmpty();
        assertThat(targets.get("g3").assigned()).as("never read back").isNull();
        assertThat(store.recordState("contacts").assignedValues(keys)).isEmpty();

        accounts.recordWritten(List.of(new SyncedRecord("usmf|A-1", "h9", "g1", "A-1", customerKey("A-1"))));
        assertThat(accounts.assignedValues(List.of("usmf|A-1")).get("usmf|A-1"))
                .as("writing the record again keeps what the target assigned").containsEntry("PartyNumber", "000123");
        assertThat(reopen().recordState("accounts").assignedValues(List.of("usmf|A-1"))).containsOnlyKeys("usmf|A-1");
    }

    /** An F&O customer key, fields in key order. */
    private static Map<String, Object> customerKey(String account) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", "usmf");
        key.put("CustomerAccount", account);
        return key;
    }

    @Test
    void writtenRecordsNeverReadBackAreListedInKeyOrderUpToTheLimit() {
        RecordStateRepository accounts = store.recordState("accounts");
        for (String n : List.of("E", "B", "D", "A", "C")) {
            accounts.recordWritten(List.of(new SyncedRecord("usmf|" + n, "h", "g" + n, n, Map.of("CustomerAccount", n))));
        }
        accounts.record(Map.of("usmf|0-OLD", "h"));
        accounts.recordAssigned(Map.of("usmf|B", Map.of()));
        store.recordState("contacts").recordWritten(List.of(new SyncedRecord("x", "h", "g", "x", Map.of("k", "x"))));

        assertThat(accounts.notReadBack(3)).as("read back (even not found) or without identity: left out")
                .containsExactly(Map.entry("usmf|A", Map.of("CustomerAccount", "A")),
                        Map.entry("usmf|C", Map.of("CustomerAccount", "C")),
                        Map.entry("usmf|D", Map.of("CustomerAccount", "D")));
        assertThat(accounts.notReadBack(10)).containsOnlyKeys("usmf|A", "usmf|C", "usmf|D", "usmf|E");
    }

    // --- waiting records ---

    @Test
    void waitingRecordsCountAttemptsUntilResolved() {
        PendingStore pending = store.pending();
        pending.waiting(List.of(
                PendingRecord.waiting("quotes", "q1", "QUO-1", "accounts record a1 (from _customerid_value) not synced yet"),
                PendingRecord.waiting("quotes", "q2", null, "accounts record a2 (from _customerid_value) not synced yet")));
        clock.advance(Duration.ofMinutes(1));
        pending.waiting(List.of(PendingRecord.waiting("quotes", "q1", "QUO-1", "still missing")));

        List<PendingRecord> rows = pending.list("quotes", 10);
        assertThat(rows).extracting(PendingRecord::sourceId).containsExactly("q1", "q2");
        assertThat(rows.get(0).attempts()).isEqualTo(2);
        assertThat(rows.get(0).reason()).isEqualTo("still missing");
        assertThat(rows.get(0).lastSeen()).isAfter(rows.get(0).firstSeen());
        assertThat(rows.get(1).attempts()).isEqualTo(1);
        assertThat(pending.pending("quotes", 1)).containsExactly("q1");
        assertThat(pending.count("quotes")).isEqualTo(2);
        assertThat(pending.count("orders")).isZero();

        pending.resolve("quotes", List.of("q1"));
        pending.dropped("quotes", List.of("q2"));
        assertThat(pending.count("quotes")).isZero();
    }

    // --- held records ---

    @Test
    void heldRecordsAreListedLongestHeldFirstKeepTheirSinceAndLeaveWhenReleased() {
        HeldStore held = store.held();
        held.hold(List.of(
                HeldRecord.held("quotes", "q1", "QUO-01003", "line 4 (sequencenumber 4): write-in line", "run-1"),
                HeldRecord.held("quotes", "q2", "QUO-" + CYRILLIC, "line 1 (sequencenumber 1) has no _productid_value",
                        "run-1")));
        Instant firstHeld = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        held.hold(List.of(HeldRecord.held("quotes", "q3", null, "line 2 (sequencenumber 2): write-in line", "run-2"),
                HeldRecord.held("quotes", "q1", "QUO-01003", "line 5 (sequencenumber 5): write-in line", "run-2"),
                HeldRecord.held("orders", "o1", "ORD-01000", "line 1 (sequencenumber 1): write-in line", "run-3")));

        List<HeldRecord> quotes = held.list("quotes", 10);
        assertThat(quotes).extracting(HeldRecord::sourceId).containsExactly("q1", "q2", "q3");
        assertThat(quotes.get(0)).isEqualTo(new HeldRecord("quotes", "q1", "QUO-01003",
                "line 5 (sequencenumber 5): write-in line", firstHeld, "run-2"));
        assertThat(quotes.get(1).recordKey()).isEqualTo("QUO-" + CYRILLIC);
        assertThat(quotes.get(2).since()).isEqualTo(clock.instant());
        assertThat(held.list("quotes", 1)).extracting(HeldRecord::sourceId).containsExactly("q1");
        assertThat(held.count("quotes")).isEqualTo(3);
        assertThat(held.count("orders")).isEqualTo(1);

        held.release("quotes", List.of("q1", "q3", "o1"));

        assertThat(held.list("quotes", 10)).extracting(HeldRecord::sourceId).containsExactly("q2");
        assertThat(held.count("orders")).as("release is per area").isEqualTo(1);
        held.hold(List.of());
        held.release("quotes", List.of());
        assertThat(reopen().held().count("quotes")).as("kept across restarts").isEqualTo(1);
    }

    @Test
    void recordsHeldAtAReadOnlyTargetKeepThePayloadHashTheyWereHeldWith() {
        HeldStore held = store.held();
        String reason = "salesorders ORD-01000 is read-only at the target (statecode is 3; target readOnlyWhen)";
        held.hold(List.of(
                HeldRecord.held("order-status", "[\"usmf\",\"ORD-01000\"]", "ORD-01000", reason, "run-1")
                        .withPayloadHash("h1"),
                HeldRecord.held("order-status", "[\"usmf\",\"ORD-01001\"]", "ORD-01001", "held by require", "run-1")));

        assertThat(held.heldWithPayload("order-status", List.of("[\"usmf\",\"ORD-01000\"]",
                "[\"usmf\",\"ORD-01001\"]", "[\"usmf\",\"ORD-09999\"]")))
                .as("only what was held with a payload").containsOnlyKeys("[\"usmf\",\"ORD-01000\"]")
                .extractingByKey("[\"usmf\",\"ORD-01000\"]").satisfies(h -> {
                    assertThat(h.payloadHash()).isEqualTo("h1");
                    assertThat(h.reason()).isEqualTo(reason);
                });
        held.hold(List.of(HeldRecord.held("order-status", "[\"usmf\",\"ORD-01000\"]", "ORD-01000", reason, "run-2")
                .withPayloadHash("h2")));
        held = reopen().held();
        assertThat(held.heldWithPayload("order-status", List.of("[\"usmf\",\"ORD-01000\"]")))
                .as("kept across restarts, the latest hash")
                .extractingByKey("[\"usmf\",\"ORD-01000\"]").extracting(HeldRecord::payloadHash).isEqualTo("h2");
        assertThat(held.heldWithPayload("erp-orders", List.of("[\"usmf\",\"ORD-01000\"]"))).as("per area").isEmpty();
        assertThat(held.heldWithPayload("order-status", List.of())).isEmpty();
        assertThat(held.list("order-status", 10)).extracting(HeldRecord::payloadHash).containsExactly("h2", null);
    }

    @Test
    void aHeldRecordNeedsAnAreaASourceIdAndAReason() {
        assertThatThrownBy(() -> store.held().hold(List.of(HeldRecord.held("quotes", "", "Q", "why", "r"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty source id");
        assertThatThrownBy(() -> store.held().hold(List.of(HeldRecord.held("quotes", "q1", "Q", " ", "r"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("q1").hasMessageContaining("reason");
        assertThatThrownBy(() -> store.held().list("quotes", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.held().count("quotes")).isZero();
    }

    @Test
    void aRunCountsWhatItHeld() {
        String runId = store.runs().start("quotes");
        RunCounts counts = new RunCounts(10, 2, 1, 4, 0, 1, 0, 2);

        store.runs().finish(runId, counts, Map.of(), Outcome.Completed);

        assertThat(store.runs().recent("quotes", 1).get(0).counts()).isEqualTo(counts);
        assertThat(counts.held()).isEqualTo(2);
    }

    @Test
    void migrationSevenUpgradesADatabaseOfThePreviousVersionKeepingItsData() throws Exception {
        store.close();
        config = newDatabase();
        List<Migration> previous = SchemaMigrator.MIGRATIONS.stream().filter(m -> m.version() <= 6).toList();
        javax.sql.DataSource plain = plainDataSource(config);
        assertThat(new SchemaMigrator(new Transactions(plain), Dialect.of(config.jdbcUrl()), clock, previous).migrate())
                .isEqualTo(6);
        try (Connection c = plain.getConnection(); Statement st = c.createStatement()) {
            // what the previous version wrote: a finished run (no held count), a written quote and a waiting one
            st.execute("INSERT INTO sync_run (run_id, area, started_at, finished_at, outcome, read_count,"
                    + " filtered_count, unchanged_count, written_count, failed_count, waiting_count, requests,"
                    + " conflict_count) VALUES ('old-run', 'quotes', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:05+00', 'Completed', 8, 5, 0, 3, 0, 0,"
                    + " '{\"erp\":2}', 0)");
            st.execute("INSERT INTO record_state (area, record_key, hash, updated_at, source_id, source_key)"
                    + " VALUES ('quotes', 'usmf|QUO-01003', 'old-hash', TIMESTAMP WITH TIME ZONE"
                    + " '2026-01-01 00:00:04+00', 'q-3', 'QUO-01003')");
            st.execute("INSERT INTO pending_record (area, source_id, source_key, reason, first_seen, last_seen,"
                    + " attempts) VALUES ('quotes', 'q-9', 'QUO-01009', 'waits', TIMESTAMP WITH TIME ZONE"
                    + " '2026-01-01 00:00:04+00', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:04+00', 1)");
        }

        store = StateStore.open(config, clock);

        assertThat(appliedVersions()).startsWith(1, 2, 3, 4, 5, 6, 7);
        RunRecord old = store.runs().recent("quotes", 1).get(0);
        assertThat(old.counts()).isEqualTo(new RunCounts(8, 5, 0, 3, 0, 0, 0, 0));
        assertThat(old.requests()).isEqualTo(Map.of("erp", 2L));
        assertThat(store.recordState("quotes").hash("usmf|QUO-01003")).contains("old-hash");
        assertThat(store.pending().pending("quotes", 10)).containsExactly("q-9");
        assertThat(store.held().count("quotes")).isZero();
        store.held().hold(List.of(HeldRecord.held("quotes", "q-3", "QUO-01003", "line 4: write-in line", "new-run")));
        assertThat(store.held().list("quotes", 10)).extracting(HeldRecord::recordKey).containsExactly("QUO-01003");
        String runId = store.runs().start("quotes");
        store.runs().finish(runId, new RunCounts(1, 0, 0, 0, 0, 0, 0, 1), Map.of(), Outcome.Completed);
        assertThat(store.runs().recent("quotes", 1).get(0).counts().held()).isEqualTo(1);
    }

    // --- one sync per state database ---

    @Test
    void aSecondSyncOnTheSameStateIsRefusedNamingTheHolder() {
        store.close();
        try (StateStore first = StateStore.openForSync(config, clock)) {
            assertThat(first.heldBySync()).isTrue();
            assertThatThrownBy(() -> StateStore.openForSync(config, clock))
                    .isInstanceOf(StateInUseException.class)
                    .hasMessageContaining("in use by another sync")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("since " + clock.instant());
            // readers are not syncs: they still open it
            try (StateStore reader = StateStore.open(config, clock)) {
                assertThat(reader.heldBySync()).isTrue();
            }
        }
        store = StateStore.openForSync(config, clock);
        assertThat(store.runs().recent("accounts", 1)).as("the first released it on close").isEmpty();
    }

    @Test
    void runsLeftRunningByAnEarlierHolderBecomeAbandonedWhenTheNextSyncTakesTheState() {
        String cut = store.runs().start("accounts");
        String done = store.runs().start("contacts");
        store.runs().finish(done, new RunCounts(1, 0, 0, 1, 0, 0), Map.of(), Outcome.Completed);
        assertThat(store.heldBySync()).as("a reader holds nothing").isFalse();
        store.close();

        store = StateStore.openForSync(config, clock);

        RunRecord abandoned = store.runs().recent("accounts", 1).get(0);
        assertThat(abandoned.runId()).isEqualTo(cut);
        assertThat(abandoned.outcome()).isEqualTo(RunRecord.ABANDONED);
        assertThat(abandoned.running()).isFalse();
        assertThat(store.runs().recent("contacts", 1).get(0).outcome()).isEqualTo("Completed");
        String next = store.runs().start("accounts");
        assertThat(store.runs().recent("accounts", 2)).filteredOn(r -> r.runId().equals(next)).singleElement()
                .as("the holder's own run").matches(RunRecord::running);
    }

    @Test
    void aRunCountsTheRecordsStillFailing() {
        String runId = store.runs().start("products");
        RunCounts counts = new RunCounts(10, 0, 9, 0, 1, 0, 0, 0, 3);

        store.runs().finish(runId, counts, Map.of(), Outcome.Completed);

        assertThat(store.runs().recent("products", 1).get(0).counts()).isEqualTo(counts);
    }

    @Test
    void migrationNineUpgradesADatabaseOfThePreviousVersionKeepingItsErrorsAndRuns() throws Exception {
        store.close();
        config = newDatabase();
        List<Migration> previous = SchemaMigrator.MIGRATIONS.stream().filter(m -> m.version() <= 8).toList();
        javax.sql.DataSource plain = plainDataSource(config);
        assertThat(new SchemaMigrator(new Transactions(plain), Dialect.of(config.jdbcUrl()), clock, previous).migrate())
                .isEqualTo(8);
        try (Connection c = plain.getConnection(); Statement st = c.createStatement()) {
            // what the previous version wrote: an open error without fingerprint and a finished run
            st.execute("INSERT INTO sync_error (run_id, area, record_key, stage, reason, created_at, source_id)"
                    + " VALUES ('old-run', 'products', 'GBP-0001', 'map', 'no GBP', TIMESTAMP WITH TIME ZONE"
                    + " '2026-01-01 00:00:04+00', '[\"usmf\",\"GBP-0001\"]')");
            st.execute("INSERT INTO sync_run (run_id, area, started_at, finished_at, outcome, read_count,"
                    + " filtered_count, unchanged_count, written_count, failed_count, waiting_count, requests,"
                    + " conflict_count, held_count) VALUES ('old-run', 'products',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:05+00', 'Warning', 8, 0, 0, 7, 1, 0,"
                    + " '{\"erp\":1}', 0, 0)");
        }

        store = StateStore.open(config, clock);

        assertThat(appliedVersions()).as("9 applied after 8, whatever follows").containsSequence(8, 9);
        ErrorRow old = store.errors().open("products", 10).get(0);
        assertThat(old.recordKey()).isEqualTo("GBP-0001");
        assertThat(old.sourceFingerprint()).as("recorded before fingerprints were kept").isNull();
        assertThat(store.errors().stillFailing("products", List.of("[\"usmf\",\"GBP-0001\"]")))
                .as("so the next full read maps it again, and its new error keeps one").isEmpty();
        assertThat(store.runs().recent("products", 1).get(0).counts())
                .isEqualTo(new RunCounts(8, 0, 0, 7, 1, 0, 0, 0, 0));
    }

    /** A connection source without the store: for building a database as an older version left it. */
    private static javax.sql.DataSource plainDataSource(StateConfig config) {
        if (Dialect.of(config.jdbcUrl()) == Dialect.H2) {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(config.jdbcUrl());
            h2.setUser(config.user());
            h2.setPassword(config.password());
            return h2;
        }
        org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
        pg.setURL(config.jdbcUrl());
        pg.setUser(config.user());
        pg.setPassword(config.password());
        return pg;
    }

    // --- helpers ---

    static Map<String, String> unicodeKeys() {
        Map<String, String> keys = new HashMap<>();
        keys.put("usmf|" + CYRILLIC, "c1");
        keys.put("usmf|" + ARABIC, "a1");
        keys.put("usmf|" + CHINESE, "b1");
        keys.put("usmf|" + QUOTES, "d1");
        keys.put("usmf|A#1#2", "e1");
        keys.put("usmf|" + "Ж".repeat(300), "f1");
        return keys;
    }

    List<Integer> appliedVersions() throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    long countRows(String sql) {
        try (Connection c = store.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
