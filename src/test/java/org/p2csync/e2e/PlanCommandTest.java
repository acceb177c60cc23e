package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.state.StateConfig;
import org.p2csync.state.StateStore;

/**
 * `plan`, the dry run, over HTTP against the sandbox with a real H2 state: it prints what the next sync would do, field
 * by field against the target's current values, and writes nothing, neither to the ERP nor to the state (compared as
 * a whole: the database's SCRIPT before and after); the next sync then writes exactly what it printed.
 */
class PlanCommandTest {
    private static final String SELECT = "$select=accountid,accountnumber,name,telephone1,customertypecode";

    @TempDir
    Path dir;

    @Test
    void planOnAChangedAccountPrintsTheChangedFieldsWritesNothingAndTheNextSyncWritesExactlyThat() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(40));
                SandboxProxy proxy = new SandboxProxy(sandbox)) {
            ODataProbe probe = new ODataProbe(sandbox);
            SyncFixture sync = new SyncFixture(sandbox, Files.createDirectories(dir.resolve("p2c")), Map.of(
                    "p2c.crm.url", proxy.url() + path(sandbox, sandbox.crmUrl()),
                    "p2c.erp.url", proxy.url() + path(sandbox, sandbox.erpUrl())));
            SyncFixture.Result first = sync.syncOnce("accounts");
            assertThat(first.exitCode()).as(first.printed()).isZero();
            assertThat(first.count("accounts", "written")).isPositive();
            Map<String, Object> account = probe.crm("accounts", SELECT, "$filter=customertypecode eq 3").stream()
                    .filter(a -> a.get("accountnumber").toString().matches("[A-Za-z0-9-]+")
                            && !a.get("name").toString().matches("(?s).*['\\\\\\s&&[^ ]].*"))
                    .findFirst().orElseThrow();
            String number = (String) account.get("accountnumber");
            Map<String, Object> before = customer(probe, number);
            String company = (String) before.get("dataAreaId");
            probe.patchCrm("accounts(" + account.get("accountid") + ")",
                    Map.of("name", "Planned Renaming GmbH", "telephone1", "+49 30 5550100"));
            long customers = probe.erpCount("CustomersV3");
            String state = stateScript(sync.dataDir());
            proxy.clear();

            SyncFixture.Result plan = sync.command("plan", "--area", "accounts");

            assertThat(plan.exitCode()).as(plan.printed()).isZero();
            assertThat(plan.printed())
                    .contains("accounts: accounts (crm) -> CustomersV3 (erp)")
                    .contains("update   " + number + " -> CustomersV3 " + company + "|" + number)
                    .contains("OrganizationName: '" + before.get("OrganizationName") + "' -> 'Planned Renaming GmbH'")
                    .contains("PrimaryContactPhone: " + shown(before.get("PrimaryContactPhone")) + " -> '+49 30 5550100'")
                    .contains("read 1: create 0, update 1, delete 0")
                    .contains("nothing was written to the CRM, the ERP or the state");
            assertThat(plan.printed().lines().filter(l -> l.startsWith("      ")).toList())
                    .as("only the changed fields").hasSize(2);
            assertThat(proxy.writes("/")).as("no POST, PATCH, DELETE or $batch to either service").isEmpty();
            assertThat(proxy.gets(path(sandbox, sandbox.erpUrl()) + "CustomersV3")).as("the target's copy, read by key")
                    .singleElement().satisfies(get -> assertThat(java.net.URLDecoder.decode(get.url(),
                            java.nio.charset.StandardCharsets.UTF_8)).contains("CustomerAccount eq '" + number + "'"));
            assertThat(probe.erpCount("CustomersV3")).as("the ERP count is unchanged").isEqualTo(customers);
            assertThat(customer(probe, number)).as("the ERP record is as it was").isEqualTo(before);
            assertThat(stateScript(sync.dataDir())).as("cursors, hashes, runs and errors as they were").isEqualTo(state);
            SyncFixture.Result again = sync.command("plan", "--area", "accounts");
            assertThat(again.printed()).as("a plan moves no cursor: the next plan sees the same change")
                    .contains("update   " + number).contains("read 1: create 0, update 1");

            SyncFixture.Result next = sync.syncOnce("accounts");

            assertThat(next.exitCode()).as(next.printed()).isZero();
            assertThat(next.count("accounts", "read")).isEqualTo(1);
            assertThat(next.count("accounts", "written")).isEqualTo(1);
            Map<String, Object> after = customer(probe, number);
            assertThat(after.get("OrganizationName")).isEqualTo("Planned Renaming GmbH");
            assertThat(after.get("PrimaryContactPhone")).isEqualTo("+49 30 5550100");
            assertThat(after).as("nothing else changed")
                    .isEqualTo(withValues(before, Map.of("OrganizationName", "Planned Renaming GmbH",
                            "PrimaryContactPhone", "+49 30 5550100")));
            assertThat(probe.erpCount("CustomersV3")).isEqualTo(customers);
            assertThat(sync.command("plan", "--area", "accounts").printed()).as("nothing left to do")
                    .contains("read 0: create 0, update 0");
        }
    }

    @Test
    void aFirstPlanWithoutStateListsCreatesAndWaitingRecordsAndCreatesNoDataFolder() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(20))) {
            ODataProbe probe = new ODataProbe(sandbox);
            SyncFixture sync = new SyncFixture(sandbox, Files.createDirectories(dir.resolve("p2c")), Map.of());

            SyncFixture.Result plan = sync.command("plan", "--area", "accounts", "--area", "contacts", "--limit", "3");

            assertThat(plan.exitCode()).as(plan.printed()).isZero();
            assertThat(plan.printed())
                    .contains("no state database yet")
                    .containsPattern("create   \\S+ -> CustomersV3 \\w+\\|\\S+; the target assigns PartyNumber")
                    .containsPattern("      CustomerAccount: '")
                    .contains("were not compared with the target (--limit 3; 3 listed)")
                    .containsPattern("waiting  \\S+: accounts record")
                    .contains("contacts: contacts (crm) -> ContactPersons (erp)");
            assertThat(plan.printed().indexOf("accounts: accounts")).as("in dependency order")
                    .isLessThan(plan.printed().indexOf("contacts: contacts"));
            assertThat(plan.printed().lines().filter(l -> l.startsWith("  create ")).count()).isEqualTo(3);
            assertThat(probe.erpCount("CustomersV3")).isZero();
            assertThat(probe.erpCount("ContactPersons")).isZero();
            assertThat(sync.dataDir()).as("no state database, no data folder").doesNotExist();
        }
    }

    @Test
    void anAreaWithoutARouteIsRefusedNamingTheRoutedOnes() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withSeedAccounts(5))) {
            SyncFixture sync = new SyncFixture(sandbox, Files.createDirectories(dir.resolve("p2c")), Map.of());

            SyncFixture.Result plan = sync.command("plan", "--area", "acounts");

            assertThat(plan.exitCode()).isEqualTo(1);
            assertThat(plan.printed()).contains("--area acounts: no such area; areas with a route: [");
        }
    }

    @Test
    void aPlanWhoseSourceReadFailsSaysWhereItStoppedAndExitsOneWritingNothing() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(30));
                SandboxProxy proxy = new SandboxProxy(sandbox)) {
            ODataProbe probe = new ODataProbe(sandbox);
            SyncFixture sync = new SyncFixture(sandbox, Files.createDirectories(dir.resolve("p2c")), Map.of(
                    "p2c.crm.url", proxy.url() + path(sandbox, sandbox.crmUrl()),
                    "p2c.erp.url", proxy.url() + path(sandbox, sandbox.erpUrl()),
                    "p2c.page-size", "5"));
            assertThat(sync.syncOnce("products").exitCode()).isZero();
            String state = stateScript(sync.dataDir());
            proxy.clear();
            proxy.failSecondNextLink(path(sandbox, sandbox.crmUrl()) + "accounts");

            SyncFixture.Result plan = sync.command("plan", "--area", "accounts");

            assertThat(plan.exitCode()).as(plan.printed()).isEqualTo(1);
            assertThat(plan.printed()).contains("accounts: accounts (crm) -> CustomersV3 (erp)")
                    .contains("stopped early: ").contains("refused for the test")
                    .containsPattern("read 10: create \\d+");
            assertThat(proxy.writes("/")).isEmpty();
            assertThat(probe.erpCount("CustomersV3")).isZero();
            assertThat(stateScript(sync.dataDir())).isEqualTo(state);
        }
    }

    /** A service root's path, to reach it through the proxy. */
    private static String path(Sandbox sandbox, String url) {
        return java.net.URI.create(url).getRawPath();
    }

    private static Map<String, Object> customer(ODataProbe probe, String number) {
        List<Map<String, Object>> found = probe.erp("CustomersV3", "$filter=CustomerAccount eq '" + number + "'");
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Object> withValues(Map<String, Object> record, Map<String, Object> values) {
        Map<String, Object> changed = new java.util.LinkedHashMap<>(record);
        changed.putAll(values);
        return changed;
    }

    private static String shown(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }

    /** The whole state database as SQL (schema and rows), to compare before and after. */
    private static String stateScript(Path dataDir) throws Exception {
        StateConfig config = StateStore.h2(dataDir);
        StringBuilder script = new StringBuilder();
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
                Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SCRIPT")) {
            while (rows.next()) {
                script.append(rows.getString(1)).append('\n');
            }
        }
        return script.toString();
    }
}
