package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;

/**
 * The whole job on a fresh data folder: `sync --once` with no --area runs every shipped area in dependency order,
 * each completes, and what each wrote matches what is eligible on the other side, counted through both OData APIs;
 * records of demf stay in demf with EUR; a second run writes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllFlowsTest {
    private static final List<String> AREAS = List.of("products", "accounts", "contacts", "person-customers",
            "quotes", "orders", "order-status", "erp-orders", "invoices");

    Sandbox sandbox;
    ODataProbe probe;
    SyncFixture sync;
    SyncFixture.Result first;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(300));
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, settings());
        first = firstRun();
    }

    /** Settings beyond the sandbox's URLs and secrets. */
    Map<String, String> settings() {
        return Map.of();
    }

    /** The run whose results every test checks: `sync --once` of every area on a fresh data folder. */
    SyncFixture.Result firstRun() throws Exception {
        return sync.syncOnce();
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @Test
    @Order(1)
    void everyAreaCompletesInDependencyOrder() {
        assertThat(first.exitCode()).as(first.printed()).isZero();
        for (String area : AREAS) {
            assertThat(first.area(area).get("outcome").asText()).as(area).isEqualTo("Completed");
            assertThat(first.count(area, "failed")).as(area).isZero();
        }
        List<String> ran = new ArrayList<>();
        first.report().get("areas").fieldNames().forEachRemaining(ran::add);
        assertThat(ran).containsExactlyInAnyOrderElementsOf(AREAS);
        assertThat(ran.indexOf("products")).isLessThan(ran.indexOf("quotes"));
        assertThat(ran.indexOf("accounts")).isLessThan(ran.indexOf("contacts"));
        assertThat(ran.indexOf("orders")).isLessThan(ran.indexOf("invoices"));
        assertThat(ran.indexOf("erp-orders")).isLessThan(ran.indexOf("invoices"));
    }

    @Test
    @Order(2)
    void eachAreaHoldsWhatIsEligibleOnTheOtherSide() {
        Set<Object> erpProducts = probe.erp("SellableReleasedProducts", "$select=ProductNumber").stream()
                .map(p -> p.get("ProductNumber")).collect(Collectors.toSet());
        assertThat(probe.crm("products", "$select=productnumber", "$filter=msdyn_externallymaintained eq true"))
                .extracting(p -> p.get("productnumber")).containsExactlyInAnyOrderElementsOf(erpProducts);

        List<Map<String, Object>> customers = probe.crm("accounts", "$select=accountid,accountnumber",
                "$filter=customertypecode eq 3");
        assertThat(probe.erp("CustomersV3", "$select=CustomerAccount", "$filter=PartyType eq 'Organization'"))
                .extracting(c -> c.get("CustomerAccount"))
                .containsExactlyInAnyOrderElementsOf(customers.stream().map(a -> a.get("accountnumber")).toList());

        Set<Object> customerIds = customers.stream().map(a -> a.get("accountid")).collect(Collectors.toSet());
        List<Map<String, Object>> contacts = probe.crm("contacts",
                "$select=cdm_contactnumber,_parentcustomerid_value,msdyn_isactivecustomer");
        assertThat(probe.erp("ContactPersons", "$select=ContactPersonId")).extracting(c -> c.get("ContactPersonId"))
                .containsExactlyInAnyOrderElementsOf(contacts.stream()
                        .filter(c -> !Boolean.TRUE.equals(c.get("msdyn_isactivecustomer")))
                        .filter(c -> customerIds.contains(c.get("_parentcustomerid_value")))
                        .map(c -> c.get("cdm_contactnumber")).toList());
        assertThat(probe.erp("CustomersV3", "$select=CustomerAccount", "$filter=PartyType eq 'Person'"))
                .hasSize((int) contacts.stream().filter(c -> Boolean.TRUE.equals(c.get("msdyn_isactivecustomer")))
                        .count());

        // a quote with a write-in line (no product) is held, not sent without that line
        List<Map<String, Object>> quoteLines = probe.crm("quotedetails", "$select=_quoteid_value,_productid_value");
        Set<Object> held = quoteLines.stream().filter(l -> l.get("_productid_value") == null)
                .map(l -> l.get("_quoteid_value")).collect(Collectors.toSet());
        Set<Object> eligibleQuotes = probe.crm("quotes", "$select=quoteid,_customerid_value", "$filter=statecode eq 1")
                .stream().filter(q -> customerIds.contains(q.get("_customerid_value")))
                .map(q -> q.get("quoteid")).filter(q -> !held.contains(q)).collect(Collectors.toSet());
        assertThat(probe.erp("SalesQuotationLines", "$select=SalesQuotationNumber")).hasSize((int) quoteLines.stream()
                .filter(l -> eligibleQuotes.contains(l.get("_quoteid_value"))).count());
    }

    @Test
    @Order(3)
    void ordersTheErpOwnsArriveInTheCrmWithTheirLines() {
        List<Map<String, Object>> erpOwned = probe.erp("SalesOrderHeadersV2",
                "$filter=SalesOrderOriginCode eq 'ERP'");
        List<Map<String, Object>> confirmed = erpOwned.stream()
                .filter(o -> o.get("DocumentStatus") != null && !"None".equals(o.get("DocumentStatus"))).toList();
        Set<Object> numbers = confirmed.stream().map(o -> o.get("SalesOrderNumber")).collect(Collectors.toSet());
        List<Map<String, Object>> inCrm = probe.crm("salesorders", "$filter=msdyn_origin eq 'ERP'");

        assertThat(inCrm).extracting(o -> o.get("ordernumber")).containsExactlyInAnyOrderElementsOf(numbers);
        long erpLines = probe.erp("SalesOrderLines", "$select=SalesOrderNumber").stream()
                .filter(l -> numbers.contains(l.get("SalesOrderNumber"))).count();
        Set<Object> crmIds = inCrm.stream().map(o -> o.get("salesorderid")).collect(Collectors.toSet());
        assertThat(probe.crm("salesorderdetails", "$select=_salesorderid_value").stream()
                .filter(l -> crmIds.contains(l.get("_salesorderid_value"))).count()).isEqualTo(erpLines);

        Map<String, Map<String, Object>> erpByNumber = byKey(confirmed, "SalesOrderNumber");
        for (Map<String, Object> order : inCrm) {
            Map<String, Object> erp = erpByNumber.get(order.get("ordernumber"));
            String company = (String) erp.get("dataAreaId");
            assertThat(order.get("_owningbusinessunit_value")).as("company of " + order.get("ordernumber"))
                    .isEqualTo(businessUnit(company));
            assertThat(order.get("_transactioncurrencyid_value")).isEqualTo(currency(company));
            assertThat(ODataProbe.decimal(order.get("totalamount"))).isEqualByComparingTo(ODataProbe.decimal(erp.get("TotalAmount")));
            assertThat(order.get("msdyn_processingstatus"))
                    .isEqualTo("Invoiced".equals(erp.get("SalesOrderStatus")) ? "Invoiced" : "Confirmed");
        }
    }

    @Test
    @Order(4)
    void invoicesOfSalesOrdersArriveAndTheirOrdersAreInvoiced() {
        List<Map<String, Object>> ofOrders = probe.erp("SalesInvoiceHeadersV2").stream()
                .filter(i -> i.get("SalesOrderNumber") != null).toList();
        assertThat(ofOrders).isNotEmpty();
        List<Map<String, Object>> crmInvoices = probe.crm("invoices");

        assertThat(crmInvoices).extracting(i -> i.get("invoicenumber"))
                .containsExactlyInAnyOrderElementsOf(ofOrders.stream().map(i -> i.get("InvoiceNumber")).toList());
        Set<Object> numbers = ofOrders.stream().map(i -> i.get("InvoiceNumber")).collect(Collectors.toSet());
        long erpLines = probe.erp("SalesInvoiceLines", "$select=InvoiceNumber").stream()
                .filter(l -> numbers.contains(l.get("InvoiceNumber"))).count();
        assertThat(probe.crm("invoicedetails", "$select=invoicedetailid")).hasSize((int) erpLines);

        Map<String, Map<String, Object>> orders = byKey(probe.crm("salesorders"), "salesorderid");
        Map<String, Map<String, Object>> erpInvoices = byKey(ofOrders, "InvoiceNumber");
        for (Map<String, Object> invoice : crmInvoices) {
            Map<String, Object> erp = erpInvoices.get(invoice.get("invoicenumber"));
            Map<String, Object> order = orders.get(invoice.get("_salesorderid_value"));
            assertThat(order).as("order of " + invoice.get("invoicenumber")).isNotNull();
            assertThat(order.get("ordernumber")).isEqualTo(erp.get("SalesOrderNumber"));
            assertThat(order.get("statecode")).isEqualTo(4);
            assertThat(order.get("msdyn_processingstatus")).isEqualTo("Invoiced");
            assertThat(ODataProbe.decimal(invoice.get("totalamount")))
                    .isEqualByComparingTo(ODataProbe.decimal(erp.get("TotalInvoiceAmount")));
            String company = (String) erp.get("dataAreaId");
            assertThat(invoice.get("_owningbusinessunit_value")).isEqualTo(businessUnit(company));
            assertThat(invoice.get("_transactioncurrencyid_value")).isEqualTo(currency(company));
        }
    }

    @Test
    @Order(5)
    void recordsOfDemfStayInDemfWithEuroPrices() {
        for (String set : List.of("SalesQuotationHeadersV2", "SalesOrderHeadersV2")) {
            Map<Object, List<Object>> currencies = probe.erp(set, "$select=dataAreaId,CurrencyCode").stream()
                    .collect(Collectors.groupingBy(r -> r.get("dataAreaId"),
                            Collectors.mapping(r -> r.get("CurrencyCode"), Collectors.toList())));
            assertThat(currencies.get(SandboxIds.COMPANY_DEMF)).as(set + " in demf").isNotEmpty().containsOnly("EUR");
            assertThat(currencies.get(SandboxIds.DEFAULT_COMPANY)).as(set + " in usmf").isNotEmpty().containsOnly("USD");
        }
        Map<String, Map<String, Object>> crmOrders = byKey(probe.crm("salesorders",
                "$select=ordernumber,_owningbusinessunit_value"), "ordernumber");
        for (Map<String, Object> erp : probe.erp("SalesOrderHeadersV2", "$filter=SalesOrderOriginCode eq 'CRM'")) {
            assertThat(crmOrders.get(erp.get("SalesOrderNumber")).get("_owningbusinessunit_value"))
                    .as("company of " + erp.get("SalesOrderNumber")).isEqualTo(businessUnit((String) erp.get("dataAreaId")));
        }
        assertThat(probe.crm("productpricelevels", "$select=amount,_pricelevelid_value,_transactioncurrencyid_value")
                .stream().filter(p -> SandboxIds.PRICE_LIST_EUR.equals(p.get("_pricelevelid_value"))))
                .isNotEmpty().allSatisfy(p -> assertThat(p.get("_transactioncurrencyid_value"))
                        .isEqualTo(SandboxIds.CURRENCY_EUR));
    }

    @Test
    @Order(6)
    void aSecondRunWritesNothingAnywhere() throws Exception {
        SyncFixture.Result second = sync.syncOnce();

        assertThat(second.exitCode()).as(second.printed()).isZero();
        for (String area : AREAS) {
            assertThat(second.count(area, "written")).as(area).isZero();
            assertThat(second.area(area).get("outcome").asText()).as(area).isEqualTo("Completed");
        }
    }

    private static String businessUnit(String company) {
        return company.equals(SandboxIds.COMPANY_DEMF) ? SandboxIds.BU_DEMF : SandboxIds.BU_USMF;
    }

    private static String currency(String company) {
        return company.equals(SandboxIds.COMPANY_DEMF) ? SandboxIds.CURRENCY_EUR : SandboxIds.CURRENCY_USD;
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows, String field) {
        return rows.stream().collect(Collectors.toMap(r -> (String) r.get(field), Function.identity()));
    }
}
