package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as users start it: the demo with no arguments (which sets up its own sandbox first), and the
 * stand-alone sandbox.
 */
class CommandLineIT {
    @TempDir
    Path dir;

    @Test
    void demoSyncsOnItsScheduleAndStopsCleanly() throws Exception {
        copy(Path.of("routes"), dir.resolve("routes"));
        copy(Path.of("mappings"), dir.resolve("mappings"));
        Path log = dir.resolve("demo.log");
        ProcessBuilder builder = jar(dir).redirectOutput(log.toFile());
        builder.environment().put("P2C_HTTP_PORT", "0"); // a free port: 8080 may be taken on a shared machine
        Process demo = builder.start();
        try {
            // every area of routes/ runs on its own schedule and logs its summary
            for (String area : areasOf(Path.of("routes"))) {
                assertThat(awaitInFile(log, l -> l.contains(" " + area + " run ") && l.contains(" Completed "),
                        Duration.ofSeconds(90))).as(area + "\n" + Files.readString(log)).isTrue();
            }
            // while it runs: health and metrics answer, and the metrics count what the areas wrote
            Matcher page = Pattern.compile("status page at (http://\\S+/),").matcher(Files.readString(log));
            assertThat(page.find()).as(Files.readString(log)).isTrue();
            URI server = URI.create(page.group(1));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.resolve("observe/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).contains("\"name\":\"area-accounts\"");
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(server.resolve("observe/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            Matcher written = Pattern.compile("^p2c_records_written_total\\{area=\"accounts\"} (\\S+)$",
                    Pattern.MULTILINE).matcher(metrics.body());
            assertThat(written.find()).as(metrics.body()).isTrue();
            assertThat(Double.parseDouble(written.group(1))).isPositive();
            assertThat(http.send(HttpRequest.newBuilder(server).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("<section class=\"area\" id=\"area-accounts\">");
        } finally {
            demo.destroy(); // SIGTERM, as Ctrl-C or a service manager would
        }
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(log);
        assertThat(printed).contains("written").contains("sandbox: stopped");
        // a stop asked for is a normal end: a last line saying so, exit 0 (not the signal's 143)
        assertThat(demo.exitValue()).as(printed).isZero();
        assertThat(printed.strip().lines().reduce((a, b) -> b).orElseThrow()).endsWith("p2c-sync stopped");
        // ISO-8601 with the zone, on every line of the log
        assertThat(printed.lines().filter(l -> l.contains(" INFO ")).findFirst().orElseThrow())
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) .*");
        // the demo's sandbox starts as a fresh org: p2c-sync's own setup gave it its columns and keys first
        assertThat(printed).contains("sandbox setup: setup: 13 needed (6 columns, 7 alternate keys): 13 created, 0"
                + " already there, 0 failed");
        assertThat(dir.resolve("data/state.mv.db")).exists();
    }

    @Test
    void sandboxServesUntilStoppedAndRejectsRequestsWithoutToken() throws Exception {
        Process sandbox = jar(dir, "sandbox", "--port", "0", "--data", dir.resolve("sb").toString(),
                "--seed-accounts", "20").start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = reader(sandbox)) {
            assertThat(awaitLine(out, lines, l -> l.equals("sandbox ready"), Duration.ofSeconds(60)))
                    .as(String.join("\n", lines)).isNotNull();
            String crm = lines.stream().filter(l -> l.startsWith("CRM ")).findFirst().orElseThrow()
                    .substring(4).strip();
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(crm + "accounts")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            sandbox.destroy();
            assertThat(sandbox.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void badFaultSpecIsAUsageError() throws Exception {
        Process sandbox = jar(dir, "sandbox", "--port", "0", "--data", dir.resolve("sb").toString(), "--faults",
                "429=lots").redirectErrorStream(true).start();
        String printed = new String(sandbox.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sandbox.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sandbox.exitValue()).isEqualTo(1);
        assertThat(printed).contains("429=lots");
    }

    private static ProcessBuilder jar(Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of(System.getProperty("p2c.jar", "target/p2c-sync.jar")).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    }

    private static List<String> areasOf(Path routes) throws IOException {
        try (Stream<Path> files = Files.list(routes)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".camel.yaml"))
                    .map(n -> n.substring(0, n.length() - ".camel.yaml".length())).sorted().toList();
        }
    }

    private static boolean awaitInFile(Path log, java.util.function.Predicate<String> match, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readAllLines(log, StandardCharsets.UTF_8).stream().anyMatch(match)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads lines until one matches or the time is up; a reader thread keeps a silent process from hanging us. */
    private static String awaitLine(BufferedReader out, List<String> seen, java.util.function.Predicate<String> match,
            Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!out.ready()) {
                Thread.sleep(100);
                continue;
            }
            String line = out.readLine();
            if (line == null) {
                return null;
            }
            seen.add(line);
            if (match.test(line)) {
                return line;
            }
        }
        return null;
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
