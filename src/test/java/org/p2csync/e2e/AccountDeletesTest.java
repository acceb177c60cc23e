package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Accounts with change tracking end to end: the first sync reads everything and keeps a delta link; a customer
 * deleted in the CRM is then blocked in the ERP (onDelete deactivate, OnHoldStatus: All) by the next sync, which
 * reads only the delta.
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
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(300));
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.page-size", "100"));
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
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
        assertThat(erp).singleElement().satisfies(c -> assertThat(c).containsEntry("OnHoldStatus", "All"));
    }

    @Test
    @Order(3)
    void aSyncWithNothingChangedReadsNothing() throws Exception {
        SyncFixture.Result result = sync.syncOnce("accounts");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("accounts", "written")).isZero();
    }
}
