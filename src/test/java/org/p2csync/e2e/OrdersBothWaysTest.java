package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * One CRM order's whole life across both systems: it goes to the ERP, the ERP's confirmation and totals come back,
 * a CRM user's edit of the status the ERP owns is overwritten and recorded as a conflict, its invoice arrives in the
 * CRM and makes it Invoiced; after that, runs write nothing (no ping-pong). An invoice whose order is not in the CRM
 * yet waits for it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrdersBothWaysTest {
    private static final List<String> AREAS = List.of("products", "accounts", "contacts", "person-customers",
            "quotes", "orders", "order-status", "erp-orders", "invoices");

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataProbe probe;
    static SyncFixture sync;
    static Map<String, Object> order;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(200));
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of());
        SyncFixture.Result initial = sync.syncOnce();
        assertThat(initial.exitCode()).as(initial.printed()).isZero();
        order = probe.erp("SalesOrderHeadersV2", "$filter=SalesOrderOriginCode eq 'CRM'").get(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @Order(1)
    void theErpsConfirmationAndTotalsShowOnTheCrmOrder() throws Exception {
        Map<String, Object> confirmation = new LinkedHashMap<>();
        confirmation.put("SalesOrderStatus", "Open");
        confirmation.put("DocumentStatus", "Confirmation");
        confirmation.put("TotalAmount", new BigDecimal("1234.56"));
        confirmation.put("TotalTaxAmount", new BigDecimal("91.45"));
        confirmation.put("TotalChargeAmount", new BigDecimal("25.00"));
        probe.patchErp(orderPath(), confirmation);

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("order-status", "written")).isEqualTo(1);
        assertWritten(result, "order-status");
        Map<String, Object> crm = crmOrder();
        assertThat(crm.get("msdyn_processingstatus")).isEqualTo("Confirmed");
        assertThat(ODataProbe.decimal(crm.get("totalamount"))).isEqualByComparingTo("1234.56");
        assertThat(ODataProbe.decimal(crm.get("totaltax"))).isEqualByComparingTo("91.45");
        assertThat(ODataProbe.decimal(crm.get("freightamount"))).isEqualByComparingTo("25.00");
        assertThat(crm.get("statecode")).as("still submitted").isEqualTo(1);
    }

    @Test
    @Order(2)
    void aCrmEditOfTheStatusTheErpOwnsIsOverwrittenAndRecordedAsAConflict() throws Exception {
        probe.patchCrm("salesorders(" + crmOrder().get("salesorderid") + ")",
                Map.of("msdyn_processingstatus", "On hold (set in the CRM)"));
        probe.patchErp(orderPath(), Map.of("DocumentStatus", "PickingList"));

        SyncFixture.Result result = sync.syncOnce("order-status");

        assertThat(result.count("order-status", "written")).isEqualTo(1);
        assertThat(result.count("order-status", "conflicts")).isEqualTo(1);
        assertThat(result.area("order-status").get("conflictRecords").get(0).toString())
                .contains(number(), "msdyn_processingstatus", "On hold (set in the CRM)", "Picked");
        assertThat(crmOrder().get("msdyn_processingstatus")).as("the owner's value wins").isEqualTo("Picked");
    }

    @Test
    @Order(3)
    void itsInvoiceArrivesInTheCrmAndTheOrderBecomesInvoiced() throws Exception {
        List<Map<String, Object>> lines = probe.erp("SalesOrderLines",
                "$filter=SalesOrderNumber eq '" + number() + "'");
        String invoice = "CIV-T00001";
        postInvoice(invoice, number(), lines);
        probe.patchErp(orderPath(), Map.of("SalesOrderStatus", "Invoiced", "DocumentStatus", "Invoice"));

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("invoices", "written")).isEqualTo(1);
        assertThat(result.count("order-status", "written")).isEqualTo(1);
        assertWritten(result, "invoices", "order-status");
        Map<String, Object> crm = crmOrder();
        assertThat(crm.get("statecode")).isEqualTo(4);
        assertThat(crm.get("msdyn_processingstatus")).isEqualTo("Invoiced");
        Map<String, Object> crmInvoice = probe.crm("invoices", "$filter=invoicenumber eq '" + invoice + "'").get(0);
        assertThat(crmInvoice.get("_salesorderid_value")).isEqualTo(crm.get("salesorderid"));
        assertThat(crmInvoice.get("_customerid_value")).isEqualTo(crm.get("_customerid_value"));
        assertThat(probe.crm("invoicedetails", "$filter=_invoiceid_value eq " + crmInvoice.get("invoiceid")))
                .hasSize(lines.size());
    }

    @Test
    @Order(4)
    void fiveMoreRunsWriteNothing() throws Exception {
        for (int run = 1; run <= 5; run++) {
            SyncFixture.Result result = sync.syncOnce();
            assertThat(result.exitCode()).as(result.printed()).isZero();
            for (String area : AREAS) {
                assertThat(result.count(area, "written")).as("run " + run + ", " + area).isZero();
                assertThat(result.count(area, "conflicts")).as("run " + run + ", " + area).isZero();
            }
        }
    }

    @Test
    @Order(5)
    void anInvoiceWaitsForItsOrderAndFollowsIt() throws Exception {
        String company = (String) order.get("dataAreaId");
        String number = "SO-E-T00001";
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("dataAreaId", company);
        header.put("SalesOrderNumber", number);
        header.put("OrderingCustomerAccountNumber", order.get("OrderingCustomerAccountNumber"));
        header.put("InvoiceCustomerAccountNumber", order.get("InvoiceCustomerAccountNumber"));
        header.put("SalesOrderName", "Phone order, not yet confirmed");
        header.put("CurrencyCode", order.get("CurrencyCode"));
        header.put("SalesOrderStatus", "Open");
        header.put("DocumentStatus", "None");
        header.put("SalesOrderOriginCode", "ERP");
        probe.postErp("SalesOrderHeadersV2", header);
        List<Map<String, Object>> lines = probe.erp("SalesOrderLines",
                "$filter=SalesOrderNumber eq '" + number() + "'");
        for (Map<String, Object> line : lines) {
            Map<String, Object> copy = new LinkedHashMap<>(line);
            copy.remove("ModifiedDateTime");
            copy.remove("@odata.etag");
            copy.put("SalesOrderNumber", number);
            probe.postErp("SalesOrderLines", copy);
        }
        postInvoice("CIV-T00002", number, lines);

        SyncFixture.Result waiting = sync.syncOnce();

        assertThat(waiting.exitCode()).as(waiting.printed()).isZero();
        assertThat(waiting.count("invoices", "waiting")).isEqualTo(1);
        assertThat(waiting.count("invoices", "written")).isZero();
        assertThat(probe.crm("invoices", "$filter=invoicenumber eq 'CIV-T00002'")).isEmpty();

        probe.patchErp("SalesOrderHeadersV2(dataAreaId='" + company + "',SalesOrderNumber='" + number + "')",
                Map.of("DocumentStatus", "Confirmation"));
        SyncFixture.Result next = sync.syncOnce();

        assertThat(next.count("erp-orders", "written")).isEqualTo(1);
        assertThat(next.count("invoices", "written")).isEqualTo(1);
        assertThat(next.count("invoices", "waiting")).isZero();
        Map<String, Object> crmOrder = probe.crm("salesorders", "$filter=ordernumber eq '" + number + "'").get(0);
        assertThat(probe.crm("invoices", "$filter=invoicenumber eq 'CIV-T00002'")).singleElement()
                .satisfies(i -> assertThat(i.get("_salesorderid_value")).isEqualTo(crmOrder.get("salesorderid")));
        assertThat(crmOrder.get("statecode")).as("its invoice arrived").isEqualTo(4);
    }

    /** Invoices the given order lines in full, as the ERP would: header and lines under one invoice number. */
    private static void postInvoice(String invoice, String orderNumber, List<Map<String, Object>> lines) {
        String company = (String) order.get("dataAreaId");
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("dataAreaId", company);
        header.put("InvoiceNumber", invoice);
        header.put("SalesOrderNumber", orderNumber);
        header.put("InvoiceCustomerAccountNumber", order.get("InvoiceCustomerAccountNumber"));
        header.put("InvoiceDate", "2026-11-20T10:00:00Z");
        header.put("CurrencyCode", order.get("CurrencyCode"));
        header.put("TotalInvoiceAmount", lines.stream().map(OrdersBothWaysTest::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        header.put("TotalTaxAmount", BigDecimal.ZERO);
        header.put("TotalChargeAmount", BigDecimal.ZERO);
        probe.postErp("SalesInvoiceHeadersV2", header);
        for (Map<String, Object> line : lines) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("dataAreaId", company);
            l.put("InvoiceNumber", invoice);
            l.put("LineCreationSequenceNumber", line.get("LineCreationSequenceNumber"));
            l.put("ProductNumber", line.get("ProductNumber"));
            l.put("InvoicedQuantity", line.get("OrderedSalesQuantity"));
            l.put("SalesPrice", line.get("SalesPrice"));
            l.put("SalesUnitSymbol", line.get("SalesUnitSymbol"));
            l.put("LineDiscountAmount", line.get("LineDiscountAmount"));
            l.put("LineAmount", amount(line));
            probe.postErp("SalesInvoiceLines", l);
        }
    }

    private static void assertWritten(SyncFixture.Result result, String... writers) {
        List<String> expected = List.of(writers);
        for (String area : AREAS) {
            if (!expected.contains(area)) {
                assertThat(result.count(area, "written")).as(area + " has nothing to write").isZero();
            }
            assertThat(result.count(area, "conflicts")).as(area + ": our own writes read back are no conflict")
                    .isZero();
        }
    }

    private static String number() {
        return (String) order.get("SalesOrderNumber");
    }

    private static String orderPath() {
        return "SalesOrderHeadersV2(dataAreaId='" + order.get("dataAreaId") + "',SalesOrderNumber='" + number() + "')";
    }

    /** A line's amount; lines the CRM sent carry none (the ERP prices them), so quantity times price. */
    private static BigDecimal amount(Map<String, Object> line) {
        return line.get("LineAmount") != null ? ODataProbe.decimal(line.get("LineAmount"))
                : ODataProbe.decimal(line.get("OrderedSalesQuantity")).multiply(ODataProbe.decimal(line.get("SalesPrice")));
    }

    private static Map<String, Object> crmOrder() {
        return probe.crm("salesorders", "$filter=ordernumber eq '" + number() + "'").get(0);
    }
}
