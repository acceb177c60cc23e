package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataverse change tracking: track-changes reads, delta links with changes and deletes, expiry. */
class SandboxChangeTrackingTest {
    private static final Map<String, String> TRACK = Map.of("Prefer", "odata.track-changes,odata.maxpagesize=50");

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(120));
        http = new SandboxHttp(sandbox);
        http.createKey("contact", "p2c_contactnumber");
        http.awaitKeys();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void initialReadPagesThenDeltaReturnsChangesAndDeletes() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        String deltaLink = readAll(sandbox.crmUrl() + "accounts?$select=accountnumber,name", rows);
        assertThat(rows).hasSize(120);
        assertThat(deltaLink).contains("$deltatoken=").contains("$select=accountnumber,name");

        JsonNode empty = get(deltaLink);
        assertThat(empty.get("value")).isEmpty();
        assertThat(empty.get("@odata.deltaLink").asText()).contains("$deltatoken=");

        String edited = rows.get(3).get("accountid").asText();
        String deleted = rows.get(7).get("accountid").asText();
        assertThat(http.send("PATCH", sandbox.crmUrl() + "accounts(" + edited + ")", "{\"name\":\"Changed\"}", Map.of())
                .statusCode()).isEqualTo(204);
        assertThat(http.send("DELETE", sandbox.crmUrl() + "accounts(" + deleted + ")", null, Map.of()).statusCode())
                .isEqualTo(204);
        assertThat(http.send("POST", sandbox.crmUrl() + "accounts", "{\"accountnumber\":\"NEW-1\",\"name\":\"New\"}",
                Map.of()).statusCode()).isEqualTo(204);

        JsonNode delta = get(deltaLink);
        assertThat(delta.get("@odata.context").asText()).endsWith("$metadata#accounts(accountnumber,name)/$delta");
        List<String> changed = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (JsonNode row : delta.get("value")) {
            if (row.has("reason")) {
                assertThat(row.get("reason").asText()).isEqualTo("deleted");
                assertThat(row.get("@odata.context").asText()).endsWith("$metadata#accounts/$deletedEntity");
                gone.add(row.get("id").asText());
            } else {
                assertThat(row.has("telephone1")).as("only the selected fields").isFalse();
                changed.add(row.get("name").asText());
            }
        }
        assertThat(changed).containsExactly("Changed", "New");
        assertThat(gone).containsExactly(deleted);

        JsonNode after = get(delta.get("@odata.deltaLink").asText());
        assertThat(after.get("value")).as("nothing new since the last delta").isEmpty();
        assertThat(get(deltaLink).get("value")).as("an old delta link can be read again").hasSize(3);
    }

    @Test
    void contactsAreTrackedAndDeltasArePaged() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        String deltaLink = readAll(sandbox.crmUrl() + "contacts?$select=p2c_contactnumber", rows);
        assertThat(rows).hasSize(96);
        for (int i = 0; i < 60; i++) {
            http.send("PATCH", sandbox.crmUrl() + "contacts(p2c_contactnumber='CT-" + i + "')", "{\"lastname\":\"L\"}", Map.of());
        }
        http.send("DELETE", sandbox.crmUrl() + "contacts(p2c_contactnumber='CT-0')", null, Map.of());
        List<JsonNode> changes = new ArrayList<>();
        String next = readAll(deltaLink, changes);
        Set<String> numbers = new HashSet<>();
        changes.stream().filter(c -> c.has("p2c_contactnumber")).forEach(c -> numbers.add(c.get("p2c_contactnumber").asText()));
        assertThat(numbers).hasSize(59).doesNotContain("CT-0");
        assertThat(changes.stream().filter(c -> c.has("reason")).count()).isEqualTo(1);
        assertThat(next).contains("$deltatoken=");
    }

    @Test
    void filterOrderbyAndUntrackedSetsAreRefused() throws Exception {
        HttpResponse<String> filtered = http.send("GET", sandbox.crmUrl() + "accounts?$filter="
                + SandboxHttp.enc("customertypecode eq 3"), null, TRACK);
        assertThat(filtered.statusCode()).isEqualTo(400);
        assertThat(filtered.body()).contains("$filter");
        HttpResponse<String> ordered = http.send("GET", sandbox.crmUrl() + "accounts?$orderby=name", null, TRACK);
        assertThat(ordered.statusCode()).isEqualTo(400);
        HttpResponse<String> quotes = http.send("GET", sandbox.crmUrl() + "quotes", null, TRACK);
        assertThat(quotes.statusCode()).isEqualTo(400);
        assertThat(quotes.body()).contains("quotes");
        HttpResponse<String> forged = http.get(sandbox.crmUrl() + "accounts?$deltatoken=bogus");
        assertThat(forged.statusCode()).isEqualTo(400);
        HttpResponse<String> erp = http.send("GET", sandbox.erpUrl() + "CDSSalesOrderHeaders?$top=1", null, TRACK);
        assertThat(erp.statusCode()).as("F&O ignores the preference").isEqualTo(200);
        assertThat(erp.body()).doesNotContain("deltaLink");
    }

    @Test
    void expiredDeltaTokensAnswerTheirErrorCodeNotGone() throws Exception {
        try (Sandbox shortLived = Sandbox.start(SandboxOptions.defaults(dir.resolve("ttl")).withSetUp().withSeedAccounts(5)
                .withDeltaTokenTtl(Duration.ofMillis(300)))) {
            SandboxHttp h = new SandboxHttp(shortLived);
            HttpResponse<String> first = h.send("GET", shortLived.crmUrl() + "accounts", null, TRACK);
            String deltaLink = SandboxHttp.JSON.readTree(first.body()).get("@odata.deltaLink").asText();
            assertThat(h.get(deltaLink).statusCode()).isEqualTo(200);
            Thread.sleep(400);
            HttpResponse<String> expired = h.get(deltaLink);
            assertThat(expired.statusCode()).as("clients must recognise the code, whatever the status").isEqualTo(400);
            JsonNode error = SandboxHttp.JSON.readTree(expired.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("0x80044352");
            assertThat(error.get("message").asText()).contains("full sync");
        }
    }

    @Test
    void deletesSurviveARestart() throws Exception {
        Path data = dir.resolve("restart");
        String deltaLink;
        String id;
        try (Sandbox first = Sandbox.start(SandboxOptions.defaults(data).withSetUp().withSeedAccounts(3))) {
            SandboxHttp h = new SandboxHttp(first);
            JsonNode page = SandboxHttp.JSON.readTree(h.send("GET", first.crmUrl() + "accounts", null, TRACK).body());
            deltaLink = page.get("@odata.deltaLink").asText().substring(first.crmUrl().length());
            id = page.get("value").get(0).get("accountid").asText();
            assertThat(h.send("DELETE", first.crmUrl() + "accounts(" + id + ")", null, Map.of()).statusCode()).isEqualTo(204);
        }
        try (Sandbox again = Sandbox.start(SandboxOptions.defaults(data).withSetUp().withSeedAccounts(3))) {
            JsonNode delta = new SandboxHttp(again).getJson(again.crmUrl() + deltaLink);
            assertThat(delta.get("value")).hasSize(1);
            assertThat(delta.get("value").get(0).get("id").asText()).isEqualTo(id);
        }
    }

    /** Follows nextLinks (sending the tracking preference each time); returns the final delta link. */
    private static String readAll(String url, List<JsonNode> rows) throws Exception {
        String next = url;
        while (true) {
            HttpResponse<String> r = http.send("GET", next, null, TRACK);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = SandboxHttp.JSON.readTree(r.body());
            page.get("value").forEach(rows::add);
            if (page.has("@odata.nextLink")) {
                assertThat(page.has("@odata.deltaLink")).isFalse();
                next = page.get("@odata.nextLink").asText();
            } else {
                return page.get("@odata.deltaLink").asText();
            }
        }
    }

    private static JsonNode get(String url) throws Exception {
        return http.getJson(url);
    }
}
