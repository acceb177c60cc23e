package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated users' sales work: the ERP confirms, picks, then invoices orders; CRM users activate drafts. */
class SandboxSalesActivityTest {
    @TempDir
    Path dir;

    @Test
    void erpConfirmsPicksThenInvoicesAnOrderThatCameFromTheCrm() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(100).withActivity(true)
                .withActivityEvery(Duration.ofHours(1)))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            // as the orders area writes it: F&O creates by POST; the processing status is left to F&O (Active)
            assertThat(http.send("POST", sandbox.erpUrl() + "CDSSalesOrderHeaders", "{\"dataAreaId\":\"demf\","
                    + "\"SalesOrderNumber\":\"ORD-00001\",\"OrderingCustomerAccountNumber\":\"ACC-01001-X\","
                    + "\"InvoiceCustomerAccountNumber\":\"ACC-01001-X\",\"CurrencyCode\":\"EUR\","
                    + "\"SalesOrderOriginCode\":\"CRM\"}", Map.of()).statusCode()).isEqualTo(201);
            for (int n = 1; n <= 2; n++) {
                assertThat(http.send("POST", sandbox.erpUrl() + "CDSSalesOrderLines", "{\"dataAreaId\":\"demf\","
                        + "\"SalesOrderNumber\":\"ORD-00001\",\"LineCreationSequenceNumber\":" + n + ",\"ProductNumber\":\"D100"
                        + n + "\",\"OrderedSalesQuantity\":" + (n + 1) + ",\"SalesPrice\":100,\"SalesUnitSymbol\":\"ea\","
                        + "\"LineAmount\":" + (n + 1) * 100 + "}", Map.of()).statusCode()).isEqualTo(201);
            }
            String read = sandbox.erpUrl() + "CDSSalesOrderHeaders(dataAreaId='demf',SalesOrderNumber='ORD-00001')?cross-company=true";
            JsonNode created = http.getJson(read);
            assertThat(created.get("SalesOrderProcessingStatus").asText()).isEqualTo("Active");
            assertThat(created.get("AreTotalsUpdated").asText()).isEqualTo("No");

            assertThat(sandbox.activity().tick()).contains("confirmed ORD-00001");
            JsonNode confirmed = http.getJson(read);
            assertThat(confirmed.get("SalesOrderProcessingStatus").asText()).isEqualTo("Confirmed");
            assertThat(confirmed.get("SalesOrderStatus").asText()).isEqualTo("Backorder");
            assertThat(confirmed.get("OrderTotalAmount").decimalValue()).isEqualByComparingTo("540.00"); // 500 + 8% tax
            assertThat(confirmed.get("OrderTotalTaxAmount").decimalValue()).isEqualByComparingTo("40.00");
            assertThat(confirmed.get("AreTotalsUpdated").asText()).isEqualTo("Yes");
            assertThat(invoicesOf(http, sandbox, "ORD-00001")).isEmpty();

            assertThat(sandbox.activity().tick()).contains("picked ORD-00001");
            assertThat(http.getJson(read).get("SalesOrderProcessingStatus").asText()).isEqualTo("Picked");
            assertThat(invoicesOf(http, sandbox, "ORD-00001")).isEmpty();

            assertThat(sandbox.activity().tick()).contains("invoiced ORD-00001");
            JsonNode invoiced = http.getJson(read);
            assertThat(invoiced.get("SalesOrderStatus").asText()).isEqualTo("Invoiced");
            assertThat(invoiced.get("SalesOrderProcessingStatus").asText()).isEqualTo("Invoiced");
            List<JsonNode> invoices = invoicesOf(http, sandbox, "ORD-00001");
            assertThat(invoices).hasSize(1);
            JsonNode invoice = invoices.get(0);
            assertThat(invoice.get("InvoiceNumber").asText()).startsWith("CIV-");
            assertThat(invoice.get("LedgerVoucher").asText()).startsWith("ARI-");
            assertThat(invoice.get("SalesOrderOriginCode").asText()).isEqualTo("CRM");
            assertThat(invoice.get("InvoiceDate").asText())
                    .isEqualTo(EdmType.DATETIME.canonical(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)));
            assertThat(invoice.get("InvoiceCustomerAccountNumber").asText()).isEqualTo("ACC-01001-X");
            assertThat(invoice.get("TotalInvoiceAmount").decimalValue()).isEqualByComparingTo("540.00");
            JsonNode lines = http.getJson(sandbox.erpUrl() + "SalesInvoiceV2Lines?cross-company=true&$filter="
                    + SandboxHttp.enc("InvoiceNumber eq '" + invoice.get("InvoiceNumber").asText() + "'")
                    + "&$orderby=LineCreationSequenceNumber").get("value");
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1).get("InvoicedQuantity").decimalValue()).isEqualByComparingTo("3");
            assertThat(lines.get(1).get("LedgerVoucher").asText()).isEqualTo(invoice.get("LedgerVoucher").asText());

            assertThat(sandbox.activity().tick()).doesNotContain("ORD-00001");
        }
    }

    @Test
    void crmUsersActivateDraftOrdersWhichStayActive() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(100).withActivity(true)
                .withActivityEvery(Duration.ofHours(1)))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            String drafts = sandbox.crmUrl() + "salesorders?$count=true&$top=0&$filter="
                    + SandboxHttp.enc("p2c_processingstatus eq 916800000");
            int before = http.getJson(drafts).get("@odata.count").asInt();
            List<String> activated = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String log = sandbox.activity().tick();
                if (log.contains("activated order ")) {
                    activated.add(log.replaceAll(".*activated order (ORD-\\d+).*", "$1"));
                }
            }
            assertThat(activated).isNotEmpty();
            assertThat(http.getJson(drafts).get("@odata.count").asInt()).isEqualTo(before - activated.size());
            JsonNode order = http.getJson(sandbox.crmUrl() + "salesorders(ordernumber='" + activated.get(0) + "')");
            assertThat(order.get("p2c_processingstatus").asInt()).isEqualTo(916800001);
            assertThat(order.get("statecode").asInt()).as("the order stays active").isZero();
        }
    }

    @Test
    void activityIsReproducibleFromTheSeed() throws Exception {
        List<String> runs = new ArrayList<>();
        for (String name : List.of("one", "two")) {
            try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve(name)).withSetUp().withSeedAccounts(100)
                    .withActivity(true).withActivityEvery(Duration.ofHours(1)))) {
                StringBuilder log = new StringBuilder();
                for (int i = 0; i < 12; i++) {
                    log.append(sandbox.activity().tick()).append('\n');
                }
                runs.add(log.toString());
            }
        }
        assertThat(runs.get(0)).contains("took ERP order SO-E-").contains("activated quote QUO-")
                .contains("created contact CON-").contains("picked SO-E-").contains("invoiced SO-E-");
        assertThat(runs.get(0)).doesNotContain("refused");
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    private static List<JsonNode> invoicesOf(SandboxHttp http, Sandbox sandbox, String order) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        http.getJson(sandbox.erpUrl() + "SalesInvoiceHeadersV2?cross-company=true&$filter="
                + SandboxHttp.enc("SalesOrderNumber eq '" + order + "'")).get("value").forEach(found::add);
        return found;
    }
}
