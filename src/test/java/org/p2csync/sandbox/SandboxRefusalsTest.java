package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes and queries the real services refuse, refused the same way (status 400 and each service's error shape),
 * and the few things each service does on its own: Dataverse ownership, F&amp;O's defaults, party numbers and
 * contact persons' customers, enum literals.
 */
class SandboxRefusalsTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(30));
        http = new SandboxHttp(sandbox);
        http.createKey("quote", "quotenumber");
        http.createKey("quotedetail", "quoteid", "sequencenumber");
        http.awaitKeys();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void dataverseRefusesUnknownPropertiesReadOnlyColumnsAndLookupValues() throws Exception {
        String url = account("REF-1");
        refusedByDataverse(url, "{\"nickname\":\"x\"}", "Invalid property 'nickname'", "Microsoft.Dynamics.CRM.account");
        refusedByDataverse(url, "{\"modifiedon\":\"2024-01-01T00:00:00Z\"}", "modifiedon", "read-only");
        refusedByDataverse(url, "{\"versionnumber\":5}", "versionnumber", "read-only");
        refusedByDataverse(url, "{\"_owningbusinessunit_value\":\"" + SandboxIds.BU_DEMF + "\"}",
                "_owningbusinessunit_value", "Navigation properties");
        refusedByDataverse(url, "{\"_transactioncurrencyid_value\":\"" + SandboxIds.CURRENCY_EUR + "\"}",
                "_transactioncurrencyid_value", "Navigation properties");
        refusedByDataverse(url, "{\"name\":5}", "name", "Edm.String");
        refusedByDataverse(url, "{\"name\":\"" + "n".repeat(161) + "\"}", "'name'", "160");
        assertThat(http.get(url).statusCode()).as("nothing was created").isEqualTo(404);
    }

    @Test
    void dataverseRefusesBindsThatAreNoWritableNavigationToTheirTarget() throws Exception {
        String url = account("REF-2");
        refusedByDataverse(url, "{\"owningbusinessunit@odata.bind\":\"/businessunits(" + SandboxIds.BU_DEMF + ")\"}",
                "owningbusinessunit", "read-only");
        refusedByDataverse(url, "{\"nosuchlookup@odata.bind\":\"/accounts(" + SandboxIds.BU_DEMF + ")\"}",
                "undeclared property 'nosuchlookup'", "navigation");
        refusedByDataverse(url, "{\"transactioncurrencyid@odata.bind\":\"/pricelevels(" + SandboxIds.PRICE_LIST_EUR + ")\"}",
                "points at pricelevels", "transactioncurrencies");
        refusedByDataverse(url, "{\"ownerid@odata.bind\":\"/businessunits(" + SandboxIds.BU_DEMF + ")\"}",
                "points at businessunits", "teams");
        refusedByDataverse(url, "{\"preferredsystemuserid@odata.bind\":\"/teams(" + SandboxIds.TEAM_DEMF + ")\"}",
                "preferredsystemuserid", "does not serve");
        HttpResponse<String> noKey = http.send("PATCH", url,
                "{\"transactioncurrencyid@odata.bind\":\"/transactioncurrencies(isocurrencycode='USD')\"}", Map.of());
        assertThat(noKey.statusCode()).as("the org has no key on isocurrencycode").isEqualTo(400);
        assertThat(noKey.body()).contains("The key in the request URI is not valid");
        String nobody = "00000000-0000-4000-8000-00000000dead";
        HttpResponse<String> missing = http.send("PATCH", url,
                "{\"transactioncurrencyid@odata.bind\":\"/transactioncurrencies(" + nobody + ")\"}", Map.of());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains(nobody);
    }

    @Test
    void dataverseRefusesChoiceValuesOutsideTheColumnsOptions() throws Exception {
        refusedByDataverse(account("REF-3"), "{\"customertypecode\":99}", "customertypecode", "outside the valid range");
        refusedByDataverse(sandbox.crmUrl() + "salesorders(ordernumber='REF-O-1')", "{\"p2c_origin\":1}",
                "p2c_origin", "916800000");
        refusedByDataverse(account("REF-3"), "{\"statecode\":7}", "statecode", "outside");
        HttpResponse<String> ok = http.send("PATCH", sandbox.crmUrl() + "salesorders(ordernumber='REF-O-1')",
                "{\"p2c_origin\":916800000,\"p2c_processingstatus\":916800001}", Map.of());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(204);
    }

    @Test
    void ordersAndInvoicesChangeStateOnlyThroughTheirMessagesAndActiveQuotesAreReadOnly() throws Exception {
        String order = sandbox.crmUrl() + "salesorders(ordernumber='REF-O-2')";
        HttpResponse<String> created = http.send("PATCH", order, "{\"name\":\"New order\"}", Map.of("Prefer", "return=representation"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(SandboxHttp.JSON.readTree(created.body()).get("statecode").asInt()).as("created active").isZero();
        assertThat(SandboxHttp.JSON.readTree(created.body()).get("statuscode").asInt()).as("New").isEqualTo(1);
        refusedByDataverse(order, "{\"statecode\":3,\"statuscode\":100001}", "statecode", "FulfillSalesOrder");
        refusedByDataverse(sandbox.crmUrl() + "invoices(invoicenumber='REF-I-1')", "{\"statecode\":2}", "statecode",
                "state messages");

        String quote = sandbox.crmUrl() + "quotes(quotenumber='REF-Q-1')";
        assertThat(http.send("PATCH", quote, "{\"name\":\"Draft\"}", Map.of()).statusCode()).isEqualTo(204);
        String quoteId = http.getJson(quote).get("quoteid").asText();
        String line = sandbox.crmUrl() + "quotedetails(_quoteid_value=" + quoteId + ",sequencenumber=1)";
        assertThat(http.send("PATCH", line, "{\"quantity\":1}", Map.of()).statusCode()).isEqualTo(204);
        assertThat(http.send("PATCH", quote, "{\"statecode\":1,\"statuscode\":2}", Map.of()).statusCode())
                .as("a draft is activated by an update").isEqualTo(204);
        refused(http.send("PATCH", quote, "{\"name\":\"Changed\"}", Map.of()), "read-only", "statecode = 1");
        refused(http.send("PATCH", line, "{\"quantity\":2}", Map.of()), "read-only", "lines");
        refused(http.send("PATCH", sandbox.crmUrl() + "quotedetails(_quoteid_value=" + quoteId + ",sequencenumber=2)",
                "{\"quantity\":2}", Map.of()), "read-only");
        refused(http.send("DELETE", line, null, Map.of()), "read-only");
    }

    @Test
    void owningATeamPutsTheRecordInTheTeamsBusinessUnit() throws Exception {
        String url = account("REF-OWN");
        HttpResponse<String> created = http.send("PATCH", url, "{\"name\":\"Owned\",\"ownerid@odata.bind\":\"/teams("
                + SandboxIds.TEAM_DEMF + ")\"}", Map.of("Prefer", "return=representation"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode row = SandboxHttp.JSON.readTree(created.body());
        assertThat(row.get("_ownerid_value").asText()).isEqualTo(SandboxIds.TEAM_DEMF);
        assertThat(row.get("_owningteam_value").asText()).isEqualTo(SandboxIds.TEAM_DEMF);
        assertThat(row.get("_owningbusinessunit_value").asText()).isEqualTo(SandboxIds.BU_DEMF);

        assertThat(http.send("PATCH", url, "{\"ownerid@odata.bind\":\"/teams(" + SandboxIds.TEAM_USMF + ")\"}", Map.of())
                .statusCode()).isEqualTo(204);
        JsonNode moved = http.getJson(url + "?$select=_ownerid_value,_owningbusinessunit_value");
        assertThat(moved.get("_ownerid_value").asText()).isEqualTo(SandboxIds.TEAM_USMF);
        assertThat(moved.get("_owningbusinessunit_value").asText()).isEqualTo(SandboxIds.BU_USMF);
    }

    @Test
    void fnoRefusesEnumValuesThatAreNoMemberName() throws Exception {
        refusedByFno(customerBody("ENUM-1", "\"IsExternallyMaintained\":\"Maybe\""), "IsExternallyMaintained", "Yes");
        refusedByFno(customerBody("ENUM-1", "\"IsExternallyMaintained\":1"), "IsExternallyMaintained",
                "Microsoft.Dynamics.DataEntities.NoYes");
        refusedByFno(customerBody("ENUM-1", "\"OnHoldStatus\":\"all\""), "OnHoldStatus", "All");
        refusedByFno(customerBody("ENUM-1", "\"OrganizationName\":\"" + "o".repeat(101) + "\""), "OrganizationName", "100");
        refusedByFno(customerBody("ENUM-1", "\"PrimaryContactPhone\":5"), "PrimaryContactPhone", "Edm.String");
        refusedByFno(customerBody("ENUM-1", "\"CreditLimit\":null"), "CreditLimit", "does not allow null values");
        refusedByFno(customerBody("ENUM-1", "\"OnHoldStatus@odata.bind\":\"/CustomersV3(x)\""), "OnHoldStatus@odata.bind",
                "does not exist");
        HttpResponse<String> ok = post("CustomersV3", customerBody("ENUM-1",
                "\"IsExternallyMaintained\":\"Yes\",\"OnHoldStatus\":\"All\""));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(SandboxHttp.JSON.readTree(ok.body()).get("OnHoldStatus").asText()).isEqualTo("All");
    }

    @Test
    void fnoCreateFillsLeftOutFieldsWithItsDefaults() throws Exception {
        HttpResponse<String> r = post("CustomersV3", customerBody("DEF-1", "\"OrganizationName\":\"Defaults\""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode row = http.getJson(customer("usmf", "DEF-1"));
        assertThat(row.get("CreditLimit").decimalValue()).isEqualByComparingTo("0");
        assertThat(row.get("OrganizationNumberOfEmployees").asInt()).isZero();
        assertThat(row.get("DeliveryAddressValidFrom").asText()).isEqualTo("1900-01-01T00:00:00.000Z");
        assertThat(row.get("OnHoldStatus").asText()).as("the member of value 0").isEqualTo("No");
        assertThat(row.get("IsExternallyMaintained").asText()).isEqualTo("No");
        assertThat(row.get("PrimaryContactFaxRecordId").asLong()).isZero();
        assertThat(row.get("SalesMemo").isNull()).as("a nullable string stays null").isTrue();
    }

    @Test
    void fnoAssignsPartyNumbersOnCreateAndNeverLetsThemChange() throws Exception {
        JsonNode first = SandboxHttp.JSON.readTree(post("CustomersV3", customerBody("PARTY-1", "\"OrganizationName\":\"P1\"")).body());
        JsonNode second = SandboxHttp.JSON.readTree(post("CustomersV3", customerBody("PARTY-2", "\"OrganizationName\":\"P2\"")).body());
        String number = first.get("PartyNumber").asText();
        assertThat(number).matches("\\d{9}");
        assertThat(Long.parseLong(second.get("PartyNumber").asText())).isEqualTo(Long.parseLong(number) + 1);
        String url = customer("usmf", "PARTY-1");
        refused(http.send("PATCH", url, "{\"PartyNumber\":\"000999999\"}", Map.of()), "PartyNumber", number);
        assertThat(http.send("PATCH", url, "{\"PartyNumber\":\"" + number + "\",\"OrganizationName\":\"same\"}", Map.of())
                .statusCode()).isEqualTo(204);
        assertThat(http.getJson(url).get("PartyNumber").asText()).isEqualTo(number);
        JsonNode given = SandboxHttp.JSON.readTree(post("CustomersV3", customerBody("PARTY-3", "\"PartyNumber\":\"000777777\"")).body());
        assertThat(given.get("PartyNumber").asText()).as("a number given on create is kept").isEqualTo("000777777");
        JsonNode after = SandboxHttp.JSON.readTree(post("CustomersV3", customerBody("PARTY-4", "\"OrganizationName\":\"P4\"")).body());
        assertThat(after.get("PartyNumber").asText()).isEqualTo("000777778");
    }

    @Test
    void contactPersonsNeedACustomerOfTheirCompany() throws Exception {
        String usmf = SandboxHttp.JSON.readTree(post("CustomersV3", customerBody("CP-OWNER", "\"OrganizationName\":\"Owner\""))
                .body()).get("PartyNumber").asText();
        String demf = SandboxHttp.JSON.readTree(post("CustomersV3", "{\"dataAreaId\":\"demf\",\"CustomerAccount\":\"CP-DE\"}")
                .body()).get("PartyNumber").asText();
        refusedInFno("ContactPersons", contactBody("CP-1", null), "AssociatedPartyNumber", "CustomersV3");
        refusedInFno("ContactPersons", contactBody("CP-1", "000000001"), "AssociatedPartyNumber", "000000001");
        refusedInFno("ContactPersons", contactBody("CP-1", demf), "AssociatedPartyNumber", "usmf");
        HttpResponse<String> ok = post("ContactPersons", contactBody("CP-1", usmf));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        String url = sandbox.erpUrl() + "ContactPersons(dataAreaId='usmf',ContactPersonId='CP-1')";
        refused(http.send("PATCH", url, "{\"AssociatedPartyNumber\":\"" + demf + "\"}", Map.of()), "AssociatedPartyNumber", demf);
        assertThat(http.send("PATCH", url, "{\"LastName\":\"Renamed\"}", Map.of()).statusCode()).isEqualTo(204);
        JsonNode row = http.getJson(url);
        assertThat(row.get("LastName").asText()).isEqualTo("Renamed");
        assertThat(row.get("LastEditDateTime").asText()).as("F&O stamps its edit time").doesNotStartWith("1900");
    }

    @Test
    void enumFiltersTakeTheQualifiedLiteralAndRefusePlainStrings() throws Exception {
        String erp = sandbox.erpUrl() + "CDSSalesOrderHeaders?cross-company=true&$select=SalesOrderNumber,SalesOrderStatus&$filter=";
        JsonNode invoiced = http.getJson(erp + SandboxHttp.enc("SalesOrderStatus eq Microsoft.Dynamics.DataEntities.SalesStatus'Invoiced'"));
        assertThat(invoiced.get("value")).isNotEmpty();
        invoiced.get("value").forEach(o -> assertThat(o.get("SalesOrderStatus").asText()).isEqualTo("Invoiced"));
        JsonNode notInvoiced = http.getJson(erp + SandboxHttp.enc("SalesOrderStatus lt Microsoft.Dynamics.DataEntities.SalesStatus'Invoiced'"));
        notInvoiced.get("value").forEach(o -> assertThat(o.get("SalesOrderStatus").asText()).isEqualTo("Backorder"));
        HttpResponse<String> plain = http.get(erp + SandboxHttp.enc("SalesOrderStatus eq 'Invoiced'"));
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("SalesOrderStatus").contains("Microsoft.Dynamics.DataEntities.SalesStatus'");
        assertThat(http.get(erp + SandboxHttp.enc("SalesOrderStatus eq SalesStatus'Invoiced'")).statusCode()).isEqualTo(400);
    }

    private static void refusedByDataverse(String url, String body, String... mentions) throws Exception {
        HttpResponse<String> r = http.send("PATCH", url, body, Map.of());
        refused(r, mentions);
        assertThat(SandboxHttp.JSON.readTree(r.body()).at("/error/code").asText()).isEqualTo("0x80060888");
    }

    private static void refusedByFno(String body, String... mentions) throws Exception {
        refusedInFno("CustomersV3", body, mentions);
    }

    private static void refusedInFno(String set, String body, String... mentions) throws Exception {
        HttpResponse<String> r = post(set, body);
        refused(r, mentions);
        assertThat(SandboxHttp.JSON.readTree(r.body()).at("/error/code").asText()).isEmpty();
    }

    private static void refused(HttpResponse<String> r, String... mentions) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        for (String m : mentions) {
            assertThat(r.body()).contains(m);
        }
    }

    private static HttpResponse<String> post(String set, String body) throws Exception {
        return http.send("POST", sandbox.erpUrl() + set, body, Map.of());
    }

    private static String customerBody(String account, String fields) {
        return "{\"dataAreaId\":\"usmf\",\"CustomerAccount\":\"" + account + "\"," + fields + "}";
    }

    private static String contactBody(String id, String partyNumber) {
        return "{\"dataAreaId\":\"usmf\",\"ContactPersonId\":\"" + id + "\",\"LastName\":\"Contact\""
                + (partyNumber == null ? "" : ",\"AssociatedPartyNumber\":\"" + partyNumber + "\"") + "}";
    }

    private static String customer(String company, String account) {
        return sandbox.erpUrl() + "CustomersV3(dataAreaId='" + company + "',CustomerAccount='" + account + "')";
    }

    private static String account(String number) {
        return sandbox.crmUrl() + "accounts(accountnumber='" + number + "')";
    }
}
