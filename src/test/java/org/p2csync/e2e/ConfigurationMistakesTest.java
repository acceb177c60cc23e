package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.cli.P2cCommand;

/**
 * The configuration mistakes of issue 9 through the real command line: each exits 1 naming the key or folder, before
 * anything is written (no data folder, no built-in sandbox started).
 */
class ConfigurationMistakesTest {
    @TempDir
    Path dir;

    @Test
    void aMisspeltUrlKeyIsRefusedInsteadOfSyncingTheSandbox() throws Exception {
        Mistake m = sync("p2c.crm.ulr=https://org.crm.dynamics.com/api/data/v9.2/");
        m.refused("unknown setting p2c.crm.ulr", "nearest known key is p2c.crm.url");
    }

    @Test
    void aServiceKeyWithoutUrlIsRefused() throws Exception {
        Mistake m = sync("p2c.crm.client-id=abc");
        m.refused("p2c.crm.client-id is set but p2c.crm.url is not");
    }

    @Test
    void aPageSizeOfZeroOrNotANumberIsRefused() throws Exception {
        sync("p2c.page-size=0").refused("p2c.page-size=0: must be at least 1");
        sync("p2c.page-size=lots").refused("p2c.page-size=lots: not a number");
        sync("p2c.batch-size=1e3").refused("p2c.batch-size=1e3: not a number");
    }

    @Test
    void anEmptyOrMissingRoutesFolderIsRefused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-routes"));
        Files.writeString(empty.resolve("README.txt"), "no routes here");
        sync("p2c.routes=" + empty).refused("routes folder " + empty.toAbsolutePath(), "holds no *.camel.yaml",
                "p2c.routes");
        Path missing = dir.resolve("no-such-routes");
        sync("p2c.routes=" + missing).refused("routes folder " + missing.toAbsolutePath() + " does not exist",
                "p2c.routes");
    }

    /** `sync --once` with the shipped routes and mappings, the data folder in the test's folder, and these lines. */
    private Mistake sync(String... lines) throws Exception {
        Path data = dir.resolve("data");
        List<String> all = new ArrayList<>(List.of("p2c.data=" + data, "p2c.routes=" + Path.of("routes").toAbsolutePath(),
                "p2c.mappings=" + Path.of("mappings").toAbsolutePath()));
        all.addAll(List.of(lines));
        Path config = dir.resolve("mistake.properties");
        Files.write(config, all);
        StringWriter out = new StringWriter();
        int code = P2cCommand.execute(new PrintWriter(out, true), new PrintWriter(out, true), "sync", "--once",
                "--config", config.toString());
        return new Mistake(code, out.toString(), data);
    }

    private record Mistake(int code, String printed, Path data) {
        void refused(String... named) {
            assertThat(code).as(printed).isEqualTo(1);
            assertThat(printed).contains(named);
            assertThat(data).as("nothing written before the mistake is reported").doesNotExist();
        }
    }
}
