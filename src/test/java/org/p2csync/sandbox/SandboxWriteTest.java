package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxWriteTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(50));
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void fnoPatchOnlyUpdatesAndPostCreates() throws Exception {
        String url = customer("usmf", "O'Brien & Co 7#?");
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("If-Match", "*"))) {
            HttpResponse<String> missing = http.send("PATCH", url, "{\"OrganizationName\":\"A\"}", headers);
            assertThat(missing.statusCode()).as("F&O's PATCH never creates").isEqualTo(404);
            assertThat(missing.body()).contains("POST creates");
        }
        assertThat(http.send("GET", url, null, Map.of()).statusCode()).isEqualTo(404);

        HttpResponse<String> created = http.send("POST", sandbox.erpUrl() + "CustomersV3", "{\"dataAreaId\":\"usmf\","
                + "\"CustomerAccount\":\"O'Brien & Co 7#?\",\"OrganizationName\":\"O'Brien \\\"Quality\\\" Ltd\"}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("OData-EntityId")).hasValue(url);
        assertThat(SandboxHttp.JSON.readTree(created.body()).get("OrganizationName").asText())
                .as("F&O answers a create with the entity").isEqualTo("O'Brien \"Quality\" Ltd");

        JsonNode row = http.getJson(url);
        assertThat(row.get("CustomerAccount").asText()).isEqualTo("O'Brien & Co 7#?");
        assertThat(row.has("ModifiedDateTime")).as("CustomersV3 has no modification timestamp").isFalse();

        HttpResponse<String> again = http.send("POST", sandbox.erpUrl() + "CustomersV3",
                "{\"dataAreaId\":\"usmf\",\"CustomerAccount\":\"O'Brien & Co 7#?\"}", Map.of());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("already exists");

        HttpResponse<String> createOnly = http.send("PATCH", url, "{\"OrganizationName\":\"B\"}", Map.of("If-None-Match", "*"));
        assertThat(createOnly.statusCode()).isEqualTo(412);

        HttpResponse<String> updated = http.send("PATCH", url, "{\"SalesMemo\":\"memo\",\"CreditLimit\":1234.5}",
                Map.of("If-Match", "*", "Prefer", "return=representation"));
        assertThat(updated.statusCode()).isEqualTo(200);
        JsonNode after = SandboxHttp.JSON.readTree(updated.body());
        assertThat(after.get("OrganizationName").asText()).isEqualTo("O'Brien \"Quality\" Ltd");
        assertThat(after.get("SalesMemo").asText()).isEqualTo("memo");
        assertThat(after.get("CreditLimit").decimalValue()).isEqualByComparingTo("1234.5");

        assertThat(http.send("DELETE", url, null, Map.of()).statusCode()).isEqualTo(204);
        assertThat(http.get(url).statusCode()).isEqualTo(404);
        assertThat(http.send("DELETE", url, null, Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void compositeKeyNeedsAllParts() throws Exception {
        HttpResponse<String> r = http.send("PATCH", sandbox.erpUrl() + "CustomersV3(" + SandboxHttp.enc("CustomerAccount='X-1'") + ")",
                "{}", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("dataAreaId");
    }

    @Test
    void lengthTypeAndUnknownPropertyErrorsNameTheProperty() throws Exception {
        String url = customer("usmf", "LEN-1");
        HttpResponse<String> tooLong = createCustomer("LEN-1", "\"OrganizationName\":\"" + "x".repeat(101) + "\"");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        JsonNode error = SandboxHttp.JSON.readTree(tooLong.body()).get("error");
        assertThat(error.get("code").asText()).as("F&O sends no code").isEmpty();
        assertThat(error.get("message").asText()).isEqualTo("An error has occurred.");
        assertThat(error.at("/innererror/message").asText()).contains("OrganizationName").contains("100");
        HttpResponse<String> zip = createCustomer("LEN-1", "\"DeliveryAddressZipCode\":\"12345678901\"");
        assertThat(zip.statusCode()).isEqualTo(400);
        assertThat(zip.body()).contains("DeliveryAddressZipCode").contains("10");
        HttpResponse<String> wrongType = createCustomer("LEN-1", "\"OrganizationNumberOfEmployees\":\"many\"");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("OrganizationNumberOfEmployees").contains("Edm.Int32");
        HttpResponse<String> unknown = createCustomer("LEN-1", "\"Nickname\":\"x\"");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Nickname").contains("Microsoft.Dynamics.DataEntities.CustomerV3");
        HttpResponse<String> notJson = http.send("POST", sandbox.erpUrl() + "CustomersV3", "{\"OrganizationName\":", Map.of());
        assertThat(notJson.statusCode()).isEqualTo(400);
        HttpResponse<String> noKey = http.send("POST", sandbox.erpUrl() + "CustomersV3",
                "{\"dataAreaId\":\"usmf\",\"OrganizationName\":\"x\"}", Map.of());
        assertThat(noKey.statusCode()).as("keys stay required").isEqualTo(400);
        assertThat(noKey.body()).contains("CustomerAccount");
        assertThat(http.get(url).statusCode()).as("nothing was created by the failed writes").isEqualTo(404);
        // exactly at the limit is fine
        assertThat(createCustomer("LEN-1", "\"OrganizationName\":\"" + "ü".repeat(100) + "\"").statusCode())
                .isEqualTo(201);
    }

    @Test
    void crmCreatesByAlternateKeyAndPostWithWholeSecondTimestampsAndGrowingVersions() throws Exception {
        String url = sandbox.crmUrl() + "accounts(" + SandboxHttp.enc("accountnumber='NEW 1-2 O''Neil'") + ")";
        HttpResponse<String> created = http.send("PATCH", url,
                "{\"name\":\"Новый клиент\",\"customertypecode\":3,"
                        + "\"transactioncurrencyid@odata.bind\":\"/transactioncurrencies(" + SandboxIds.CURRENCY_EUR + ")\"}",
                Map.of("Prefer", "return=representation"));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode row = SandboxHttp.JSON.readTree(created.body());
        assertThat(row.get("accountid").asText()).hasSize(36);
        assertThat(row.get("_transactioncurrencyid_value").asText()).isEqualTo(SandboxIds.CURRENCY_EUR);
        assertThat(row.get("modifiedon").asText()).as("Dataverse serves whole seconds")
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ").doesNotStartWith("2000");

        HttpResponse<String> post = http.send("POST", sandbox.crmUrl() + "accounts",
                "{\"accountnumber\":\"POST-1\",\"name\":\"Posted\"}", Map.of());
        assertThat(post.statusCode()).isEqualTo(204);
        String postedId = post.headers().firstValue("OData-EntityId").orElseThrow();
        JsonNode posted = http.getJson(postedId);
        assertThat(OffsetDateTime.parse(posted.get("modifiedon").asText()))
                .isAfterOrEqualTo(OffsetDateTime.parse(row.get("modifiedon").asText()));
        assertThat(posted.get("versionnumber").asLong()).isGreaterThan(row.get("versionnumber").asLong());
        HttpResponse<String> duplicate = http.send("POST", sandbox.crmUrl() + "accounts",
                "{\"accountnumber\":\"POST-1\",\"name\":\"Again\"}", Map.of());
        assertThat(duplicate.statusCode()).isEqualTo(412);

        HttpResponse<String> tooLongName = http.send("PATCH", url, "{\"name\":\"" + "n".repeat(161) + "\"}", Map.of());
        assertThat(tooLongName.statusCode()).isEqualTo(400);
        assertThat(tooLongName.body()).contains("'name'").contains("160");
        HttpResponse<String> badGuid = http.send("PATCH", url,
                "{\"transactioncurrencyid@odata.bind\":\"/transactioncurrencies(not-a-guid)\"}", Map.of());
        assertThat(badGuid.statusCode()).isEqualTo(400);
        assertThat(badGuid.body()).contains("transactioncurrencyid").contains("not-a-guid");
        HttpResponse<String> stamp = http.send("PATCH", url, "{\"modifiedon\":\"2000-01-01T00:00:00Z\"}", Map.of());
        assertThat(stamp.statusCode()).as("modifiedon is the service's").isEqualTo(400);
        assertThat(SandboxHttp.JSON.readTree(stamp.body()).at("/error/code").asText()).isEqualTo("0x80060888");
    }

    @Test
    void crmUpdateOnlyPatchByAlternateKeyAnswers404ForAMissingRecordAndCreatesNothing() throws Exception {
        String url = sandbox.crmUrl() + "accounts(" + SandboxHttp.enc("accountnumber='UPD O''Neil'") + ")";
        HttpResponse<String> missing = http.send("PATCH", url, "{\"name\":\"Ghost\"}", Map.of("If-Match", "*"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("accounts").contains("allows only an update");
        assertThat(http.get(url).statusCode()).isEqualTo(404);

        assertThat(http.send("PATCH", url, "{\"name\":\"Real\"}", Map.of()).statusCode()).isEqualTo(204);
        assertThat(http.send("PATCH", url, "{\"name\":\"Renamed\"}", Map.of("If-Match", "*")).statusCode())
                .isEqualTo(204);
        assertThat(http.getJson(url).get("name").asText()).isEqualTo("Renamed");
    }

    private static HttpResponse<String> createCustomer(String account, String fields) throws Exception {
        return http.send("POST", sandbox.erpUrl() + "CustomersV3", "{\"dataAreaId\":\"usmf\",\"CustomerAccount\":\""
                + account + "\"," + fields + "}", Map.of());
    }

    private static String customer(String company, String account) {
        return sandbox.erpUrl() + "CustomersV3("
                + "dataAreaId=" + SandboxHttp.enc("'" + company + "'") + ",CustomerAccount="
                + SandboxHttp.enc("'" + account.replace("'", "''") + "'") + ")";
    }
}
