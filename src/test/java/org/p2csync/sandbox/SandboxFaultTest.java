package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxFaultTest {
    @TempDir
    Path dir;

    Sandbox sandbox;
    SandboxHttp http;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(20));
        http = new SandboxHttp(sandbox);
        http.token();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void parsesFaultSpecsAndNamesTheBadPart() {
        FaultSpec spec = FaultSpec.parse("429=0.05, 500=0.02,reset=0.01,latency=20ms,malformed=0.01");
        assertThat(spec).isEqualTo(new FaultSpec(0.05, 0.02, 0.01, Duration.ofMillis(20), 0.01));
        assertThat(FaultSpec.parse("latency=1.5s").latency()).isEqualTo(Duration.ofMillis(1500));
        assertThat(FaultSpec.parse("")).isEqualTo(FaultSpec.NONE);
        assertThatThrownBy(() -> FaultSpec.parse("429=2")).hasMessageContaining("429=2").hasMessageContaining("valid form");
        assertThatThrownBy(() -> FaultSpec.parse("latency=fast")).hasMessageContaining("latency=fast");
        assertThatThrownBy(() -> FaultSpec.parse("boom=0.1")).hasMessageContaining("boom").hasMessageContaining("valid form");
        assertThatThrownBy(() -> FaultSpec.parse("429")).hasMessageContaining("'429'");
    }

    @Test
    void injectedFaultsAreReproducibleFromTheSeed() {
        FaultSpec spec = FaultSpec.parse("429=0.3,500=0.3,reset=0.2");
        FaultInjector a = new FaultInjector(spec, 7);
        FaultInjector b = new FaultInjector(spec, 7);
        for (int i = 0; i < 200; i++) {
            assertThat(a.decide(i % 2 == 0)).isEqualTo(b.decide(i % 2 == 0));
        }
    }

    @Test
    void throttlesWithRetryAfterAndCountsClientsThatComeBackEarly() throws Exception {
        sandbox.setFaults(FaultSpec.parse("429=1"));
        HttpResponse<String> first = http.get(sandbox.crmUrl() + "accounts");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(SandboxHttp.JSON.readTree(first.body()).at("/error/code").asText()).isNotEmpty();
        assertThat(http.tokenRequest(SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET).statusCode())
                .as("the token endpoint is never faulted").isEqualTo(200);

        assertThat(http.get(sandbox.erpUrl() + "CustomersV3").statusCode()).isEqualTo(429);
        assertThat(sandbox.stats().retryAfterViolations()).isEqualTo(1);

        sandbox.setFaults(FaultSpec.NONE);
        Thread.sleep(1100); // honour the Retry-After like a well-behaved client
        assertThat(http.get(sandbox.crmUrl() + "accounts").statusCode()).isEqualTo(200);
        SandboxStats stats = sandbox.stats();
        assertThat(stats.throttled()).isEqualTo(2);
        assertThat(stats.retryAfterViolations()).isEqualTo(1);
        assertThat(stats.crmRequests()).isEqualTo(2);
        assertThat(stats.erpRequests()).isEqualTo(1);
    }

    @Test
    void serverErrorsResetsAndMalformedBodies() throws Exception {
        sandbox.setFaults(FaultSpec.parse("500=1"));
        HttpResponse<String> error = http.get(sandbox.crmUrl() + "accounts");
        assertThat(error.statusCode()).isEqualTo(500);
        assertThat(error.body()).contains("\"error\"");

        sandbox.setFaults(FaultSpec.parse("reset=1"));
        assertThatThrownBy(() -> http.get(sandbox.crmUrl() + "accounts")).isInstanceOf(IOException.class);

        sandbox.setFaults(FaultSpec.parse("malformed=1"));
        HttpResponse<String> cut = http.get(sandbox.crmUrl() + "accounts");
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> SandboxHttp.JSON.readTree(cut.body())).isInstanceOf(JsonProcessingException.class);

        SandboxStats stats = sandbox.stats();
        assertThat(stats.serverErrors()).isEqualTo(1);
        assertThat(stats.resets()).isGreaterThanOrEqualTo(1);
        assertThat(stats.malformed()).isEqualTo(1);
    }

    @Test
    void latencyDelaysDataRequestsButNotTheTokenEndpoint() throws Exception {
        sandbox.setFaults(FaultSpec.parse("latency=300ms"));
        long t0 = System.nanoTime();
        assertThat(http.get(sandbox.crmUrl() + "accounts?$top=1").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(http.tokenRequest(SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET).statusCode()).isEqualTo(200);
    }

    @Test
    void resetWritesAreAppliedBeforeOrAfterTheDrop() throws Exception {
        sandbox.setFaults(FaultSpec.parse("reset=1"));
        int dropped = 0;
        for (int i = 0; i < 20; i++) {
            try {
                http.send("POST", sandbox.erpUrl() + "CustomersV3", "{\"dataAreaId\":\"usmf\",\"CustomerAccount\":\"RESET-"
                        + i + "\",\"OrganizationName\":\"r\"}", Map.of());
            } catch (IOException expected) {
                dropped++;
            }
        }
        assertThat(dropped).isEqualTo(20);
        sandbox.setFaults(FaultSpec.NONE);
        int applied = http.getJson(sandbox.erpUrl() + "CustomersV3?$count=true&$top=0").get("@odata.count").asInt();
        assertThat(applied).as("some writes landed before their connection dropped, some did not").isBetween(1, 19);
    }

    @Test
    void poisonedRowBreaksTheJsonUnlessOnlyIdentifyingFieldsAreSelected() throws Exception {
        JsonNode first = http.getJson(sandbox.crmUrl() + "accounts?$top=1&$orderby=accountnumber");
        String id = first.at("/value/0/accountid").asText();
        sandbox.poison("accounts", id);

        HttpResponse<String> full = http.get(sandbox.crmUrl() + "accounts?$orderby=accountnumber");
        assertThatThrownBy(() -> SandboxHttp.JSON.readTree(full.body())).isInstanceOf(JsonProcessingException.class);
        HttpResponse<String> byKey = http.get(sandbox.crmUrl() + "accounts(" + id + ")?$select=name");
        assertThatThrownBy(() -> SandboxHttp.JSON.readTree(byKey.body())).isInstanceOf(JsonProcessingException.class);

        JsonNode keysOnly = http.getJson(sandbox.crmUrl() + "accounts?$select=accountid,accountnumber,modifiedon");
        assertThat(keysOnly.get("value")).hasSize(20);
        assertThat(http.getJson(sandbox.crmUrl() + "accounts?$select=name&$filter=accountid%20ne%20" + id)
                .get("value")).hasSize(19);
    }

    @Test
    void adminEndpointsNeedNoTokenAndRejectBadInput() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String admin = "http://127.0.0.1:" + sandbox.port() + "/sandbox/";
        HttpResponse<String> set = client.send(HttpRequest.newBuilder(URI.create(admin + "faults?spec=" + SandboxHttp.enc("500=1")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(http.get(sandbox.crmUrl() + "accounts").statusCode()).isEqualTo(500);
        HttpResponse<String> bad = client.send(HttpRequest.newBuilder(URI.create(admin + "faults?spec=" + SandboxHttp.enc("500=x")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("500=x");
        HttpResponse<String> poison = client.send(HttpRequest.newBuilder(URI.create(admin + "poison?set=nosuchset&id=1"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(poison.statusCode()).isEqualTo(400);
        assertThat(poison.body()).contains("nosuchset").contains("accounts").contains("CustomersV3");
        HttpResponse<String> stats = client.send(HttpRequest.newBuilder(URI.create(admin + "stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(SandboxHttp.JSON.readTree(stats.body()).get("serverErrors").asLong()).isEqualTo(1);
    }
}
