package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxHttp;
import org.p2csync.sandbox.SandboxOptions;

/**
 * Accounts with change tracking end to end: the first sync reads everything and keeps a delta link; a customer
 * deleted in the CRM is then blocked in the ERP (onDelete deactivate, CustomerBlocked: All) by the next sync, which
 * reads only the delta. Runs against a sandbox that serves Dataverse change tracking; skipped where it does not.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountDeletesTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataProbe probe;
    static SyncFixture sync;
    static Map<String, Object> deleted;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(300));
        Assumptions.assumeTrue(tracksChanges(), "the sandbox serves no Dataverse change tracking yet");
        probe = new ODataProbe(sandbox);
        Path mappings = Files.createDirectories(dir.resolve("mappings"));
        // the shipped mapping, with change tracking and the deactivate policy unless it has them already
        String accounts = Files.readString(Path.of("mappings/accounts.yaml"));
        if (!accounts.contains("changeTracking: true")) {
            accounts = accounts.replace("  modified: modifiedon", "  modified: modifiedon\n  changeTracking: true");
        }
        if (!accounts.contains("onDelete:")) {
            accounts += "\nonDelete: { policy: deactivate, set: { CustomerBlocked: All } }\n";
        }
        Files.writeString(mappings.resolve("accounts.yaml"), accounts);
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.mappings", mappings.toString(), "p2c.page-size", "100"));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A full read asked for change tracking ends with a delta link on a sandbox that tracks changes. */
    static boolean tracksChanges() throws Exception {
        String token = new SandboxHttp(sandbox).token();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sandbox.crmUrl() + "accounts?$select=accountid"))
                .header("Authorization", "Bearer " + token)
                .header("Prefer", "odata.track-changes,odata.maxpagesize=5000")
                .build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 && r.body().contains("@odata.deltaLink");
    }

    @Test
    @Order(1)
    void theFirstSyncReadsEverythingAndWritesTheCustomers() throws Exception {
        SyncFixture.Result result = sync.syncOnce("accounts");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        List<Map<String, Object>> customers = probe.crm("accounts",
                "$select=accountid,accountnumber,customertypecode").stream()
                .filter(a -> Objects.equals(((Number) a.get("customertypecode")).intValue(), 3))
                .filter(a -> a.get("accountnumber") != null)
                .toList();
        assertThat(result.count("accounts", "written")).isEqualTo(probe.erpCount("CustomersV3"));
        deleted = customers.get(customers.size() / 2);
    }

    @Test
    @Order(2)
    void aCustomerDeletedInTheCrmIsBlockedInTheErpByTheNextDelta() throws Exception {
        probe.deleteCrm("accounts(" + deleted.get("accountid") + ")");

        SyncFixture.Result result = sync.syncOnce("accounts");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("accounts", "read")).as("only the delta is read").isLessThan(10);
        assertThat(result.count("accounts", "written")).isEqualTo(1);
        List<Map<String, Object>> erp = probe.erp("CustomersV3",
                "$filter=CustomerAccount eq '" + deleted.get("accountnumber").toString().replace("'", "''") + "'");
        assertThat(erp).singleElement().satisfies(c -> assertThat(c).containsEntry("CustomerBlocked", "All"));
    }

    @Test
    @Order(3)
    void aSyncWithNothingChangedReadsNothing() throws Exception {
        SyncFixture.Result result = sync.syncOnce("accounts");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("accounts", "written")).isZero();
    }
}
