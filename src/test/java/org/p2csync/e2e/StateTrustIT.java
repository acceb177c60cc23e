package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.FaultSpec;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.state.RunRecord;
import org.p2csync.state.StateStore;

/**
 * The state of a sync running as the runnable jar: readable by `status` while it runs (through the sync, on a
 * loopback port, no network interface), refused to a second sync naming the first, and after a kill -9 right after
 * an area logged Completed, holding all of that run (its history, hashes and cursor); a run the kill cut short is
 * Abandoned, not Running.
 */
class StateTrustIT {
    private static final Pattern COMPLETED = Pattern.compile(" accounts run (\\S+) Completed in .*? written (\\d+),");

    @TempDir
    Path dir;

    @Test
    void aSyncKilledRightAfterCompletedLosesNothingAndStatusReadsWhileItRuns() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(300))) {
            ODataProbe probe = new ODataProbe(sandbox);
            SyncFixture sync = new SyncFixture(sandbox, dir, Map.of("p2c.page-size", "20", "p2c.batch-size", "10"));

            // 1. a slow run, read by status while it runs, refused to a second sync, then killed in its middle
            sandbox.setFaults(FaultSpec.parse("latency=300ms"));
            Output first = Output.of(start(sync, "accounts"));
            String running = await(() -> sync.command("status", "--area", "accounts").printed(),
                    s -> s.contains(" Running ("), Duration.ofSeconds(90), first);
            assertThat(running).contains("accounts\n  last run:");
            servedOnLoopbackOnly(sync.dataDir());
            SyncFixture.Result refused = sync.syncOnce("accounts");
            assertThat(refused.exitCode()).as(refused.printed()).isEqualTo(1);
            assertThat(refused.printed()).contains("in use by another sync").contains("pid " + first.process.pid())
                    .contains("since ");
            first.process.destroyForcibly();
            assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sync.command("status", "--area", "accounts").printed())
                    .as("cut short by the kill: not shown as still running").contains(" Abandoned (")
                    .doesNotContain(" Running (");

            // 2. killed the moment accounts logged Completed (contacts is next): nothing of that run is lost
            sandbox.setFaults(FaultSpec.NONE);
            Output second = Output.of(start(sync, "accounts", "contacts"));
            String line = second.await(l -> COMPLETED.matcher(l).find(), Duration.ofMinutes(3));
            second.process.destroyForcibly();
            assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Matcher m = COMPLETED.matcher(line);
            assertThat(m.find()).isTrue();
            long erpCustomers = probe.erpCount("CustomersV3");
            // the next sync, as a service manager starts it after the crash: the first to open the state again
            Path report = dir.resolve("again.json");
            Output again = Output.of(start(sync, List.of("--report", report.toString()), "accounts"));
            assertThat(again.process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(again.process.exitValue()).as(again.text()).isZero();
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(report.toFile()).get("areas")
                    .get("accounts").get("written").asLong()).as("hashes and cursor of the killed run were kept")
                    .isZero();
            try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
                List<RunRecord> runs = state.runs().recent("accounts", 3);
                RunRecord killed = runs.get(1);
                assertThat(killed.runId()).isEqualTo(m.group(1));
                assertThat(killed.outcome()).as("logged Completed right before the kill").isEqualTo("Completed");
                assertThat(killed.counts().written()).isEqualTo(Long.parseLong(m.group(2)));
                assertThat(runs.get(2).outcome()).as("cut short in step 1").isEqualTo(RunRecord.ABANDONED);
            }
            assertThat(probe.erpCount("CustomersV3")).isEqualTo(erpCustomers);
        }
    }

    /** The lock file names the port the sync serves its state on; only 127.0.0.1 answers there. */
    private static void servedOnLoopbackOnly(Path data) throws Exception {
        Properties lock = new Properties();
        lock.load(new java.io.StringReader(Files.readString(data.resolve("state.sync.lock"))));
        int port = Integer.parseInt(lock.getProperty("port"));
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
        }
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    assertThatThrownBy(() -> {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress(address, port), 5000);
                        }
                    }).as("the state port on " + address).isInstanceOf(ConnectException.class);
                }
            }
        }
    }

    private static Process start(SyncFixture sync, String... areas) throws IOException {
        return start(sync, List.of(), areas);
    }

    private static Process start(SyncFixture sync, List<String> options, String... areas) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("p2c.jar", "target/p2c-sync.jar"), "sync", "--once",
                "--config", sync.config().toString()));
        command.addAll(options);
        for (String area : areas) {
            command.add("--area");
            command.add(area);
        }
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String await(java.util.concurrent.Callable<String> probe, Predicate<String> match,
            Duration timeout, Output output) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String last = null;
        while (Instant.now().isBefore(deadline) && output.process.isAlive()) {
            last = probe.call();
            if (match.test(last)) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never seen; last: " + last + "\nsync printed:\n" + output.text());
    }

    /** The child's output as it comes, line by line, so the test reacts to a line the moment it is printed. */
    private record Output(Process process, List<String> lines) {
        static Output of(Process process) {
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String l = in.readLine(); l != null; l = in.readLine()) {
                        lines.add(l);
                    }
                } catch (IOException ended) {
                    // the process was killed
                }
            }, "sync-output");
            reader.setDaemon(true);
            reader.start();
            return new Output(process, lines);
        }

        String await(Predicate<String> match, Duration timeout) throws InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            int seen = 0;
            while (Instant.now().isBefore(deadline)) {
                for (; seen < lines.size(); seen++) {
                    if (match.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                if (!process.isAlive() && seen >= lines.size()) {
                    break;
                }
                Thread.sleep(2);
            }
            throw new AssertionError("never printed; the sync printed:\n" + text());
        }

        String text() {
            return String.join("\n", lines);
        }
    }
}
