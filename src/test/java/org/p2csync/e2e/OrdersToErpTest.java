package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * Activated CRM orders reach the ERP with their lines; orders the ERP created stay its own; the ERP's confirmation
 * survives a later edit in the CRM, because the CRM never sends the status the ERP owns.
 */
class OrdersToErpTest {
    @TempDir
    Path dir;

    @Test
    void activatedCrmOrdersLandWithTheirLinesAndTheErpKeepsItsStatus() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(300))) {
            ODataProbe probe = new ODataProbe(sandbox);
            long erpOwnedBefore = probe.erp("SalesOrderHeadersV2", "$select=SalesOrderNumber",
                    "$filter=SalesOrderOriginCode eq 'ERP'").size();
            SyncFixture sync = new SyncFixture(sandbox, dir, Map.of());

            SyncFixture.Result result = sync.syncOnce();

            assertThat(result.exitCode()).as(result.printed()).isZero();
            Set<Object> customers = probe.crm("accounts", "$select=accountid", "$filter=customertypecode eq 3")
                    .stream().map(a -> a.get("accountid")).collect(Collectors.toSet());
            List<Map<String, Object>> crmLines = probe.crm("salesorderdetails",
                    "$select=_salesorderid_value,_productid_value");
            // an order with a write-in line (no product) is held: neither header nor lines go
            Set<Object> held = crmLines.stream().filter(l -> l.get("_productid_value") == null)
                    .map(l -> l.get("_salesorderid_value")).collect(Collectors.toSet());
            Set<Object> eligible = probe.crm("salesorders", "$select=salesorderid,_customerid_value",
                            "$filter=statecode eq 1 and msdyn_origin eq 'CRM'").stream()
                    .filter(o -> customers.contains(o.get("_customerid_value")))
                    .map(o -> o.get("salesorderid")).filter(o -> !held.contains(o)).collect(Collectors.toSet());
            long lines = crmLines.stream().filter(l -> eligible.contains(l.get("_salesorderid_value"))).count();
            List<Map<String, Object>> fromCrm = probe.erp("SalesOrderHeadersV2", "$select=dataAreaId,SalesOrderNumber",
                    "$filter=SalesOrderOriginCode eq 'CRM'");
            assertThat(fromCrm).hasSize(eligible.size());
            assertThat(probe.erp("SalesOrderLines", "$select=SalesOrderNumber").stream()
                    .filter(l -> ((String) l.get("SalesOrderNumber")).startsWith("ORD-")).count()).isEqualTo(lines);
            assertThat(probe.erp("SalesOrderHeadersV2", "$select=SalesOrderNumber",
                    "$filter=SalesOrderOriginCode eq 'ERP'")).hasSize((int) erpOwnedBefore);

            Map<String, Object> order = fromCrm.get(0);
            String number = (String) order.get("SalesOrderNumber");
            probe.patchErp("SalesOrderHeadersV2(dataAreaId='" + order.get("dataAreaId") + "',SalesOrderNumber='"
                    + number + "')", Map.of("DocumentStatus", "Confirmation"));
            Map<String, Object> crmOrder = probe.crm("salesorders", "$select=salesorderid",
                    "$filter=ordernumber eq '" + number + "'").get(0);
            probe.patchCrm("salesorders(" + crmOrder.get("salesorderid") + ")", Map.of("name", "Renamed in the CRM"));

            SyncFixture.Result next = sync.syncOnce("orders");

            assertThat(next.count("orders", "written")).isEqualTo(1);
            assertThat(probe.erp("SalesOrderHeadersV2", "$filter=SalesOrderNumber eq '" + number + "'"))
                    .singleElement().satisfies(o -> {
                        assertThat(o.get("SalesOrderName")).isEqualTo("Renamed in the CRM");
                        assertThat(o.get("DocumentStatus")).as("the ERP's confirmation stays").isEqualTo("Confirmation");
                    });
        }
    }
}
