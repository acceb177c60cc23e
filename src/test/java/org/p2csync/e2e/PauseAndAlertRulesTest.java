package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.state.AreaPause;
import org.p2csync.state.PausedBy;
import org.p2csync.state.StateStore;

/**
 * The operator's commands over a real sync of accounts against the sandbox over HTTP, with the state in H2: errors
 * with their payloads, run history, pause and resume (by hand and by the alert rule), and the alert webhook.
 */
class PauseAndAlertRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void errorsJsonShowsThePayloadOfAFailedRecordAndHistoryListsTheRuns() throws Exception {
        try (Sandbox sandbox = sandbox()) {
            ODataProbe probe = new ODataProbe(sandbox);
            postAccount(probe, "BAD-LONG-1", tooLongName());
            SyncFixture sync = accountsOnly(sandbox, Map.of());

            SyncFixture.Result first = sync.syncOnce("accounts");
            assertThat(first.count("accounts", "failed")).as(first.printed()).isEqualTo(1);
            SyncFixture.Result second = sync.syncOnce("accounts");
            assertThat(second.exitCode()).as(second.printed()).isZero();

            SyncFixture.Result errors = sync.command("errors", "--area", "accounts", "--json");
            assertThat(errors.exitCode()).as(errors.printed()).isZero();
            JsonNode area = JSON.readTree(errors.printed()).get("areas").get(0);
            assertThat(area.get("area").asText()).isEqualTo("accounts");
            assertThat(area.get("open").asLong()).isEqualTo(1);
            JsonNode error = area.get("errors").get(0);
            assertThat(error.get("record").asText()).isEqualTo("BAD-LONG-1");
            assertThat(error.get("stage").asText()).isEqualTo("write");
            assertThat(error.get("reason").asText()).isNotBlank();
            assertThat(Instant.parse(error.get("time").asText())).isBefore(Instant.now());
            assertThat(error.get("payload").isObject()).as("the payload as JSON, not quoted text: %s", error).isTrue();
            assertThat(error.get("payload").toString()).contains(tooLongName());

            SyncFixture.Result text = sync.command("errors");
            assertThat(text.printed()).contains("accounts: 1 open error(s)").contains("BAD-LONG-1  write failed: ")
                    .contains("payload: {").contains(tooLongName());
            assertThat(sync.command("errors", "--area", "nosuch").exitCode()).isEqualTo(1);

            SyncFixture.Result history = sync.command("history", "--area", "accounts");
            assertThat(history.exitCode()).as(history.printed()).isZero();
            List<String> runs = runLines(history.printed());
            assertThat(runs).hasSize(2);
            assertThat(runs.get(0)).as("newest first").contains("Completed").contains("failed 0")
                    .contains(second.report().get("areas").get("accounts").get("runId").asText());
            assertThat(runs.get(1)).contains("Warning").contains("failed 1")
                    .contains("written " + first.count("accounts", "written"))
                    .contains(first.report().get("areas").get("accounts").get("runId").asText());
            assertThat(runLines(sync.command("history", "--area", "accounts", "--limit", "1").printed())).hasSize(1);
            assertThat(sync.command("status", "--area", "accounts").printed())
                    .contains("alert rule:  pause after 10 failed records within 15m").doesNotContain("paused:");
        }
    }

    @Test
    void tenBadRecordsPauseTheAreaByTheDefaultRuleAndRecordsChangedWhilePausedFlowAfterResume() throws Exception {
        try (Sandbox sandbox = sandbox(); WebhookReceiver webhook = new WebhookReceiver()) {
            ODataProbe probe = new ODataProbe(sandbox);
            for (int i = 1; i <= 10; i++) {
                postAccount(probe, "BAD-" + i, tooLongName());
            }
            SyncFixture sync = accountsOnly(sandbox, Map.of("p2c.alerts.webhook", webhook.url()));

            LogCapture.Logged<SyncFixture.Result> failing = LogCapture.during(() -> sync.syncOnce("accounts"));
            assertThat(failing.result().count("accounts", "failed")).as(failing.log()).isEqualTo(10);
            assertThat(failing.log()).contains("WARN").contains("accounts: paused by its alert rule: 10 failed records"
                    + " within 15m (alert rule: pause after 10 failed records within 15m)");
            assertThat(sync.command("status", "--area", "accounts").printed())
                    .contains("paused:      since ").contains(" by rule: 10 failed records within 15m");
            assertThat(webhook.bodies()).hasSize(1);
            JsonNode alert = JSON.readTree(webhook.bodies().get(0));
            assertThat(alert.get("area").asText()).isEqualTo("accounts");
            assertThat(alert.get("failedRecords").asLong()).isEqualTo(10);
            assertThat(alert.get("reason").asText()).startsWith("10 failed records within 15m");

            postAccount(probe, "GOOD-1", "Changed While Paused One");
            postAccount(probe, "GOOD-2", "Changed While Paused Two");
            try (StateStore secondInstance = StateStore.open(StateStore.h2(sync.dataDir()))) {
                AreaPause seen = secondInstance.pauses().current("accounts").orElseThrow();
                assertThat(seen.by()).isEqualTo(PausedBy.RULE);

                LogCapture.Logged<SyncFixture.Result> paused = LogCapture.during(() -> sync.syncOnce("accounts"));
                assertThat(paused.result().exitCode()).as(paused.log()).isZero();
                assertThat(paused.result().area("accounts").get("outcome").asText()).isEqualTo("Paused");
                assertThat(paused.result().count("accounts", "read")).isZero();
                assertThat(paused.log()).contains("accounts: paused since ").contains("this run reads nothing");
                assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq 'GOOD-1'")).as("not before resume")
                        .isEmpty();
            }
            assertThat(runLines(sync.command("history", "--area", "accounts", "--limit", "1").printed()).get(0))
                    .contains("Paused");

            SyncFixture.Result resume = sync.command("resume", "--area", "accounts");
            assertThat(resume.printed()).contains("accounts: resumed (was paused since ");
            SyncFixture.Result caughtUp = sync.syncOnce("accounts");

            assertThat(caughtUp.exitCode()).as(caughtUp.printed()).isZero();
            assertThat(caughtUp.count("accounts", "written")).isEqualTo(2);
            for (String key : List.of("GOOD-1", "GOOD-2")) {
                assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq '" + key + "'")).hasSize(1);
            }
            assertThat(sync.command("status", "--area", "accounts").printed()).doesNotContain("paused:");

            // the ten failures that caused the pause are before the resume: one more does not pause again
            postAccount(probe, "BAD-11", tooLongName());
            SyncFixture.Result oneMore = sync.syncOnce("accounts");
            assertThat(oneMore.count("accounts", "failed")).isEqualTo(1);
            assertThat(sync.command("status", "--area", "accounts").printed()).doesNotContain("paused:");
            assertThat(webhook.bodies()).as("told once, when the rule fired").hasSize(1);
        }
    }

    @Test
    void anOperatorsPauseHoldsBackTheRunsOfEveryInstanceAndSurvivesARestart() throws Exception {
        try (Sandbox sandbox = sandbox()) {
            ODataProbe probe = new ODataProbe(sandbox);
            SyncFixture sync = accountsOnly(sandbox, Map.of());
            assertThat(sync.syncOnce("accounts").exitCode()).isZero();

            try (StateStore running = StateStore.open(StateStore.h2(sync.dataDir()))) {
                SyncFixture.Result pause = sync.command("pause", "--area", "accounts", "--reason", "ERP maintenance");
                assertThat(pause.exitCode()).as(pause.printed()).isZero();
                assertThat(pause.printed()).contains("accounts: paused since ").contains("by operator: ERP maintenance");
                assertThat(running.pauses().current("accounts")).as("another instance sees it at once")
                        .hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo("ERP maintenance"));
                assertThat(sync.command("pause", "--area", "accounts", "--reason", "again").printed())
                        .contains("accounts: already paused since ").contains("ERP maintenance");
            }
            assertThat(sync.command("pause", "--area", "nosuch").exitCode()).isEqualTo(1);
            assertThat(sync.command("pause").exitCode()).as("--area is required").isEqualTo(1);

            postAccount(probe, "GOOD-1", "Made During Maintenance");
            SyncFixture.Result paused = sync.syncOnce("accounts");
            assertThat(paused.area("accounts").get("outcome").asText()).isEqualTo("Paused");
            assertThat(sync.command("status").printed()).contains("by operator: ERP maintenance");
            // a new runtime over the same state is a restart: still paused
            assertThat(sync.syncOnce("accounts").area("accounts").get("outcome").asText()).isEqualTo("Paused");
            assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq 'GOOD-1'")).isEmpty();

            assertThat(sync.command("resume", "--area", "accounts").exitCode()).isZero();
            assertThat(sync.command("resume", "--area", "accounts").printed()).contains("accounts: not paused");
            SyncFixture.Result resumed = sync.syncOnce("accounts");
            assertThat(resumed.count("accounts", "written")).as(resumed.printed()).isEqualTo(1);
            assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq 'GOOD-1'")).hasSize(1);
        }
    }

    @Test
    void anAreasOwnRuleFiresAndAWebhookThatCannotBeReachedDoesNotStopTheSync() throws Exception {
        try (Sandbox sandbox = sandbox()) {
            ODataProbe probe = new ODataProbe(sandbox);
            postAccount(probe, "BAD-1", tooLongName());
            postAccount(probe, "BAD-2", tooLongName());
            postAccount(probe, "GOOD-1", "Written Despite The Webhook");
            SyncFixture sync = accountsOnly(sandbox, Map.of("p2c.alerts.accounts.max-failed", "2",
                    "p2c.alerts.accounts.window", "1h", "p2c.alerts.webhook", "http://127.0.0.1:" + freePort() + "/x"));

            LogCapture.Logged<SyncFixture.Result> run = LogCapture.during(() -> sync.syncOnce("accounts"));

            assertThat(run.result().exitCode()).as(run.log()).isEqualTo(2);
            assertThat(run.result().count("accounts", "failed")).isEqualTo(2);
            assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq 'GOOD-1'")).hasSize(1);
            assertThat(run.log()).contains("accounts: paused by its alert rule: 2 failed records within 1h")
                    .contains("accounts: alert webhook http://127.0.0.1:").contains("the area is paused all the same");
            assertThat(sync.command("status", "--area", "accounts").printed())
                    .contains("alert rule:  pause after 2 failed records within 1h").contains("by rule: 2 failed");
            assertThat(sync.command("errors", "--area", "accounts").printed()).contains("accounts: 2 open error(s)");
        }
    }

    @Test
    void aRuleForAnAreaThatDoesNotExistIsRefusedNamingTheKey() throws Exception {
        try (Sandbox sandbox = sandbox()) {
            SyncFixture sync = accountsOnly(sandbox, Map.of("p2c.alerts.acounts.max-failed", "3"));

            SyncFixture.Result refused = sync.syncOnce("accounts");

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.printed()).contains("p2c.alerts.acounts.max-failed: there is no area 'acounts'");
        }
    }

    private Sandbox sandbox() throws IOException {
        return Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(3));
    }

    private SyncFixture accountsOnly(Sandbox sandbox, Map<String, String> extra) throws IOException {
        Path mappings = SyncFixture.shippedMappings(dir.resolve("mappings"), "accounts");
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.copy(Path.of("routes/accounts.camel.yaml"), routes.resolve("accounts.camel.yaml"));
        Map<String, String> props = new LinkedHashMap<>(Map.of("p2c.mappings", mappings.toString(),
                "p2c.routes", routes.toString()));
        props.putAll(extra);
        return new SyncFixture(sandbox, dir, props);
    }

    /** An account the ERP refuses: CustomersV3.OrganizationName holds 100 characters. */
    private static void postAccount(ODataProbe probe, String number, String name) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("accountnumber", number);
        account.put("name", name);
        account.put("customertypecode", 3);
        account.put("address1_country", "Russia");
        probe.postCrm("accounts", account);
    }

    private static String tooLongName() {
        return "Л".repeat(101) + " Ltd";
    }

    private static List<String> runLines(String history) {
        return history.lines().filter(l -> l.startsWith("  ")).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
