package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * `validate`: offline against the real schemas in the jar, with URLs pointing at nothing that listens, and live
 * against the sandbox's $metadata over HTTP. Neither syncs, opens a state database or creates the data folder; a
 * misspelled field, a route naming another entity set than its mapping, a bad schedule each come out as file:line.
 */
class ValidateCommandTest {
    /** A port nothing listens on: a request there would fail, so an offline check passing proves it sent none. */
    private static final String NOWHERE = "http://127.0.0.1:9/";

    @TempDir
    Path dir;

    @Test
    void offlinePassesTheShippedMappingsAndRoutesWithNoServiceRunningAndCreatesNoDataFolder() throws Exception {
        SyncFixture sync = fixture(nowhere(), Map.of());

        SyncFixture.Result result = sync.command("validate", "--offline");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        int mappings = SyncFixture.shippedAreas().length;
        assertThat(result.printed()).contains("validate: " + mappings + " mappings and " + mappings
                + " routes check out against the real schemas shipped in the jar (offline)");
        assertThat(sync.dataDir()).as("no data folder, no state database").doesNotExist();
    }

    @Test
    void offlineAMisspelledFieldOfACopiedMappingFailsWithItsFileAndLine() throws Exception {
        Path mappings = SyncFixture.shippedMappings(dir.resolve("mappings"), SyncFixture.shippedAreas());
        Path accounts = mappings.resolve("accounts.yaml");
        int line = lineOf(accounts, "OrganizationName:");
        Files.writeString(accounts, Files.readString(accounts).replace("OrganizationName:", "OrganisationName:"));
        SyncFixture sync = fixture(nowhere(), Map.of("p2c.mappings", mappings.toString()));

        SyncFixture.Result result = sync.command("validate", "--offline");

        assertThat(result.exitCode()).as(result.printed()).isEqualTo(1);
        assertThat(result.printed()).containsPattern(quote(accounts + ":" + line + ": ") + ".*OrganisationName")
                .contains("validate: 1 problem(s) in the mappings and routes");
        assertThat(sync.dataDir()).doesNotExist();
    }

    @Test
    void offlineARouteThatDisagreesWithItsMappingOrHasABadScheduleFailsWithItsFileAndLine() throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        for (String area : SyncFixture.shippedAreas()) {
            Files.copy(Path.of("routes", area + ".camel.yaml"), routes.resolve(area + ".camel.yaml"));
        }
        Path accounts = routes.resolve("accounts.camel.yaml");
        Files.writeString(accounts, Files.readString(accounts).replace("fno:CustomersV3", "fno:CustomersV2")
                .replace("\"2/15 * * * * ?\"", "\"every 15 seconds\""));
        Path contacts = routes.resolve("contacts.camel.yaml");
        Files.writeString(contacts, Files.readString(contacts).replace("routeId: contacts", "routeId: contact"));
        SyncFixture sync = fixture(nowhere(), Map.of("p2c.routes", routes.toString()));

        SyncFixture.Result result = sync.command("validate", "--offline");

        assertThat(result.exitCode()).as(result.printed()).isEqualTo(1);
        assertThat(result.printed())
                .contains(accounts + ":" + lineOf(accounts, "fno:CustomersV2") + ": target 'fno:CustomersV2' does not"
                        + " match mappings/accounts.yaml, which writes CustomersV3 of the erp: use fno:CustomersV3")
                .contains(accounts + ":" + lineOf(accounts, "every 15 seconds") + ": schedule 'every 15 seconds' is not"
                        + " a Quartz cron expression")
                .contains(contacts + ":" + lineOf(contacts, "routeId: contact") + ": routeId 'contact' is not its area"
                        + " 'contacts'")
                .contains("validate: 3 problem(s)");
    }

    @Test
    void anEmptyRoutesFolderIsAProblem() throws Exception {
        SyncFixture sync = fixture(nowhere(), Map.of("p2c.routes", Files.createDirectories(dir.resolve("none")).toString()));

        SyncFixture.Result result = sync.command("validate", "--offline");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.printed()).contains(dir.resolve("none") + ": no *.camel.yaml route in the routes folder");
    }

    @Test
    void liveChecksTheServicesMetadataAndFindsWhatSetupMustCreateFirst() throws Exception {
        try (Sandbox fresh = Sandbox.start(SandboxOptions.defaults(dir.resolve("fresh")).withSeedAccounts(5))) {
            SyncFixture sync = new SyncFixture(fresh, Files.createDirectories(dir.resolve("p2c-fresh")), Map.of());

            SyncFixture.Result result = sync.command("validate");

            assertThat(result.exitCode()).as(result.printed()).isEqualTo(1);
            assertThat(result.printed()).contains("the CRM lacks the alternate keys", "setup")
                    .doesNotContain("Could not find");
            assertThat(sync.dataDir()).doesNotExist();
        }
        Path mappings = SyncFixture.shippedMappings(dir.resolve("mappings"), SyncFixture.shippedAreas());
        Path orders = mappings.resolve("orders.yaml");
        int line = lineOf(orders, "SalesOrderName:");
        Files.writeString(orders, Files.readString(orders).replace("SalesOrderName:", "SalesOrderNam:"));
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("set-up")).withSetUp()
                .withSeedAccounts(5))) {
            SyncFixture sync = new SyncFixture(sandbox, Files.createDirectories(dir.resolve("p2c")), Map.of());

            SyncFixture.Result shipped = sync.command("validate");
            assertThat(shipped.exitCode()).as(shipped.printed()).isZero();
            assertThat(shipped.printed()).contains("routes check out against the services' $metadata (" + sandbox.crmUrl());

            sync.set("p2c.mappings", mappings.toString());
            SyncFixture.Result broken = sync.command("validate");
            assertThat(broken.exitCode()).as(broken.printed()).isEqualTo(1);
            assertThat(broken.printed()).containsPattern(quote(orders + ":" + line + ": ") + ".*SalesOrderNam");
            assertThat(sync.dataDir()).doesNotExist();
        }
    }

    @Test
    void liveWithoutServiceUrlsIsRefusedRatherThanCheckedAgainstTheBuiltInSandbox() throws Exception {
        Path config = Files.createDirectories(dir.resolve("p2c")).resolve("application.properties");
        Files.write(config, List.of("p2c.data=" + dir.resolve("p2c/data"),
                "p2c.mappings=" + Path.of("mappings").toAbsolutePath(), "p2c.routes=" + Path.of("routes").toAbsolutePath()));

        SyncFixture.Result result = SyncFixture.run("validate", "--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.printed()).contains("no p2c.crm.url / p2c.erp.url is set", "validate --offline");
        assertThat(dir.resolve("p2c/data")).doesNotExist();
    }

    private SyncFixture fixture(Map<String, String> urls, Map<String, String> extra) throws IOException {
        Map<String, String> all = new java.util.LinkedHashMap<>(urls);
        all.putAll(extra);
        return SyncFixture.withoutSandbox(Files.createDirectories(dir.resolve("p2c")), all);
    }

    /** Every service setting pointing at a port nothing listens on. */
    private static Map<String, String> nowhere() {
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        for (String system : List.of("crm", "erp")) {
            urls.put("p2c." + system + ".url", NOWHERE);
            urls.put("p2c." + system + ".token-url", NOWHERE + "token");
            urls.put("p2c." + system + ".client-id", "nobody");
            urls.put("p2c." + system + ".client-secret", "nothing");
        }
        return urls;
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static String quote(String text) {
        return java.util.regex.Pattern.quote(text);
    }
}
