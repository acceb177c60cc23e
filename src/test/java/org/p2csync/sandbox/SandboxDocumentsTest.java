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
 * Documents' lifecycle and pricing in the simulated Dataverse: the state messages (FulfillSalesOrder,
 * CancelSalesOrder, WinQuote, CloseQuote, ReviseQuote) as unbound actions, what they refuse, documents read-only
 * once out of their open state, and amounts computed from the lines unless pricing is locked.
 */
class SandboxDocumentsTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;
    static String account;
    static String product;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(20));
        http = new SandboxHttp(sandbox);
        account = http.getJson(sandbox.crmUrl() + "accounts?$top=1&$select=accountid").at("/value/0/accountid").asText();
        product = http.getJson(sandbox.crmUrl() + "products?$top=1&$select=productid").at("/value/0/productid").asText();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void ordersAreFulfilledAndCanceledThroughTheirMessagesAndAreReadOnlyAfter() throws Exception {
        String fulfilled = order("DOC-O-1");
        SandboxMetadataApiTest.refused(http.send("PATCH", fulfilled, "{\"statecode\":3,\"statuscode\":100001}", Map.of()),
                "0x80060888", "FulfillSalesOrder");
        SandboxMetadataApiTest.refused(action("FulfillSalesOrder", orderClose(fulfilled, 4)), "0x80060888",
                "not a status of the state 3");
        assertThat(action("FulfillSalesOrder", orderClose(fulfilled, 100001)).statusCode()).isEqualTo(204);
        JsonNode done = http.getJson(fulfilled + "?$select=statecode,statuscode");
        assertThat(done.get("statecode").asInt()).isEqualTo(3);
        assertThat(done.get("statuscode").asInt()).isEqualTo(100001);
        SandboxMetadataApiTest.refused(http.send("PATCH", fulfilled, "{\"name\":\"late\"}", Map.of()), "0x80060888",
                "read-only");
        SandboxMetadataApiTest.refused(http.send("POST", sandbox.crmUrl() + "salesorderdetails", line("salesorderid",
                fulfilled, 1, "2", "10"), Map.of()), "0x80060888", "lines");
        SandboxMetadataApiTest.refused(action("CancelSalesOrder", orderClose(fulfilled, 4)), "0x80060888", "state 3");

        String canceled = order("DOC-O-2");
        assertThat(action("CancelSalesOrder", orderClose(canceled, 4)).statusCode()).isEqualTo(204);
        assertThat(http.getJson(canceled + "?$select=statecode").get("statecode").asInt()).isEqualTo(2);

        String byKey = "/salesorders(ordernumber='DOC-O-3')";
        order("DOC-O-3");
        assertThat(action("FulfillSalesOrder", "{\"OrderClose\":{\"@odata.type\":\"Microsoft.Dynamics.CRM.orderclose\","
                + "\"salesorderid@odata.bind\":\"" + byKey + "\",\"subject\":\"Done\"},\"Status\":100002}").statusCode())
                .as("bound by the Active ordernumber key").isEqualTo(204);
        SandboxMetadataApiTest.refused(action("FulfillSalesOrder", "{\"Status\":100001}"), "0x80060888", "OrderClose");
        assertThat(http.send("GET", sandbox.crmUrl() + "FulfillSalesOrder", null, Map.of()).statusCode()).isEqualTo(405);
    }

    @Test
    void quotesAreActivatedByAnUpdateThenWonOrClosedThroughTheirMessages() throws Exception {
        String won = quote();
        SandboxMetadataApiTest.refused(action("WinQuote", quoteClose(won, 4)), "0x80060888", "state 0");
        activate(won);
        assertThat(action("WinQuote", quoteClose(won, 4)).statusCode()).isEqualTo(204);
        assertThat(http.getJson(won + "?$select=statecode,statuscode").get("statuscode").asInt()).isEqualTo(4);

        String lost = quote();
        activate(lost);
        SandboxMetadataApiTest.refused(action("CloseQuote", quoteClose(lost, 4)), "0x80060888", "not a status");
        assertThat(action("CloseQuote", quoteClose(lost, 5)).statusCode()).isEqualTo(204);
        JsonNode closed = http.getJson(lost + "?$select=statecode,statuscode");
        assertThat(closed.get("statecode").asInt()).isEqualTo(3);
        assertThat(closed.get("statuscode").asInt()).isEqualTo(5);
        SandboxMetadataApiTest.refused(http.send("PATCH", lost, "{\"name\":\"again\"}", Map.of()), "0x80060888", "read-only");
    }

    @Test
    void aRevisionIsANewDraftWithTheSameNumberAndTheNextRevisionAndTheOldQuoteClosesAsRevised() throws Exception {
        String quote = quote();
        String id = http.getJson(quote + "?$select=quoteid").get("quoteid").asText();
        assertThat(http.send("POST", sandbox.crmUrl() + "quotedetails", line("quoteid", quote, 1, "3", "20"), Map.of())
                .statusCode()).isEqualTo(204);
        assertThat(http.send("POST", sandbox.crmUrl() + "quotedetails", line("quoteid", quote, 2, "1", "5"), Map.of())
                .statusCode()).isEqualTo(204);
        String number = http.getJson(quote + "?$select=quotenumber").get("quotenumber").asText();
        SandboxMetadataApiTest.refused(action("ReviseQuote", "{\"QuoteId\":\"" + id + "\",\"ColumnSet\":{\"AllColumns\":true}}"),
                "0x80060888", "only an active or closed quote");
        activate(quote);

        HttpResponse<String> revised = action("ReviseQuote", "{\"QuoteId\":\"" + id + "\",\"ColumnSet\":{\"AllColumns\":true}}");
        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        JsonNode revision = SandboxHttp.JSON.readTree(revised.body());
        assertThat(revision.get("@odata.context").asText()).endsWith("$metadata#quotes/$entity");
        assertThat(revision.get("quoteid").asText()).isNotEqualTo(id);
        assertThat(revision.get("quotenumber").asText()).isEqualTo(number);
        assertThat(revision.get("revisionnumber").asInt()).isEqualTo(1);
        assertThat(revision.get("statecode").asInt()).as("a draft").isZero();
        assertThat(revision.get("totalamount").decimalValue()).isEqualByComparingTo("65");
        JsonNode old = http.getJson(quote + "?$select=statecode,statuscode");
        assertThat(old.get("statecode").asInt()).isEqualTo(3);
        assertThat(old.get("statuscode").asInt()).as("Revised").isEqualTo(7);
        JsonNode lines = http.getJson(sandbox.crmUrl() + "quotedetails?$select=sequencenumber,quantity&$filter="
                + SandboxHttp.enc("_quoteid_value eq " + revision.get("quoteid").asText()));
        assertThat(lines.get("value")).as("the lines are copied").hasSize(2);

        HttpResponse<String> again = action("ReviseQuote", "{\"QuoteId\":\"" + id + "\",\"ColumnSet\":{\"Columns\":"
                + "[\"quotenumber\",\"revisionnumber\"]}}");
        assertThat(again.statusCode()).as("a closed quote may be revised again").isEqualTo(200);
        JsonNode second = SandboxHttp.JSON.readTree(again.body());
        assertThat(second.has("name")).as("only the columns asked for").isFalse();
        assertThat(second.get("quotenumber").asText()).isEqualTo(number);

        // quotenumber is not unique across revisions: a key on it fails, as in Dataverse
        http.createKey("quote", "quotenumber");
        assertThat(http.awaitKeys()).containsEntry("test_quote_quotenumber", "Failed");
    }

    @Test
    void orderAmountsAreComputedFromTheLinesUnlessPricingIsLocked() throws Exception {
        String order = order("DOC-T-1");
        assertThat(http.send("PATCH", order, "{\"freightamount\":25,\"discountamount\":10,\"totalamount\":1}", Map.of())
                .statusCode()).isEqualTo(204);
        assertThat(http.send("POST", sandbox.crmUrl() + "salesorderdetails", line("salesorderid", order, 1, "4", "12.5")
                .replace("}", ",\"manualdiscountamount\":5,\"tax\":3.6,\"extendedamount\":999}"), Map.of()).statusCode())
                .isEqualTo(204);
        assertThat(http.send("POST", sandbox.crmUrl() + "salesorderdetails", line("salesorderid", order, 2, "2", "7.25"),
                Map.of()).statusCode()).isEqualTo(204);
        JsonNode first = firstLine("salesorderdetails", "_salesorderid_value", order);
        assertThat(first.get("baseamount").decimalValue()).isEqualByComparingTo("50");
        assertThat(first.get("extendedamount").decimalValue()).as("50 - 5 + 3.6, not the 999 written")
                .isEqualByComparingTo("48.6");
        JsonNode totals = http.getJson(order + "?$select=totallineitemamount,totallineitemdiscountamount,totaltax,"
                + "totaldiscountamount,totalamountlessfreight,totalamount");
        assertThat(totals.get("totallineitemamount").decimalValue()).as("45 + 14.5").isEqualByComparingTo("59.5");
        assertThat(totals.get("totaltax").decimalValue()).isEqualByComparingTo("3.6");
        assertThat(totals.get("totallineitemdiscountamount").decimalValue()).isEqualByComparingTo("5");
        assertThat(totals.get("totaldiscountamount").decimalValue()).isEqualByComparingTo("15");
        assertThat(totals.get("totalamountlessfreight").decimalValue()).isEqualByComparingTo("49.5");
        assertThat(totals.get("totalamount").decimalValue()).as("49.5 + 25 + 3.6, not the 1 written")
                .isEqualByComparingTo("78.1");

        assertThat(http.send("PATCH", order, "{\"ispricelocked\":true,\"totalamount\":1234.56,\"totaltax\":91.45}",
                Map.of()).statusCode()).isEqualTo(204);
        assertThat(http.send("PATCH", sandbox.crmUrl() + "salesorderdetails(" + first.get("salesorderdetailid").asText()
                + ")", "{\"quantity\":10,\"extendedamount\":777}", Map.of()).statusCode()).isEqualTo(204);
        JsonNode locked = http.getJson(order + "?$select=totalamount,totaltax");
        assertThat(locked.get("totalamount").decimalValue()).as("locked: as written").isEqualByComparingTo("1234.56");
        assertThat(locked.get("totaltax").decimalValue()).isEqualByComparingTo("91.45");
        assertThat(firstLine("salesorderdetails", "_salesorderid_value", order).get("extendedamount").decimalValue())
                .isEqualByComparingTo("777");
    }

    @Test
    void quoteAndInvoiceAmountsFollowTheSameRules() throws Exception {
        String quote = quote();
        assertThat(http.send("POST", sandbox.crmUrl() + "quotedetails", line("quoteid", quote, 1, "3", "10"), Map.of())
                .statusCode()).isEqualTo(204);
        assertThat(http.getJson(quote + "?$select=totalamount").get("totalamount").decimalValue()).isEqualByComparingTo("30");

        String invoice = sandbox.crmUrl() + "invoices(invoicenumber='DOC-I-1')";
        assertThat(http.send("PATCH", invoice, "{\"name\":\"I\",\"ispricelocked\":true,\"totalamount\":500}", Map.of())
                .statusCode()).isEqualTo(204);
        assertThat(http.send("POST", sandbox.crmUrl() + "invoicedetails", line("invoiceid", invoice, 1, "1", "9"), Map.of())
                .statusCode()).isEqualTo(204);
        assertThat(http.getJson(invoice + "?$select=totalamount").get("totalamount").decimalValue())
                .as("an invoice with locked pricing keeps the ERP's total").isEqualByComparingTo("500");
        assertThat(http.send("PATCH", invoice, "{\"ispricelocked\":false}", Map.of()).statusCode()).isEqualTo(204);
        assertThat(http.getJson(invoice + "?$select=totalamount").get("totalamount").decimalValue())
                .as("unlocked: computed again").isEqualByComparingTo("9");
    }

    private static String order(String number) throws Exception {
        String url = sandbox.crmUrl() + "salesorders(ordernumber='" + number + "')";
        HttpResponse<String> r = http.send("PATCH", url, "{\"name\":\"" + number + "\",\"customerid_account@odata.bind\":"
                + "\"/accounts(" + account + ")\"}", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        return sandbox.crmUrl() + "salesorders(" + http.getJson(url + "?$select=salesorderid").get("salesorderid").asText() + ")";
    }

    private static String quote() throws Exception {
        HttpResponse<String> r = http.send("POST", sandbox.crmUrl() + "quotes", "{\"name\":\"Q\",\"quotenumber\":\"DOC-Q-"
                + System.nanoTime() + "\",\"customerid_account@odata.bind\":\"/accounts(" + account + ")\"}", Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        return r.headers().firstValue("OData-EntityId").orElseThrow();
    }

    private static void activate(String quote) throws Exception {
        assertThat(http.send("PATCH", quote, "{\"statecode\":1,\"statuscode\":2}", Map.of()).statusCode()).isEqualTo(204);
    }

    private static String line(String header, String headerUrl, int sequence, String quantity, String price) {
        String set = headerUrl.substring(sandbox.crmUrl().length(), headerUrl.indexOf('('));
        return "{\"" + header + "@odata.bind\":\"/" + set + headerUrl.substring(headerUrl.indexOf('(')) + "\","
                + "\"sequencenumber\":" + sequence + ",\"quantity\":" + quantity + ",\"priceperunit\":" + price + ","
                + "\"productid@odata.bind\":\"/products(" + product + ")\"}";
    }

    private static JsonNode firstLine(String set, String parent, String headerUrl) throws Exception {
        String id = headerUrl.substring(headerUrl.indexOf('(') + 1, headerUrl.length() - 1);
        return http.getJson(sandbox.crmUrl() + set + "?$filter=" + SandboxHttp.enc(parent + " eq " + id
                + " and sequencenumber eq 1")).get("value").get(0);
    }

    private static HttpResponse<String> action(String name, String body) throws Exception {
        return http.send("POST", sandbox.crmUrl() + name, body, Map.of());
    }

    private static String orderClose(String orderUrl, int status) {
        return "{\"OrderClose\":{\"@odata.type\":\"Microsoft.Dynamics.CRM.orderclose\",\"salesorderid@odata.bind\":\""
                + orderUrl.substring(sandbox.crmUrl().length() - 1) + "\",\"subject\":\"Closed\"},\"Status\":" + status + "}";
    }

    private static String quoteClose(String quoteUrl, int status) {
        return "{\"QuoteClose\":{\"@odata.type\":\"Microsoft.Dynamics.CRM.quoteclose\",\"quoteid@odata.bind\":\""
                + quoteUrl.substring(sandbox.crmUrl().length() - 1) + "\",\"subject\":\"Closed\"},\"Status\":" + status + "}";
    }
}
