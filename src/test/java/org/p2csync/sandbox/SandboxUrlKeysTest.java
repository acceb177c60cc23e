package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key values that cannot travel in a URL: Dataverse refuses {@code / < > * % & : \ ? + #} in a key predicate and in
 * a bind, encoded or not, in a $batch part too; F&amp;O finds no route for {@code / \ +} in the URL of a request, and
 * takes them inside a $batch. Such records stay reachable by id and by $filter.
 */
class SandboxUrlKeysTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(10));
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void dataverseRefusesEveryForbiddenCharacterInAUrlKeyAndInABindEncodedOrNot() throws Exception {
        for (char c : "/<>*%&:\\?+#".toCharArray()) {
            String number = "K" + c + "1";
            assertThat(http.send("POST", sandbox.crmUrl() + "accounts", Json.MAPPER.writeValueAsString(
                    Map.of("accountnumber", number, "name", "Forbidden " + c)), Map.of()).statusCode())
                    .as("such a value can be stored").isEqualTo(204);
            HttpResponse<String> byKey = http.get(sandbox.crmUrl() + "accounts("
                    + SandboxHttp.enc("accountnumber='" + number + "'") + ")");
            querySyntax(byKey, number);
            HttpResponse<String> bind = http.send("POST", sandbox.crmUrl() + "contacts", Json.MAPPER.writeValueAsString(
                    Map.of("lastname", "Bound", "parentcustomerid_account@odata.bind", "/accounts(accountnumber='"
                            + number + "')")), Map.of());
            querySyntax(bind, number);
            HttpResponse<String> encodedBind = http.send("POST", sandbox.crmUrl() + "contacts",
                    Json.MAPPER.writeValueAsString(Map.of("lastname", "Bound", "parentcustomerid_account@odata.bind",
                            "/accounts(" + SandboxHttp.enc("accountnumber='" + number + "'") + ")")), Map.of());
            querySyntax(encodedBind, number);
            JsonNode found = http.getJson(sandbox.crmUrl() + "accounts?$select=accountid&$filter="
                    + SandboxHttp.enc("accountnumber eq '" + number + "'"));
            assertThat(found.get("value")).as("found by $filter, then addressed by id").hasSize(1);
            assertThat(http.get(sandbox.crmUrl() + "accounts(" + found.at("/value/0/accountid").asText() + ")")
                    .statusCode()).isEqualTo(200);
        }
        HttpResponse<String> raw = http.get(sandbox.crmUrl() + "accounts(accountnumber='K/1')");
        querySyntax(raw, "a raw slash");
    }

    @Test
    void dataverseTakesApostrophesSpacesAndOtherCharacters() throws Exception {
        for (String number : List.of("O'NEIL 1", "Müller-Ünal.2", "北京-3", "A,B;C=4", "(5)", "!$@~^_6")) {
            String key = SandboxHttp.enc("accountnumber='" + number.replace("'", "''") + "'");
            HttpResponse<String> upsert = http.send("PATCH", sandbox.crmUrl() + "accounts(" + key + ")",
                    "{\"name\":\"fine\"}", Map.of());
            assertThat(upsert.statusCode()).as(number + " " + upsert.body()).isEqualTo(204);
            assertThat(http.getJson(sandbox.crmUrl() + "accounts(" + key + ")").get("accountnumber").asText())
                    .isEqualTo(number);
            HttpResponse<String> bind = http.send("POST", sandbox.crmUrl() + "contacts", Json.MAPPER.writeValueAsString(
                    Map.of("lastname", "Bound", "parentcustomerid_account@odata.bind", "/accounts(" + key + ")")), Map.of());
            assertThat(bind.statusCode()).as(number + " " + bind.body()).isEqualTo(204);
        }
    }

    @Test
    void dataverseRefusesThemInsideABatchPartAsInAUrl() throws Exception {
        assertThat(http.send("POST", sandbox.crmUrl() + "accounts", "{\"accountnumber\":\"B&1\"}", Map.of()).statusCode())
                .isEqualTo(204);
        HttpResponse<String> r = BatchBodies.send(http, sandbox.crmUrl(), List.of(
                BatchBodies.part("1", "PATCH", "accounts(" + SandboxHttp.enc("accountnumber='B&1'") + ")", "{\"name\":\"x\"}"),
                BatchBodies.part("2", "POST", "contacts", "{\"lastname\":\"L\","
                        + "\"parentcustomerid_account@odata.bind\":\"/accounts(accountnumber='B%261')\"}"),
                BatchBodies.part("3", "PATCH", "accounts(" + SandboxHttp.enc("accountnumber='B-1'") + ")", "{\"name\":\"y\"}")),
                true);
        assertThat(BatchBodies.statuses(r.body())).containsExactly(400, 400, 204);
        assertThat(r.body()).contains("0x8006088a").contains("Bad Request - Error in query syntax.");
    }

    @Test
    void fnoFindsNoRouteForSlashBackslashAndPlusInARequestUrlButTakesThemInABatch() throws Exception {
        for (String account : List.of("F/1", "F\\2", "F+3")) {
            HttpResponse<String> created = http.send("POST", sandbox.erpUrl() + "CustomersV3",
                    Json.MAPPER.writeValueAsString(Map.of("dataAreaId", "usmf", "CustomerAccount", account)), Map.of());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String url = customer(account);
            HttpResponse<String> patch = http.send("PATCH", url, "{\"OrganizationName\":\"x\"}", Map.of());
            assertThat(patch.statusCode()).as(account).isEqualTo(404);
            assertThat(SandboxHttp.JSON.readTree(patch.body()).get("Message").asText())
                    .startsWith("No HTTP resource was found that matches the request URI")
                    .endsWith("No route data was found for this request.");
            assertThat(http.get(url).statusCode()).isEqualTo(404);
            HttpResponse<String> batch = BatchBodies.send(http, sandbox.erpUrl(), List.of(BatchBodies.part("1", "PATCH",
                    url.substring(sandbox.erpUrl().length()), "{\"OrganizationName\":\"in a batch\"}")), false);
            assertThat(BatchBodies.statuses(batch.body())).as(account + " " + batch.body()).containsExactly(204);
            JsonNode found = http.getJson(sandbox.erpUrl() + "CustomersV3?$filter="
                    + SandboxHttp.enc("CustomerAccount eq '" + account + "'"));
            assertThat(found.at("/value/0/OrganizationName").asText()).isEqualTo("in a batch");
        }
    }

    @Test
    void fnoTakesAmpersandsHashesQuestionMarksAndColonsInARequestUrl() throws Exception {
        for (String account : List.of("A&B 17#?", "C:D*E", "O'Brien <1>")) {
            HttpResponse<String> created = http.send("POST", sandbox.erpUrl() + "CustomersV3",
                    Json.MAPPER.writeValueAsString(Map.of("dataAreaId", "usmf", "CustomerAccount", account)), Map.of());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            HttpResponse<String> patch = http.send("PATCH", customer(account), "{\"OrganizationName\":\"fine\"}", Map.of());
            assertThat(patch.statusCode()).as(account + " " + patch.body()).isEqualTo(204);
            assertThat(http.getJson(customer(account)).get("OrganizationName").asText()).isEqualTo("fine");
        }
    }

    private static String customer(String account) {
        return sandbox.erpUrl() + "CustomersV3(dataAreaId='usmf',CustomerAccount="
                + SandboxHttp.enc("'" + account.replace("'", "''") + "'") + ")";
    }

    private static void querySyntax(HttpResponse<String> r, String what) throws Exception {
        assertThat(r.statusCode()).as(what + " " + r.body()).isEqualTo(400);
        JsonNode error = SandboxHttp.JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isEqualTo("0x8006088a");
        assertThat(error.get("message").asText()).isEqualTo("Bad Request - Error in query syntax.");
    }
}
