package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules of the real services' protocols that clients must live with: an expired delta token is known by its code,
 * not by 410; Dataverse keeps whole seconds, so many records share one modifiedon; Dataverse stops a $batch at a
 * failed change set even with continue-on-error; F&amp;O writes outside the default company need cross-company=true.
 */
class SandboxProtocolRulesTest {
    private static final Map<String, String> TRACK = Map.of("Prefer", "odata.track-changes,odata.maxpagesize=7");

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("main")).withSetUp().withSeedAccounts(10));
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void anExpiredDeltaTokenIsKnownByItsCodeWhateverTheStatus() throws Exception {
        try (Sandbox gone = Sandbox.start(SandboxOptions.defaults(dir.resolve("ttl")).withSeedAccounts(3)
                .withDeltaTokenTtl(Duration.ofMillis(200)).withExpiredDeltaTokenStatus(410))) {
            SandboxHttp h = new SandboxHttp(gone);
            String deltaLink = SandboxHttp.JSON.readTree(h.send("GET", gone.crmUrl() + "accounts", null, TRACK).body())
                    .get("@odata.deltaLink").asText();
            Thread.sleep(300);
            HttpResponse<String> expired = h.get(deltaLink);
            assertThat(expired.statusCode()).as("the status is a setting").isEqualTo(410);
            assertThat(SandboxHttp.JSON.readTree(expired.body()).at("/error/code").asText()).isEqualTo("0x80044352");
        }
        // a token the service can no longer follow (an older sandbox's) answers the same code
        String old = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"s\":\"accounts\",\"t\":"
                + "\"2024-01-01T00:00:00.000Z\",\"i\":" + Instant.now().toEpochMilli() + "}").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> invalidated = http.get(sandbox.crmUrl() + "accounts?$deltatoken=" + old);
        assertThat(invalidated.statusCode()).isEqualTo(400);
        assertThat(SandboxHttp.JSON.readTree(invalidated.body()).at("/error/code").asText()).isEqualTo("0x80044352");
    }

    @Test
    void dataverseKeepsWholeSecondsSoManyRecordsShareOneAndChangeTrackingMissesNone() throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        String deltaLink = readAll(sandbox.crmUrl() + "accounts?$select=accountnumber,modifiedon", rows);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            parts.add(BatchBodies.part(String.valueOf(i), "POST", "accounts", "{\"accountnumber\":\"SEC-" + i
                    + "\",\"name\":\"Same second " + i + "\"}"));
        }
        assertThat(BatchBodies.statuses(BatchBodies.send(http, sandbox.crmUrl(), parts, false).body()))
                .hasSize(40).containsOnly(204);

        List<JsonNode> changes = new ArrayList<>();
        readAll(deltaLink, changes);
        Map<String, Integer> perSecond = new HashMap<>();
        Set<String> numbers = new HashSet<>();
        for (JsonNode c : changes) {
            assertThat(numbers.add(c.get("accountnumber").asText())).as("each change once").isTrue();
            String modified = c.get("modifiedon").asText();
            assertThat(modified).as("whole seconds").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            perSecond.merge(modified, 1, Integer::sum);
        }
        assertThat(numbers).hasSize(40);
        assertThat(perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0))
                .as("many writes share one second").isGreaterThan(1);

        JsonNode sorted = http.getJson(sandbox.crmUrl() + "accounts?$select=modifiedon,versionnumber&$orderby="
                + SandboxHttp.enc("versionnumber desc") + "&$top=40");
        String previous = null;
        for (JsonNode row : sorted.get("value")) {
            if (previous != null) {
                assertThat(row.get("modifiedon").asText()).as("never goes back").isLessThanOrEqualTo(previous);
            }
            previous = row.get("modifiedon").asText();
        }
    }

    @Test
    void heldTimestampsStampEveryCrmWriteWithOneSecondUntilReleased() throws Exception {
        try (Sandbox held = Sandbox.start(SandboxOptions.defaults(dir.resolve("held")).withSeedAccounts(1))) {
            SandboxHttp h = new SandboxHttp(held);
            OffsetDateTime second = held.holdCrmTimestamps();
            JsonNode first = created(h, held, "H-1");
            Thread.sleep(1100);
            JsonNode later = created(h, held, "H-2");

            assertThat(OffsetDateTime.parse(first.get("modifiedon").asText())).isAtSameInstantAs(second);
            assertThat(OffsetDateTime.parse(later.get("modifiedon").asText())).as("a second later, still the held one")
                    .isAtSameInstantAs(second);
            assertThat(later.get("versionnumber").asLong()).as("row versions still grow")
                    .isGreaterThan(first.get("versionnumber").asLong());

            held.releaseCrmTimestamps();
            JsonNode released = created(h, held, "H-3");
            assertThat(OffsetDateTime.parse(released.get("modifiedon").asText())).isAfter(second);
        }
        try (Sandbox millis = Sandbox.start(SandboxOptions.defaults(dir.resolve("held-millis")).withSeedAccounts(1)
                .withTimestampPrecision(ChronoUnit.MILLIS))) {
            assertThatThrownBy(millis::holdCrmTimestamps)
                    .hasMessageContaining("whole-second");
        }
    }

    private static JsonNode created(SandboxHttp h, Sandbox s, String number) throws Exception {
        HttpResponse<String> r = h.send("POST", s.crmUrl() + "accounts", "{\"accountnumber\":\"" + number + "\"}",
                Map.of("Prefer", "return=representation"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return SandboxHttp.JSON.readTree(r.body());
    }

    @Test
    void millisecondPrecisionIsASetting() throws Exception {
        try (Sandbox millis = Sandbox.start(SandboxOptions.defaults(dir.resolve("millis")).withSeedAccounts(1)
                .withTimestampPrecision(ChronoUnit.MILLIS))) {
            SandboxHttp h = new SandboxHttp(millis);
            HttpResponse<String> r = h.send("POST", millis.crmUrl() + "accounts", "{\"name\":\"ms\"}",
                    Map.of("Prefer", "return=representation"));
            assertThat(SandboxHttp.JSON.readTree(r.body()).get("modifiedon").asText())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
    }

    @Test
    void dataverseStopsAtAFailedChangeSetEvenWithContinueOnErrorButNotAtAFailedSingleRequest() throws Exception {
        String bad = BatchBodies.changeSet(List.of(BatchBodies.part("1", "POST", "accounts", "{\"accountnumber\":\"CS-1\"}"),
                BatchBodies.part("2", "POST", "accounts", "{\"nosuchcolumn\":1}")));
        String single = BatchBodies.part("3", "POST", "accounts", "{\"accountnumber\":\"CS-3\"}");
        String good = BatchBodies.changeSet(List.of(BatchBodies.part("4", "POST", "accounts", "{\"accountnumber\":\"CS-4\"}")));
        HttpResponse<String> stopped = BatchBodies.send(http, sandbox.crmUrl(), List.of(bad, single, good), true);
        assertThat(BatchBodies.statuses(stopped.body())).as("nothing after the failed change set is answered")
                .containsExactly(400);
        for (String number : List.of("CS-1", "CS-3", "CS-4")) {
            assertThat(count("accountnumber eq '" + number + "'")).as(number + " was not executed").isZero();
        }

        String failing = BatchBodies.part("5", "POST", "accounts", "{\"nosuchcolumn\":1}");
        HttpResponse<String> continued = BatchBodies.send(http, sandbox.crmUrl(), List.of(failing, single, good), true);
        assertThat(BatchBodies.statuses(continued.body())).containsExactly(400, 204, 204);
        assertThat(count("accountnumber eq 'CS-3' or accountnumber eq 'CS-4'")).isEqualTo(2);

        String fnoBad = BatchBodies.changeSet(List.of(BatchBodies.part("1", "POST", "CustomersV3",
                "{\"dataAreaId\":\"usmf\",\"CustomerAccount\":\"CS-E1\",\"NoSuchField\":1}")));
        String fnoGood = BatchBodies.part("2", "POST", "CustomersV3", "{\"dataAreaId\":\"usmf\",\"CustomerAccount\":\"CS-E2\"}");
        assertThat(BatchBodies.statuses(BatchBodies.send(http, sandbox.erpUrl(), List.of(fnoBad, fnoGood), true).body()))
                .as("F&O goes on (what it does is unconfirmed)").containsExactly(400, 201);
    }

    @Test
    void fnoPatchAndDeleteOutsideTheDefaultCompanyNeedCrossCompany() throws Exception {
        for (String company : List.of("usmf", "demf")) {
            assertThat(http.send("POST", sandbox.erpUrl() + "CustomersV3", "{\"dataAreaId\":\"" + company
                    + "\",\"CustomerAccount\":\"XC-1\"}", Map.of()).statusCode()).isEqualTo(201);
        }
        String demf = sandbox.erpUrl() + "CustomersV3(dataAreaId='demf',CustomerAccount='XC-1')";
        String usmf = sandbox.erpUrl() + "CustomersV3(dataAreaId='usmf',CustomerAccount='XC-1')";
        HttpResponse<String> patch = http.send("PATCH", demf, "{\"OrganizationName\":\"x\"}", Map.of());
        assertThat(patch.statusCode()).isEqualTo(404);
        assertThat(patch.body()).contains("cross-company=true");
        assertThat(http.send("PATCH", usmf, "{\"OrganizationName\":\"x\"}", Map.of()).statusCode())
                .as("the default company needs nothing").isEqualTo(204);
        assertThat(http.send("PATCH", demf + "?cross-company=true", "{\"OrganizationName\":\"x\"}", Map.of()).statusCode())
                .isEqualTo(204);
        assertThat(http.send("DELETE", demf, null, Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> batch = BatchBodies.send(http, sandbox.erpUrl(), List.of(BatchBodies.part("1", "DELETE",
                "CustomersV3(dataAreaId='demf',CustomerAccount='XC-1')?cross-company=true", null)), false);
        assertThat(BatchBodies.statuses(batch.body())).as("in a $batch part too").containsExactly(204);
        assertThat(http.get(demf + "?cross-company=true").statusCode()).isEqualTo(404);
    }

    private static long count(String filter) throws Exception {
        return http.getJson(sandbox.crmUrl() + "accounts?$count=true&$top=0&$filter=" + SandboxHttp.enc(filter))
                .get("@odata.count").asLong();
    }

    /** Follows nextLinks with the tracking preference; returns the final delta link. */
    private static String readAll(String url, List<JsonNode> rows) throws Exception {
        String next = url;
        while (true) {
            HttpResponse<String> r = http.send("GET", next, null, TRACK);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = SandboxHttp.JSON.readTree(r.body());
            page.get("value").forEach(rows::add);
            if (!page.has("@odata.nextLink")) {
                return page.get("@odata.deltaLink").asText();
            }
            next = page.get("@odata.nextLink").asText();
        }
    }
}
