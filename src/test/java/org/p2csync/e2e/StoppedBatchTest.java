package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.state.ErrorRow;
import org.p2csync.state.StateStore;

/**
 * Dataverse stops processing a $batch at a failed change set, continue-on-error notwithstanding: the requests after it
 * get no response and were not executed. The ERP takes four orders by phone; the first, read and written first,
 * sells a product a CRM user has since deleted in the CRM (p2c-sync brought it there, so the order does not wait
 * for it): the CRM refuses that order's line bind. erp-orders sends the four as one $batch of change sets: the CRM
 * refuses the first and answers nothing else; the other three are sent again in the same run and delivered. The bad
 * order is exactly one error, named; the counts are what the CRM holds.
 */
class StoppedBatchTest {
    private static final String ORDERS = "CDSSalesOrderHeaders";
    private static final String ORDER_LINES = "CDSSalesOrderLines";
    private static final List<String> NUMBERS = List.of("SO-E-T00001", "SO-E-T00002", "SO-E-T00003", "SO-E-T00004");

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxProxy proxy;
    static ODataProbe probe;
    static SyncFixture sync;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(200));
        proxy = new SandboxProxy(sandbox);
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.crm.url", proxy.url() + "/crm/api/data/v9.2/"));
        SyncFixture.Result initial = sync.syncOnce();
        assertThat(initial.exitCode()).as(initial.printed()).isZero();
    }

    @AfterAll
    static void stop() {
        proxy.close();
        sandbox.close();
    }

    @Test
    void theRequestsAfterARefusedChangeSetAreSentAgainAndTheBadOrderIsOneNamedError() throws Exception {
        Map<String, Object> model = erpOrderTheCrmHas();
        List<Map<String, Object>> modelLines = probe.erp(ORDER_LINES, "$filter=dataAreaId eq '"
                + model.get("dataAreaId") + "' and SalesOrderNumber eq '" + model.get("SalesOrderNumber") + "'");
        assertThat(modelLines).isNotEmpty();
        Map<String, Object> deleted = productDeletedInTheCrm((String) model.get("dataAreaId"));
        Map<String, Object> badLine = new LinkedHashMap<>(modelLines.get(0));
        badLine.put("ProductNumber", deleted.get("ProductNumber"));
        badLine.put("SalesUnitSymbol", deleted.get("SalesUnitSymbol"));
        for (String number : NUMBERS) {
            phoneOrder(model, number.equals(NUMBERS.get(0)) ? List.of(badLine) : modelLines, number);
        }
        long crmOrdersBefore = probe.crm("salesorders", "$select=salesorderid").size();
        proxy.clear();

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as("records failed: exit 2; " + result.printed()).isEqualTo(2);
        assertThat(result.count("erp-orders", "written")).as(result.printed()).isEqualTo(3);
        assertThat(result.count("erp-orders", "failed")).isEqualTo(1);
        assertThat(result.area("erp-orders").get("outcome").asText()).isEqualTo("Warning");
        List<SandboxProxy.Sent> batches = proxy.writes("/crm/api/data/v9.2/$batch").stream()
                .filter(b -> NUMBERS.stream().anyMatch(b.body()::contains)).toList();
        assertThat(batches).as("the first $batch carried all four orders").isNotEmpty();
        assertThat(batches.get(0).body()).contains(NUMBERS.toArray(String[]::new));
        assertThat(responses(batches.get(0).responseBody()))
                .as("the CRM answered the refused change set only, and nothing after it").isEqualTo(1);
        assertThat(batches).as("then the three that got no answer, again in the same run").hasSize(2);
        assertThat(batches.get(1).body()).doesNotContain(NUMBERS.get(0))
                .contains(NUMBERS.subList(1, 4).toArray(String[]::new));
        for (String number : NUMBERS.subList(1, 4)) {
            List<Map<String, Object>> crm = probe.crm("salesorders", "$filter=ordernumber eq '" + number + "'");
            assertThat(crm).as(number).hasSize(1);
            assertThat(probe.crm("salesorderdetails", "$select=salesorderdetailid",
                    "$filter=_salesorderid_value eq " + crm.get(0).get("salesorderid"))).as(number + "'s lines")
                    .hasSize(modelLines.size());
        }
        assertThat(probe.crm("salesorders", "$filter=ordernumber eq '" + NUMBERS.get(0) + "'")).isEmpty();
        assertThat(probe.crm("salesorders", "$select=salesorderid")).as("what was counted written is there, no more")
                .hasSize((int) crmOrdersBefore + 3);
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            List<ErrorRow> errors = state.errors().open("erp-orders", 10);
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.recordKey()).isEqualTo(NUMBERS.get(0));
                assertThat(e.stage()).isEqualTo("write");
                assertThat(e.reason()).startsWith("404 line salesorderdetails ")
                        .contains("products(productnumber=").contains(deleted.get("ProductNumber").toString())
                        .contains("does not exist").doesNotContain("no response");
            });
        }

        SyncFixture.Result next = sync.syncOnce();

        assertThat(next.count("erp-orders", "written")).as("nothing was left unsent").isZero();
        assertThat(next.count("erp-orders", "failed")).as("the bad order is still failing, not a new error")
                .isZero();
        assertThat(next.count("erp-orders", "stillFailing")).isEqualTo(1);
    }

    /** A confirmed ERP order that erp-orders brought into the CRM: its customer and products are synced. */
    private static Map<String, Object> erpOrderTheCrmHas() {
        List<Object> inCrm = probe.crm("salesorders", "$select=ordernumber", "$filter=p2c_origin eq 916800001")
                .stream().map(o -> o.get("ordernumber")).toList();
        return probe.erp(ORDERS, "$filter=SalesOrderOriginCode eq 'ERP'").stream()
                .filter(o -> inCrm.contains(o.get("SalesOrderNumber")))
                .findFirst().orElseThrow(() -> new AssertionError("erp-orders brought no ERP order to the CRM"));
    }

    /**
     * A product of the company that the products area brought into the CRM and no CRM document line names, deleted
     * there by a CRM user: p2c-sync's record state still knows it, so an order selling it is written, and refused.
     */
    private static Map<String, Object> productDeletedInTheCrm(String company) {
        java.util.Set<Object> used = new java.util.HashSet<>();
        for (String lines : List.of("salesorderdetails", "quotedetails", "invoicedetails")) {
            probe.crm(lines, "$select=_productid_value").forEach(l -> used.add(l.get("_productid_value")));
        }
        Map<Object, Object> crmIds = probe.crm("products", "$select=productid,productnumber").stream()
                .filter(p -> !used.contains(p.get("productid")))
                .collect(java.util.stream.Collectors.toMap(p -> p.get("productnumber"), p -> p.get("productid")));
        Map<String, Object> product = probe.erp("SellableReleasedProducts", "$filter=dataAreaId eq '" + company + "'")
                .stream().filter(p -> crmIds.containsKey(p.get("ProductNumber"))).findFirst()
                .orElseThrow(() -> new AssertionError("no product of " + company + " in the CRM without lines"));
        probe.deleteCrm("products(" + crmIds.get(product.get("ProductNumber")) + ")");
        return product;
    }

    /** An order the ERP takes by phone and confirms at once: a copy of {@code model} under another number. */
    private static void phoneOrder(Map<String, Object> model, List<Map<String, Object>> lines, String number) {
        String name = "Phone order " + number;
        Map<String, Object> header = new LinkedHashMap<>();
        for (String f : List.of("dataAreaId", "OrderingCustomerAccountNumber", "InvoiceCustomerAccountNumber",
                "CurrencyCode", "OrderTotalAmount", "OrderTotalTaxAmount", "OrderTotalChargesAmount")) {
            header.put(f, model.get(f));
        }
        header.put("SalesOrderNumber", number);
        header.put("SalesOrderName", name);
        header.put("SalesOrderOriginCode", "ERP");
        header.put("SalesOrderProcessingStatus", "Confirmed");
        header.put("SalesOrderStatus", "Backorder");
        header.put("AreTotalsUpdated", "Yes");
        probe.postErp(ORDERS, header);
        for (Map<String, Object> line : lines) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (String f : List.of("dataAreaId", "LineCreationSequenceNumber", "ProductNumber", "OrderedSalesQuantity",
                    "SalesPrice", "SalesUnitSymbol", "LineDiscountAmount", "LineAmount", "CurrencyCode")) {
                copy.put(f, line.get(f) == null && f.endsWith("Amount") ? BigDecimal.ZERO : line.get(f));
            }
            copy.put("SalesOrderNumber", number);
            probe.postErp(ORDER_LINES, copy);
        }
    }

    /** The top-level answers of a $batch response: a failed change set answers once, a request once each. */
    private static int responses(String batchResponse) {
        String boundary = batchResponse.lines().filter(l -> l.startsWith("--batchresponse_")).findFirst()
                .map(l -> l.endsWith("--") ? l.substring(0, l.length() - 2) : l).orElseThrow();
        List<String> parts = new ArrayList<>(List.of(batchResponse.split(java.util.regex.Pattern.quote(boundary))));
        // the text before the first boundary and the closing "--" after the last are no answers
        return (int) parts.stream().filter(p -> !p.isBlank() && !p.strip().equals("--")).count();
    }
}
