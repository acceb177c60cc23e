package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated users' sales work: the ERP confirms, then invoices, orders that came from the CRM. */
class SandboxSalesActivityTest {
    @TempDir
    Path dir;

    @Test
    void erpConfirmsThenInvoicesAnOrderThatCameFromTheCrm() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSeedAccounts(100).withActivity(true)
                .withActivityEvery(Duration.ofHours(1)))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            String order = sandbox.erpUrl() + "SalesOrderHeadersV2(dataAreaId='demf',SalesOrderNumber='ORD-09999')";
            assertThat(http.send("PATCH", order, "{\"OrderingCustomerAccountNumber\":\"ACC-01001-X\","
                    + "\"InvoiceCustomerAccountNumber\":\"ACC-01001-X\",\"CurrencyCode\":\"EUR\",\"SalesOrderOriginCode\":\"CRM\","
                    + "\"IsExternallyMaintained\":\"Yes\",\"SalesOrderStatus\":\"Open\",\"DocumentStatus\":\"None\"}", Map.of())
                    .statusCode()).isEqualTo(204);
            for (int n = 1; n <= 2; n++) {
                assertThat(http.send("PATCH", sandbox.erpUrl() + "SalesOrderLines(dataAreaId='demf',SalesOrderNumber='ORD-09999',"
                        + "LineCreationSequenceNumber=" + n + ")", "{\"ProductNumber\":\"D100" + n + "\",\"OrderedSalesQuantity\":"
                        + (n + 1) + ",\"SalesPrice\":100,\"SalesUnitSymbol\":\"ea\",\"LineAmount\":" + (n + 1) * 100 + "}", Map.of())
                        .statusCode()).isEqualTo(204);
            }
            String read = order + "?cross-company=true";

            String first = sandbox.activity().tick();
            assertThat(first).contains("confirmed ORD-09999");
            JsonNode confirmed = http.getJson(read);
            assertThat(confirmed.get("DocumentStatus").asText()).isEqualTo("Confirmation");
            assertThat(confirmed.get("SalesOrderStatus").asText()).isEqualTo("Open");
            assertThat(confirmed.get("TotalAmount").decimalValue()).isEqualByComparingTo("540.00"); // 500 + 8% tax
            assertThat(invoicesOf(http, sandbox, "ORD-09999")).isEmpty();

            String second = sandbox.activity().tick();
            assertThat(second).contains("invoiced ORD-09999");
            JsonNode invoiced = http.getJson(read);
            assertThat(invoiced.get("SalesOrderStatus").asText()).isEqualTo("Invoiced");
            assertThat(invoiced.get("DocumentStatus").asText()).isEqualTo("Invoice");
            List<JsonNode> invoices = invoicesOf(http, sandbox, "ORD-09999");
            assertThat(invoices).hasSize(1);
            JsonNode invoice = invoices.get(0);
            assertThat(invoice.get("InvoiceNumber").asText()).startsWith("CIV-");
            assertThat(invoice.get("InvoiceCustomerAccountNumber").asText()).isEqualTo("ACC-01001-X");
            assertThat(invoice.get("TotalInvoiceAmount").decimalValue()).isEqualByComparingTo("540.00");
            JsonNode lines = http.getJson(sandbox.erpUrl() + "SalesInvoiceLines?cross-company=true&$filter="
                    + SandboxHttp.enc("InvoiceNumber eq '" + invoice.get("InvoiceNumber").asText() + "'")).get("value");
            assertThat(lines).hasSize(2);
            assertThat(lines.get(1).get("InvoicedQuantity").decimalValue()).isEqualByComparingTo("3");

            assertThat(sandbox.activity().tick()).doesNotContain("ORD-09999");
        }
    }

    @Test
    void activityIsReproducibleFromTheSeed() throws Exception {
        List<String> runs = new ArrayList<>();
        for (String name : List.of("one", "two")) {
            try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve(name)).withSeedAccounts(100)
                    .withActivity(true).withActivityEvery(Duration.ofHours(1)))) {
                StringBuilder log = new StringBuilder();
                for (int i = 0; i < 6; i++) {
                    log.append(sandbox.activity().tick()).append('\n');
                }
                runs.add(log.toString());
            }
        }
        assertThat(runs.get(0)).contains("took ERP order SO-E-").contains("activated quote QUO-");
        assertThat(runs.get(1)).isEqualTo(runs.get(0));
    }

    private static List<JsonNode> invoicesOf(SandboxHttp http, Sandbox sandbox, String order) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        http.getJson(sandbox.erpUrl() + "SalesInvoiceHeadersV2?cross-company=true&$filter="
                + SandboxHttp.enc("SalesOrderNumber eq '" + order + "'")).get("value").forEach(found::add);
        return found;
    }
}
