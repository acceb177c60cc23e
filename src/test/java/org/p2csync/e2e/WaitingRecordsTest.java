package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.state.PendingRecord;
import org.p2csync.state.StateStore;

/**
 * Two areas over HTTP, the second looking up the first: run before its reference exists, a record waits (pending,
 * with the missing reference); once accounts has synced, the next run re-reads it by id and writes it, although it
 * never changed at the source. A waiting record deleted at the source is dropped from pending.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaitingRecordsTest {
    private static final Path FIXTURES = Path.of("src/test/resources/waiting");

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataProbe probe;
    static SyncFixture sync;
    static List<Map<String, Object>> customers;
    static String deletedId;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(150));
        probe = new ODataProbe(sandbox);
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Path mappings = SyncFixture.shippedMappings(dir.resolve("mappings"), "accounts");
        Files.copy(Path.of("routes/accounts.camel.yaml"), routes.resolve("accounts.camel.yaml"));
        Files.copy(FIXTURES.resolve("accountcopies.camel.yaml"), routes.resolve("accountcopies.camel.yaml"));
        Files.copy(FIXTURES.resolve("accountcopies.yaml"), mappings.resolve("accountcopies.yaml"));
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.routes", routes.toString(), "p2c.mappings",
                mappings.toString(), "p2c.page-size", "40"));
        customers = probe.crm("accounts", "$select=accountid,accountnumber,customertypecode").stream()
                .filter(a -> Objects.equals(((Number) a.get("customertypecode")).intValue(), 3))
                .toList();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @Order(1)
    void beforeItsReferenceIsSyncedEveryRecordWaitsNamingTheReference() throws Exception {
        SyncFixture.Result result = sync.syncOnce("accountcopies");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("accountcopies", "waiting")).isEqualTo(customers.size());
        assertThat(result.count("accountcopies", "written")).isZero();
        assertThat(probe.erp("CustomersV3", "$filter=dataAreaId eq 'demf'")).isEmpty();
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            List<PendingRecord> pending = state.pending().list("accountcopies", 1000);
            assertThat(pending).hasSize(customers.size());
            String first = pending.get(0).sourceId();
            assertThat(pending.get(0).reason())
                    .isEqualTo("accounts record " + first + " (from accountid) not synced yet");
        }
        String status = status("--area", "accountcopies");
        assertThat(status)
                .contains("accountcopies")
                .containsPattern("last run: +\\S+ Completed \\(read \\d+, filtered \\d+, unchanged 0, written 0,"
                        + " failed 0, waiting " + customers.size() + "\\)")
                .contains("open errors: 0")
                .contains("waiting:     " + customers.size())
                .contains("(from accountid) not synced yet (since ")
                .contains("... and " + (customers.size() - 5) + " more");
        assertThat(status("--area", "accounts")).contains("last run:    never").contains("waiting:     0");
    }

    private static String status(String... args) {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of("status", "--config", sync.config().toString()));
        all.addAll(List.of(args));
        int code = org.p2csync.cli.P2cCommand.execute(new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true), all.toArray(String[]::new));
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    @Order(2)
    void onceTheReferenceExistsTheNextRunWritesTheWaitingRecordsAndDropsDeletedOnes() throws Exception {
        deletedId = customers.get(0).get("accountid").toString();
        probe.deleteCrm("accounts(" + deletedId + ")");
        SyncFixture.Result accounts = sync.syncOnce("accounts");
        assertThat(accounts.exitCode()).as(accounts.printed()).isZero();
        long synced = accounts.count("accounts", "written");
        assertThat(synced).isEqualTo(customers.size() - 1);

        SyncFixture.Result copies = sync.syncOnce("accountcopies");

        assertThat(copies.exitCode()).as(copies.printed()).isZero();
        assertThat(copies.count("accountcopies", "written")).isEqualTo(synced);
        assertThat(copies.count("accountcopies", "waiting")).isZero();
        assertThat(probe.erp("CustomersV3", "$filter=dataAreaId eq 'demf'")).hasSize((int) synced);
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            assertThat(state.pending().count("accountcopies")).as("written ones and the deleted one").isZero();
        }
    }

    @Test
    @Order(3)
    void aLaterRunHasNothingLeftToRetry() throws Exception {
        int atWatermark = probe.crmModifiedAt("accounts", sync.watermark("accountcopies"));
        SyncFixture.Result again = sync.syncOnce("accountcopies");

        assertThat(again.exitCode()).as(again.printed()).isZero();
        assertThat(again.count("accountcopies", "read")).as("only the rows of its watermark's second, again")
                .isEqualTo(atWatermark);
        assertThat(again.count("accountcopies", "written")).isZero();
        assertThat(again.count("accountcopies", "waiting")).isZero();
        assertThat(status()).contains("accounts\n").contains("accountcopies\n").doesNotContain("never")
                .doesNotContain("not synced yet");
    }
}
