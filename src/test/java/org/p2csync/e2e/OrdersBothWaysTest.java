package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.state.PendingRecord;
import org.p2csync.state.StateStore;

/**
 * One CRM order's whole life across both systems, on the real data model: a CRM user activates the draft
 * (p2c_processingstatus Draft -> Active) and the next run sends it to the ERP; the ERP's confirmation and totals come
 * back; a CRM user's edit of the status the ERP owns is overwritten and recorded as a conflict; its invoice arrives
 * in the CRM and makes it Invoiced; after that, runs write nothing (no ping-pong). The CRM order stays active
 * (statecode 0) throughout: no write of p2c-sync names statecode. An invoice whose order is not in the CRM yet waits
 * for it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrdersBothWaysTest {
    private static final List<String> AREAS = List.of("products", "accounts", "contacts", "person-customers",
            "quotes", "orders", "order-status", "erp-orders", "invoices");
    private static final String ORDERS = "CDSSalesOrderHeaders";
    private static final String ORDER_LINES = "CDSSalesOrderLines";
    private static final int DRAFT = 916800000;
    private static final int ACTIVE = 916800001;
    private static final int CONFIRMED = 916800002;
    private static final int PICKED = 916800003;
    private static final int DELIVERED = 916800005;
    private static final int INVOICED = 916800006;
    private static final int ORIGIN_CRM = 916800000;

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxProxy proxy;
    static ODataProbe probe;
    static SyncFixture sync;
    /** The CRM order this test follows: a draft of a customer the accounts area synced, with lines. */
    static Map<String, Object> draft;
    static String company;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(200));
        proxy = new SandboxProxy(sandbox);
        probe = new ODataProbe(sandbox);
        // every CRM request goes through the proxy, so the test sees each write's body
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.crm.url", proxy.url() + "/crm/api/data/v9.2/"));
        SyncFixture.Result initial = sync.syncOnce();
        assertThat(initial.exitCode()).as(initial.printed()).isZero();
        assertNoStatecodeWritten();
        Set<Object> erpCustomers = probe.erp("CustomersV3", "$select=CustomerAccount").stream()
                .map(c -> c.get("CustomerAccount")).collect(Collectors.toSet());
        Map<Object, Object> accountNumbers = probe.crm("accounts", "$select=accountid,accountnumber").stream()
                .filter(a -> a.get("accountnumber") != null)
                .collect(Collectors.toMap(a -> a.get("accountid"), a -> a.get("accountnumber")));
        Map<Object, Long> lineCounts = probe.crm("salesorderdetails", "$select=_salesorderid_value").stream()
                .collect(Collectors.groupingBy(l -> l.get("_salesorderid_value"), Collectors.counting()));
        draft = probe.crm("salesorders", "$filter=p2c_processingstatus eq " + DRAFT + " and p2c_origin eq "
                        + ORIGIN_CRM, "$orderby=ordernumber").stream()
                .filter(o -> erpCustomers.contains(accountNumbers.get(o.get("_customerid_value"))))
                .filter(o -> lineCounts.getOrDefault(o.get("salesorderid"), 0L) >= 2)
                .findFirst().orElseThrow();
        company = SandboxIds.BU_DEMF.equals(draft.get("_owningbusinessunit_value")) ? "demf" : "usmf";
    }

    @AfterAll
    static void stop() {
        proxy.close();
        sandbox.close();
    }

    @Test
    @Order(1)
    void aCrmUserActivatesTheDraftAndTheNextRunSendsItToTheErp() throws Exception {
        assertThat(probe.erp(ORDERS, "$filter=SalesOrderNumber eq '" + number() + "'")).as("a draft stays in the CRM")
                .isEmpty();
        probe.patchCrm(crmPath(), Map.of("p2c_processingstatus", ACTIVE));

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("orders", "written")).isEqualTo(1);
        assertThat(result.area("orders").get("requests").get("erp").asLong())
                .as("the new order with its lines as POSTs in one $batch, no PATCH answered 404 first").isEqualTo(1);
        assertOnlyWriters(result, "orders");
        Map<String, Object> erp = erpOrder();
        assertThat(erp.get("dataAreaId")).isEqualTo(company);
        assertThat(erp.get("SalesOrderOriginCode")).isEqualTo("CRM");
        assertThat(erp.get("SalesOrderName")).isEqualTo(draft.get("name"));
        assertThat(erp.get("SalesOrderProcessingStatus")).as("the ERP has not confirmed it yet").isEqualTo("Active");
        List<Map<String, Object>> crmLines = crmLines();
        List<Map<String, Object>> erpLines = erpLines();
        assertThat(erpLines).extracting(l -> ((Number) l.get("LineCreationSequenceNumber")).intValue())
                .containsExactlyElementsOf(crmLines.stream().map(l -> ((Number) l.get("sequencenumber")).intValue())
                        .toList());
        for (int i = 0; i < crmLines.size(); i++) {
            assertThat(ODataProbe.decimal(erpLines.get(i).get("OrderedSalesQuantity")))
                    .isEqualByComparingTo(ODataProbe.decimal(crmLines.get(i).get("quantity")));
            assertThat(ODataProbe.decimal(erpLines.get(i).get("SalesPrice")))
                    .isEqualByComparingTo(ODataProbe.decimal(crmLines.get(i).get("priceperunit")));
            assertThat(erpLines.get(i).get("ProductNumber")).isEqualTo(probe.crm("products", "$select=productnumber",
                    "$filter=productid eq " + crmLines.get(i).get("_productid_value")).get(0).get("productnumber"));
        }
        assertCrmOrderActive();
    }

    @Test
    @Order(2)
    void theErpsConfirmationAndTotalsShowOnTheCrmOrder() throws Exception {
        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("SalesOrderProcessingStatus", "Confirmed");
        confirmation.put("SalesOrderStatus", "Backorder");
        confirmation.put("OrderTotalAmount", new BigDecimal("1234.56"));
        confirmation.put("OrderTotalTaxAmount", new BigDecimal("91.45"));
        confirmation.put("OrderTotalChargesAmount", new BigDecimal("25.00"));
        confirmation.put("AreTotalsUpdated", "Yes");
        probe.patchErp(erpPath(), confirmation);

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("order-status", "written")).isEqualTo(1);
        assertOnlyWriters(result, "order-status");
        Map<String, Object> crm = crmOrder();
        assertThat(crm.get("p2c_processingstatus")).isEqualTo(CONFIRMED);
        assertThat(ODataProbe.decimal(crm.get("totalamount"))).isEqualByComparingTo("1234.56");
        assertThat(ODataProbe.decimal(crm.get("totaltax"))).isEqualByComparingTo("91.45");
        assertThat(ODataProbe.decimal(crm.get("freightamount"))).isEqualByComparingTo("25.00");
        assertThat(crm.get("ispricelocked")).as("the ERP masters prices").isEqualTo(true);
        assertCrmOrderActive();
        assertThat(proxy.writes("/crm/")).as("the proxy saw the order-status write that the statecode check reads")
                .anySatisfy(w -> assertThat(w.body()).contains(number()).contains("\"p2c_processingstatus\""));
    }

    @Test
    @Order(3)
    void aCrmEditOfTheStatusTheErpOwnsIsOverwrittenAndRecordedAsAConflict() throws Exception {
        probe.patchCrm(crmPath(), Map.of("p2c_processingstatus", DELIVERED));
        probe.patchErp(erpPath(), Map.of("SalesOrderProcessingStatus", "Picked"));

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("order-status", "written")).isEqualTo(1);
        assertThat(result.count("order-status", "conflicts")).isEqualTo(1);
        for (String area : AREAS) {
            if (!area.equals("order-status")) {
                assertThat(result.count(area, "written")).as(area + " has nothing to write").isZero();
                assertThat(result.count(area, "conflicts")).as(area).isZero();
            }
        }
        JsonNode conflict = result.area("order-status").get("conflictRecords").get(0);
        assertThat(conflict.get("record").asText()).isEqualTo(number());
        assertThat(conflict.get("fields")).hasSize(1);
        JsonNode field = conflict.get("fields").get(0);
        assertThat(field.get("field").asText()).isEqualTo("p2c_processingstatus");
        assertThat(field.get("lastWritten").asLong()).isEqualTo(CONFIRMED);
        assertThat(field.get("found").asLong()).as("the CRM user's value").isEqualTo(DELIVERED);
        assertThat(field.get("written").asLong()).as("the ERP's value").isEqualTo(PICKED);
        assertThat(crmOrder().get("p2c_processingstatus")).as("the owner's value wins").isEqualTo(PICKED);
        assertCrmOrderActive();
    }

    @Test
    @Order(4)
    void itsInvoiceArrivesInTheCrmAndTheOrderBecomesInvoiced() throws Exception {
        List<Map<String, Object>> lines = erpLines();
        String invoice = "CIV-T00001";
        postInvoice(invoice, "ARI-T00001", erpOrder(), lines);
        probe.patchErp(erpPath(), Map.of("SalesOrderProcessingStatus", "Invoiced", "SalesOrderStatus", "Invoiced"));

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("invoices", "written")).isEqualTo(1);
        assertThat(result.count("order-status", "written")).as("Picked -> Invoiced").isEqualTo(1);
        assertOnlyWriters(result, "invoices", "order-status");
        Map<String, Object> crm = crmOrder();
        assertThat(crm.get("p2c_processingstatus")).isEqualTo(INVOICED);
        assertCrmOrderActive();
        Map<String, Object> crmInvoice = probe.crm("invoices", "$filter=invoicenumber eq '" + invoice + "'").get(0);
        assertThat(crmInvoice.get("_salesorderid_value")).isEqualTo(crm.get("salesorderid"));
        assertThat(crmInvoice.get("_customerid_value")).isEqualTo(crm.get("_customerid_value"));
        assertThat(crmInvoice.get("p2c_invoicedate").toString()).startsWith("2026-11-20");
        assertThat(ODataProbe.decimal(crmInvoice.get("totalamount"))).isEqualByComparingTo(total(lines));
        List<Map<String, Object>> crmInvoiceLines = probe.crm("invoicedetails",
                "$filter=_invoiceid_value eq " + crmInvoice.get("invoiceid"), "$orderby=sequencenumber");
        assertThat(crmInvoiceLines).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(((Number) crmInvoiceLines.get(i).get("sequencenumber")).intValue())
                    .isEqualTo(((Number) lines.get(i).get("LineCreationSequenceNumber")).intValue());
            assertThat(ODataProbe.decimal(crmInvoiceLines.get(i).get("quantity")))
                    .isEqualByComparingTo(ODataProbe.decimal(lines.get(i).get("OrderedSalesQuantity")));
            assertThat(crmInvoiceLines.get(i).get("_productid_value")).isNotNull();
        }
    }

    @Test
    @Order(5)
    void fiveMoreRunsWriteNothing() throws Exception {
        for (int run = 1; run <= 5; run++) {
            SyncFixture.Result result = sync.syncOnce();
            assertThat(result.exitCode()).as(result.printed()).isZero();
            for (String area : AREAS) {
                assertThat(result.count(area, "written")).as("run " + run + ", " + area).isZero();
                assertThat(result.count(area, "conflicts")).as("run " + run + ", " + area).isZero();
                assertThat(result.count(area, "failed")).as("run " + run + ", " + area).isZero();
            }
            assertNoStatecodeWritten();
        }
        assertThat(crmOrder().get("p2c_processingstatus")).isEqualTo(INVOICED);
        assertCrmOrderActive();
    }

    /**
     * The ERP takes an order by phone and invoices it at once; the invoices area (on its own schedule) runs before
     * erp-orders has brought the order into the CRM: the invoice waits under its full key and follows the order.
     */
    @Test
    @Order(6)
    void anInvoiceWaitsForItsOrderAndFollowsIt() throws Exception {
        String number = "SO-E-T00001";
        Map<String, Object> customerOrder = erpOrder();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("dataAreaId", company);
        header.put("SalesOrderNumber", number);
        header.put("OrderingCustomerAccountNumber", customerOrder.get("OrderingCustomerAccountNumber"));
        header.put("InvoiceCustomerAccountNumber", customerOrder.get("InvoiceCustomerAccountNumber"));
        header.put("SalesOrderName", "Phone order, invoiced at once");
        header.put("CurrencyCode", customerOrder.get("CurrencyCode"));
        header.put("SalesOrderOriginCode", "ERP");
        header.put("SalesOrderProcessingStatus", "Invoiced");
        header.put("SalesOrderStatus", "Invoiced");
        List<Map<String, Object>> lines = erpLines();
        header.put("OrderTotalAmount", total(lines));
        header.put("AreTotalsUpdated", "Yes");
        probe.postErp(ORDERS, header);
        for (Map<String, Object> line : lines) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (String f : List.of("dataAreaId", "LineCreationSequenceNumber", "ProductNumber", "OrderedSalesQuantity",
                    "SalesPrice", "SalesUnitSymbol", "LineDiscountAmount", "CurrencyCode")) {
                copy.put(f, line.get(f));
            }
            copy.put("SalesOrderNumber", number);
            copy.put("LineAmount", amount(line));
            probe.postErp(ORDER_LINES, copy);
        }
        postInvoice("CIV-T00002", "ARI-T00002", header, lines);

        SyncFixture.Result waiting = sync.syncOnce("invoices");

        assertThat(waiting.exitCode()).as(waiting.printed()).isZero();
        assertThat(waiting.count("invoices", "waiting")).isEqualTo(1);
        assertThat(waiting.count("invoices", "written")).isZero();
        assertThat(probe.crm("invoices", "$filter=invoicenumber eq 'CIV-T00002'")).isEmpty();
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            assertThat(state.pending().list("invoices", 100)).extracting(PendingRecord::sourceId)
                    .as("the entity's whole key: dataAreaId, InvoiceNumber, InvoiceDate, LedgerVoucher")
                    .singleElement().satisfies(id -> assertThat(id)
                            .startsWith("[\"" + company + "\",\"CIV-T00002\",\"2026-11-20")
                            .endsWith("\"ARI-T00002\"]"));
        }

        SyncFixture.Result next = sync.syncOnce();

        assertThat(next.exitCode()).as(next.printed()).isZero();
        assertThat(next.count("erp-orders", "written")).isEqualTo(1);
        assertThat(next.count("invoices", "written")).isEqualTo(1);
        assertThat(next.count("invoices", "waiting")).isZero();
        assertOnlyWriters(next, "erp-orders", "invoices");
        Map<String, Object> crmOrder = probe.crm("salesorders", "$filter=ordernumber eq '" + number + "'").get(0);
        assertThat(crmOrder.get("p2c_origin")).isEqualTo(916800001);
        assertThat(crmOrder.get("p2c_processingstatus")).isEqualTo(INVOICED);
        assertThat(crmOrder.get("statecode")).as("the order stays active").isEqualTo(0);
        assertThat(probe.crm("invoices", "$filter=invoicenumber eq 'CIV-T00002'")).singleElement()
                .satisfies(i -> assertThat(i.get("_salesorderid_value")).isEqualTo(crmOrder.get("salesorderid")));
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            assertThat(state.pending().count("invoices")).isZero();
        }
        SyncFixture.Result quiet = sync.syncOnce();
        for (String area : AREAS) {
            assertThat(quiet.count(area, "written")).as(area).isZero();
        }
        assertNoStatecodeWritten();
    }

    /** Invoices the given order lines in full, as the ERP posts it: header and lines under one key. */
    private static void postInvoice(String invoice, String voucher, Map<String, Object> order,
                                    List<Map<String, Object>> lines) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("dataAreaId", company);
        header.put("InvoiceNumber", invoice);
        header.put("InvoiceDate", "2026-11-20T00:00:00Z");
        header.put("LedgerVoucher", voucher);
        header.put("SalesOrderNumber", order.get("SalesOrderNumber"));
        header.put("SalesOrderOriginCode", order.get("SalesOrderOriginCode"));
        header.put("InvoiceCustomerAccountNumber", order.get("InvoiceCustomerAccountNumber"));
        header.put("CurrencyCode", order.get("CurrencyCode"));
        header.put("TotalInvoiceAmount", total(lines));
        header.put("TotalTaxAmount", BigDecimal.ZERO);
        header.put("TotalChargeAmount", BigDecimal.ZERO);
        probe.postErp("SalesInvoiceHeadersV2", header);
        for (Map<String, Object> line : lines) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("dataAreaId", company);
            l.put("InvoiceNumber", invoice);
            l.put("LineCreationSequenceNumber", line.get("LineCreationSequenceNumber"));
            l.put("InvoiceDate", "2026-11-20T00:00:00Z");
            l.put("LedgerVoucher", voucher);
            l.put("ProductNumber", line.get("ProductNumber"));
            l.put("InvoicedQuantity", line.get("OrderedSalesQuantity"));
            l.put("SalesPrice", line.get("SalesPrice"));
            l.put("SalesUnitSymbol", line.get("SalesUnitSymbol"));
            l.put("LineTotalDiscountAmount", line.get("LineDiscountAmount"));
            l.put("LineAmount", amount(line));
            l.put("CurrencyCode", order.get("CurrencyCode"));
            probe.postErp("SalesInvoiceV2Lines", l);
        }
    }

    /** Only the named areas wrote; none met a conflict or failed (our own writes read back are no conflict). */
    private static void assertOnlyWriters(SyncFixture.Result result, String... writers) {
        List<String> expected = List.of(writers);
        for (String area : AREAS) {
            if (!expected.contains(area)) {
                assertThat(result.count(area, "written")).as(area + " has nothing to write").isZero();
            }
            assertThat(result.count(area, "conflicts")).as(area + ": our own writes read back are no conflict")
                    .isZero();
            assertThat(result.count(area, "failed")).as(area).isZero();
        }
        assertNoStatecodeWritten();
    }

    /** No request p2c-sync sent to the CRM (PATCH, POST, $batch) names statecode: orders change state by message. */
    private static void assertNoStatecodeWritten() {
        List<SandboxProxy.Sent> writes = proxy.writes("/crm/");
        assertThat(writes).allSatisfy(w -> assertThat(w.body()).as(w.method() + " " + w.url())
                .doesNotContain("\"statecode\"").doesNotContain("\"statuscode\""));
    }

    private static void assertCrmOrderActive() {
        Map<String, Object> crm = crmOrder();
        assertThat(crm.get("statecode")).as("the CRM order stays active").isEqualTo(0);
        assertThat(crm.get("statuscode")).isEqualTo(draft.get("statuscode"));
    }

    private static String number() {
        return (String) draft.get("ordernumber");
    }

    private static String crmPath() {
        return "salesorders(" + draft.get("salesorderid") + ")";
    }

    private static String erpPath() {
        return ORDERS + "(dataAreaId='" + company + "',SalesOrderNumber='" + number() + "')";
    }

    private static Map<String, Object> erpOrder() {
        List<Map<String, Object>> rows = probe.erp(ORDERS, "$filter=SalesOrderNumber eq '" + number() + "'");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<Map<String, Object>> erpLines() {
        return probe.erp(ORDER_LINES, "$filter=SalesOrderNumber eq '" + number() + "'").stream()
                .sorted(Comparator.comparing(l -> ((Number) l.get("LineCreationSequenceNumber")).intValue())).toList();
    }

    private static List<Map<String, Object>> crmLines() {
        return probe.crm("salesorderdetails", "$filter=_salesorderid_value eq " + draft.get("salesorderid"),
                "$orderby=sequencenumber");
    }

    /** A line's amount; lines the CRM sent carry none (the ERP prices them), so quantity times price less discount. */
    private static BigDecimal amount(Map<String, Object> line) {
        BigDecimal given = line.get("LineAmount") == null ? BigDecimal.ZERO
                : ODataProbe.decimal(line.get("LineAmount"));
        if (given.signum() != 0) {
            return given;
        }
        BigDecimal discount = line.get("LineDiscountAmount") == null ? BigDecimal.ZERO
                : ODataProbe.decimal(line.get("LineDiscountAmount"));
        return ODataProbe.decimal(line.get("OrderedSalesQuantity")).multiply(ODataProbe.decimal(line.get("SalesPrice")))
                .subtract(discount);
    }

    private static BigDecimal total(List<Map<String, Object>> lines) {
        return lines.stream().map(OrdersBothWaysTest::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, Object> crmOrder() {
        return probe.crm("salesorders", "$filter=ordernumber eq '" + number() + "'").get(0);
    }
}
