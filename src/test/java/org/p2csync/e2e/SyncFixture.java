package org.p2csync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2csync.cli.P2cCommand;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.state.StateStore;
import org.p2csync.sync.Cursor;

/**
 * Runs the real command line (`sync --once ...`) in this JVM against a sandbox over HTTP, with its own data folder,
 * and reads back the report it wrote.
 */
final class SyncFixture {
    private final Path dir;
    private final Path config;
    private final Map<String, String> props = new LinkedHashMap<>();
    private int runs;

    SyncFixture(Sandbox sandbox, Path dir, Map<String, String> extra) throws IOException {
        this(dir, withServices(sandbox, extra));
    }

    private SyncFixture(Path dir, Map<String, String> settings) throws IOException {
        this.dir = dir;
        this.config = dir.resolve("application.properties");
        props.put("p2c.data", dir.resolve("data").toString());
        props.put("p2c.routes", Path.of("routes").toAbsolutePath().toString());
        props.put("p2c.mappings", Path.of("mappings").toAbsolutePath().toString());
        // tests that sync many rounds keep records of prospects waiting, as before p2c.waiting.max-attempts; the
        // limit itself is WaitingLimitTest's, which sets its own
        props.put("p2c.waiting.max-attempts", "1000");
        props.putAll(settings);
        writeConfig(props);
    }

    /** A fixture whose settings name no sandbox: the service settings, if any, are in {@code settings}. */
    static SyncFixture withoutSandbox(Path dir, Map<String, String> settings) throws IOException {
        return new SyncFixture(dir, settings);
    }

    private static Map<String, String> withServices(Sandbox sandbox, Map<String, String> extra) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("p2c.crm.url", sandbox.crmUrl());
        props.put("p2c.crm.token-url", sandbox.tokenUrl());
        props.put("p2c.crm.client-id", SandboxIds.CLIENT_ID);
        props.put("p2c.crm.client-secret", SandboxIds.CLIENT_SECRET);
        props.put("p2c.erp.url", sandbox.erpUrl());
        props.put("p2c.erp.token-url", sandbox.tokenUrl());
        props.put("p2c.erp.client-id", SandboxIds.CLIENT_ID);
        props.put("p2c.erp.client-secret", SandboxIds.CLIENT_SECRET);
        props.putAll(extra);
        return props;
    }

    /**
     * A mappings folder holding the named shipped mapping files and the shared value maps they use, for tests that
     * run a few shipped areas beside test-only ones.
     */
    static Path shippedMappings(Path folder, String... areas) throws IOException {
        Files.createDirectories(folder.resolve("shared"));
        Files.copy(Path.of("mappings", "shared", "value-maps.yaml"), folder.resolve("shared").resolve("value-maps.yaml"));
        for (String area : areas) {
            Files.copy(Path.of("mappings", area + ".yaml"), folder.resolve(area + ".yaml"));
        }
        return folder;
    }

    /** The areas of the shipped mapping files. */
    static String[] shippedAreas() throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("mappings"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toArray(String[]::new);
        }
    }

    Path config() {
        return config;
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    /** The watermark an area's next run starts at (the rows of that second are read again), from its state. */
    String watermark(String area) {
        try (StateStore state = StateStore.open(StateStore.h2(dataDir()))) {
            return ((Cursor.Watermark) state.cursors().load(area)).modified();
        }
    }

    /** Changes one setting for the following commands. */
    void set(String key, String value) throws IOException {
        props.put(key, value);
        writeConfig(props);
    }

    void writeConfig(Map<String, String> props) throws IOException {
        List<String> lines = new ArrayList<>();
        props.forEach((k, v) -> lines.add(k + "=" + v.replace("\\", "\\\\")));
        Files.write(config, lines, StandardCharsets.UTF_8);
    }

    /** One `sync --once` of the given area; returns the exit code, what it printed and its report. */
    Result syncOnce(String... areas) throws IOException {
        Path report = dir.resolve("report-" + (++runs) + ".json");
        List<String> args = new ArrayList<>(List.of("sync", "--once", "--config", config.toString(), "--report",
                report.toString()));
        for (String area : areas) {
            args.add("--area");
            args.add(area);
        }
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        int code = P2cCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        JsonNode json = Files.exists(report) ? new ObjectMapper().readTree(report.toFile()) : null;
        return new Result(code, out + err.toString(), json);
    }

    /** Another command of the real command line (`status`, `retry`, ...) with this fixture's config. */
    Result command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString()));
        return run(all.toArray(String[]::new));
    }

    /** The real command line with exactly these arguments; what it printed, out and err. */
    static Result run(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        int code = P2cCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out + err.toString(), null);
    }

    record Result(int exitCode, String printed, JsonNode report) {
        JsonNode area(String name) {
            return report.get("areas").get(name);
        }

        long count(String area, String field) {
            return area(area).get(field).asLong();
        }
    }
}
