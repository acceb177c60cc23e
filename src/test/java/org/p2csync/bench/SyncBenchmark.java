package org.p2csync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.p2csync.cli.P2cCommand;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;

/**
 * Initial and repeat sync of a sandbox seeded with N accounts (default 20000; contacts, quotes, orders and invoices
 * scale with it) through the real command line and HTTP, for the given areas (default: all of routes/). Prints per
 * area records read per second, HTTP requests per 1000 records written, and the JVM's peak heap. Run it with:
 * {@code java -cp target/p2c-sync.jar:target/test-classes org.p2csync.bench.SyncBenchmark [N] [area...]}.
 */
public final class SyncBenchmark {
    private SyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        List<String> areas = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Path dir = Files.createTempDirectory("p2c-bench");
        long seedStart = System.nanoTime();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(accounts))) {
            System.out.printf("seeded %d accounts (and what scales with them) in %.1f s%n", accounts,
                    (System.nanoTime() - seedStart) / 1e9);
            Path config = dir.resolve("bench.properties");
            Files.write(config, List.of(
                    "p2c.crm.url=" + sandbox.crmUrl(), "p2c.crm.token-url=" + sandbox.tokenUrl(),
                    "p2c.crm.client-id=" + SandboxIds.CLIENT_ID, "p2c.crm.client-secret=" + SandboxIds.CLIENT_SECRET,
                    "p2c.erp.url=" + sandbox.erpUrl(), "p2c.erp.token-url=" + sandbox.tokenUrl(),
                    "p2c.erp.client-id=" + SandboxIds.CLIENT_ID, "p2c.erp.client-secret=" + SandboxIds.CLIENT_SECRET,
                    "p2c.data=" + dir.resolve("data")));
            run("initial", config, dir.resolve("initial.json"), areas);
            run("repeat", config, dir.resolve("repeat.json"), areas);
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        System.out.printf("peak heap (sum of pool peaks, sandbox included): %d MB, max heap %d MB%n", peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void run(String label, Path config, Path report, List<String> areas) throws Exception {
        List<String> command = new ArrayList<>(List.of("sync", "--once", "--config", config.toString(), "--report",
                report.toString()));
        areas.forEach(a -> command.addAll(List.of("--area", a)));
        long start = System.nanoTime();
        int code = P2cCommand.execute(command.toArray(String[]::new));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s sync: exit %d in %.2f s including start-up%n", label, code, seconds);
        long totalRequests = 0;
        long totalWritten = 0;
        Iterator<Map.Entry<String, JsonNode>> it = new ObjectMapper().readTree(report.toFile()).get("areas").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode area = entry.getValue();
            long read = area.get("read").asLong();
            long written = area.get("written").asLong();
            long requests = area.get("requests").get("crm").asLong() + area.get("requests").get("erp").asLong();
            double areaSeconds = area.get("seconds").asDouble();
            totalRequests += requests;
            totalWritten += written;
            System.out.printf("  %-17s %7d read %7d written in %6.2f s = %6.0f records/s read; %5d requests (%s),"
                            + " %.2f per 1000 written%n", entry.getKey(), read, written, areaSeconds,
                    areaSeconds == 0 ? 0 : read / areaSeconds, requests, area.get("requests"),
                    written == 0 ? 0 : requests * 1000.0 / written);
        }
        System.out.printf("  all areas: %d written, %d requests, %.2f per 1000 written%n", totalWritten, totalRequests,
                totalWritten == 0 ? 0 : totalRequests * 1000.0 / totalWritten);
    }
}
