package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.cli.P2cCommand;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/** Usage and configuration mistakes exit with 1 and a message that says what to fix. */
class CommandLineUsageTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(10));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void unknownAreaNamesTheKnownOnes() throws Exception {
        SyncFixture sync = new SyncFixture(sandbox, Files.createTempDirectory(dir, "a"), Map.of());
        SyncFixture.Result result = sync.syncOnce("acounts");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.printed()).contains("acounts").contains("accounts");
    }

    @Test
    void missingSecretNamesTheKeyAndTheEnvironmentVariable() throws Exception {
        Path config = dir.resolve("no-secret.properties");
        Files.write(config, List.of("p2c.crm.url=" + sandbox.crmUrl(), "p2c.crm.token-url=" + sandbox.tokenUrl(),
                "p2c.crm.client-id=x", "p2c.erp.url=" + sandbox.erpUrl()));
        Printed printed = run("sync", "--once", "--config", config.toString());
        assertThat(printed.code).isEqualTo(1);
        assertThat(printed.text).contains("p2c.crm.client-secret").contains("P2C_CRM_CLIENT_SECRET");
    }

    @Test
    void missingConfigFileIsNamed() {
        Printed printed = run("sync", "--once", "--config", dir.resolve("nope.properties").toString());
        assertThat(printed.code).isEqualTo(1);
        assertThat(printed.text).contains("nope.properties");
    }

    @Test
    void reportNeedsOnce() {
        Printed printed = run("sync", "--report", dir.resolve("r.json").toString());
        assertThat(printed.code).isEqualTo(1);
        assertThat(printed.text).contains("--report needs --once");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Printed printed = run("sync", "--onse");
        assertThat(printed.code).as("1, not picocli's default 2: 2 means records failed").isEqualTo(1);
        assertThat(printed.text).contains("--onse");
    }

    private record Printed(int code, String text) {}

    private static Printed run(String... args) {
        StringWriter out = new StringWriter();
        int code = P2cCommand.execute(new PrintWriter(out, true), new PrintWriter(out, true), args);
        return new Printed(code, out.toString());
    }
}
