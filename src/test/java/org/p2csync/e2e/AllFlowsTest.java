package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.p2csync.odata.Dialect;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sandbox.SandboxStats;

/**
 * The whole job on a fresh data folder: `sync --once` with no --area runs every shipped area in dependency order,
 * each completes, and what each wrote matches what is eligible on the other side, counted through both OData APIs;
 * records of demf stay in demf with EUR. Repeat runs write nothing, and the areas read in full (ERP sources have no
 * timestamp) send nothing but their reads; one changed ERP record is one write.
 *
 * <p>The sandbox's $metadata, against which every run validates the mappings, serves exactly the real schemas' sets,
 * keys, fields and types (SandboxRealSchemaTest), and the shipped mappings pass the real schemas themselves
 * (RealSchemaMappingsTest): the runs here are runs of the mappings on the real data model.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllFlowsTest {
    private static final List<String> AREAS = List.of("products", "accounts", "contacts", "person-customers",
            "quotes", "orders", "order-status", "erp-orders", "invoices");
    private static final List<String> ORDER_ID = List.of("dataAreaId", "SalesOrderNumber");
    /** The ERP -> CRM areas with the source each reads in full every run, as its mapping names it. */
    private static final Map<String, FullReadCost.Source> READ_IN_FULL = Map.of(
            "products", new FullReadCost.Source("SellableReleasedProducts", List.of("dataAreaId", "ProductNumber"), null),
            "order-status", new FullReadCost.Source("CDSSalesOrderHeaders", ORDER_ID, null),
            "erp-orders", new FullReadCost.Source("CDSSalesOrderHeaders", ORDER_ID, "CDSSalesOrderLines"),
            "invoices", new FullReadCost.Source("SalesInvoiceHeadersV2",
                    List.of("dataAreaId", "InvoiceNumber", "InvoiceDate", "LedgerVoucher"), "SalesInvoiceV2Lines"));
    // salesorder choices (src/main/resources/p2c-columns.yaml)
    private static final int ORIGIN_CRM = 916800000;
    private static final int ORIGIN_ERP = 916800001;
    private static final int DRAFT = 916800000;
    private static final int CONFIRMED = 916800002;
    private static final int INVOICED = 916800006;
    /** SalesOrderProcessingStatus member -> p2c_processingstatus, as value map processingStatus (AREAS.md). */
    private static final Map<String, Integer> PROCESSING_STATUS = Map.of("Active", 916800001, "Confirmed", CONFIRMED,
            "Picked", 916800003, "PartiallyDelivered", 916800004, "Delivered", 916800005, "Invoiced", INVOICED,
            "PartiallyInvoiced", 916800007, "Canceled", 916800008, "DeliveredPartiallyInvoiced", 916800009);

    Sandbox sandbox;
    ODataProbe probe;
    SyncFixture sync;
    SyncFixture.Result first;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(400));
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, settings());
        first = firstRun();
        print("first run", first);
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
    void everySellableProductIsOneCrmProductWithAPriceListItemPerCompany() {
        List<Map<String, Object>> releases = probe.erp("SellableReleasedProducts",
                "$select=dataAreaId,ProductNumber,SalesPrice,CurrencyCode");
        Map<Object, List<Map<String, Object>>> byNumber = releases.stream()
                .collect(Collectors.groupingBy(r -> r.get("ProductNumber")));
        List<Map<String, Object>> products = probe.crm("products", "$select=productid,productnumber",
                "$filter=p2c_externallymaintained eq true");

        assertThat(products).extracting(p -> p.get("productnumber"))
                .as("one CRM product per ERP product number").containsExactlyInAnyOrderElementsOf(byNumber.keySet());
        assertThat(probe.crm("products", "$select=productid")).as("and no other product").hasSameSizeAs(products);

        Map<Object, List<Map<String, Object>>> items = probe.crm("productpricelevels",
                        "$select=_productid_value,_pricelevelid_value,_transactioncurrencyid_value,amount").stream()
                .collect(Collectors.groupingBy(i -> i.get("_productid_value")));
        for (Map<String, Object> product : products) {
            List<Map<String, Object>> released = byNumber.get(product.get("productnumber"));
            List<Map<String, Object>> itemsOf = items.getOrDefault(product.get("productid"), List.of());
            assertThat(itemsOf).as("price-list items of " + product.get("productnumber"))
                    .extracting(i -> i.get("_pricelevelid_value"))
                    .containsExactlyInAnyOrderElementsOf(released.stream()
                            .map(r -> priceList((String) r.get("dataAreaId"))).toList());
            for (Map<String, Object> release : released) {
                String company = (String) release.get("dataAreaId");
                Map<String, Object> item = itemsOf.stream()
                        .filter(i -> priceList(company).equals(i.get("_pricelevelid_value"))).findFirst().orElseThrow();
                assertThat(item.get("_transactioncurrencyid_value")).isEqualTo(currency(company));
                assertThat(ODataProbe.decimal(item.get("amount")))
                        .isEqualByComparingTo(ODataProbe.decimal(release.get("SalesPrice")));
            }
        }
        assertThat(byNumber.values()).as("some products are released in both companies").anyMatch(r -> r.size() == 2);
    }

    @Test
    @Order(3)
    void customersContactPersonsAndPersonCustomersAreWhatTheCrmHas() {
        Map<String, Map<String, Object>> customers = customerAccounts();
        List<Map<String, Object>> erpCustomers = probe.erp("CustomersV3",
                "$select=dataAreaId,CustomerAccount,PartyType,PartyNumber");
        Map<String, Map<String, Object>> organisations = byKey(erpCustomers.stream()
                .filter(c -> "Organization".equals(c.get("PartyType"))).toList(), "CustomerAccount");

        assertThat(erpCustomers.stream().filter(c -> "Organization".equals(c.get("PartyType"))))
                .extracting(c -> c.get("CustomerAccount"))
                .containsExactlyInAnyOrderElementsOf(customers.values().stream().map(a -> a.get("accountnumber")).toList());
        for (Map<String, Object> account : customers.values()) {
            Map<String, Object> customer = organisations.get(account.get("accountnumber"));
            assertThat(customer.get("dataAreaId")).as("company of " + account.get("accountnumber"))
                    .isEqualTo(company((String) account.get("_owningbusinessunit_value")));
            assertThat((String) customer.get("PartyNumber")).as("party number of " + account.get("accountnumber"))
                    .isNotBlank();
        }
        assertThat(organisations.values()).extracting(c -> c.get("PartyNumber")).doesNotHaveDuplicates();

        List<Map<String, Object>> contacts = probe.crm("contacts",
                "$select=p2c_contactnumber,_parentcustomerid_value,p2c_isactivecustomer");
        Map<String, Map<String, Object>> contactByNumber = byKey(contacts, "p2c_contactnumber");
        List<Map<String, Object>> contactPersons = probe.erp("ContactPersons",
                "$select=dataAreaId,ContactPersonId,AssociatedPartyNumber");
        assertThat(contactPersons).extracting(c -> c.get("ContactPersonId"))
                .as("the contacts of customer companies that are no customers themselves")
                .containsExactlyInAnyOrderElementsOf(contacts.stream()
                        .filter(c -> !Boolean.TRUE.equals(c.get("p2c_isactivecustomer")))
                        .filter(c -> customers.containsKey(c.get("_parentcustomerid_value")))
                        .map(c -> c.get("p2c_contactnumber")).toList());
        for (Map<String, Object> person : contactPersons) {
            Map<String, Object> contact = contactByNumber.get(person.get("ContactPersonId"));
            Map<String, Object> company = organisations.get(
                    customers.get(contact.get("_parentcustomerid_value")).get("accountnumber"));
            assertThat(person).as("contact person " + person.get("ContactPersonId") + " names its company's party")
                    .containsEntry("dataAreaId", company.get("dataAreaId"))
                    .containsEntry("AssociatedPartyNumber", company.get("PartyNumber"));
        }

        assertThat(erpCustomers.stream().filter(c -> "Person".equals(c.get("PartyType"))))
                .extracting(c -> c.get("CustomerAccount")).as("person customers")
                .containsExactlyInAnyOrderElementsOf(contacts.stream()
                        .filter(c -> Boolean.TRUE.equals(c.get("p2c_isactivecustomer")))
                        .map(c -> c.get("p2c_contactnumber")).toList());
    }

    @Test
    @Order(4)
    void activatedQuotesOfCustomersAreInTheErpWithTheirLinesAndThoseWithAWriteInLineAreHeld() {
        Map<String, Map<String, Object>> customers = customerAccounts();
        List<Map<String, Object>> lines = probe.crm("quotedetails", "$select=_quoteid_value,_productid_value");
        Set<Object> withWriteIn = lines.stream().filter(l -> l.get("_productid_value") == null)
                .map(l -> l.get("_quoteid_value")).collect(Collectors.toSet());
        List<Map<String, Object>> activated = probe.crm("quotes",
                        "$select=quoteid,quotenumber,_customerid_value,_owningbusinessunit_value", "$filter=statecode eq 1")
                .stream().filter(q -> customers.containsKey(q.get("_customerid_value"))).toList();
        List<Map<String, Object>> eligible = activated.stream().filter(q -> !withWriteIn.contains(q.get("quoteid"))).toList();
        Map<String, Map<String, Object>> erpQuotes = byKey(probe.erp("CDSSalesQuotationHeaders",
                "$select=dataAreaId,SalesQuotationNumber"), "SalesQuotationNumber");

        assertThat(activated.size() - eligible.size()).as("the seed has activated customer quotes with a write-in line")
                .isPositive();
        assertThat(first.count("quotes", "held")).as("activated customer quotes with a write-in line")
                .isEqualTo(activated.size() - eligible.size());
        assertThat(erpQuotes.keySet()).containsExactlyInAnyOrderElementsOf(
                eligible.stream().map(q -> (String) q.get("quotenumber")).toList());
        for (Map<String, Object> quote : eligible) {
            assertThat(erpQuotes.get(quote.get("quotenumber")).get("dataAreaId")).as("company of " + quote.get("quotenumber"))
                    .isEqualTo(company((String) quote.get("_owningbusinessunit_value")));
        }
        Map<Object, Object> numberOf = eligible.stream()
                .collect(Collectors.toMap(q -> q.get("quoteid"), q -> q.get("quotenumber")));
        assertThat(countBy(probe.erp("CDSSalesQuotationLines", "$select=SalesQuotationNumber"),
                l -> l.get("SalesQuotationNumber"))).as("lines per quotation")
                .isEqualTo(countBy(lines.stream().filter(l -> numberOf.containsKey(l.get("_quoteid_value"))).toList(),
                        l -> numberOf.get(l.get("_quoteid_value"))));
    }

    @Test
    @Order(5)
    void activatedCrmOrdersOfCustomersAreInTheErpWithTheirLines() {
        Map<String, Map<String, Object>> customers = customerAccounts();
        List<Map<String, Object>> lines = probe.crm("salesorderdetails", "$select=_salesorderid_value,_productid_value");
        Set<Object> withWriteIn = lines.stream().filter(l -> l.get("_productid_value") == null)
                .map(l -> l.get("_salesorderid_value")).collect(Collectors.toSet());
        List<Map<String, Object>> eligible = crmOrders().stream()
                .filter(o -> choice(o.get("p2c_origin")) == ORIGIN_CRM)
                .filter(o -> o.get("p2c_processingstatus") != null && choice(o.get("p2c_processingstatus")) != DRAFT)
                .filter(o -> customers.containsKey(o.get("_customerid_value")))
                .filter(o -> !withWriteIn.contains(o.get("salesorderid")))
                .toList();
        List<Map<String, Object>> fromCrm = erpOrders().stream()
                .filter(o -> "CRM".equals(o.get("SalesOrderOriginCode"))).toList();

        assertThat(fromCrm).extracting(o -> o.get("SalesOrderNumber"))
                .containsExactlyInAnyOrderElementsOf(eligible.stream().map(o -> o.get("ordernumber")).toList());
        Map<Object, Object> numberOf = eligible.stream()
                .collect(Collectors.toMap(o -> o.get("salesorderid"), o -> o.get("ordernumber")));
        assertThat(erpLineCounts(fromCrm)).as("lines per order")
                .isEqualTo(countBy(lines.stream().filter(l -> numberOf.containsKey(l.get("_salesorderid_value"))).toList(),
                        l -> numberOf.get(l.get("_salesorderid_value"))));
    }

    @Test
    @Order(6)
    void ordersTheErpOwnsArriveInTheCrmWithTheirLinesOwnersTotalsAndStatus() {
        List<Map<String, Object>> erpOwned = erpOrders().stream()
                .filter(o -> "ERP".equals(o.get("SalesOrderOriginCode")))
                .filter(o -> !"Active".equals(o.get("SalesOrderProcessingStatus"))).toList();
        List<Map<String, Object>> inCrm = crmOrders().stream()
                .filter(o -> choice(o.get("p2c_origin")) == ORIGIN_ERP).toList();

        assertThat(erpOwned).isNotEmpty();
        assertThat(inCrm).extracting(o -> o.get("ordernumber"))
                .containsExactlyInAnyOrderElementsOf(erpOwned.stream().map(o -> o.get("SalesOrderNumber")).toList());
        Map<Object, Object> numberOf = inCrm.stream()
                .collect(Collectors.toMap(o -> o.get("salesorderid"), o -> o.get("ordernumber")));
        assertThat(countBy(probe.crm("salesorderdetails", "$select=_salesorderid_value").stream()
                        .filter(l -> numberOf.containsKey(l.get("_salesorderid_value"))).toList(),
                l -> numberOf.get(l.get("_salesorderid_value")))).as("lines per order")
                .isEqualTo(erpLineCounts(erpOwned));

        Map<String, Map<String, Object>> erpByNumber = byKey(erpOwned, "SalesOrderNumber");
        for (Map<String, Object> order : inCrm) {
            Map<String, Object> erp = erpByNumber.get(order.get("ordernumber"));
            String company = (String) erp.get("dataAreaId");
            String number = "order " + order.get("ordernumber");
            assertThat(order.get("_ownerid_value")).as(number + " owned by its company's team").isEqualTo(team(company));
            assertThat(order.get("_owningbusinessunit_value")).as(number).isEqualTo(businessUnit(company));
            assertThat(order.get("_transactioncurrencyid_value")).as(number).isEqualTo(currency(company));
            assertAmount(order, "totalamount", erp, "OrderTotalAmount");
            assertAmount(order, "totaltax", erp, "OrderTotalTaxAmount");
            assertAmount(order, "freightamount", erp, "OrderTotalChargesAmount");
            assertThat(choice(order.get("p2c_processingstatus"))).as(number)
                    .isEqualTo(PROCESSING_STATUS.get((String) erp.get("SalesOrderProcessingStatus")));
            assertThat(order.get("statecode")).as(number + " stays active").isEqualTo(0);
        }
        assertThat(inCrm).extracting(o -> choice(o.get("p2c_processingstatus"))).contains(CONFIRMED, INVOICED);
    }

    @Test
    @Order(7)
    void invoicesOfSalesOrdersArriveLinkedToTheirOrderAndCustomerAndTheOrdersAreInvoiced() {
        List<Map<String, Object>> invoices = probe.erp("SalesInvoiceHeadersV2",
                "$select=dataAreaId,InvoiceNumber,InvoiceDate,SalesOrderNumber,InvoiceCustomerAccountNumber,"
                        + "TotalInvoiceAmount,TotalTaxAmount,TotalChargeAmount");
        List<Map<String, Object>> ofOrders = invoices.stream().filter(i -> i.get("SalesOrderNumber") != null).toList();
        List<Map<String, Object>> crmInvoices = probe.crm("invoices", "$select=invoiceid,invoicenumber,"
                + "_salesorderid_value,_customerid_value,_ownerid_value,_owningbusinessunit_value,"
                + "_transactioncurrencyid_value,p2c_invoicedate,totalamount,totaltax,freightamount");

        assertThat(ofOrders).isNotEmpty().hasSizeLessThan(invoices.size());
        assertThat(crmInvoices).extracting(i -> i.get("invoicenumber")).as("invoices of sales orders, no free-text one")
                .containsExactlyInAnyOrderElementsOf(ofOrders.stream().map(i -> i.get("InvoiceNumber")).toList());
        Set<Object> numbers = ofOrders.stream().map(i -> i.get("InvoiceNumber")).collect(Collectors.toSet());
        Map<Object, Object> numberOf = crmInvoices.stream()
                .collect(Collectors.toMap(i -> i.get("invoiceid"), i -> i.get("invoicenumber")));
        assertThat(countBy(probe.crm("invoicedetails", "$select=_invoiceid_value"), l -> numberOf.get(l.get("_invoiceid_value"))))
                .as("lines per invoice")
                .isEqualTo(countBy(probe.erp("SalesInvoiceV2Lines", "$select=InvoiceNumber").stream()
                        .filter(l -> numbers.contains(l.get("InvoiceNumber"))).toList(), l -> l.get("InvoiceNumber")));

        Map<String, Map<String, Object>> orders = byKey(crmOrders(), "salesorderid");
        Map<String, Map<String, Object>> accounts = byKey(probe.crm("accounts", "$select=accountid,accountnumber"), "accountid");
        Map<String, Map<String, Object>> erpInvoices = byKey(ofOrders, "InvoiceNumber");
        for (Map<String, Object> invoice : crmInvoices) {
            Map<String, Object> erp = erpInvoices.get(invoice.get("invoicenumber"));
            String company = (String) erp.get("dataAreaId");
            String number = "invoice " + invoice.get("invoicenumber");
            Map<String, Object> order = orders.get(invoice.get("_salesorderid_value"));
            assertThat(order).as("order of " + number).isNotNull();
            assertThat(order.get("ordernumber")).as(number).isEqualTo(erp.get("SalesOrderNumber"));
            assertThat(choice(order.get("p2c_processingstatus"))).as("processing status of its order").isEqualTo(INVOICED);
            assertThat(order.get("statecode")).as("its order stays active").isEqualTo(0);
            assertThat(accounts.get(invoice.get("_customerid_value"))).as("customer of " + number)
                    .containsEntry("accountnumber", erp.get("InvoiceCustomerAccountNumber"));
            assertThat(day(invoice.get("p2c_invoicedate"))).as(number + ": p2c_invoicedate = InvoiceDate")
                    .isEqualTo(day(erp.get("InvoiceDate")));
            assertAmount(invoice, "totalamount", erp, "TotalInvoiceAmount");
            assertAmount(invoice, "totaltax", erp, "TotalTaxAmount");
            assertAmount(invoice, "freightamount", erp, "TotalChargeAmount");
            assertThat(invoice.get("_ownerid_value")).as(number).isEqualTo(team(company));
            assertThat(invoice.get("_owningbusinessunit_value")).as(number).isEqualTo(businessUnit(company));
            assertThat(invoice.get("_transactioncurrencyid_value")).as(number).isEqualTo(currency(company));
        }
    }

    @Test
    @Order(8)
    void recordsOfDemfStayInDemfWithEuroPrices() {
        for (String set : List.of("CDSSalesQuotationHeaders", "CDSSalesOrderHeaders")) {
            Map<Object, List<Object>> currencies = probe.erp(set, "$select=dataAreaId,CurrencyCode").stream()
                    .collect(Collectors.groupingBy(r -> r.get("dataAreaId"),
                            Collectors.mapping(r -> r.get("CurrencyCode"), Collectors.toList())));
            assertThat(currencies.get(SandboxIds.COMPANY_DEMF)).as(set + " in demf").isNotEmpty().containsOnly("EUR");
            assertThat(currencies.get(SandboxIds.DEFAULT_COMPANY)).as(set + " in usmf").isNotEmpty().containsOnly("USD");
        }
        Map<String, Map<String, Object>> crmOrders = byKey(crmOrders(), "ordernumber");
        List<Map<String, Object>> fromCrm = erpOrders().stream()
                .filter(o -> "CRM".equals(o.get("SalesOrderOriginCode"))).toList();
        assertThat(fromCrm).extracting(o -> o.get("dataAreaId")).contains(SandboxIds.COMPANY_DEMF, SandboxIds.DEFAULT_COMPANY);
        for (Map<String, Object> erp : fromCrm) {
            assertThat(crmOrders.get(erp.get("SalesOrderNumber")).get("_owningbusinessunit_value"))
                    .as("company of " + erp.get("SalesOrderNumber")).isEqualTo(businessUnit((String) erp.get("dataAreaId")));
        }
        assertThat(probe.crm("productpricelevels", "$select=amount,_pricelevelid_value,_transactioncurrencyid_value")
                .stream().filter(p -> SandboxIds.PRICE_LIST_EUR.equals(p.get("_pricelevelid_value"))))
                .isNotEmpty().allSatisfy(p -> assertThat(p.get("_transactioncurrencyid_value"))
                        .isEqualTo(SandboxIds.CURRENCY_EUR));
    }

    @Test
    @Order(9)
    void aSecondRunAndFiveMoreWriteNothingAndTheAreasReadInFullSendOnlyTheirReads() throws Exception {
        for (int run = 2; run <= 7; run++) {
            Map<String, Long> reads = new LinkedHashMap<>();
            READ_IN_FULL.forEach((area, source) -> reads.put(area, FullReadCost.requests(probe, source, erpPageSize())));
            SandboxStats before = sandbox.stats();

            SyncFixture.Result repeat = sync.syncOnce();

            SandboxStats after = sandbox.stats();
            print("run " + run, repeat);
            assertThat(repeat.exitCode()).as(repeat.printed()).isZero();
            long crm = 0;
            long erp = 0;
            for (String area : AREAS) {
                String what = "run " + run + ", " + area;
                assertThat(repeat.area(area).get("outcome").asText()).as(what).isEqualTo("Completed");
                assertThat(repeat.count(area, "written")).as(what).isZero();
                assertThat(repeat.count(area, "failed")).as(what).isZero();
                long toCrm = requests(repeat, area, "crm");
                long toErp = requests(repeat, area, "erp");
                if (READ_IN_FULL.containsKey(area)) {
                    assertThat(toCrm).as(what + ": nothing to write, no CRM request").isZero();
                    assertThat(toErp).as(what + ": its header and line pages, nothing else").isEqualTo(reads.get(area));
                } else {
                    assertThat(toErp).as(what + ": nothing to write, no ERP request").isZero();
                }
                crm += toCrm;
                erp += toErp;
            }
            assertThat(after.batches() - before.batches()).as("run %d: no $batch, no write", run).isZero();
            long check = after.metadataApiRequests() - before.metadataApiRequests();
            assertThat(check).as("run %d: the start-up check of what the mappings need reads the metadata Web API",
                    run).isPositive();
            assertThat(after.crmRequests() - before.crmRequests()).as("run %d: CRM requests the sandbox saw: the areas',"
                    + " the $metadata read at start and the start-up check's", run).isEqualTo(crm + 1 + check);
            assertThat(after.erpRequests() - before.erpRequests()).as("run %d: ERP requests the sandbox saw", run)
                    .isEqualTo(erp + 1);
        }
    }

    @Test
    @Order(10)
    void oneProductChangedInTheErpIsOneWriteInProducts() throws Exception {
        Map<Object, List<Object>> companies = probe.erp("SellableReleasedProducts", "$select=dataAreaId,ProductNumber")
                .stream().collect(Collectors.groupingBy(p -> p.get("ProductNumber"),
                        Collectors.mapping(p -> p.get("dataAreaId"), Collectors.toList())));
        String number = companies.entrySet().stream().filter(e -> e.getValue().size() == 2)
                .map(e -> (String) e.getKey()).sorted().skip(5).findFirst().orElseThrow();
        // its demf release only: the usmf release of the same CRM product is unchanged and costs nothing
        probe.patchErp("SellableReleasedProducts(dataAreaId='demf',ProductNumber='" + number + "')",
                Map.of("ProductName", "Renamed in demf"));

        assertOneWrite("products");

        Map<String, Object> product = probe.crm("products", "$select=productid,name",
                "$filter=productnumber eq '" + number + "'").get(0);
        assertThat(product.get("name")).isEqualTo("Renamed in demf");
        assertThat(probe.crm("productpricelevels", "$select=_pricelevelid_value",
                "$filter=_productid_value eq " + product.get("productid"))).extracting(i -> i.get("_pricelevelid_value"))
                .containsExactlyInAnyOrder(SandboxIds.PRICE_LIST_USD, SandboxIds.PRICE_LIST_EUR);
    }

    @Test
    @Order(11)
    void oneErpOrderRenamedInTheErpIsOneWriteInErpOrders() throws Exception {
        Map<String, Object> order = erpOrders().stream().filter(o -> "ERP".equals(o.get("SalesOrderOriginCode")))
                .filter(o -> !"Active".equals(o.get("SalesOrderProcessingStatus")))
                .filter(o -> SandboxIds.COMPANY_DEMF.equals(o.get("dataAreaId")))
                .min((a, b) -> ((String) a.get("SalesOrderNumber")).compareTo((String) b.get("SalesOrderNumber")))
                .orElseThrow();
        probe.patchErp(orderKey(order), Map.of("SalesOrderName", "Taken by phone, renamed"));

        assertOneWrite("erp-orders");

        assertThat(probe.crm("salesorders", "$select=name", "$filter=ordernumber eq '" + order.get("SalesOrderNumber") + "'"))
                .singleElement().satisfies(o -> assertThat(o.get("name")).isEqualTo("Taken by phone, renamed"));
    }

    @Test
    @Order(12)
    void oneCrmOrderConfirmedInTheErpIsOneWriteInOrderStatus() throws Exception {
        Map<String, Object> order = erpOrders().stream().filter(o -> "CRM".equals(o.get("SalesOrderOriginCode")))
                .filter(o -> "Active".equals(o.get("SalesOrderProcessingStatus")))
                .min((a, b) -> ((String) a.get("SalesOrderNumber")).compareTo((String) b.get("SalesOrderNumber")))
                .orElseThrow();
        // as an ERP user confirming it: status and the totals F&O calculates
        BigDecimal net = probe.erp("CDSSalesOrderLines", "$select=dataAreaId,SalesOrderNumber,LineAmount").stream()
                .filter(l -> l.get("dataAreaId").equals(order.get("dataAreaId"))
                        && l.get("SalesOrderNumber").equals(order.get("SalesOrderNumber")))
                .map(l -> ODataProbe.decimal(l.get("LineAmount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = net.multiply(new BigDecimal("0.08")).setScale(2, RoundingMode.HALF_UP);
        probe.patchErp(orderKey(order), Map.of("SalesOrderProcessingStatus", "Confirmed", "SalesOrderStatus", "Backorder",
                "OrderTotalAmount", net.add(tax), "OrderTotalTaxAmount", tax, "OrderTotalChargesAmount", BigDecimal.ZERO,
                "AreTotalsUpdated", "Yes"));

        assertOneWrite("order-status");

        assertThat(probe.crm("salesorders", "$select=p2c_processingstatus,totalamount,totaltax,statecode",
                "$filter=ordernumber eq '" + order.get("SalesOrderNumber") + "'")).singleElement().satisfies(o -> {
                    assertThat(choice(o.get("p2c_processingstatus"))).isEqualTo(CONFIRMED);
                    assertThat(ODataProbe.decimal(o.get("totalamount"))).isEqualByComparingTo(net.add(tax));
                    assertThat(ODataProbe.decimal(o.get("totaltax"))).isEqualByComparingTo(tax);
                    assertThat(o.get("statecode")).isEqualTo(0);
                });
    }

    /** The next run writes exactly one record, in that area, and nothing elsewhere; the run after it writes nothing. */
    private void assertOneWrite(String area) throws Exception {
        SyncFixture.Result next = sync.syncOnce();
        print("after one change for " + area, next);
        assertThat(next.exitCode()).as(next.printed()).isZero();
        for (String a : AREAS) {
            assertThat(next.count(a, "written")).as(a).isEqualTo(a.equals(area) ? 1 : 0);
            assertThat(next.count(a, "failed")).as(a).isZero();
        }
        SyncFixture.Result after = sync.syncOnce();
        assertThat(after.exitCode()).as(after.printed()).isZero();
        for (String a : AREAS) {
            assertThat(after.count(a, "written")).as("the run after, " + a).isZero();
        }
    }

    /** Rows per page of the ERP reads: the setting, else the most F&amp;O serves. */
    private int erpPageSize() {
        String set = settings().get("p2c.page-size");
        return set == null ? Dialect.FNO.maxPageSize() : Integer.parseInt(set);
    }

    /** CRM customer accounts (customertypecode 3) by accountid. */
    private Map<String, Map<String, Object>> customerAccounts() {
        return byKey(probe.crm("accounts", "$select=accountid,accountnumber,_owningbusinessunit_value",
                "$filter=customertypecode eq 3"), "accountid");
    }

    private List<Map<String, Object>> crmOrders() {
        return probe.crm("salesorders", "$select=salesorderid,ordernumber,p2c_origin,p2c_processingstatus,statecode,"
                + "_customerid_value,_ownerid_value,_owningbusinessunit_value,_transactioncurrencyid_value,"
                + "totalamount,totaltax,freightamount");
    }

    private List<Map<String, Object>> erpOrders() {
        return probe.erp("CDSSalesOrderHeaders", "$select=dataAreaId,SalesOrderNumber,SalesOrderOriginCode,"
                + "SalesOrderProcessingStatus,CurrencyCode,OrderTotalAmount,OrderTotalTaxAmount,OrderTotalChargesAmount");
    }

    /** ERP order lines per order number, of these orders. */
    private Map<Object, Long> erpLineCounts(List<Map<String, Object>> orders) {
        Set<List<Object>> keys = new HashSet<>();
        orders.forEach(o -> keys.add(List.of(o.get("dataAreaId"), o.get("SalesOrderNumber"))));
        return countBy(probe.erp("CDSSalesOrderLines", "$select=dataAreaId,SalesOrderNumber").stream()
                .filter(l -> keys.contains(List.of(l.get("dataAreaId"), l.get("SalesOrderNumber")))).toList(),
                l -> l.get("SalesOrderNumber"));
    }

    private static String orderKey(Map<String, Object> order) {
        return "CDSSalesOrderHeaders(dataAreaId='" + order.get("dataAreaId") + "',SalesOrderNumber='"
                + order.get("SalesOrderNumber") + "')";
    }

    private static long requests(SyncFixture.Result result, String area, String system) {
        return result.area(area).get("requests").get(system).asLong();
    }

    /** The figures of a run, per area, for the build log (counts, not timings). */
    private static void print(String label, SyncFixture.Result result) {
        if (result.report() == null) {
            return;
        }
        StringBuilder out = new StringBuilder("AllFlows " + label + ":");
        result.report().get("areas").fields().forEachRemaining(e -> out.append(String.format(
                "%n  %-16s read %5d written %5d held %3d waiting %3d requests crm %3d erp %3d", e.getKey(),
                e.getValue().get("read").asLong(), e.getValue().get("written").asLong(),
                e.getValue().get("held").asLong(), e.getValue().get("waiting").asLong(),
                e.getValue().get("requests").get("crm").asLong(), e.getValue().get("requests").get("erp").asLong())));
        System.out.println(out);
    }

    private static void assertAmount(Map<String, Object> crm, String crmField, Map<String, Object> erp, String erpField) {
        assertThat(ODataProbe.decimal(crm.get(crmField))).as(crmField + " = " + erpField)
                .isEqualByComparingTo(ODataProbe.decimal(erp.get(erpField)));
    }

    /** The day of a date (DateOnly) or date-time value as the services write it: 2024-01-01[T00:00:00Z]. */
    private static LocalDate day(Object value) {
        return LocalDate.parse(String.valueOf(value).substring(0, 10));
    }

    private static int choice(Object value) {
        return ((Number) Objects.requireNonNull(value, "choice value")).intValue();
    }

    private static <K> Map<K, Long> countBy(List<Map<String, Object>> rows, Function<Map<String, Object>, K> key) {
        return rows.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static String company(String businessUnit) {
        return SandboxIds.BU_DEMF.equals(businessUnit) ? SandboxIds.COMPANY_DEMF : SandboxIds.DEFAULT_COMPANY;
    }

    private static String businessUnit(String company) {
        return company.equals(SandboxIds.COMPANY_DEMF) ? SandboxIds.BU_DEMF : SandboxIds.BU_USMF;
    }

    private static String team(String company) {
        return company.equals(SandboxIds.COMPANY_DEMF) ? SandboxIds.TEAM_DEMF : SandboxIds.TEAM_USMF;
    }

    private static String currency(String company) {
        return company.equals(SandboxIds.COMPANY_DEMF) ? SandboxIds.CURRENCY_EUR : SandboxIds.CURRENCY_USD;
    }

    private static String priceList(String company) {
        return company.equals(SandboxIds.COMPANY_DEMF) ? SandboxIds.PRICE_LIST_EUR : SandboxIds.PRICE_LIST_USD;
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows, String field) {
        return rows.stream().collect(Collectors.toMap(r -> (String) r.get(field), Function.identity()));
    }
}
