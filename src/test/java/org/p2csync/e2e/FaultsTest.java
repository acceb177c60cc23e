package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.FaultSpec;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sandbox.SandboxStats;

/** Throttling, server errors and dropped connections slow the sync down; they do not change its result. */
class FaultsTest {
    @TempDir
    Path dir;

    Sandbox sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void syncUnderFaultsEndsWithTheSameResultAndHonoursRetryAfter() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(2000));
        ODataProbe probe = new ODataProbe(sandbox);
        Set<Object> customers = probe.crm("accounts", "$select=accountnumber", "$filter=customertypecode eq 3")
                .stream().map(a -> a.get("accountnumber")).collect(Collectors.toSet());
        sandbox.setFaults(FaultSpec.parse("429=0.1,500=0.05,reset=0.02"));
        // Small pages and batches make many requests, so the faults are certain to hit reads and writes alike.
        SyncFixture sync = new SyncFixture(sandbox, dir, Map.of("p2c.page-size", "100", "p2c.batch-size", "50"));

        SyncFixture.Result result = sync.syncOnce("accounts");

        SandboxStats stats = sandbox.stats();
        sandbox.setFaults(FaultSpec.NONE);
        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("accounts", "written")).isEqualTo(customers.size());
        assertThat(probe.erp("CustomersV3", "$select=CustomerAccount").stream().map(c -> c.get("CustomerAccount"))
                .collect(Collectors.toSet())).isEqualTo(customers);
        assertThat(stats.throttled()).as("429s were sent").isPositive();
        assertThat(stats.serverErrors()).as("500s were sent").isPositive();
        assertThat(stats.resets()).as("connections were dropped").isPositive();
        assertThat(stats.retryAfterViolations()).as("no request came sooner than a Retry-After allowed").isZero();
    }
}
