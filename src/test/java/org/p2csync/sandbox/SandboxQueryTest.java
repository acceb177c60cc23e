package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxQueryTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(500));
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void tokenFlowAndUnauthorizedRequests() throws Exception {
        HttpResponse<String> wrong = http.tokenRequest(SandboxIds.CLIENT_ID, "nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(SandboxHttp.JSON.readTree(wrong.body()).get("error").asText()).isEqualTo("invalid_client");

        HttpResponse<String> ok = http.tokenRequest(SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET);
        JsonNode token = SandboxHttp.JSON.readTree(ok.body());
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(3600);

        var client = java.net.http.HttpClient.newHttpClient();
        var noToken = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.crmUrl() + "accounts")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(SandboxHttp.JSON.readTree(noToken.body()).at("/error/code").asText()).isNotEmpty();
        var badToken = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sandbox.erpUrl() + "CustomersV3"))
                .header("Authorization", "Bearer forged").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badToken.statusCode()).isEqualTo(401);
    }

    @Test
    void pagesWithKeysetNextLinksAcrossTiesWithoutSkippingOrRepeating() throws Exception {
        String url = sandbox.crmUrl() + "accounts?$select=accountid,accountnumber,modifiedon&$orderby=modifiedon&$count=true";
        List<String> ids = new ArrayList<>();
        int pages = 0;
        String modifiedDuringPaging = null;
        while (url != null) {
            HttpResponse<String> r = http.send("GET", url, null, Map.of("Prefer", "odata.maxpagesize=70"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Preference-Applied")).hasValue("odata.maxpagesize=70");
            assertThat(r.headers().firstValue("OData-Version")).hasValue("4.0");
            JsonNode page = SandboxHttp.JSON.readTree(r.body());
            if (pages == 0) {
                assertThat(page.get("@odata.count").asInt()).isEqualTo(500);
            }
            page.get("value").forEach(row -> ids.add(row.get("accountid").asText()));
            url = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
            if (url != null) {
                assertThat(url).contains("$select=accountid,accountnumber,modifiedon").contains("$skiptoken=");
            }
            if (pages == 1) {
                // an already-served row moves to the end: offset paging would now skip one row
                modifiedDuringPaging = ids.get(0);
                HttpResponse<String> patch = http.send("PATCH", sandbox.crmUrl() + "accounts(" + modifiedDuringPaging + ")",
                        "{\"telephone1\":\"+1 555 0000\"}", Map.of());
                assertThat(patch.statusCode()).isEqualTo(204);
            }
            pages++;
        }
        assertThat(pages).isEqualTo(8); // 500 rows + 1 moved row in pages of 70
        assertThat(new HashSet<>(ids)).hasSize(500);
        assertThat(ids).hasSize(501).endsWith(modifiedDuringPaging);
    }

    @Test
    void descendingOrderOverSeveralFieldsPagesCompletely() throws Exception {
        pageCustomersOrderedBy("address1_country desc,name");
    }

    @Test
    void ascendingOrderOverNullableFieldsPagesCompletely() throws Exception {
        pageCustomersOrderedBy("creditlimit,address1_county desc");
    }

    private static void pageCustomersOrderedBy(String orderBy) throws Exception {
        String url = sandbox.crmUrl() + "accounts?$select=name&$orderby=" + orderBy + "&$filter=customertypecode eq 3";
        int expected = http.getJson(sandbox.crmUrl() + "accounts?$filter=customertypecode%20eq%203&$count=true&$top=0")
                .get("@odata.count").asInt();
        Set<String> ids = new HashSet<>();
        int rows = 0;
        while (url != null) {
            JsonNode page = SandboxHttp.JSON.readTree(
                    http.send("GET", url.replace(" ", "%20"), null, Map.of("Prefer", "odata.maxpagesize=33")).body());
            for (JsonNode row : page.get("value")) {
                ids.add(row.get("accountid").asText());
                rows++;
            }
            url = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        assertThat(expected).isBetween(300, 400);
        assertThat(rows).isEqualTo(expected);
        assertThat(ids).hasSize(expected);
    }

    @Test
    void topLimitsAcrossPages() throws Exception {
        String url = sandbox.crmUrl() + "accounts?$select=accountid&$top=25";
        int rows = 0;
        while (url != null) {
            JsonNode page = SandboxHttp.JSON.readTree(http.send("GET", url, null, Map.of("Prefer", "odata.maxpagesize=10")).body());
            rows += page.get("value").size();
            url = page.has("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        assertThat(rows).isEqualTo(25);
    }

    @Test
    void filtersWithNestedLogicQuotesDatetimesAndNull() throws Exception {
        JsonNode quoted = http.getJson(sandbox.crmUrl() + "accounts?$select=accountnumber&$filter="
                + SandboxHttp.enc("accountnumber eq 'O''NEIL-0017' or accountnumber eq 'nobody'"));
        assertThat(quoted.get("value")).hasSize(1);
        assertThat(quoted.at("/value/0/accountnumber").asText()).isEqualTo("O'NEIL-0017");

        int total = count("");
        int customers = count("customertypecode eq 3");
        int notCustomers = count("not (customertypecode eq 3)");
        assertThat(customers + notCustomers).isEqualTo(total);
        int prospectsOrCustomers = count("(customertypecode eq 3 or customertypecode eq 8) and statecode eq 0");
        assertThat(prospectsOrCustomers).isLessThanOrEqualTo(total).isGreaterThan(customers / 2);

        int noCountry = count("address1_country eq null");
        int withCountry = count("address1_country ne null");
        assertThat(noCountry).isPositive();
        assertThat(noCountry + withCountry).isEqualTo(total);
        // ne matches nulls, as OData's two-valued logic says
        assertThat(count("address1_country ne 'Germany'") + count("address1_country eq 'Germany'")).isEqualTo(total);

        assertThat(count("modifiedon ge 2024-01-01T00:05:00Z and modifiedon lt 2024-01-01T00:06:00.000Z")).isEqualTo(50);
        assertThat(count("creditlimit gt 1000.50 and numberofemployees le 100000")).isPositive();
        assertThat(count("_transactioncurrencyid_value eq " + SandboxIds.CURRENCY_EUR)).isPositive();
        assertThat(count("name eq 'Ümlaut that does not exist'")).isZero();
    }

    @Test
    void badQueriesAre400sNamingTheProblem() throws Exception {
        assertError(sandbox.crmUrl() + "accounts?$select=accountid,nosuchfield", 400, "nosuchfield");
        assertError(sandbox.crmUrl() + "accounts?$filter=" + SandboxHttp.enc("bogus eq 1"), 400, "bogus");
        assertError(sandbox.crmUrl() + "accounts?$orderby=alsobogus desc", 400, "alsobogus");
        assertError(sandbox.crmUrl() + "accounts?$filter=" + SandboxHttp.enc("name eq 5"), 400, "name");
        assertError(sandbox.crmUrl() + "accounts?$filter=" + SandboxHttp.enc("customertypecode eq '3'"), 400, "customertypecode");
        assertError(sandbox.crmUrl() + "accounts?$filter=" + SandboxHttp.enc("(name eq 'x'"), 400, "')'");
        assertError(sandbox.crmUrl() + "accounts?$filter=" + SandboxHttp.enc("name eq 'open"), 400, "unterminated");
        assertError(sandbox.crmUrl() + "accounts?$skip=10", 400, "$skip");
        assertError(sandbox.crmUrl() + "accounts?$skiptoken=garbage", 400, "$skiptoken");
        assertError(sandbox.crmUrl() + "nosuchset", 404, "nosuchset");
    }

    @Test
    void keysWithAwkwardCharactersThroughPercentEncoding() throws Exception {
        JsonNode odd = http.getJson(sandbox.crmUrl() + "accounts?$select=accountnumber&$filter="
                + SandboxHttp.enc("accountnumber eq 'A&B 67/3#?'"));
        assertThat(odd.get("value")).as("such a record is found by $filter").hasSize(1);
        String key = "accountnumber='" + "A&B 67/3#?" + "'";
        HttpResponse<String> byKey = http.get(sandbox.crmUrl() + "accounts(" + SandboxHttp.enc(key) + ")?$select=name");
        assertThat(byKey.statusCode()).as("Dataverse cannot address it by key in a URL").isEqualTo(400);
        JsonNode byId = http.getJson(sandbox.crmUrl() + "accounts(" + odd.at("/value/0/accountid").asText() + ")?$select=name");
        assertThat(byId.get("accountnumber")).isNull();
        assertThat(byId.get("@odata.context").asText()).endsWith("$metadata#accounts(name)/$entity");

        JsonNode apostrophe = http.getJson(sandbox.crmUrl() + "accounts(" + SandboxHttp.enc("accountnumber='O''NEIL-0017'") + ")");
        assertThat(apostrophe.get("accountnumber").asText()).isEqualTo("O'NEIL-0017");

        String guid = apostrophe.get("accountid").asText();
        assertThat(http.getJson(sandbox.crmUrl() + "accounts(" + guid + ")").get("accountnumber").asText())
                .isEqualTo("O'NEIL-0017");
        assertError(sandbox.crmUrl() + "accounts(" + SandboxHttp.enc("accountnumber='nobody'") + ")", 404, "nobody");
        assertError(sandbox.crmUrl() + "accounts(" + SandboxHttp.enc("name='x'") + ")", 400, "not valid");
    }

    @Test
    void seedDataFitsTheErpLimitsAndTheCountryList() throws Exception {
        Set<String> countries = Set.of("United States", "USA", "Germany", "Deutschland", "France", "United Kingdom",
                "Russia", "Россия", "Saudi Arabia", "المملكة العربية السعودية", "China", "中国", "Egypt", "Japan", "");
        JsonNode all = http.getJson(sandbox.crmUrl() + "accounts");
        assertThat(all.get("value")).hasSize(500);
        int odd = 0;
        for (JsonNode a : all.get("value")) {
            assertThat(a.get("name").asText().length()).isLessThanOrEqualTo(100);
            String number = a.get("accountnumber").asText();
            assertThat(number.length()).isLessThanOrEqualTo(20);
            if (!number.matches("ACC-\\d{5}-[A-Z]{6}")) {
                odd++;
            }
            for (String p : List.of("address1", "address2")) {
                if (!a.get(p + "_country").isNull()) {
                    assertThat(countries).contains(a.get(p + "_country").asText());
                }
                assertThat(a.get(p + "_postalcode").asText("").length()).isLessThanOrEqualTo(10);
                assertThat(a.get(p + "_stateorprovince").asText("").length()).isLessThanOrEqualTo(10);
                assertThat(a.get(p + "_county").asText("").length()).isLessThanOrEqualTo(10);
            }
        }
        assertThat(odd).isEqualTo(10);
        assertThat(all.get("value").findValuesAsText("name")).anyMatch(n -> n.matches(".*[\\u0400-\\u04FF].*"))
                .anyMatch(n -> n.matches(".*[\\u0600-\\u06FF].*")).anyMatch(n -> n.matches(".*[\\u4E00-\\u9FFF].*"));
    }

    @Test
    void erpReadsOnlyTheDefaultCompanyUnlessCrossCompanyAndAllowsSkip() throws Exception {
        for (String company : List.of("usmf", "demf", "usmf")) {
            for (int i = 0; i < 3; i++) {
                String account = "C-" + company + "-" + i + "-" + System.nanoTime() % 100000;
                assertThat(http.send("POST", sandbox.erpUrl() + "CustomersV3", "{\"dataAreaId\":\"" + company
                        + "\",\"CustomerAccount\":\"" + account + "\",\"OrganizationName\":\"X\"}", Map.of())
                        .statusCode()).isEqualTo(201);
            }
        }
        int usmf = http.getJson(sandbox.erpUrl() + "CustomersV3?$count=true&$top=0&$filter=" + SandboxHttp.enc("OrganizationName eq 'X'"))
                .get("@odata.count").asInt();
        int all = http.getJson(sandbox.erpUrl() + "CustomersV3?cross-company=true&$count=true&$filter=OrganizationName%20eq%20'X'")
                .get("@odata.count").asInt();
        assertThat(all - usmf).isEqualTo(3);
        JsonNode skipped = http.getJson(sandbox.erpUrl() + "CustomersV3?cross-company=true&$skip=7&$filter=OrganizationName%20eq%20'X'");
        assertThat(skipped.get("value")).hasSize(all - 7);
    }

    private static int count(String filter) throws Exception {
        String url = sandbox.crmUrl() + "accounts?$count=true&$top=0" + (filter.isEmpty() ? "" : "&$filter=" + SandboxHttp.enc(filter));
        return http.getJson(url).get("@odata.count").asInt();
    }

    private static void assertError(String url, int status, String mentions) throws Exception {
        HttpResponse<String> r = http.get(url.replace(" ", "%20"));
        assertThat(r.statusCode()).as(url).isEqualTo(status);
        JsonNode error = SandboxHttp.JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asText()).isNotEmpty();
        assertThat(error.get("message").asText()).contains(mentions);
    }
}
