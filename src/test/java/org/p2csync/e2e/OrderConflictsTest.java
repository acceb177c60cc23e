package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.cli.P2cCommand;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * Orders go both ways, and the CRM owns what the orders area writes: when an ERP user renamed an order that the CRM
 * renamed too, the CRM's name is written anyway and the conflict is recorded, in the report and in `status`. The
 * comparison costs a GET of the ERP's copy only when there is something to write.
 */
class OrderConflictsTest {
    private static final String ORDERS = "CDSSalesOrderHeaders";

    @TempDir
    Path dir;

    @Test
    void bothSidesChangedTheOrderTheCrmWinsAndTheConflictIsRecorded() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(200));
                SandboxProxy proxy = new SandboxProxy(sandbox)) {
            ODataProbe probe = new ODataProbe(sandbox);
            SyncFixture sync = new SyncFixture(sandbox, dir, Map.of("p2c.erp.url", proxy.url() + "/erp/data/"));
            SyncFixture.Result prerequisites = sync.syncOnce("products", "accounts");
            assertThat(prerequisites.exitCode()).as(prerequisites.printed()).isZero();
            proxy.clear();
            SyncFixture.Result first = sync.syncOnce("orders");
            assertThat(first.exitCode()).as(first.printed()).isZero();
            assertThat(first.count("orders", "written")).as("the seed's activated orders").isPositive();
            assertThat(first.count("orders", "conflicts")).as("nothing was written before").isZero();
            assertThat(proxy.gets("/erp/data/" + ORDERS)).as("records never written before need no comparison")
                    .isEmpty();
            assertThat(proxy.gets("/erp/data/CDSSalesOrderLines")).isEmpty();
            // F&O's PATCH only updates: orders p2c-sync never wrote go as POST at once, header and lines, instead of
            // a PATCH answered 404 and then a POST (README, the sandbox)
            List<SandboxProxy.Sent> batches = proxy.writes("/erp/data/");
            assertThat(batches).extracting(SandboxProxy.Sent::url).containsExactly("/erp/data/$batch");
            assertThat(batches.get(0).body()).contains("POST " + proxy.url() + "/erp/data/" + ORDERS + " ")
                    .contains("POST " + proxy.url() + "/erp/data/CDSSalesOrderLines ")
                    .doesNotContain("PATCH ");
            assertThat(batches.get(0).responseBody()).as("every create accepted").contains("HTTP/1.1 201")
                    .doesNotContain("HTTP/1.1 4");
            assertThat(first.area("orders").get("requests").get("erp").asLong())
                    .as("the one $batch request and nothing else (the token came with $metadata)").isEqualTo(1);

            Map<String, Object> order = probe.erp(ORDERS, "$select=dataAreaId,SalesOrderNumber,SalesOrderName",
                    "$filter=SalesOrderOriginCode eq 'CRM'", "$orderby=SalesOrderNumber").get(0);
            String number = (String) order.get("SalesOrderNumber");
            String erpPath = ORDERS + "(dataAreaId='" + order.get("dataAreaId") + "',SalesOrderNumber='" + number
                    + "')";
            Map<String, Object> crmOrder = probe.crm("salesorders", "$select=salesorderid,statecode",
                    "$filter=ordernumber eq '" + number + "'").get(0);
            assertThat(crmOrder.get("statecode")).as("a CRM order stays active, so CRM users may edit it").isEqualTo(0);
            String crmPath = "salesorders(" + crmOrder.get("salesorderid") + ")";
            probe.patchCrm(crmPath, Map.of("name", "Renamed in the CRM"));
            probe.patchErp(erpPath, Map.of("SalesOrderName", "Renamed in the ERP"));

            proxy.clear();
            SyncFixture.Result conflicting = sync.syncOnce("orders");

            assertThat(conflicting.exitCode()).as(conflicting.printed()).isZero();
            assertThat(conflicting.count("orders", "written")).isEqualTo(1);
            assertThat(conflicting.count("orders", "conflicts")).isEqualTo(1);
            assertThat(conflicting.area("orders").get("requests").get("erp").asLong())
                    .as("one GET of the ERP's copy to compare, one $batch").isEqualTo(2);
            assertThat(proxy.gets("/erp/data/" + ORDERS)).hasSize(1);
            assertThat(erpName(probe, number)).as("the owner wins").isEqualTo("Renamed in the CRM");
            JsonNode conflict = conflicting.area("orders").get("conflictRecords").get(0);
            assertThat(conflict.get("record").asText()).isEqualTo(number);
            assertThat(conflict.get("targetKey").asText()).isEqualTo(order.get("dataAreaId") + "|" + number);
            assertThat(conflict.get("fields")).hasSize(1);
            JsonNode field = conflict.get("fields").get(0);
            assertThat(field.get("field").asText()).isEqualTo("SalesOrderName");
            assertThat(field.get("lastWritten").asText()).isEqualTo(order.get("SalesOrderName"));
            assertThat(field.get("found").asText()).isEqualTo("Renamed in the ERP");
            assertThat(field.get("written").asText()).isEqualTo("Renamed in the CRM");

            String status = status(sync);
            assertThat(status).contains("conflicts 1)")
                    .contains(number + ": SalesOrderName found 'Renamed in the ERP', written 'Renamed in the CRM'");

            proxy.clear();
            SyncFixture.Result quiet = sync.syncOnce("orders");
            assertThat(quiet.count("orders", "written")).isZero();
            assertThat(quiet.count("orders", "conflicts")).isZero();
            assertThat(quiet.area("orders").get("requests").get("erp").asLong())
                    .as("nothing to write, nothing to compare").isZero();
            assertThat(proxy.gets("/erp/data/" + ORDERS)).isEmpty();

            probe.patchCrm(crmPath, Map.of("name", "Renamed in the CRM again"));
            proxy.clear();
            SyncFixture.Result crmOnly = sync.syncOnce("orders");
            assertThat(crmOnly.count("orders", "written")).isEqualTo(1);
            assertThat(crmOnly.count("orders", "conflicts"))
                    .as("every field written reads back the same: numbers, dates, empty values").isZero();
            assertThat(crmOnly.area("orders").has("conflictRecords")).isFalse();
            assertThat(crmOnly.area("orders").get("requests").get("erp").asLong())
                    .as("one GET of the target copy, one $batch (the token came with $metadata)").isEqualTo(2);
            assertThat(proxy.gets("/erp/data/" + ORDERS)).as("the one GET is of the order's ERP copy").hasSize(1);
            assertThat(proxy.writes("/erp/data/")).extracting(SandboxProxy.Sent::url)
                    .containsExactly("/erp/data/$batch");
            assertThat(erpName(probe, number)).isEqualTo("Renamed in the CRM again");
        }
    }

    private static Object erpName(ODataProbe probe, String number) {
        List<Map<String, Object>> rows = probe.erp(ORDERS, "$select=SalesOrderName",
                "$filter=SalesOrderNumber eq '" + number + "'");
        assertThat(rows).hasSize(1);
        return rows.get(0).get("SalesOrderName");
    }

    private static String status(SyncFixture sync) {
        StringWriter out = new StringWriter();
        int code = P2cCommand.execute(new PrintWriter(out, true), new PrintWriter(out, true), "status", "--area",
                "orders", "--config", sync.config().toString());
        assertThat(code).as(out.toString()).isZero();
        return out.toString();
    }
}
