package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxLifecycleTest {
    @TempDir
    Path dir;

    @Test
    void restartKeepsTheDataAndDoesNotReseed() throws Exception {
        String firstSeed;
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(30))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            firstSeed = http.getJson(sandbox.crmUrl() + "accounts?$orderby=accountnumber&$top=1").at("/value/0/accountid").asText();
            assertThat(http.send("POST", sandbox.erpUrl() + "CustomersV3",
                    "{\"dataAreaId\":\"usmf\",\"CustomerAccount\":\"KEEP\",\"OrganizationName\":\"kept\"}", Map.of())
                    .statusCode()).isEqualTo(201);
        }
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(100).withSeed(7))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            assertThat(http.getJson(sandbox.crmUrl() + "accounts?$count=true&$top=0").get("@odata.count").asInt()).isEqualTo(30);
            assertThat(http.getJson(sandbox.crmUrl() + "accounts?$orderby=accountnumber&$top=1").at("/value/0/accountid").asText())
                    .isEqualTo(firstSeed);
            assertThat(http.getJson(sandbox.erpUrl() + "CustomersV3(dataAreaId='usmf',CustomerAccount='KEEP')")
                    .get("OrganizationName").asText()).isEqualTo("kept");
        }
    }

    @Test
    void sameSeedGivesTheSameAccounts() throws Exception {
        String a;
        String b;
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("a")).withSetUp().withSeedAccounts(20))) {
            a = new SandboxHttp(sandbox).get(sandbox.crmUrl() + "accounts?$orderby=accountnumber").body();
        }
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("b")).withSetUp().withSeedAccounts(20))) {
            b = new SandboxHttp(sandbox).get(sandbox.crmUrl() + "accounts?$orderby=accountnumber").body();
        }
        assertThat(a.replaceAll("127\\.0\\.0\\.1:\\d+", "")).isEqualTo(b.replaceAll("127\\.0\\.0\\.1:\\d+", ""));
    }

    @Test
    void expiredTokensAreRefused() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(1).withTokenTtl(Duration.ofMillis(300)))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            assertThat(http.get(sandbox.crmUrl() + "accounts").statusCode()).isEqualTo(200);
            Thread.sleep(400);
            assertThat(http.get(sandbox.crmUrl() + "accounts").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void simulatedUsersEditCreateAndRequalifyAccounts() throws Exception {
        SandboxOptions options = SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(40).withActivity(true)
                .withActivityEvery(Duration.ofMillis(100));
        try (Sandbox sandbox = Sandbox.start(options)) {
            SandboxHttp http = new SandboxHttp(sandbox);
            String since = "2025-01-01T00:00:00Z";
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            JsonNode changed;
            do {
                Thread.sleep(100);
                changed = http.getJson(sandbox.crmUrl() + "accounts?$count=true&$select=modifiedon&$filter=modifiedon%20gt%20" + since);
            } while (changed.get("@odata.count").asInt() < 5 && System.nanoTime() < deadline);
            assertThat(changed.get("@odata.count").asInt()).isGreaterThanOrEqualTo(5);
            assertThat(http.getJson(sandbox.crmUrl() + "accounts?$count=true&$top=0").get("@odata.count").asInt())
                    .isGreaterThan(40);
            changed.get("value").forEach(r -> assertThat(OffsetDateTime.parse(r.get("modifiedon").asText()))
                    .isAfter(OffsetDateTime.parse(since)));
        }
    }
}
