package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
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
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSeedAccounts(50));
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void patchUpsertsByCompositeKeyAndHonoursIfMatchAndIfNoneMatch() throws Exception {
        String url = customer("usmf", "O'Brien & Co/7#?");
        HttpResponse<String> updateOnly = http.send("PATCH", url, "{\"OrganizationName\":\"A\"}", Map.of("If-Match", "*"));
        assertThat(updateOnly.statusCode()).isEqualTo(404);
        assertThat(updateOnly.body()).contains("allows only an update");
        assertThat(http.send("GET", url, null, Map.of()).statusCode()).isEqualTo(404);

        HttpResponse<String> created = http.send("PATCH", url, "{\"OrganizationName\":\"O'Brien \\\"Quality\\\" Ltd\"}", Map.of());
        assertThat(created.statusCode()).isEqualTo(204);
        assertThat(created.headers().firstValue("OData-EntityId")).hasValue(url);

        JsonNode row = http.getJson(url);
        assertThat(row.get("OrganizationName").asText()).isEqualTo("O'Brien \"Quality\" Ltd");
        assertThat(row.get("CustomerAccount").asText()).isEqualTo("O'Brien & Co/7#?");
        OffsetDateTime firstWrite = OffsetDateTime.parse(row.get("ModifiedDateTime").asText());

        HttpResponse<String> createOnly = http.send("PATCH", url, "{\"OrganizationName\":\"B\"}", Map.of("If-None-Match", "*"));
        assertThat(createOnly.statusCode()).isEqualTo(412);
        assertThat(createOnly.body()).contains("already exists");

        HttpResponse<String> updated = http.send("PATCH", url, "{\"SalesMemo\":\"memo\",\"CreditLimit\":1234.5}",
                Map.of("If-Match", "*", "Prefer", "return=representation"));
        assertThat(updated.statusCode()).isEqualTo(200);
        JsonNode after = SandboxHttp.JSON.readTree(updated.body());
        assertThat(after.get("OrganizationName").asText()).isEqualTo("O'Brien \"Quality\" Ltd");
        assertThat(after.get("SalesMemo").asText()).isEqualTo("memo");
        assertThat(after.get("CreditLimit").decimalValue()).isEqualByComparingTo("1234.5");
        assertThat(OffsetDateTime.parse(after.get("ModifiedDateTime").asText())).isAfter(firstWrite);

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
        HttpResponse<String> tooLong = http.send("PATCH", url, "{\"OrganizationName\":\"" + "x".repeat(101) + "\"}", Map.of());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("OrganizationName").contains("100");
        HttpResponse<String> zip = http.send("PATCH", url, "{\"DeliveryAddressZipCode\":\"12345678901\"}", Map.of());
        assertThat(zip.statusCode()).isEqualTo(400);
        assertThat(zip.body()).contains("DeliveryAddressZipCode").contains("10");
        HttpResponse<String> wrongType = http.send("PATCH", url, "{\"OrganizationNumberOfEmployees\":\"many\"}", Map.of());
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("OrganizationNumberOfEmployees").contains("Edm.Int32");
        HttpResponse<String> unknown = http.send("PATCH", url, "{\"Nickname\":\"x\"}", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Nickname");
        HttpResponse<String> notJson = http.send("PATCH", url, "{\"OrganizationName\":", Map.of());
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(http.get(url).statusCode()).as("nothing was created by the failed writes").isEqualTo(404);
        // exactly at the limit is fine
        assertThat(http.send("PATCH", url, "{\"OrganizationName\":\"" + "ü".repeat(100) + "\"}", Map.of()).statusCode())
                .isEqualTo(204);
    }

    @Test
    void crmCreatesByAlternateKeyAndPostWithServerTimestampsThatStrictlyIncrease() throws Exception {
        String url = sandbox.crmUrl() + "accounts(" + SandboxHttp.enc("accountnumber='NEW 1&2'") + ")";
        HttpResponse<String> created = http.send("PATCH", url,
                "{\"name\":\"Новый клиент\",\"customertypecode\":3,\"modifiedon\":\"2000-01-01T00:00:00Z\","
                        + "\"transactioncurrencyid@odata.bind\":\"/transactioncurrencies(" + SandboxIds.CURRENCY_EUR + ")\"}",
                Map.of("Prefer", "return=representation"));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode row = SandboxHttp.JSON.readTree(created.body());
        assertThat(row.get("accountid").asText()).hasSize(36);
        assertThat(row.get("_transactioncurrencyid_value").asText()).isEqualTo(SandboxIds.CURRENCY_EUR);
        assertThat(row.get("modifiedon").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
                .doesNotStartWith("2000");

        HttpResponse<String> post = http.send("POST", sandbox.crmUrl() + "accounts",
                "{\"accountnumber\":\"POST-1\",\"name\":\"Posted\"}", Map.of());
        assertThat(post.statusCode()).isEqualTo(204);
        String postedId = post.headers().firstValue("OData-EntityId").orElseThrow();
        JsonNode posted = http.getJson(postedId);
        assertThat(OffsetDateTime.parse(posted.get("modifiedon").asText()))
                .isAfter(OffsetDateTime.parse(row.get("modifiedon").asText()));
        HttpResponse<String> duplicate = http.send("POST", sandbox.crmUrl() + "accounts",
                "{\"accountnumber\":\"POST-1\",\"name\":\"Again\"}", Map.of());
        assertThat(duplicate.statusCode()).isEqualTo(412);

        HttpResponse<String> tooLongName = http.send("PATCH", url, "{\"name\":\"" + "n".repeat(161) + "\"}", Map.of());
        assertThat(tooLongName.statusCode()).isEqualTo(400);
        assertThat(tooLongName.body()).contains("'name'").contains("160");
        HttpResponse<String> badGuid = http.send("PATCH", url, "{\"_transactioncurrencyid_value\":\"not-a-guid\"}", Map.of());
        assertThat(badGuid.statusCode()).isEqualTo(400);
        assertThat(badGuid.body()).contains("_transactioncurrencyid_value");
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

    private static String customer(String company, String account) {
        return sandbox.erpUrl() + "CustomersV3("
                + "dataAreaId=" + SandboxHttp.enc("'" + company + "'") + ",CustomerAccount="
                + SandboxHttp.enc("'" + account.replace("'", "''") + "'") + ")";
    }
}
