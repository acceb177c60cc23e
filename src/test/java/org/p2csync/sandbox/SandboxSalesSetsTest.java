package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sales entity sets of both services: seeds and their consistency, keys, binds, header stamps, over HTTP. */
class SandboxSalesSetsTest {
    private static final String CRM_ORIGIN = "916800000";

    @TempDir
    static Path dir;

    /** Only read: the seed as it was made (500 accounts, the default). */
    static Sandbox seeded;
    static SandboxHttp seededHttp;
    /** Written to by the tests. */
    static Sandbox sandbox;
    static SandboxHttp http;

    @BeforeAll
    static void start() throws Exception {
        seeded = Sandbox.start(SandboxOptions.defaults(dir.resolve("seeded")).withSetUp());
        seededHttp = new SandboxHttp(seeded);
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("written")).withSetUp().withSeedAccounts(200));
        http = new SandboxHttp(sandbox);
        // keys beyond the shipped mappings' set-up, created as any customizer would: any column set may be a key
        http.createKey("contact", "p2c_contactnumber");
        http.createKey("uom", "name");
        http.createKey("pricelevel", "name");
        http.createKey("transactioncurrency", "isocurrencycode");
        http.createKey("quote", "quotenumber");
        http.createKey("quotedetail", "quoteid", "sequencenumber");
        assertThat(http.awaitKeys()).doesNotContainValue("Failed");
        seededHttp.createKey("pricelevel", "name");
        seededHttp.awaitKeys();
    }

    @AfterAll
    static void stop() {
        seeded.close();
        sandbox.close();
    }

    @Test
    void seedsAFewHundredRecordsPerSet() throws Exception {
        assertThat(count(seeded.crmUrl() + "contacts")).isEqualTo(400);
        assertThat(count(seeded.crmUrl() + "quotes")).isEqualTo(200);
        assertThat(count(seeded.crmUrl() + "salesorders")).isEqualTo(150);
        assertThat(count(seeded.crmUrl() + "quotedetails")).isBetween(200L, 1000L);
        assertThat(count(seeded.crmUrl() + "products")).isEqualTo(150);
        assertThat(count(seeded.crmUrl() + "productpricelevels")).isGreaterThan(150);
        assertThat(count(seeded.crmUrl() + "teams")).isEqualTo(2);
        assertThat(count(seeded.crmUrl() + "uomschedules")).isEqualTo(1);
        assertThat(count(seeded.crmUrl() + "uoms")).isEqualTo(5);
        assertThat(count(seeded.crmUrl() + "invoices")).as("written by the invoices flow only").isZero();
        assertThat(count(seeded.erpUrl() + "SellableReleasedProducts?cross-company=true")).isBetween(300L, 600L);
        assertThat(count(seeded.erpUrl() + "CDSSalesOrderHeaders?cross-company=true")).isEqualTo(100);
        assertThat(count(seeded.erpUrl() + "SalesInvoiceHeadersV2?cross-company=true")).isGreaterThan(30);
        assertThat(count(seeded.erpUrl() + "CustomersV3?cross-company=true")).as("written by the accounts flow only").isZero();
        assertThat(count(seeded.erpUrl() + "CDSSalesQuotationHeaders?cross-company=true")).isZero();
        for (String set : SandboxModel.CRM_SETS) {
            assertThat(seededHttp.get(seeded.crmUrl() + set + "?$top=1").statusCode()).as(set).isEqualTo(200);
        }
        for (String set : SandboxModel.ERP_SETS) {
            assertThat(seededHttp.get(seeded.erpUrl() + set + "?$top=1&cross-company=true").statusCode()).as(set).isEqualTo(200);
        }
    }

    @Test
    void seedsAreDeterministicFromTheSeed() throws Exception {
        try (Sandbox one = Sandbox.start(SandboxOptions.defaults(dir.resolve("one")).withSetUp().withSeedAccounts(100));
                Sandbox two = Sandbox.start(SandboxOptions.defaults(dir.resolve("two")).withSetUp().withSeedAccounts(100))) {
            SandboxHttp oneHttp = new SandboxHttp(one);
            SandboxHttp twoHttp = new SandboxHttp(two);
            for (String crmQuery : List.of(
                    "quotes?$select=quotenumber,_customerid_value,_ownerid_value,statecode,totalamount&$orderby=quotenumber",
                    "salesorderdetails?$select=_salesorderid_value,sequencenumber,_productid_value,quantity",
                    "salesorders?$select=ordernumber,p2c_processingstatus,p2c_origin",
                    "contacts?$select=p2c_contactnumber,lastname,_parentcustomerid_value,p2c_isactivecustomer",
                    "productpricelevels?$select=_pricelevelid_value,_productid_value,amount")) {
                JsonNode a = oneHttp.getJson(one.crmUrl() + crmQuery).get("value");
                assertThat(a).as(crmQuery).isNotEmpty();
                assertThat(a.equals(twoHttp.getJson(two.crmUrl() + crmQuery).get("value"))).as(crmQuery).isTrue();
            }
            for (String erpQuery : List.of(
                    "CDSSalesOrderLines?cross-company=true&$select=SalesOrderNumber,ProductNumber,LineAmount",
                    "SalesInvoiceHeadersV2?cross-company=true&$select=InvoiceNumber,LedgerVoucher,SalesOrderNumber,TotalInvoiceAmount")) {
                JsonNode a = oneHttp.getJson(one.erpUrl() + erpQuery).get("value");
                assertThat(a).as(erpQuery).isNotEmpty();
                assertThat(a.equals(twoHttp.getJson(two.erpUrl() + erpQuery).get("value"))).as(erpQuery).isTrue();
            }
        }
    }

    @Test
    void erpOrdersAreConfirmedOrInvoicedWithUpToDateTotals() throws Exception {
        Map<String, BigDecimal> net = new HashMap<>();
        for (JsonNode l : all(seeded.erpUrl() + "CDSSalesOrderLines?cross-company=true")) {
            net.merge(l.get("dataAreaId").asText() + "|" + l.get("SalesOrderNumber").asText(), l.get("LineAmount").decimalValue(),
                    BigDecimal::add);
        }
        int invoiced = 0;
        for (JsonNode o : all(seeded.erpUrl() + "CDSSalesOrderHeaders?cross-company=true")) {
            assertThat(o.get("SalesOrderNumber").asText()).startsWith("SO-E-");
            assertThat(o.get("SalesOrderOriginCode").asText()).isEqualTo("ERP");
            assertThat(o.get("CurrencyCode").asText()).isEqualTo(o.get("dataAreaId").asText().equals("demf") ? "EUR" : "USD");
            String processing = o.get("SalesOrderProcessingStatus").asText();
            assertThat(processing).isIn("Confirmed", "Invoiced");
            assertThat(o.get("SalesOrderStatus").asText()).isEqualTo(processing.equals("Invoiced") ? "Invoiced" : "Backorder");
            invoiced += processing.equals("Invoiced") ? 1 : 0;
            assertThat(o.get("AreTotalsUpdated").asText()).isEqualTo("Yes");
            BigDecimal lines = net.get(o.get("dataAreaId").asText() + "|" + o.get("SalesOrderNumber").asText());
            assertThat(o.get("OrderTotalAmount").decimalValue()).isEqualByComparingTo(lines
                    .add(o.get("OrderTotalTaxAmount").decimalValue()).add(o.get("OrderTotalChargesAmount").decimalValue()));
        }
        assertThat(invoiced).isBetween(30, 70);
    }

    @Test
    void crmOrdersStayActiveAndAreDraftOrActivated() throws Exception {
        int draft = 0;
        for (JsonNode o : all(seeded.crmUrl() + "salesorders?$select=ordernumber,p2c_origin,p2c_processingstatus,statecode")) {
            assertThat(o.get("ordernumber").asText()).startsWith("ORD-");
            assertThat(o.get("p2c_origin").asText()).isEqualTo(CRM_ORIGIN);
            assertThat(o.get("statecode").asInt()).isZero();
            assertThat(o.get("p2c_processingstatus").asInt()).isIn(916800000, 916800001);
            draft += o.get("p2c_processingstatus").asInt() == 916800000 ? 1 : 0;
        }
        assertThat(draft).as("about 40% drafts").isBetween(40, 80);
    }

    @Test
    void everyLineNamesAProductItsCompanySellsOrIsAWriteIn() throws Exception {
        Set<String> crmProducts = new HashSet<>();
        for (JsonNode p : all(seeded.crmUrl() + "products?$select=productid,p2c_externallymaintained,_defaultuomscheduleid_value")) {
            crmProducts.add(p.get("productid").asText());
            assertThat(p.get("p2c_externallymaintained").asBoolean()).isTrue();
            assertThat(p.get("_defaultuomscheduleid_value").asText()).isEqualTo(SandboxIds.UNIT_GROUP);
        }
        int writeIns = 0;
        for (String lines : List.of("quotedetails", "salesorderdetails")) {
            for (JsonNode l : all(seeded.crmUrl() + lines + "?$select=_productid_value,isproductoverridden,productdescription")) {
                if (l.get("_productid_value").isNull()) {
                    assertThat(l.get("isproductoverridden").asBoolean()).as("a line without product is a write-in").isTrue();
                    assertThat(l.get("productdescription").asText()).isNotEmpty();
                    writeIns++;
                } else {
                    assertThat(crmProducts).contains(l.get("_productid_value").asText());
                }
            }
        }
        assertThat(writeIns).as("about one quote in 25 ends with a write-in line").isBetween(2, 20);
        Set<String> sellable = new HashSet<>();
        all(seeded.erpUrl() + "SellableReleasedProducts?cross-company=true&$select=ProductNumber")
                .forEach(p -> sellable.add(p.get("dataAreaId").asText() + "|" + p.get("ProductNumber").asText()));
        for (JsonNode l : all(seeded.erpUrl() + "CDSSalesOrderLines?cross-company=true&$select=ProductNumber")) {
            assertThat(sellable).contains(l.get("dataAreaId").asText() + "|" + l.get("ProductNumber").asText());
        }
    }

    @Test
    void invoicesMatchTheirOrdersAndFreeTextInvoicesHaveNone() throws Exception {
        Map<String, List<String>> orderLines = new HashMap<>();
        for (JsonNode l : all(seeded.erpUrl() + "CDSSalesOrderLines?cross-company=true&$orderby=LineCreationSequenceNumber")) {
            orderLines.computeIfAbsent(l.get("dataAreaId").asText() + "|" + l.get("SalesOrderNumber").asText(), k -> new ArrayList<>())
                    .add(l.get("ProductNumber").asText() + " x " + l.get("OrderedSalesQuantity").decimalValue().stripTrailingZeros());
        }
        Map<String, List<String>> invoiceLines = new HashMap<>();
        for (JsonNode l : all(seeded.erpUrl() + "SalesInvoiceV2Lines?cross-company=true&$orderby=LineCreationSequenceNumber")) {
            invoiceLines.computeIfAbsent(l.get("dataAreaId").asText() + "|" + l.get("InvoiceNumber").asText(), k -> new ArrayList<>())
                    .add(l.get("ProductNumber").asText() + " x " + l.get("InvoicedQuantity").decimalValue().stripTrailingZeros());
        }
        Set<String> vouchers = new HashSet<>();
        int freeText = 0;
        for (JsonNode i : all(seeded.erpUrl() + "SalesInvoiceHeadersV2?cross-company=true")) {
            assertThat(vouchers.add(i.get("LedgerVoucher").asText())).as("the ERP assigns each invoice its voucher").isTrue();
            String invoice = i.get("dataAreaId").asText() + "|" + i.get("InvoiceNumber").asText();
            if (i.get("SalesOrderNumber").isNull()) {
                assertThat(i.get("InvoiceNumber").asText()).startsWith("FTI-");
                freeText++;
                continue;
            }
            assertThat(i.get("InvoiceNumber").asText()).startsWith("CIV-");
            assertThat(i.get("SalesOrderOriginCode").asText()).isEqualTo("ERP");
            assertThat(invoiceLines.get(invoice)).as(invoice)
                    .isEqualTo(orderLines.get(i.get("dataAreaId").asText() + "|" + i.get("SalesOrderNumber").asText()));
            JsonNode order = seededHttp.getJson(seeded.erpUrl() + "CDSSalesOrderHeaders(dataAreaId='" + i.get("dataAreaId").asText()
                    + "',SalesOrderNumber='" + i.get("SalesOrderNumber").asText() + "')?cross-company=true");
            assertThat(order.get("SalesOrderProcessingStatus").asText()).isEqualTo("Invoiced");
            assertThat(i.get("TotalInvoiceAmount").decimalValue()).isEqualByComparingTo(order.get("OrderTotalAmount").decimalValue());
        }
        assertThat(freeText).isEqualTo(10);
    }

    @Test
    void teamsBelongToTheirUnitsAndOwnTheUnitsRecords() throws Exception {
        Map<String, String> teamOfUnit = new HashMap<>();
        Map<String, String> unitNames = new HashMap<>();
        all(seeded.crmUrl() + "businessunits?$select=name").forEach(u -> unitNames.put(u.get("businessunitid").asText(),
                u.get("name").asText()));
        assertThat(unitNames).containsKeys(SandboxIds.BU_USMF, SandboxIds.BU_DEMF);
        for (JsonNode t : all(seeded.crmUrl() + "teams?$select=name,_businessunitid_value,isdefault")) {
            assertThat(t.get("isdefault").asBoolean()).isTrue();
            assertThat(t.get("name").asText()).isEqualTo(unitNames.get(t.get("_businessunitid_value").asText()));
            teamOfUnit.put(t.get("_businessunitid_value").asText(), t.get("teamid").asText());
        }
        assertThat(teamOfUnit).containsEntry(SandboxIds.BU_USMF, SandboxIds.TEAM_USMF).containsEntry(SandboxIds.BU_DEMF, SandboxIds.TEAM_DEMF);
        for (String set : List.of("accounts", "contacts", "quotes", "salesorders")) {
            for (JsonNode r : all(seeded.crmUrl() + set + "?$select=_ownerid_value,_owningbusinessunit_value,_owningteam_value")) {
                String unit = r.get("_owningbusinessunit_value").asText();
                assertThat(r.get("_ownerid_value").asText()).as(set).isEqualTo(teamOfUnit.get(unit));
                assertThat(r.get("_owningteam_value").asText()).as(set).isEqualTo(teamOfUnit.get(unit));
            }
        }
        for (JsonNode q : all(seeded.crmUrl() + "quotes?$filter=" + SandboxHttp.enc("_owningbusinessunit_value eq " + SandboxIds.BU_DEMF))) {
            assertThat(q.get("_transactioncurrencyid_value").asText()).isEqualTo(SandboxIds.CURRENCY_EUR);
            assertThat(q.get("_pricelevelid_value").asText()).isEqualTo(SandboxIds.PRICE_LIST_EUR);
        }
        for (JsonNode u : all(seeded.crmUrl() + "uoms?$select=name,_uomscheduleid_value,_baseuom_value")) {
            assertThat(u.get("_uomscheduleid_value").asText()).isEqualTo(SandboxIds.UNIT_GROUP);
            assertThat(u.get("_baseuom_value").asText()).isEqualTo(SeedCatalog.uomId("Each"));
        }
        Set<String> companies = new HashSet<>();
        all(seeded.erpUrl() + "SellableReleasedProducts?cross-company=true")
                .forEach(p -> companies.add(p.get("dataAreaId").asText() + "/" + p.get("CurrencyCode").asText()));
        assertThat(companies).containsExactlyInAnyOrder("usmf/USD", "demf/EUR");
        all(seeded.erpUrl() + "SellableReleasedProducts").forEach(p -> assertThat(p.get("dataAreaId").asText()).isEqualTo("usmf"));
        JsonNode list = seededHttp.getJson(seeded.crmUrl() + "pricelevels(name='" + SandboxHttp.enc("CRM Service USA (sample)") + "')");
        assertThat(list.get("_transactioncurrencyid_value").asText()).isEqualTo(SandboxIds.CURRENCY_USD);
    }

    @Test
    void everyCrmSetUpsertsByItsAlternateKey() throws Exception {
        String account = firstId("accounts", "accountid");
        String quote = http.getJson(sandbox.crmUrl() + "quotes?$top=1&$select=quoteid&$filter=statecode%20eq%200")
                .get("value").get(0).get("quoteid").asText(); // a draft: an activated quote is read-only
        String order = firstId("salesorders", "salesorderid");
        upsertAndRead(sandbox.crmUrl() + "contacts(p2c_contactnumber='CON-T-1')", "{\"lastname\":\"Test\"}", "lastname", "Test");
        upsertAndRead(sandbox.crmUrl() + "uoms(name='Pallet')", "{\"quantity\":40,\"uomscheduleid@odata.bind\":\"/uomschedules("
                + SandboxIds.UNIT_GROUP + ")\"}", "_uomscheduleid_value", SandboxIds.UNIT_GROUP);
        upsertAndRead(sandbox.crmUrl() + "products(productnumber='T-100')",
                "{\"name\":\"Widget\",\"defaultuomid@odata.bind\":\"/uoms(name='Each')\"}", "name", "Widget");
        String product = http.getJson(sandbox.crmUrl() + "products(productnumber='T-100')").get("productid").asText();
        upsertAndRead(sandbox.crmUrl() + "productpricelevels(_pricelevelid_value=" + SandboxIds.PRICE_LIST_USD
                + ",_productid_value=" + product + ")", "{\"amount\":12.5}", "amount", "12.5");
        upsertAndRead(sandbox.crmUrl() + "pricelevels(name='Special')", "{\"transactioncurrencyid@odata.bind\":"
                + "\"/transactioncurrencies(isocurrencycode='EUR')\"}", "_transactioncurrencyid_value", SandboxIds.CURRENCY_EUR);
        upsertAndRead(sandbox.crmUrl() + "quotes(quotenumber='QUO-T-1')",
                "{\"name\":\"Q\",\"customerid_account@odata.bind\":\"/accounts(" + account + ")\"}", "_customerid_value", account);
        upsertAndRead(sandbox.crmUrl() + "quotedetails(_quoteid_value=" + quote + ",sequencenumber=99)",
                "{\"quantity\":2,\"productid@odata.bind\":\"/products(productnumber='T-100')\"}", "_productid_value", product);
        upsertAndRead(sandbox.crmUrl() + "salesorders(ordernumber='ORD-T-1')",
                "{\"name\":\"O\",\"quoteid@odata.bind\":\"/quotes(quotenumber='QUO-T-1')\"}", "name", "O");
        upsertAndRead(sandbox.crmUrl() + "salesorderdetails(_salesorderid_value=" + order + ",sequencenumber=99)",
                "{\"quantity\":3}", "quantity", "3");
        upsertAndRead(sandbox.crmUrl() + "invoices(invoicenumber='CIV-T-1')",
                "{\"name\":\"I\",\"p2c_invoicedate\":\"2024-03-01T00:00:00Z\","
                        + "\"salesorderid@odata.bind\":\"/salesorders(ordernumber='ORD-T-1')\"}", "name", "I");
        String invoice = http.getJson(sandbox.crmUrl() + "invoices(invoicenumber='CIV-T-1')").get("invoiceid").asText();
        upsertAndRead(sandbox.crmUrl() + "invoicedetails(_invoiceid_value=" + invoice + ",sequencenumber=1)",
                "{\"quantity\":1,\"isproductoverridden\":true,\"productdescription\":\"Freight Tax\"}",
                "productdescription", "Freight Tax");
        assertThat(http.get(sandbox.crmUrl() + "businessunits(" + SandboxHttp.enc("name='Contoso USA (usmf)'") + ")").statusCode())
                .as("business units have no alternate key").isEqualTo(400);
        assertThat(http.get(sandbox.crmUrl() + "accounts(" + SandboxHttp.enc("name='x'") + ")").body())
                .as("a column set no key declares").contains("The key in the request URI is not valid");
    }

    @Test
    void everyErpSetCreatesByPostAndUpdatesByItsCompositeKey() throws Exception {
        String party = SandboxHttp.JSON.readTree(http.send("POST", sandbox.erpUrl() + "CustomersV3",
                "{\"dataAreaId\":\"demf\",\"CustomerAccount\":\"ACC-T-1\"}", Map.of()).body()).get("PartyNumber").asText();
        createAndUpdate("ContactPersons", "{\"dataAreaId\":\"demf\",\"ContactPersonId\":\"CON-T-1\",\"AssociatedPartyNumber\":\""
                + party + "\"}", "ContactPersons(dataAreaId='demf',ContactPersonId='CON-T-1')", "LastName", "Test");
        createAndUpdate("SellableReleasedProducts", "{\"dataAreaId\":\"usmf\",\"ProductNumber\":\"T-100\",\"ProductType\":\"Item\"}",
                "SellableReleasedProducts(dataAreaId='usmf',ProductNumber='T-100')", "ProductName", "Widget");
        createAndUpdate("CDSSalesQuotationHeaders", "{\"dataAreaId\":\"usmf\",\"SalesQuotationNumber\":\"QUO-T-1\"}",
                "CDSSalesQuotationHeaders(dataAreaId='usmf',SalesQuotationNumber='QUO-T-1')", "SalesQuotationName", "Q");
        createAndUpdate("CDSSalesQuotationLines", "{\"dataAreaId\":\"usmf\",\"SalesQuotationNumber\":\"QUO-T-1\","
                        + "\"LineCreationSequenceNumber\":1,\"RequestedSalesQuantity\":2}",
                "CDSSalesQuotationLines(dataAreaId='usmf',LineCreationSequenceNumber=1,SalesQuotationNumber='QUO-T-1')",
                "ProductNumber", "T-100");
        createAndUpdate("CDSSalesOrderHeaders", "{\"dataAreaId\":\"demf\",\"SalesOrderNumber\":\"ORD-T-1\"}",
                "CDSSalesOrderHeaders(dataAreaId='demf',SalesOrderNumber='ORD-T-1')", "SalesOrderOriginCode", "CRM");
        createAndUpdate("CDSSalesOrderLines", "{\"dataAreaId\":\"demf\",\"SalesOrderNumber\":\"ORD-T-1\","
                        + "\"LineCreationSequenceNumber\":1}",
                "CDSSalesOrderLines(dataAreaId='demf',SalesOrderNumber='ORD-T-1',LineCreationSequenceNumber=1)",
                "ProductNumber", "T-100");
        String invoiceKey = "dataAreaId='demf',InvoiceNumber='CIV-T-1',InvoiceDate=2024-03-01T00:00:00Z,LedgerVoucher='ARI-T-1'";
        createAndUpdate("SalesInvoiceHeadersV2", "{\"dataAreaId\":\"demf\",\"InvoiceNumber\":\"CIV-T-1\","
                        + "\"InvoiceDate\":\"2024-03-01T00:00:00Z\",\"LedgerVoucher\":\"ARI-T-1\"}",
                "SalesInvoiceHeadersV2(" + invoiceKey + ")", "SalesOrderNumber", "ORD-T-1");
        createAndUpdate("SalesInvoiceV2Lines", "{\"dataAreaId\":\"demf\",\"InvoiceNumber\":\"CIV-T-1\","
                        + "\"InvoiceDate\":\"2024-03-01T00:00:00Z\",\"LedgerVoucher\":\"ARI-T-1\",\"LineCreationSequenceNumber\":1}",
                "SalesInvoiceV2Lines(" + invoiceKey + ",LineCreationSequenceNumber=1)", "ProductNumber", "T-100");
        HttpResponse<String> tooLong = http.send("POST", sandbox.erpUrl() + "CDSSalesOrderHeaders",
                "{\"dataAreaId\":\"demf\",\"SalesOrderNumber\":\"" + "X".repeat(21) + "\"}", Map.of());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("SalesOrderNumber").contains("20");
    }

    @Test
    void bindsResolveByIdOrAlternateKeyAndReadBackAsValues() throws Exception {
        JsonNode account = http.getJson(sandbox.crmUrl() + "accounts?$top=1&$select=accountid,accountnumber").get("value").get(0);
        String byKey = "/accounts(accountnumber='" + account.get("accountnumber").asText().replace("'", "''") + "')";
        String body = Json.MAPPER.writeValueAsString(Map.of("lastname", "Bound",
                "parentcustomerid_account@odata.bind", byKey, "ownerid@odata.bind", "/teams(" + SandboxIds.TEAM_DEMF + ")"));
        HttpResponse<String> r = http.send("PATCH", sandbox.crmUrl() + "contacts(p2c_contactnumber='CON-B-1')", body,
                Map.of("Prefer", "return=representation"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode contact = SandboxHttp.JSON.readTree(r.body());
        assertThat(contact.get("_parentcustomerid_value").asText()).isEqualTo(account.get("accountid").asText());
        assertThat(contact.get("_owningbusinessunit_value").asText()).isEqualTo(SandboxIds.BU_DEMF);

        HttpResponse<String> missing = http.send("PATCH", sandbox.crmUrl() + "contacts(p2c_contactnumber='CON-B-2')",
                "{\"parentcustomerid_account@odata.bind\":\"/accounts(accountnumber='NO-SUCH')\"}", Map.of());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("NO-SUCH").contains("parentcustomerid_account");
        HttpResponse<String> unknown = http.send("PATCH", sandbox.crmUrl() + "contacts(p2c_contactnumber='CON-B-2')",
                "{\"nosuchlookup@odata.bind\":\"/accounts(" + account.get("accountid").asText() + ")\"}", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("nosuchlookup");
        assertThat(http.get(sandbox.crmUrl() + "contacts(p2c_contactnumber='CON-B-2')").statusCode()).isEqualTo(404);
    }

    @Test
    void changingALineRestampsItsHeaderAndOrphanLinesAreRefused() throws Exception {
        JsonNode line = http.getJson(sandbox.crmUrl() + "salesorderdetails?$top=1").get("value").get(0);
        String header = sandbox.crmUrl() + "salesorders(" + line.get("_salesorderid_value").asText() + ")";
        OffsetDateTime before = OffsetDateTime.parse(http.getJson(header).get("modifiedon").asText());
        assertThat(http.send("PATCH", sandbox.crmUrl() + "salesorderdetails(" + line.get("salesorderdetailid").asText() + ")",
                "{\"quantity\":7}", Map.of()).statusCode()).isEqualTo(204);
        JsonNode changed = http.getJson(header);
        OffsetDateTime after = OffsetDateTime.parse(changed.get("modifiedon").asText());
        assertThat(after).isAfter(before);
        assertThat(http.send("DELETE", sandbox.crmUrl() + "salesorderdetails(" + line.get("salesorderdetailid").asText() + ")",
                null, Map.of()).statusCode()).isEqualTo(204);
        JsonNode deleted = http.getJson(header);
        // modifiedon keeps whole seconds (both writes may share one); the row version always grows
        assertThat(OffsetDateTime.parse(deleted.get("modifiedon").asText())).isAfterOrEqualTo(after);
        assertThat(deleted.get("versionnumber").asLong()).isGreaterThan(changed.get("versionnumber").asLong());

        HttpResponse<String> orphan = http.send("POST", sandbox.erpUrl() + "CDSSalesOrderLines",
                "{\"dataAreaId\":\"usmf\",\"SalesOrderNumber\":\"NO-SUCH\",\"LineCreationSequenceNumber\":1}", Map.of());
        assertThat(orphan.statusCode()).isEqualTo(400);
        assertThat(orphan.body()).contains("CDSSalesOrderHeaders").contains("NO-SUCH");
        HttpResponse<String> crmOrphan = http.send("POST", sandbox.crmUrl() + "quotedetails",
                "{\"sequencenumber\":1,\"quantity\":1}", Map.of());
        assertThat(crmOrphan.statusCode()).isEqualTo(400);
        assertThat(crmOrphan.body()).contains("quotes");
    }

    private static void upsertAndRead(String url, String body, String field, String expected) throws Exception {
        HttpResponse<String> r = http.send("PATCH", url, body, Map.of());
        assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(204);
        assertValue(http.getJson(url), field, expected, url);
        HttpResponse<String> again = http.send("PATCH", url, body, Map.of("If-Match", "*"));
        assertThat(again.statusCode()).as("second upsert updates " + url).isEqualTo(204);
    }

    private static void createAndUpdate(String set, String create, String key, String field, String value) throws Exception {
        HttpResponse<String> created = http.send("POST", sandbox.erpUrl() + set, create, Map.of());
        assertThat(created.statusCode()).as(set + " " + created.body()).isEqualTo(201);
        String url = sandbox.erpUrl() + key;
        // F&O's PATCH outside the default company needs cross-company=true (the sandbox's stricter reading)
        HttpResponse<String> updated = http.send("PATCH", url + "?cross-company=true", "{\"" + field + "\":\"" + value
                + "\"}", Map.of());
        assertThat(updated.statusCode()).as(url + " " + updated.body()).isEqualTo(204);
        assertValue(http.getJson(url + "?cross-company=true"), field, value, url);
    }

    private static void assertValue(JsonNode row, String field, String expected, String url) {
        JsonNode value = row.get(field);
        assertThat(value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText())
                .as(url).isEqualTo(expected);
    }

    private static String firstId(String set, String id) throws Exception {
        return http.getJson(sandbox.crmUrl() + set + "?$top=1&$select=" + id).get("value").get(0).get(id).asText();
    }

    private static List<JsonNode> all(String url) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        seededHttp.getJson(url).get("value").forEach(rows::add);
        return rows;
    }

    private static long count(String url) throws Exception {
        String sep = url.contains("?") ? "&" : "?";
        return seededHttp.getJson(url + sep + "$count=true&$top=0").get("@odata.count").asLong();
    }
}
