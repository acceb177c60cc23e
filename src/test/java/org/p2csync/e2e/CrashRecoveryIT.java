package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.FaultSpec;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * The runnable jar killed with SIGKILL in the middle of a 20000-account sync, then run again: every customer ends
 * in the ERP exactly once and nothing is lost.
 */
class CrashRecoveryIT {
    @TempDir
    Path dir;

    @Test
    void killedMidSyncThenRerunLosesAndDuplicatesNothing() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(20000))) {
            ODataProbe probe = new ODataProbe(sandbox);
            Set<Object> customers = probe.crm("accounts", "$select=accountnumber", "$filter=customertypecode eq 3")
                    .stream().map(a -> a.get("accountnumber")).collect(Collectors.toSet());
            // Latency and small batches stretch the run so the kill lands in its middle.
            sandbox.setFaults(FaultSpec.parse("latency=30ms"));
            SyncFixture sync = new SyncFixture(sandbox, dir, Map.of("p2c.page-size", "1000", "p2c.batch-size", "100"));

            Process first = start(sync, dir.resolve("first.log"));
            long seen = waitForErpCount(probe, 2000, first);
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).as("killed in the middle, not after the end").isLessThan(customers.size());

            sandbox.setFaults(FaultSpec.NONE);
            Process second = start(sync, dir.resolve("second.log"));
            assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(second.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();

            List<Object> erpKeys = probe.erp("CustomersV3", "$select=CustomerAccount").stream()
                    .map(c -> c.get("CustomerAccount")).toList();
            assertThat(erpKeys).doesNotHaveDuplicates().hasSize(customers.size());
            assertThat(Set.copyOf(erpKeys)).isEqualTo(customers);
        }
    }

    private static Process start(SyncFixture sync, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("p2c.jar", "target/p2c-sync.jar");
        return new ProcessBuilder(java, "-jar", jar, "sync", "--once", "--area", "accounts", "--config",
                sync.config().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static long waitForErpCount(ODataProbe probe, int atLeast, Process process) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            long count = probe.erpCount("CustomersV3");
            if (count >= atLeast) {
                return count;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the ERP never reached " + atLeast + " customers before the process ended");
    }
}
