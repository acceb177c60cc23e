package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sales entity sets of both services: seeds, keys, binds, header stamps and companies, over HTTP. */
class SandboxSalesSetsTest {
    private static final List<String> CRM_SETS = List.of("accounts", "transactioncurrencies", "businessunits",
            "contacts", "uoms", "products", "pricelevels", "productpricelevels", "quotes", "quotedetails",
            "salesorders", "salesorderdetails", "invoices", "invoicedetails");
    private static final List<String> ERP_SETS = List.of("CustomersV3", "ContactPersons", "SellableReleasedProducts",
            "SalesQuotationHeadersV2", "SalesQuotationLines", "SalesOrderHeadersV2", "SalesOrderLines",
            "SalesInvoiceHeadersV2", "SalesInvoiceLines");

    @TempDir
    static Path dir;

    /** Only read: the seed as it was made. */
    static Sandbox seeded;
    static SandboxHttp seededHttp;
    /** Written to by the tests. */
    static Sandbox sandbox;
    static SandboxHttp http;
    static Duration seedTime;

    @BeforeAll
    static void start() throws Exception {
        long t0 = System.nanoTime();
        seeded = Sandbox.start(SandboxOptions.defaults(dir.resolve("seeded")));
        seedTime = Duration.ofNanos(System.nanoTime() - t0);
        seededHttp = new SandboxHttp(seeded);
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("written")).withSeedAccounts(200));
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        seeded.close();
        sandbox.close();
    }

    @Test
    void seedsAFewHundredRecordsPerSetQuickly() throws Exception {
        assertThat(seedTime).as("starting with 500 accounts' worth of everything").isLessThan(Duration.ofSeconds(8));
        assertThat(count(seeded.crmUrl() + "contacts")).isEqualTo(400);
        assertThat(count(seeded.crmUrl() + "quotes")).isEqualTo(200);
        assertThat(count(seeded.crmUrl() + "salesorders")).isEqualTo(150);
        assertThat(count(seeded.crmUrl() + "quotedetails")).isBetween(200L, 1000L);
        assertThat(count(seeded.crmUrl() + "products")).isEqualTo(150);
        assertThat(count(seeded.crmUrl() + "productpricelevels")).isGreaterThan(150);
        assertThat(count(seeded.erpUrl() + "SellableReleasedProducts?cross-company=true")).isBetween(300L, 600L);
        assertThat(count(seeded.erpUrl() + "SalesOrderHeadersV2?cross-company=true")).isEqualTo(100);
        assertThat(count(seeded.erpUrl() + "SalesInvoiceHeadersV2?cross-company=true")).isGreaterThan(30);
        assertThat(count(seeded.erpUrl() + "CustomersV3?cross-company=true")).as("written by the accounts flow only").isZero();
        for (String set : CRM_SETS) {
            assertThat(seededHttp.get(seeded.crmUrl() + set + "?$top=1").statusCode()).as(set).isEqualTo(200);
        }
        for (String set : ERP_SETS) {
            assertThat(seededHttp.get(seeded.erpUrl() + set + "?$top=1&cross-company=true").statusCode()).as(set).isEqualTo(200);
        }
    }

    @Test
    void seedsAreDeterministicFromTheSeed() throws Exception {
        try (Sandbox one = Sandbox.start(SandboxOptions.defaults(dir.resolve("one")).withSeedAccounts(100));
                Sandbox two = Sandbox.start(SandboxOptions.defaults(dir.resolve("two")).withSeedAccounts(100))) {
            SandboxHttp oneHttp = new SandboxHttp(one);
            SandboxHttp twoHttp = new SandboxHttp(two);
            for (String crmQuery : List.of(
                    "quotes?$select=quotenumber,_customerid_value,statecode,totalamount&$orderby=quotenumber",
                    "salesorderdetails?$select=_salesorderid_value,sequencenumber,_productid_value,quantity",
                    "contacts?$select=cdm_contactnumber,lastname,_parentcustomerid_value,msdyn_isactivecustomer",
                    "productpricelevels?$select=_pricelevelid_value,_productid_value,amount")) {
                JsonNode a = oneHttp.getJson(one.crmUrl() + crmQuery).get("value");
                assertThat(a).as(crmQuery).isNotEmpty();
                assertThat(a.equals(twoHttp.getJson(two.crmUrl() + crmQuery).get("value"))).as(crmQuery).isTrue();
            }
            for (String erpQuery : List.of("SalesOrderLines?cross-company=true&$select=SalesOrderNumber,ProductNumber,LineAmount",
                    "SalesInvoiceHeadersV2?cross-company=true&$select=InvoiceNumber,SalesOrderNumber,TotalInvoiceAmount")) {
                JsonNode a = oneHttp.getJson(one.erpUrl() + erpQuery).get("value");
                assertThat(a).as(erpQuery).isNotEmpty();
                assertThat(a.equals(twoHttp.getJson(two.erpUrl() + erpQuery).get("value"))).as(erpQuery).isTrue();
            }
        }
    }

    @Test
    void seededDocumentsFollowTheDomainRules() throws Exception {
        JsonNode erpOrders = seededHttp.getJson(seeded.erpUrl() + "SalesOrderHeadersV2?cross-company=true").get("value");
        for (JsonNode o : erpOrders) {
            assertThat(o.get("SalesOrderNumber").asText()).startsWith("SO-E-");
            assertThat(o.get("SalesOrderOriginCode").asText()).isEqualTo("ERP");
            assertThat(o.get("CurrencyCode").asText()).isEqualTo(o.get("dataAreaId").asText().equals("demf") ? "EUR" : "USD");
            assertThat(o.get("DocumentStatus").asText()).isIn("Confirmation", "Invoice");
        }
        for (JsonNode o : seededHttp.getJson(seeded.crmUrl() + "salesorders?$select=ordernumber,msdyn_origin").get("value")) {
            assertThat(o.get("ordernumber").asText()).startsWith("ORD-");
            assertThat(o.get("msdyn_origin").asText()).isEqualTo("CRM");
        }
        JsonNode freeText = seededHttp.getJson(seeded.erpUrl()
                + "SalesInvoiceHeadersV2?cross-company=true&$filter=SalesOrderNumber eq null".replace(" ", "%20")).get("value");
        assertThat(freeText).isNotEmpty();
        freeText.forEach(i -> assertThat(i.get("InvoiceNumber").asText()).startsWith("FTI-"));
        // CRM quote lines reference products the CRM has, all flagged as maintained by the ERP.
        JsonNode line = seededHttp.getJson(seeded.crmUrl() + "quotedetails?$top=1&$filter=_productid_value ne null".replace(" ", "%20"))
                .get("value").get(0);
        JsonNode product = seededHttp.getJson(seeded.crmUrl() + "products(" + line.get("_productid_value").asText() + ")");
        assertThat(product.get("msdyn_externallymaintained").asBoolean()).isTrue();
        JsonNode erpProduct = seededHttp.getJson(seeded.erpUrl() + "SellableReleasedProducts?cross-company=true&$filter="
                + SandboxHttp.enc("ProductNumber eq '" + product.get("productnumber").asText() + "'")).get("value");
        assertThat(erpProduct).isNotEmpty();
        // Contacts: some active-customer persons, most contact persons of accounts.
        long persons = count(seeded.crmUrl() + "contacts?$filter=" + SandboxHttp.enc("msdyn_isactivecustomer eq true"));
        assertThat(persons).isBetween(10L, 100L);
    }

    @Test
    void twoCompaniesOnBothSides() throws Exception {
        JsonNode units = seededHttp.getJson(seeded.crmUrl() + "businessunits?$select=businessunitid,cdm_companycode").get("value");
        Map<String, String> byCompany = Map.of(units.get(0).get("cdm_companycode").asText(), units.get(0).get("businessunitid").asText(),
                units.get(1).get("cdm_companycode").asText(), units.get(1).get("businessunitid").asText());
        assertThat(byCompany).containsEntry("usmf", SandboxIds.BU_USMF).containsEntry("demf", SandboxIds.BU_DEMF);
        long demfAccounts = count(seeded.crmUrl() + "accounts?$filter=" + SandboxHttp.enc("_owningbusinessunit_value eq " + SandboxIds.BU_DEMF));
        long eurAccounts = count(seeded.crmUrl() + "accounts?$filter=" + SandboxHttp.enc("_transactioncurrencyid_value eq " + SandboxIds.CURRENCY_EUR));
        assertThat(demfAccounts).isPositive().isEqualTo(eurAccounts);
        for (JsonNode q : seededHttp.getJson(seeded.crmUrl() + "quotes?$filter=" + SandboxHttp.enc("_owningbusinessunit_value eq " + SandboxIds.BU_DEMF)).get("value")) {
            assertThat(q.get("_transactioncurrencyid_value").asText()).isEqualTo(SandboxIds.CURRENCY_EUR);
            assertThat(q.get("_pricelevelid_value").asText()).isEqualTo(SandboxIds.PRICE_LIST_EUR);
        }
        Set<String> companies = new HashSet<>();
        seededHttp.getJson(seeded.erpUrl() + "SellableReleasedProducts?cross-company=true").get("value")
                .forEach(p -> companies.add(p.get("dataAreaId").asText() + "/" + p.get("CurrencyCode").asText()));
        assertThat(companies).containsExactlyInAnyOrder("usmf/USD", "demf/EUR");
        seededHttp.getJson(seeded.erpUrl() + "SellableReleasedProducts").get("value")
                .forEach(p -> assertThat(p.get("dataAreaId").asText()).isEqualTo("usmf"));
        JsonNode list = seededHttp.getJson(seeded.crmUrl() + "pricelevels(name='" + SandboxHttp.enc("CRM Service USA (sample)") + "')");
        assertThat(list.get("_transactioncurrencyid_value").asText()).isEqualTo(SandboxIds.CURRENCY_USD);
    }

    @Test
    void everyCrmSetUpsertsByItsAlternateKey() throws Exception {
        String account = firstId("accounts", "accountid");
        String quote = firstId("quotes", "quoteid");
        String order = firstId("salesorders", "salesorderid");
        upsertAndRead(sandbox.crmUrl() + "contacts(cdm_contactnumber='CON-T-1')", "{\"lastname\":\"Test\"}", "lastname", "Test");
        upsertAndRead(sandbox.crmUrl() + "uoms(name='Pallet')", "{\"quantity\":40}", "quantity", "40");
        upsertAndRead(sandbox.crmUrl() + "businessunits(cdm_companycode='gbsi')", "{\"name\":\"UK\"}", "name", "UK");
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
                "{\"name\":\"I\",\"salesorderid@odata.bind\":\"/salesorders(ordernumber='ORD-T-1')\"}", "name", "I");
        String invoice = http.getJson(sandbox.crmUrl() + "invoices(invoicenumber='CIV-T-1')").get("invoiceid").asText();
        upsertAndRead(sandbox.crmUrl() + "invoicedetails(_invoiceid_value=" + invoice + ",sequencenumber=1)",
                "{\"quantity\":1,\"isproductoverridden\":true,\"productdescription\":\"Freight Tax\"}",
                "productdescription", "Freight Tax");
    }

    @Test
    void everyErpSetUpsertsByItsCompositeKey() throws Exception {
        String erp = sandbox.erpUrl();
        upsertAndRead(erp + "ContactPersons(dataAreaId='demf',ContactPersonId='CON-T-1')",
                "{\"LastName\":\"Test\",\"ContactForParty\":\"ACC-1\"}", "LastName", "Test");
        upsertAndRead(erp + "SellableReleasedProducts(dataAreaId='usmf',ProductNumber='T-100')",
                "{\"ProductName\":\"Widget\",\"SalesPrice\":9.99}", "ProductName", "Widget");
        upsertAndRead(erp + "SalesQuotationHeadersV2(dataAreaId='usmf',SalesQuotationNumber='QUO-T-1')",
                "{\"SalesQuotationName\":\"Q\"}", "SalesQuotationName", "Q");
        upsertAndRead(erp + "SalesQuotationLines(dataAreaId='usmf',SalesQuotationNumber='QUO-T-1',LineCreationSequenceNumber=1)",
                "{\"ProductNumber\":\"T-100\",\"RequestedSalesQuantity\":2}", "ProductNumber", "T-100");
        upsertAndRead(erp + "SalesOrderHeadersV2(dataAreaId='demf',SalesOrderNumber='ORD-T-1')",
                "{\"OrderingCustomerAccountNumber\":\"ACC-1\",\"SalesOrderOriginCode\":\"CRM\"}", "SalesOrderOriginCode", "CRM");
        upsertAndRead(erp + "SalesOrderLines(dataAreaId='demf',SalesOrderNumber='ORD-T-1',LineCreationSequenceNumber=1)",
                "{\"OrderedSalesQuantity\":5}", "OrderedSalesQuantity", "5");
        upsertAndRead(erp + "SalesInvoiceHeadersV2(dataAreaId='demf',InvoiceNumber='CIV-T-1')",
                "{\"SalesOrderNumber\":\"ORD-T-1\"}", "SalesOrderNumber", "ORD-T-1");
        upsertAndRead(erp + "SalesInvoiceLines(dataAreaId='demf',InvoiceNumber='CIV-T-1',LineCreationSequenceNumber=1)",
                "{\"InvoicedQuantity\":5}", "InvoicedQuantity", "5");
        HttpResponse<String> tooLong = http.send("PATCH", erp + "SalesOrderHeadersV2(dataAreaId='demf',SalesOrderNumber='"
                + "X".repeat(21) + "')", "{}", Map.of());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("SalesOrderNumber").contains("20");
    }

    @Test
    void bindsResolveByIdOrAlternateKeyAndReadBackAsValues() throws Exception {
        JsonNode account = http.getJson(sandbox.crmUrl() + "accounts?$top=1&$select=accountid,accountnumber").get("value").get(0);
        String byKey = "/accounts(accountnumber='" + account.get("accountnumber").asText().replace("'", "''") + "')";
        String body = Json.MAPPER.writeValueAsString(Map.of("lastname", "Bound",
                "parentcustomerid_account@odata.bind", byKey,
                "owningbusinessunit@odata.bind", "/businessunits(cdm_companycode='demf')"));
        HttpResponse<String> r = http.send("PATCH", sandbox.crmUrl() + "contacts(cdm_contactnumber='CON-B-1')", body,
                Map.of("Prefer", "return=representation"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode contact = SandboxHttp.JSON.readTree(r.body());
        assertThat(contact.get("_parentcustomerid_value").asText()).isEqualTo(account.get("accountid").asText());
        assertThat(contact.get("_owningbusinessunit_value").asText()).isEqualTo(SandboxIds.BU_DEMF);

        HttpResponse<String> missing = http.send("PATCH", sandbox.crmUrl() + "contacts(cdm_contactnumber='CON-B-2')",
                "{\"parentcustomerid_account@odata.bind\":\"/accounts(accountnumber='NO-SUCH')\"}", Map.of());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("NO-SUCH").contains("parentcustomerid_account");
        HttpResponse<String> unknown = http.send("PATCH", sandbox.crmUrl() + "contacts(cdm_contactnumber='CON-B-2')",
                "{\"nosuchlookup@odata.bind\":\"/accounts(" + account.get("accountid").asText() + ")\"}", Map.of());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("nosuchlookup");
        assertThat(http.get(sandbox.crmUrl() + "contacts(cdm_contactnumber='CON-B-2')").statusCode()).isEqualTo(404);
    }

    @Test
    void changingALineRestampsItsHeaderAndOrphanLinesAreRefused() throws Exception {
        JsonNode line = http.getJson(sandbox.crmUrl() + "salesorderdetails?$top=1").get("value").get(0);
        String header = sandbox.crmUrl() + "salesorders(" + line.get("_salesorderid_value").asText() + ")";
        OffsetDateTime before = OffsetDateTime.parse(http.getJson(header).get("modifiedon").asText());
        assertThat(http.send("PATCH", sandbox.crmUrl() + "salesorderdetails(" + line.get("salesorderdetailid").asText() + ")",
                "{\"quantity\":7}", Map.of()).statusCode()).isEqualTo(204);
        OffsetDateTime after = OffsetDateTime.parse(http.getJson(header).get("modifiedon").asText());
        assertThat(after).isAfter(before);
        assertThat(http.send("DELETE", sandbox.crmUrl() + "salesorderdetails(" + line.get("salesorderdetailid").asText() + ")",
                null, Map.of()).statusCode()).isEqualTo(204);
        assertThat(OffsetDateTime.parse(http.getJson(header).get("modifiedon").asText())).isAfter(after);

        JsonNode erpLine = http.getJson(sandbox.erpUrl() + "SalesOrderLines?cross-company=true&$top=1").get("value").get(0);
        String erpHeader = sandbox.erpUrl() + "SalesOrderHeadersV2(dataAreaId='" + erpLine.get("dataAreaId").asText()
                + "',SalesOrderNumber='" + erpLine.get("SalesOrderNumber").asText() + "')?cross-company=true";
        OffsetDateTime erpBefore = OffsetDateTime.parse(http.getJson(erpHeader).get("ModifiedDateTime").asText());
        assertThat(http.send("PATCH", sandbox.erpUrl() + "SalesOrderLines(dataAreaId='" + erpLine.get("dataAreaId").asText()
                + "',SalesOrderNumber='" + erpLine.get("SalesOrderNumber").asText() + "',LineCreationSequenceNumber=77)",
                "{\"OrderedSalesQuantity\":1}", Map.of()).statusCode()).isEqualTo(204);
        assertThat(OffsetDateTime.parse(http.getJson(erpHeader).get("ModifiedDateTime").asText())).isAfter(erpBefore);

        HttpResponse<String> orphan = http.send("PATCH", sandbox.erpUrl()
                + "SalesOrderLines(dataAreaId='usmf',SalesOrderNumber='NO-SUCH',LineCreationSequenceNumber=1)",
                "{\"OrderedSalesQuantity\":1}", Map.of());
        assertThat(orphan.statusCode()).isEqualTo(400);
        assertThat(orphan.body()).contains("SalesOrderHeadersV2").contains("NO-SUCH");
        HttpResponse<String> crmOrphan = http.send("POST", sandbox.crmUrl() + "quotedetails",
                "{\"sequencenumber\":1,\"quantity\":1}", Map.of());
        assertThat(crmOrphan.statusCode()).isEqualTo(400);
        assertThat(crmOrphan.body()).contains("quotes");
    }

    private static void upsertAndRead(String url, String body, String field, String expected) throws Exception {
        HttpResponse<String> r = http.send("PATCH", url, body, Map.of());
        assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(204);
        String readUrl = url.contains("/erp/") ? url + "?cross-company=true" : url;
        JsonNode row = http.getJson(readUrl);
        JsonNode value = row.get(field);
        assertThat(value.isNumber() ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText())
                .as(url).isEqualTo(expected);
        HttpResponse<String> again = http.send("PATCH", url, body, Map.of("If-Match", "*"));
        assertThat(again.statusCode()).as("second upsert updates " + url).isEqualTo(204);
    }

    private static String firstId(String set, String id) throws Exception {
        return http.getJson(sandbox.crmUrl() + set + "?$top=1&$select=" + id).get("value").get(0).get(id).asText();
    }

    private static long count(String url) throws Exception {
        String sep = url.contains("?") ? "&" : "?";
        return seededHttp.getJson(url + sep + "$count=true&$top=0").get("@odata.count").asLong();
    }
}
