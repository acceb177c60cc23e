package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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

/**
 * Activated CRM orders (p2c_processingstatus past Draft, origin CRM) reach the ERP with their lines, in the company of
 * their business unit; drafts and orders the ERP created stay where they are; the ERP's confirmation survives a later
 * edit in the CRM, because the CRM never sends the status or the totals the ERP owns.
 */
class OrdersToErpTest {
    private static final String ORDERS = "CDSSalesOrderHeaders";
    private static final int DRAFT = 916800000;
    private static final int ORIGIN_CRM = 916800000;

    @TempDir
    Path dir;

    @Test
    void activatedCrmOrdersLandWithTheirLinesAndTheErpKeepsItsStatus() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(300))) {
            ODataProbe probe = new ODataProbe(sandbox);
            long erpOwnedBefore = probe.erp(ORDERS, "$select=SalesOrderNumber",
                    "$filter=SalesOrderOriginCode eq 'ERP'").size();
            SyncFixture sync = new SyncFixture(sandbox, dir, Map.of());

            SyncFixture.Result result = sync.syncOnce();

            assertThat(result.exitCode()).as(result.printed()).isZero();
            Map<Object, Object> customers = probe.crm("accounts", "$select=accountid,accountnumber",
                            "$filter=customertypecode eq 3").stream()
                    .collect(Collectors.toMap(a -> a.get("accountid"), a -> a.get("accountnumber")));
            List<Map<String, Object>> crmLines = probe.crm("salesorderdetails",
                    "$select=_salesorderid_value,_productid_value");
            // an order with a write-in line (no product) is held: neither header nor lines go
            Set<Object> held = crmLines.stream().filter(l -> l.get("_productid_value") == null)
                    .map(l -> l.get("_salesorderid_value")).collect(Collectors.toSet());
            List<Map<String, Object>> crmOrders = probe.crm("salesorders", "$filter=p2c_origin eq " + ORIGIN_CRM);
            assertThat(crmOrders).extracting(o -> o.get("statecode")).as("CRM orders stay active").containsOnly(0);
            List<Map<String, Object>> eligible = crmOrders.stream()
                    .filter(o -> o.get("p2c_processingstatus") != null
                            && ((Number) o.get("p2c_processingstatus")).intValue() != DRAFT)
                    .filter(o -> customers.containsKey(o.get("_customerid_value")))
                    .filter(o -> !held.contains(o.get("salesorderid"))).toList();
            Set<Object> eligibleIds = eligible.stream().map(o -> o.get("salesorderid")).collect(Collectors.toSet());
            assertThat(crmOrders).as("the seed has drafts, which stay in the CRM").hasSizeGreaterThan(eligible.size());
            long lines = crmLines.stream().filter(l -> eligibleIds.contains(l.get("_salesorderid_value"))).count();
            List<Map<String, Object>> fromCrm = probe.erp(ORDERS, "$filter=SalesOrderOriginCode eq 'CRM'");
            assertThat(fromCrm).extracting(o -> o.get("SalesOrderNumber"))
                    .containsExactlyInAnyOrderElementsOf(eligible.stream().map(o -> o.get("ordernumber")).toList());
            assertThat(probe.erp("CDSSalesOrderLines", "$select=SalesOrderNumber").stream()
                    .filter(l -> ((String) l.get("SalesOrderNumber")).startsWith("ORD-")).count()).isEqualTo(lines);
            assertThat(probe.erp(ORDERS, "$select=SalesOrderNumber", "$filter=SalesOrderOriginCode eq 'ERP'"))
                    .hasSize((int) erpOwnedBefore);
            Map<Object, Map<String, Object>> erpByNumber = fromCrm.stream()
                    .collect(Collectors.toMap(o -> o.get("SalesOrderNumber"), o -> o));
            for (Map<String, Object> crm : eligible) {
                Map<String, Object> erp = erpByNumber.get(crm.get("ordernumber"));
                boolean demf = SandboxIds.BU_DEMF.equals(crm.get("_owningbusinessunit_value"));
                assertThat(erp.get("dataAreaId")).as("the company of the order's business unit")
                        .isEqualTo(demf ? "demf" : "usmf");
                assertThat(erp.get("CurrencyCode")).isEqualTo(demf ? "EUR" : "USD");
                assertThat(erp.get("OrderingCustomerAccountNumber"))
                        .isEqualTo(customers.get(crm.get("_customerid_value")));
                assertThat(erp.get("SalesOrderProcessingStatus")).as("the ERP has confirmed none yet")
                        .isEqualTo("Active");
            }

            Map<String, Object> order = fromCrm.get(0);
            String number = (String) order.get("SalesOrderNumber");
            Map<String, Object> confirmation = new LinkedHashMap<>();
            confirmation.put("SalesOrderProcessingStatus", "Confirmed");
            confirmation.put("SalesOrderStatus", "Backorder");
            confirmation.put("OrderTotalAmount", new BigDecimal("540.00"));
            confirmation.put("OrderTotalTaxAmount", new BigDecimal("40.00"));
            confirmation.put("AreTotalsUpdated", "Yes");
            probe.patchErp(ORDERS + "(dataAreaId='" + order.get("dataAreaId") + "',SalesOrderNumber='" + number + "')",
                    confirmation);
            Map<String, Object> crmOrder = probe.crm("salesorders", "$select=salesorderid",
                    "$filter=ordernumber eq '" + number + "'").get(0);
            probe.patchCrm("salesorders(" + crmOrder.get("salesorderid") + ")", Map.of("name", "Renamed in the CRM"));

            SyncFixture.Result next = sync.syncOnce("orders");

            assertThat(next.count("orders", "written")).isEqualTo(1);
            assertThat(next.count("orders", "conflicts")).isZero();
            assertThat(probe.erp(ORDERS, "$filter=SalesOrderNumber eq '" + number + "'"))
                    .singleElement().satisfies(o -> {
                        assertThat(o.get("SalesOrderName")).isEqualTo("Renamed in the CRM");
                        assertThat(o.get("SalesOrderProcessingStatus")).as("the ERP's confirmation stays")
                                .isEqualTo("Confirmed");
                        assertThat(o.get("SalesOrderStatus")).isEqualTo("Backorder");
                        assertThat(ODataProbe.decimal(o.get("OrderTotalAmount"))).as("the ERP's totals stay")
                                .isEqualByComparingTo("540.00");
                        assertThat(o.get("AreTotalsUpdated")).isEqualTo("Yes");
                    });
        }
    }
}
