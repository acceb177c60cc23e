package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * An account number with {@code &} and {@code /} and a product number with {@code &} sync both ways like any other,
 * although Dataverse (and the sandbox, SandboxUrlKeysTest) refuses such values in a URL key or bind: the account
 * goes CRM -&gt; ERP (a customer whose key F&amp;O takes inside $batch only) and comes back as the customer an ERP
 * order binds to; the product goes ERP -&gt; CRM and back in a CRM order's line. p2c-sync finds such records' ids by
 * $filter, one GET per batch, and asks nothing for records whose keys travel in a URL. A second run writes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeysOutsideUrlsTest {
    private static final String ACCOUNT = "A&B/1";
    private static final String PRODUCT = "P&1";
    private static final String COMPANY = "usmf";
    private static final String FORBIDDEN = "/<>*%&:\\?+#";
    private static final Pattern EQUALS = Pattern.compile(" eq '((?:[^']|'')*)'");

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxProxy proxy;
    static ODataProbe probe;
    static SyncFixture sync;
    static String erpOrder;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(120));
        proxy = new SandboxProxy(sandbox);
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.crm.url", proxy.url() + "/crm/api/data/v9.2/",
                "p2c.erp.url", proxy.url() + "/erp/data/"));
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("accountnumber", ACCOUNT);
        account.put("name", "Ampersand & Slash Ltd");
        account.put("customertypecode", 3);
        account.put("address1_country", "United States");
        account.put("ownerid@odata.bind", "/teams(" + SandboxIds.TEAM_USMF + ")");
        probe.postCrm("accounts", account);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("dataAreaId", COMPANY);
        product.put("ProductNumber", PRODUCT);
        product.put("ProductName", "Nuts & bolts");
        product.put("SalesUnitSymbol", "ea");
        product.put("SalesPrice", 12);
        product.put("CurrencyCode", "USD");
        product.put("ProductType", "Item");
        probe.postErp("SellableReleasedProducts", product);
        // an order the ERP took by phone for that customer (once it is one), with that product on its first line
        Map<String, Object> order = probe.erp("CDSSalesOrderHeaders", "$select=SalesOrderNumber,"
                        + "SalesOrderProcessingStatus", "$filter=dataAreaId eq '" + COMPANY
                        + "' and SalesOrderOriginCode eq 'ERP'", "$orderby=SalesOrderNumber").stream()
                .filter(o -> !"Active".equals(o.get("SalesOrderProcessingStatus"))).findFirst().orElseThrow();
        erpOrder = order.get("SalesOrderNumber").toString();
        probe.patchErp(erpOrderPath(), Map.of("OrderingCustomerAccountNumber", ACCOUNT));
        Map<String, Object> line = erpLines(erpOrder).get(0);
        probe.patchErp("CDSSalesOrderLines(dataAreaId='" + COMPANY + "',SalesOrderNumber='" + erpOrder
                + "',LineCreationSequenceNumber=" + line.get("LineCreationSequenceNumber") + ")",
                Map.of("ProductNumber", PRODUCT, "ProductName", "Nuts & bolts"));
    }

    @AfterAll
    static void stop() {
        proxy.close();
        sandbox.close();
    }

    @Test
    @Order(1)
    void theAccountReachesTheErpAndTheProductTheCrmAndTheErpOrderBindsToBoth() throws Exception {
        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(probe.erp("CustomersV3", "$select=dataAreaId,CustomerAccount,OrganizationName",
                "$filter=CustomerAccount eq '" + ACCOUNT + "'")).singleElement()
                .satisfies(c -> assertThat(c.get("dataAreaId")).isEqualTo(COMPANY));
        Map<String, Object> product = crmProduct();
        assertThat(probe.crm("productpricelevels", "$select=amount",
                "$filter=_productid_value eq " + product.get("productid"))).as("its price-list item").hasSize(1);
        Map<String, Object> order = probe.crm("salesorders", "$select=salesorderid,_customerid_value",
                "$filter=ordernumber eq '" + erpOrder + "'").get(0);
        assertThat(order.get("_customerid_value")).as("bound by id to the account with that number")
                .isEqualTo(crmAccount().get("accountid"));
        assertThat(probe.crm("salesorderdetails", "$select=_productid_value,sequencenumber",
                "$filter=_salesorderid_value eq " + order.get("salesorderid"), "$orderby=sequencenumber").get(0)
                .get("_productid_value")).isEqualTo(product.get("productid"));
        assertLookupsOnlyForKeysThatCannotTravelInAUrl();
    }

    @Test
    @Order(2)
    void aCrmOrderOfThatCustomerWithThatProductGoesToTheErp() throws Exception {
        CrmDocuments orders = CrmDocuments.orders(probe);
        Map<String, Object> draft = probe.crm("salesorders", "$select=salesorderid,ordernumber",
                "$filter=p2c_processingstatus eq " + CrmDocuments.ORDER_DRAFT + " and p2c_origin eq 916800000"
                        + " and _owningbusinessunit_value eq " + SandboxIds.BU_USMF, "$orderby=ordernumber").stream()
                .filter(d -> !orders.lines(d.get("salesorderid")).isEmpty()
                        && orders.lines(d.get("salesorderid")).stream().allMatch(l -> l.get("_productid_value") != null))
                .findFirst().orElseThrow();
        Object id = draft.get("salesorderid");
        probe.patchCrm("salesorders(" + id + ")",
                Map.of("customerid_account@odata.bind", "/accounts(" + crmAccount().get("accountid") + ")"));
        orders.nameProduct(orders.lineId(orders.lines(id).get(0)), crmProduct().get("productid"));
        orders.activate(id);
        proxy.clear();

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("orders", "written")).isEqualTo(1);
        String number = draft.get("ordernumber").toString();
        assertThat(probe.erp("CDSSalesOrderHeaders", "$select=OrderingCustomerAccountNumber",
                "$filter=SalesOrderNumber eq '" + number + "'")).singleElement()
                .satisfies(h -> assertThat(h.get("OrderingCustomerAccountNumber")).isEqualTo(ACCOUNT));
        assertThat(erpLines(number).get(0).get("ProductNumber")).isEqualTo(PRODUCT);
    }

    @Test
    @Order(3)
    void theCustomersRenameReachesTheErpByItsKeyInsideABatch() throws Exception {
        probe.patchCrm("accounts(" + crmAccount().get("accountid") + ")", Map.of("name", "Ampersand & Slash plc"));
        proxy.clear();

        SyncFixture.Result result = sync.syncOnce("accounts");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("accounts", "written")).isEqualTo(1);
        assertThat(probe.erp("CustomersV3", "$select=OrganizationName", "$filter=CustomerAccount eq '" + ACCOUNT
                + "'").get(0).get("OrganizationName")).isEqualTo("Ampersand & Slash plc");
        // F&O finds no route for '/' in a request URL: the key travels inside the $batch, never as a request's URL
        assertThat(proxy.writes("/erp/")).singleElement().satisfies(w -> {
            assertThat(w.url()).endsWith("/$batch");
            assertThat(w.body()).contains("CustomersV3(dataAreaId%3D%27usmf%27%2CCustomerAccount%3D%27A%26B%2F1%27)");
        });
    }

    @Test
    @Order(4)
    void aSecondRunWritesNothing() throws Exception {
        proxy.clear();

        SyncFixture.Result again = sync.syncOnce();

        assertThat(again.exitCode()).as(again.printed()).isZero();
        for (String area : List.of("products", "accounts", "contacts", "person-customers", "quotes", "orders",
                "order-status", "erp-orders", "invoices")) {
            assertThat(again.count(area, "written")).as(area).isZero();
            assertThat(again.count(area, "failed")).as(area).isZero();
        }
        assertThat(crmLookups()).as("nothing to write, nothing to look up").isEmpty();
    }

    /**
     * Every id lookup (a GET selecting a set's key and primary id only) asks for key values that cannot travel in a
     * URL, none other, and there are no more of them than $batch writes to the CRM.
     */
    private static void assertLookupsOnlyForKeysThatCannotTravelInAUrl() {
        List<String> lookups = crmLookups();
        assertThat(lookups).as("the seeded and the test's keys with such characters").isNotEmpty();
        List<String> asked = new ArrayList<>();
        for (String lookup : lookups) {
            Matcher m = EQUALS.matcher(lookup);
            while (m.find()) {
                asked.add(m.group(1).replace("''", "'"));
            }
        }
        assertThat(asked).contains(ACCOUNT, PRODUCT).allSatisfy(value -> assertThat(value.chars()
                .anyMatch(c -> FORBIDDEN.indexOf(c) >= 0)).as(value).isTrue());
        long batches = proxy.writes("/crm/").stream().filter(w -> w.url().endsWith("$batch")).count();
        assertThat((long) lookups.size()).isLessThanOrEqualTo(batches);
    }

    /** The decoded URLs of the CRM GETs that look ids up by account or product number. */
    private static List<String> crmLookups() {
        List<String> lookups = new ArrayList<>();
        for (String set : List.of("accounts", "products")) {
            String select = "?$select=" + (set.equals("accounts") ? "accountnumber%2Caccountid&"
                    : "productnumber%2Cproductid&");
            proxy.gets("/crm/api/data/v9.2/" + set).stream().map(SandboxProxy.Exchange::url)
                    .filter(url -> url.contains(select))
                    .map(url -> URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8))
                    .forEach(lookups::add);
        }
        return lookups;
    }

    private static Map<String, Object> crmAccount() {
        return probe.crm("accounts", "$select=accountid", "$filter=accountnumber eq '" + ACCOUNT + "'").get(0);
    }

    private static Map<String, Object> crmProduct() {
        List<Map<String, Object>> products = probe.crm("products", "$select=productid",
                "$filter=productnumber eq '" + PRODUCT + "'");
        assertThat(products).hasSize(1);
        return products.get(0);
    }

    private static String erpOrderPath() {
        return "CDSSalesOrderHeaders(dataAreaId='" + COMPANY + "',SalesOrderNumber='" + erpOrder + "')";
    }

    private static List<Map<String, Object>> erpLines(String number) {
        return probe.erp("CDSSalesOrderLines", "$select=LineCreationSequenceNumber,ProductNumber",
                        "$filter=SalesOrderNumber eq '" + number + "'").stream()
                .sorted(Comparator.comparingInt(l -> ((Number) l.get("LineCreationSequenceNumber")).intValue()))
                .toList();
    }
}
