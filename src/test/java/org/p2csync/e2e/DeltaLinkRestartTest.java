package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * A change-tracking cursor belongs to the service, not to one URL of it: after the CRM moves to another address
 * (here: the sandbox restarts on a new port over the same data) the next sync goes on from its delta link.
 */
class DeltaLinkRestartTest {
    @TempDir
    Path dir;

    @Test
    void theNextSyncContinuesFromTheDeltaLinkAfterTheServiceMoved() throws Exception {
        SandboxOptions options = SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(200);
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
}
