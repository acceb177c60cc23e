package org.p2csync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.p2csync.cli.P2cCommand;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;

/**
 * Initial and repeat sync of N sandbox accounts (default 20000) through the real command line and HTTP; prints
 * records/s, HTTP requests per 1000 records written and the JVM's peak heap. Run it with:
 * {@code java -cp target/p2c-sync.jar:target/test-classes org.p2csync.bench.AccountsBenchmark [N]}.
 */
public final class AccountsBenchmark {
    private AccountsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        Path dir = Files.createTempDirectory("p2c-bench");
        long seedStart = System.nanoTime();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(accounts))) {
            System.out.printf("seeded %d accounts in %.1f s%n", accounts, (System.nanoTime() - seedStart) / 1e9);
            Path config = dir.resolve("bench.properties");
            Files.write(config, List.of(
                    "p2c.crm.url=" + sandbox.crmUrl(), "p2c.crm.token-url=" + sandbox.tokenUrl(),
                    "p2c.crm.client-id=" + SandboxIds.CLIENT_ID, "p2c.crm.client-secret=" + SandboxIds.CLIENT_SECRET,
                    "p2c.erp.url=" + sandbox.erpUrl(), "p2c.erp.token-url=" + sandbox.tokenUrl(),
                    "p2c.erp.client-id=" + SandboxIds.CLIENT_ID, "p2c.erp.client-secret=" + SandboxIds.CLIENT_SECRET,
                    "p2c.data=" + dir.resolve("data")));
            run("initial", config, dir.resolve("initial.json"));
            run("repeat ", config, dir.resolve("repeat.json"));
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        System.out.printf("peak heap (sum of pool peaks): %d MB, max heap %d MB%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void run(String label, Path config, Path report) throws Exception {
        long start = System.nanoTime();
        int code = P2cCommand.execute("sync", "--once", "--area", "accounts", "--config", config.toString(), "--report",
                report.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode area = new ObjectMapper().readTree(report.toFile()).get("areas").get("accounts");
        long read = area.get("read").asLong();
        long written = area.get("written").asLong();
        long requests = area.get("requests").get("crm").asLong() + area.get("requests").get("erp").asLong();
        System.out.printf("%s sync: exit %d, %d read, %d written in %.2f s (incl. start-up) = %.0f records/s read;"
                        + " %d requests (%s), %.2f per 1000 written%n",
                label, code, read, written, seconds, read / seconds, requests, area.get("requests"),
                written == 0 ? 0 : requests * 1000.0 / written);
    }
}
