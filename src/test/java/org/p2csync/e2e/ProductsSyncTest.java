package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;

/**
 * ERP sellable released products become CRM products: one per product number, also when it is released in both
 * companies, each with a price-list item per company it is sold in, in the price list of that company's currency.
 * SellableReleasedProducts has no timestamp, so every run reads it in full: a repeat run costs its read pages and
 * writes nothing, and one changed release costs one write.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductsSyncTest {
    /** Small pages, so the full read's page count is a figure worth checking. */
    private static final int PAGE_SIZE = 40;

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataProbe probe;
    static SyncFixture sync;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(200));
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.page-size", String.valueOf(PAGE_SIZE)));
        Map<String, Object> pound = new LinkedHashMap<>();
        pound.put("dataAreaId", "usmf");
        pound.put("ProductNumber", "GBP-0001");
        pound.put("ProductName", "Priced in pounds");
        pound.put("SalesUnitSymbol", "ea");
        pound.put("SalesPrice", 10);
        pound.put("CurrencyCode", "GBP");
        pound.put("ProductType", "Item");
        probe.postErp("SellableReleasedProducts", pound);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static List<Map<String, Object>> releases() {
        return probe.erp("SellableReleasedProducts", "$select=dataAreaId,ProductNumber,CurrencyCode,SalesPrice");
    }

    /** The CRM products p2c-sync maintains, by product number (a number twice would be an error here). */
    private static Map<Object, Map<String, Object>> crmProducts() {
        return probe.crm("products", "$select=productid,productnumber,price,_transactioncurrencyid_value",
                        "$filter=p2c_externallymaintained eq true").stream()
                .collect(Collectors.toMap(p -> p.get("productnumber"), Function.identity()));
    }

    /** The price-list items of those products: "price list id|product number" -> amount. */
    private static Map<String, BigDecimal> priceListItems() {
        Map<Object, Object> numberOf = crmProducts().values().stream()
                .collect(Collectors.toMap(p -> p.get("productid"), p -> p.get("productnumber")));
        return probe.crm("productpricelevels", "$select=_pricelevelid_value,_productid_value,amount").stream()
                .filter(i -> numberOf.containsKey(i.get("_productid_value")))
                .collect(Collectors.toMap(i -> i.get("_pricelevelid_value") + "|" + numberOf.get(i.get("_productid_value")),
                        i -> ODataProbe.decimal(i.get("amount")).stripTrailingZeros()));
    }

    private static String priceListOf(Object currency) {
        return "EUR".equals(currency) ? SandboxIds.PRICE_LIST_EUR : SandboxIds.PRICE_LIST_USD;
    }

    /** A product number with its releases, by company, released in exactly {@code companies} companies. */
    private static Map<Object, Map<String, Object>> releasedIn(int companies) {
        Map<Object, Map<Object, Map<String, Object>>> byNumber = releases().stream()
                .filter(r -> !"GBP".equals(r.get("CurrencyCode")))
                .collect(Collectors.groupingBy(r -> r.get("ProductNumber"), LinkedHashMap::new,
                        Collectors.toMap(r -> r.get("dataAreaId"), Function.identity())));
        return byNumber.values().stream().filter(r -> r.size() == companies).findFirst()
                .orElseThrow(() -> new AssertionError("no product released in " + companies + " companies"));
    }

    private static String status() {
        return sync.command("status", "--area", "products").printed();
    }

    private static long openErrors() {
        java.util.regex.Matcher open = java.util.regex.Pattern.compile("  open errors: (\\d+)\n").matcher(status());
        assertThat(open.find()).as(status()).isTrue();
        return Long.parseLong(open.group(1));
    }

    private static final String GBP_PATH = "SellableReleasedProducts(dataAreaId='usmf',ProductNumber='GBP-0001')";

    /** A run in which the GBP product is mapped again and fails again, then one in which it is still failing. */
    private static void assertTriedAgainThenStillFailing(String why) throws Exception {
        SyncFixture.Result again = sync.syncOnce("products");
        assertThat(again.count("products", "failed")).as("%s: mapped again, failed again%n%s", why, again.printed())
                .isEqualTo(1);
        assertThat(again.count("products", "stillFailing")).isZero();
        assertThat(again.count("products", "written")).isZero();
        assertThat(again.exitCode()).isEqualTo(2);
        long open = openErrors();

        SyncFixture.Result next = sync.syncOnce("products");
        assertThat(next.count("products", "failed")).as("%s: then read as it failed%n%s", why, next.printed()).isZero();
        assertThat(next.count("products", "stillFailing")).isEqualTo(1);
        assertThat(next.exitCode()).isZero();
        assertThat(openErrors()).as("no new error").isEqualTo(open);
    }

    private static void setPrice(Map<String, Object> release, BigDecimal price) {
        probe.patchErp("SellableReleasedProducts(dataAreaId='" + release.get("dataAreaId") + "',ProductNumber='"
                + release.get("ProductNumber") + "')", Map.of("SalesPrice", price));
    }

    @Test
    @Order(1)
    void everySellableProductNumberIsOneCrmProductWithAPriceListItemPerCompany() throws Exception {
        SyncFixture.Result result = sync.syncOnce("products");

        List<Map<String, Object>> erp = releases();
        List<Map<String, Object>> sellable = erp.stream().filter(p -> !"GBP".equals(p.get("CurrencyCode"))).toList();
        Set<Object> numbers = sellable.stream().map(p -> p.get("ProductNumber")).collect(Collectors.toSet());
        assertThat(numbers.size()).as("the seed releases products in both companies").isLessThan(sellable.size());
        assertThat(result.exitCode()).as("the GBP product fails: exit 2%n%s", result.printed()).isEqualTo(2);
        assertThat(crmProducts().keySet()).as("one CRM product per ERP product number").isEqualTo(numbers);
        assertThat(probe.crm("products", "$select=productnumber", "$filter=productnumber eq 'GBP-0001'")).isEmpty();
        assertThat(result.count("products", "failed")).isEqualTo(1);
        assertThat(result.count("products", "written")).as("each release").isEqualTo(erp.size() - 1);

        assertThat(priceListItems()).as("a price-list item per release, in its currency's price list, at its price")
                .isEqualTo(sellable.stream().collect(Collectors.toMap(
                        p -> priceListOf(p.get("CurrencyCode")) + "|" + p.get("ProductNumber"),
                        p -> ODataProbe.decimal(p.get("SalesPrice")).stripTrailingZeros())));
        assertThat(sync.command("status", "--area", "products").printed()).as("the failure names the product")
                .contains("    GBP-0001: map failed: transactioncurrencyid@odata.bind: value 'GBP' of CurrencyCode is"
                        + " not in value map 'currencyId'");
    }

    @Test
    @Order(2)
    void theRepeatRunWritesNothingSendsItsErpReadPagesOnlyAndDoesNotFailTheUnchangedGbpProductAgain()
            throws Exception {
        int rows = releases().size();

        SyncFixture.Result second = sync.syncOnce("products");

        assertThat(second.exitCode()).as("nothing failed anew: exit 0%n%s", second.printed()).isZero();
        assertThat(second.area("products").get("outcome").asText()).isEqualTo("Completed");
        assertThat(second.count("products", "read")).isEqualTo(rows);
        assertThat(second.count("products", "written")).as(second.printed()).isZero();
        assertThat(second.count("products", "failed")).as("the GBP product is read as it failed: not mapped again")
                .isZero();
        assertThat(second.count("products", "stillFailing")).isEqualTo(1);
        assertThat(second.count("products", "unchanged")).as("the still failing one among them").isEqualTo(rows);
        assertThat(second.area("products").get("requests").get("erp").asLong())
                .as("a full read: one request per page of %d rows", PAGE_SIZE)
                .isEqualTo((rows + PAGE_SIZE - 1) / PAGE_SIZE);
        assertThat(second.area("products").get("requests").get("crm").asLong()).as("nothing to write").isZero();
        assertThat(status()).as("its error stays open, and only the one")
                .contains("still failing 1)")
                .contains("  open errors: 1\n")
                .contains("    GBP-0001: map failed: transactioncurrencyid@odata.bind: value 'GBP' of CurrencyCode is"
                        + " not in value map 'currencyId'");
    }

    @Test
    @Order(3)
    void oneChangedErpProductIsOneWrite() throws Exception {
        Map<String, Object> release = releasedIn(1).values().iterator().next();
        Object number = release.get("ProductNumber");
        BigDecimal price = ODataProbe.decimal(release.get("SalesPrice")).add(new BigDecimal("1.25"));
        setPrice(release, price);

        SyncFixture.Result result = sync.syncOnce("products");

        assertThat(result.count("products", "written")).as(result.printed()).isEqualTo(1);
        assertThat(ODataProbe.decimal(crmProducts().get(number).get("price"))).isEqualByComparingTo(price);
        assertThat(priceListItems().get(priceListOf(release.get("CurrencyCode")) + "|" + number))
                .isEqualByComparingTo(price);
    }

    @Test
    @Order(4)
    void aChangeOfOneReleaseOfATwoCompanyProductIsOneWriteOfItsPriceListItem() throws Exception {
        Map<Object, Map<String, Object>> both = releasedIn(2);
        Map<String, Object> usmf = both.get("usmf");
        Map<String, Object> demf = both.get("demf");
        Object number = demf.get("ProductNumber");
        Map<String, BigDecimal> itemsBefore = priceListItems();
        Map<String, Object> productBefore = crmProducts().get(number);
        BigDecimal price = ODataProbe.decimal(demf.get("SalesPrice")).add(new BigDecimal("2.50"));
        setPrice(demf, price);

        SyncFixture.Result result = sync.syncOnce("products");

        assertThat(result.count("products", "written")).as(result.printed()).isEqualTo(1);
        Map<String, BigDecimal> expected = new LinkedHashMap<>(itemsBefore);
        expected.put(SandboxIds.PRICE_LIST_EUR + "|" + number, price.stripTrailingZeros());
        assertThat(priceListItems()).as("the demf release's EUR item changed, nothing else").isEqualTo(expected);
        // the one CRM product carries one list price and currency: those of the release written last. The first run
        // wrote usmf's after demf's (reads go in id order), the change of the demf release now puts its own there
        assertThat(ODataProbe.decimal(productBefore.get("price")))
                .isEqualByComparingTo(ODataProbe.decimal(usmf.get("SalesPrice")));
        assertThat(productBefore.get("_transactioncurrencyid_value")).isEqualTo(SandboxIds.CURRENCY_USD);
        Map<String, Object> productAfter = crmProducts().get(number);
        assertThat(ODataProbe.decimal(productAfter.get("price"))).as("the demf release's price").isEqualByComparingTo(price);
        assertThat(productAfter.get("_transactioncurrencyid_value")).isEqualTo(SandboxIds.CURRENCY_EUR);
        assertThat(productAfter.get("productid")).isEqualTo(productBefore.get("productid"));

        SyncFixture.Result again = sync.syncOnce("products");
        assertThat(again.count("products", "written")).as("each release keeps its own record state").isZero();
    }

    @Test
    @Order(5)
    void theGbpProductIsTriedAgainWhenItChanges() throws Exception {
        probe.patchErp(GBP_PATH, Map.of("ProductName", "Priced in pounds, renamed"));

        assertTriedAgainThenStillFailing("the GBP product changed");
    }

    @Test
    @Order(6)
    void retryTriesTheGbpProductAgainThoughItDidNotChange() throws Exception {
        SyncFixture.Result retry = sync.command("retry", "--area", "products");
        assertThat(retry.exitCode()).as(retry.printed()).isZero();

        assertTriedAgainThenStillFailing("retry");
    }

    @Test
    @Order(7)
    void onceTheMappingKnowsTheCurrencyTheUnchangedGbpProductIsWritten() throws Exception {
        String currency = "5c5a9f3e-0000-4000-8000-000000000826";
        String priceList = "c0000000-0000-4000-8000-000000000826";
        probe.postCrm("transactioncurrencies", Map.of("transactioncurrencyid", currency, "isocurrencycode", "GBP",
                "currencyname", "Pound Sterling", "currencysymbol", "£", "exchangerate", new BigDecimal("0.79")));
        probe.postCrm("pricelevels", Map.of("pricelevelid", priceList, "name", "CRM Service UK",
                "transactioncurrencyid@odata.bind", "/transactioncurrencies(" + currency + ")"));
        Path fixed = SyncFixture.shippedMappings(dir.resolve("fixed-mappings"), SyncFixture.shippedAreas());
        Path valueMaps = fixed.resolve("shared").resolve("value-maps.yaml");
        String maps = Files.readString(valueMaps);
        String withPound = maps
                .replace("      EUR: 5c5a9f3e-0000-4000-8000-000000000978\n",
                        "      EUR: 5c5a9f3e-0000-4000-8000-000000000978\n      GBP: " + currency + "\n")
                .replace("      EUR: c0000000-0000-4000-8000-000000000978   # CRM Service Europe (sample)\n",
                        "      EUR: c0000000-0000-4000-8000-000000000978   # CRM Service Europe (sample)\n"
                                + "      GBP: " + priceList + "\n");
        assertThat(withPound).as("both value maps gained GBP").isNotEqualTo(maps)
                .contains("GBP: " + currency).contains("GBP: " + priceList);
        Files.writeString(valueMaps, withPound);
        sync.set("p2c.mappings", fixed.toString());
        try {
            SyncFixture.Result result = sync.syncOnce("products");

            assertThat(result.exitCode()).as(result.printed()).isZero();
            assertThat(result.count("products", "written")).as("the GBP product, not changed since it failed")
                    .isEqualTo(1);
            assertThat(result.count("products", "failed")).isZero();
            assertThat(result.count("products", "stillFailing")).isZero();
            assertThat(crmProducts().get("GBP-0001").get("_transactioncurrencyid_value")).isEqualTo(currency);
            assertThat(priceListItems()).containsEntry(priceList + "|GBP-0001", BigDecimal.TEN.stripTrailingZeros());
            assertThat(status()).contains("  open errors: 0\n");
        } finally {
            sync.set("p2c.mappings", Path.of("mappings").toAbsolutePath().toString());
        }
    }
}
