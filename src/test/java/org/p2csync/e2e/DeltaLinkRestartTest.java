package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * A change-tracking cursor belongs to the service, not to one URL of it: after the CRM moves to another address
 * (here: the sandbox restarts on a new port over the same data) the next sync goes on from its delta link. A delta
 * link whose token expired is known by its error code 0x80044352, whatever the status the service answers it with
 * (Dataverse publishes none; the sandbox's is a setting): the next sync reads the area in full and writes only what
 * changed.
 */
class DeltaLinkRestartTest {
    @TempDir
    Path dir;

    @Test
    void theNextSyncContinuesFromTheDeltaLinkAfterTheServiceMoved() throws Exception {
        SandboxOptions options = SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(200);
        try (Sandbox first = Sandbox.start(options)) {
            SyncFixture.Result initial = new SyncFixture(first, dir, Map.of()).syncOnce("accounts");
            assertThat(initial.exitCode()).as(initial.printed()).isZero();
        }
        try (Sandbox moved = Sandbox.start(options)) {
            ODataProbe probe = new ODataProbe(moved);
            Map<String, Object> customer = probe.crm("accounts", "$select=accountid",
                    "$filter=customertypecode eq 3", "$top=1").get(0);
            probe.patchCrm("accounts(" + customer.get("accountid") + ")", Map.of("telephone1", "+33 1 23 45 67 89"));

            SyncFixture.Result next = new SyncFixture(moved, dir, Map.of()).syncOnce("accounts");

            assertThat(next.exitCode()).as(next.printed()).isZero();
            assertThat(next.count("accounts", "read")).as("only the delta is read").isLessThan(5);
            assertThat(next.count("accounts", "written")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "expired token answered {0}")
    @ValueSource(ints = {400, 403})
    void anExpiredDeltaTokenAnsweredWithItsCodeLeadsToAFullReadThatWritesOnlyWhatChanged(int status) throws Exception {
        Duration ttl = Duration.ofSeconds(2);
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox-" + status)).withSetUp()
                .withSeedAccounts(120).withDeltaTokenTtl(ttl).withExpiredDeltaTokenStatus(status))) {
            SyncFixture sync = new SyncFixture(sandbox, Files.createDirectories(dir.resolve("sync-" + status)),
                    Map.of());
            SyncFixture.Result initial = sync.syncOnce("accounts");
            assertThat(initial.exitCode()).as(initial.printed()).isZero();
            long customers = initial.count("accounts", "written");
            assertThat(customers).isPositive();

            ODataProbe probe = new ODataProbe(sandbox);
            Map<String, Object> customer = probe.crm("accounts", "$select=accountid,accountnumber",
                    "$filter=customertypecode eq 3", "$top=1").get(0);
            probe.patchCrm("accounts(" + customer.get("accountid") + ")", Map.of("telephone1", "+49 30 1234567"));
            Thread.sleep(ttl.plusMillis(500).toMillis());

            SyncFixture.Result next = sync.syncOnce("accounts");

            assertThat(next.exitCode()).as(next.printed()).isZero();
            assertThat(next.count("accounts", "read")).as("a full read").isEqualTo(initial.count("accounts", "read"));
            assertThat(next.count("accounts", "written")).as("only the changed customer").isEqualTo(1);
            assertThat(probe.erp("CustomersV3", "$select=PrimaryContactPhone",
                    "$filter=CustomerAccount eq '" + customer.get("accountnumber").toString().trim().replace("'", "''")
                            + "'")).singleElement()
                    .satisfies(c -> assertThat(c).containsEntry("PrimaryContactPhone", "+49 30 1234567"));
        }
    }
}
