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
 * renamed too, the CRM's name is written anyway and the conflict is recorded, in the report and in `status`.
 */
class OrderConflictsTest {
    @TempDir
    Path dir;

    @Test
    void bothSidesChangedTheOrderTheCrmWinsAndTheConflictIsRecorded() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(200))) {
            ODataProbe probe = new ODataProbe(sandbox);
            SyncFixture sync = new SyncFixture(sandbox, dir, Map.of());
            SyncFixture.Result first = sync.syncOnce();
            assertThat(first.exitCode()).as(first.printed()).isZero();
            assertThat(first.count("orders", "conflicts")).as("nothing was written before").isZero();
            assertThat(first.area("orders").get("requests").get("erp").asLong())
                    .as("records never written before need no comparison: one $batch, no GET").isEqualTo(1);

            Map<String, Object> order = probe.erp("SalesOrderHeadersV2", "$select=dataAreaId,SalesOrderNumber,SalesOrderName",
                    "$filter=SalesOrderOriginCode eq 'CRM'").get(0);
            String number = (String) order.get("SalesOrderNumber");
            String erpPath = "SalesOrderHeadersV2(dataAreaId='" + order.get("dataAreaId") + "',SalesOrderNumber='"
                    + number + "')";
            String crmPath = "salesorders(" + probe.crm("salesorders", "$select=salesorderid",
                    "$filter=ordernumber eq '" + number + "'").get(0).get("salesorderid") + ")";
            probe.patchCrm(crmPath, Map.of("name", "Renamed in the CRM"));
            probe.patchErp(erpPath, Map.of("SalesOrderName", "Renamed in the ERP"));

            SyncFixture.Result conflicting = sync.syncOnce("orders");

            assertThat(conflicting.exitCode()).as(conflicting.printed()).isZero();
            assertThat(conflicting.count("orders", "written")).isEqualTo(1);
            assertThat(conflicting.count("orders", "conflicts")).isEqualTo(1);
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

            SyncFixture.Result quiet = sync.syncOnce("orders");
            assertThat(quiet.count("orders", "written")).isZero();
            assertThat(quiet.count("orders", "conflicts")).isZero();
            assertThat(quiet.area("orders").get("requests").get("erp").asLong())
                    .as("nothing to write, nothing to compare").isZero();

            probe.patchCrm(crmPath, Map.of("name", "Renamed in the CRM again"));
            SyncFixture.Result crmOnly = sync.syncOnce("orders");
            assertThat(crmOnly.count("orders", "written")).isEqualTo(1);
            assertThat(crmOnly.count("orders", "conflicts"))
                    .as("every field written reads back the same: numbers, dates, empty values").isZero();
            assertThat(crmOnly.area("orders").has("conflictRecords")).isFalse();
            assertThat(crmOnly.area("orders").get("requests").get("erp").asLong())
                    .as("one GET of the target copy, one $batch (the token came with $metadata)").isEqualTo(2);
            assertThat(erpName(probe, number)).isEqualTo("Renamed in the CRM again");
        }
    }

    private static Object erpName(ODataProbe probe, String number) {
        List<Map<String, Object>> rows = probe.erp("SalesOrderHeadersV2", "$select=SalesOrderName",
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
