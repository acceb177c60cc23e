package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.app.ConfigurationException;
import org.p2csync.flow.RunSummary;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sync.Outcome;

/**
 * The operations HTTP server of a continuous sync, over real HTTP: an area's health check goes DOWN after a run that
 * ended in Error and UP after a completed one, and DOWN again when no run completes within three schedule periods;
 * the metrics count what the runs wrote, rising from run to run; a button is refused to a page of another site; a port
 * already taken is refused naming the setting.
 */
class OperationsEndpointsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RUN_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void anAreaIsDownAfterAnErrorRunUpAfterACompletedOneAndDownWhenItsRunsStop() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(0));
                ContinuousSync sync = new ContinuousSync(sandbox, dir, Map.of(), "accounts")) {
            ODataProbe probe = new ODataProbe(sandbox);
            probe.postCrm("accounts", tooLongName("HEALTH-1"));
            sync.hold("accounts", r -> r.counts().failed() > 0);
            sync.start();

            RunSummary failed = sync.awaitRun("accounts", r -> r.counts().failed() > 0, RUN_WAIT);
            assertThat(failed.outcome()).as(failed.describe()).isEqualTo(Outcome.Error);
            HttpResponse<String> down = sync.get("observe/health");
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(check(down, "area-accounts").get("status").asText()).isEqualTo("DOWN");
            assertThat(check(down, "area-accounts").get("message").asText()).contains("ended in Error")
                    .contains("failed 1, written 0");
            sync.release();

            String id = (String) probe.crm("accounts", "$filter=accountnumber eq 'HEALTH-1'").get(0).get("accountid");
            sync.hold("accounts", r -> r.counts().written() == 1 && r.outcome() == Outcome.Completed);
            probe.patchCrm("accounts(" + id + ")", Map.of("name", "Health Ltd"));
            sync.awaitRun("accounts", r -> r.counts().written() == 1 && r.outcome() == Outcome.Completed, RUN_WAIT);
            HttpResponse<String> up = sync.get("observe/health?data=true");
            sync.release();
            JsonNode accounts = check(up, "area-accounts");
            assertThat(accounts.get("status").asText()).as(up.body()).isEqualTo("UP");
            assertThat(accounts.get("data").get("last.outcome").asText()).isEqualTo("Completed");

            // three periods of one second without a completed run: the area's runs stopped
            sync.runtime().camelContext().getRouteController().stopRoute("accounts");
            Thread.sleep(4_000);
            JsonNode late = check(sync.get("observe/health"), "area-accounts");
            assertThat(late.get("status").asText()).isEqualTo("DOWN");
            assertThat(late.get("message").asText()).contains("no run completed since")
                    .contains("3 schedule periods are 3 s");
        }
    }

    @Test
    void metricsCountWhatEachAreaWroteRisingFromRunToRun() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(20));
                ContinuousSync sync = new ContinuousSync(sandbox, dir, Map.of(), "accounts", "contacts")) {
            sync.start();
            RunSummary first = sync.awaitRun("accounts", r -> r.counts().written() > 0, RUN_WAIT);
            RunSummary firstContacts = sync.awaitRun("contacts", r -> r.counts().written() > 0, RUN_WAIT);
            // a scrape between runs: the counters hold at least what the runs seen so far wrote
            String before = sync.get("observe/metrics").body();
            double accountsBefore = metric(before, "p2c_records_written_total", "accounts");
            double contactsBefore = metric(before, "p2c_records_written_total", "contacts");
            assertThat(accountsBefore).isGreaterThanOrEqualTo(first.counts().written());
            assertThat(contactsBefore).isGreaterThanOrEqualTo(firstContacts.counts().written());

            ODataProbe probe = new ODataProbe(sandbox);
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("accountnumber", "METRICS-1");
            account.put("name", "Metrics Ltd");
            account.put("customertypecode", 3);
            probe.postCrm("accounts", account);
            RunSummary next = sync.awaitRun("accounts", r -> r.counts().written() > 0, RUN_WAIT);

            String after = sync.get("observe/metrics").body();
            assertThat(metric(after, "p2c_records_written_total", "accounts"))
                    .isGreaterThanOrEqualTo(accountsBefore + next.counts().written());
            assertThat(metric(after, "p2c_records_read_total", "accounts")).isGreaterThan(accountsBefore);
            assertThat(metric(after, "p2c_run_duration_seconds_count", "accounts", "outcome", "Completed"))
                    .isGreaterThanOrEqualTo(2);
            assertThat(metric(after, "p2c_last_completed_run_age_seconds", "accounts")).isBetween(0.0, 5.0);
            assertThat(systemMetric(after, "p2c_http_requests_total", "crm")).isPositive();
            assertThat(systemMetric(after, "p2c_http_requests_total", "erp")).isPositive();
            assertThat(after).contains("p2c_http_retries_total{system=\"erp\"}")
                    .contains("p2c_http_throttled_total{system=\"crm\"}");
        }
    }

    @Test
    void thePagesPauseButtonHoldsTheAreaBackInTheStateAndResumeCatchesUp() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withSeedAccounts(0));
                ContinuousSync sync = new ContinuousSync(sandbox, dir, Map.of(), "accounts")) {
            sync.start();
            assertThat(sync.get("/").body()).contains("action=\"/areas/accounts/pause\"")
                    .doesNotContain("action=\"/areas/accounts/resume\"");

            HttpResponse<String> pause = sync.post("areas/accounts/pause");
            assertThat(pause.statusCode()).as(pause.body()).isEqualTo(303);
            assertThat(sync.runtime().state().pauses().current("accounts")).as("in the state every instance reads")
                    .isPresent();
            String page = sync.get("/").body();
            assertThat(page).contains("paused from the status page").contains("action=\"/areas/accounts/resume\"")
                    .doesNotContain("action=\"/areas/accounts/pause\"");

            ODataProbe probe = new ODataProbe(sandbox);
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("accountnumber", "PAUSED-1");
            account.put("name", "Paused Ltd");
            account.put("customertypecode", 3);
            probe.postCrm("accounts", account);
            sync.awaitRun("accounts", r -> r.outcome() == Outcome.Paused, RUN_WAIT);
            sync.awaitRun("accounts", r -> r.outcome() == Outcome.Paused, RUN_WAIT);
            assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq 'PAUSED-1'")).as("paused: not synced")
                    .isEmpty();

            HttpResponse<String> resume = sync.post("areas/accounts/resume");
            assertThat(resume.statusCode()).as(resume.body()).isEqualTo(303);
            RunSummary caughtUp = sync.awaitRun("accounts", r -> r.counts().written() == 1, RUN_WAIT);
            assertThat(caughtUp.outcome()).isEqualTo(Outcome.Completed);
            assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq 'PAUSED-1'")).hasSize(1);
        }
    }

    @Test
    void aButtonPressedFromAPageOfAnotherSiteIsRefusedAndATakenPortNamesTheSetting() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(0));
                ContinuousSync sync = new ContinuousSync(sandbox, dir, Map.of(), "accounts")) {
            sync.start();
            HttpResponse<String> foreign = sync.post("areas/accounts/retry", "Origin", "http://evil.example");
            assertThat(foreign.statusCode()).isEqualTo(403);
            assertThat(foreign.body()).contains("another site");
            HttpResponse<String> local = sync.post("areas/accounts/retry");
            assertThat(local.statusCode()).as(local.body()).isEqualTo(303);
            assertThat(local.body()).contains("no failed records");
            assertThat(sync.post("areas/nosuch/retry").body()).contains("unknown area 'nosuch'");

            // a port already taken is a configuration error naming the setting, before anything runs
            int taken = sync.url("/").getPort();
            sync.stop();
            try (ServerSocket other = new ServerSocket(taken, 1, InetAddress.getLoopbackAddress())) {
                sync.fixture().set("p2c.http.port", String.valueOf(taken));
                assertThatThrownBy(sync::start).isInstanceOf(ConfigurationException.class)
                        .hasMessageContaining("p2c.http.port=" + taken).hasMessageContaining("0 for any");
            }
        }
    }

    static Map<String, Object> tooLongName(String accountNumber) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("accountnumber", accountNumber);
        account.put("name", "Л".repeat(101) + " Ltd"); // CustomersV3.OrganizationName holds 100
        account.put("customertypecode", 3);
        return account;
    }

    private static JsonNode check(HttpResponse<String> health, String name) throws Exception {
        for (JsonNode check : JSON.readTree(health.body()).get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health.body());
    }

    /** A sample's value, by name and area (and more labels in Prometheus's alphabetical order). */
    static double metric(String scrape, String name, String area, String... labels) {
        StringBuilder wanted = new StringBuilder("area=\"" + area + "\"");
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.append(",").append(labels[i]).append("=\"").append(labels[i + 1]).append("\"");
        }
        return sample(scrape, name + "{" + wanted + "}");
    }

    private static double systemMetric(String scrape, String name, String system) {
        return sample(scrape, name + "{system=\"" + system + "\"}");
    }

    private static double sample(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        assertThat(m.find()).as(series + " in\n" + scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
