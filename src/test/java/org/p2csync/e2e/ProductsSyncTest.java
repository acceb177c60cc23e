package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;

/** ERP sellable products become CRM products, each in the price list of its currency; nothing twice. */
class ProductsSyncTest {
    @TempDir
    Path dir;

    @Test
    void everySellableProductIsACrmProductWithAPriceListItemPerCompany() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(200))) {
            ODataProbe probe = new ODataProbe(sandbox);
            Map<String, Object> pound = new LinkedHashMap<>();
            pound.put("dataAreaId", "usmf");
            pound.put("ProductNumber", "GBP-0001");
            pound.put("ProductName", "Priced in pounds");
            pound.put("SalesUnitSymbol", "ea");
            pound.put("SalesPrice", 10);
            pound.put("CurrencyCode", "GBP");
            pound.put("ProductType", "Item");
            probe.postErp("SellableReleasedProducts", pound);
            SyncFixture sync = new SyncFixture(sandbox, dir, Map.of());

            SyncFixture.Result result = sync.syncOnce("products");

            List<Map<String, Object>> erp = probe.erp("SellableReleasedProducts",
                    "$select=dataAreaId,ProductNumber,CurrencyCode,SalesPrice");
            Set<Object> sellable = erp.stream().filter(p -> !"GBP".equals(p.get("CurrencyCode")))
                    .map(p -> p.get("ProductNumber")).collect(Collectors.toSet());
            Set<Object> crm = probe.crm("products", "$select=productnumber,msdyn_externallymaintained").stream()
                    .filter(p -> Boolean.TRUE.equals(p.get("msdyn_externallymaintained")))
                    .map(p -> p.get("productnumber")).collect(Collectors.toSet());
            assertThat(result.exitCode()).as("the GBP product fails: exit 2%n%s", result.printed()).isEqualTo(2);
            assertThat(crm).isEqualTo(sellable);
            assertThat(result.count("products", "failed")).isEqualTo(1);
            assertThat(result.count("products", "written")).isEqualTo(erp.size() - 1);

            List<Map<String, Object>> items = probe.crm("productpricelevels",
                    "$select=_pricelevelid_value,_productid_value,amount");
            long usd = erp.stream().filter(p -> "USD".equals(p.get("CurrencyCode"))).count();
            long eur = erp.stream().filter(p -> "EUR".equals(p.get("CurrencyCode"))).count();
            assertThat(items.stream().filter(i -> SandboxIds.PRICE_LIST_USD.equals(i.get("_pricelevelid_value"))).count())
                    .isEqualTo(usd);
            assertThat(items.stream().filter(i -> SandboxIds.PRICE_LIST_EUR.equals(i.get("_pricelevelid_value"))).count())
                    .isEqualTo(eur);

            SyncFixture.Result second = sync.syncOnce("products");
            assertThat(second.count("products", "written")).isZero();
        }
    }
}
