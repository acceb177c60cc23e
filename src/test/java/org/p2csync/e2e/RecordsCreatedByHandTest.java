package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;

/**
 * p2c-sync sends the records it never wrote to F&amp;O as POST at once (F&amp;O's PATCH only updates). A customer and an
 * order someone already typed into the ERP are such records too: their POST is refused, and the PATCH that follows
 * updates them with the CRM's values (the order gains its lines), so the first sync neither fails nor duplicates
 * them. Through the real command line and a proxy that shows each $batch.
 */
class RecordsCreatedByHandTest {
    private static final int CUSTOMER = 3;
    private static final int ORIGIN_CRM = 916800000;
    private static final int DRAFT = 916800000;

    @TempDir
    Path dir;

    private static String company(Map<String, Object> crmRecord) {
        return SandboxIds.BU_DEMF.equals(crmRecord.get("_owningbusinessunit_value")) ? "demf" : "usmf";
    }

    @Test
    void aCustomerAndAnOrderAlreadyInTheErpAreUpdatedByTheFirstSyncNotFailed() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(200));
                SandboxProxy proxy = new SandboxProxy(sandbox)) {
            ODataProbe probe = new ODataProbe(sandbox);
            SyncFixture sync = new SyncFixture(sandbox, dir, Map.of("p2c.erp.url", proxy.url() + "/erp/data/"));
            Map<String, Object> account = probe.crm("accounts", "$select=accountnumber,name,_owningbusinessunit_value",
                    "$filter=customertypecode eq " + CUSTOMER, "$orderby=accountnumber").get(0);
            Map<String, Object> byHand = new LinkedHashMap<>();
            byHand.put("dataAreaId", company(account));
            byHand.put("CustomerAccount", account.get("accountnumber"));
            byHand.put("OrganizationName", "Typed into the ERP");
            probe.postErp("CustomersV3", byHand);
            String partyNumber = (String) customer(probe, account).get("PartyNumber");

            SyncFixture.Result customers = sync.syncOnce("products", "accounts");

            assertThat(customers.exitCode()).as(customers.printed()).isZero();
            assertThat(customers.count("accounts", "failed")).isZero();
            assertThat(customer(probe, account).get("OrganizationName")).as("the CRM's name").isEqualTo(account.get("name"));
            assertThat(customer(probe, account).get("PartyNumber")).as("the same customer, updated").isEqualTo(partyNumber);
            assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq '" + account.get("accountnumber") + "'"))
                    .hasSize(1);
            List<SandboxProxy.Sent> accountBatches = proxy.writes("/erp/data/");
            assertThat(accountBatches.get(0).responseBody()).as("the POST of the customer typed in by hand is refused")
                    .contains("The record already exists");

            Map<String, Object> order = probe.crm("salesorders",
                    "$select=salesorderid,ordernumber,name,_owningbusinessunit_value",
                    "$filter=p2c_origin eq " + ORIGIN_CRM + " and p2c_processingstatus ne " + DRAFT
                            + " and p2c_processingstatus ne null", "$orderby=ordernumber").get(0);
            long crmLines = probe.crm("salesorderdetails", "$select=salesorderdetailid",
                    "$filter=_salesorderid_value eq " + order.get("salesorderid")).size();
            assertThat(crmLines).isPositive();
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("dataAreaId", company(order));
            header.put("SalesOrderNumber", order.get("ordernumber"));
            header.put("SalesOrderName", "Phoned in");
            header.put("SalesOrderOriginCode", "CRM");
            probe.postErp("CDSSalesOrderHeaders", header);
            proxy.clear();

            SyncFixture.Result orders = sync.syncOnce("orders");

            assertThat(orders.exitCode()).as(orders.printed()).isZero();
            assertThat(orders.count("orders", "failed")).isZero();
            String number = "SalesOrderNumber eq '" + order.get("ordernumber") + "'";
            assertThat(probe.erp("CDSSalesOrderHeaders", "$filter=" + number)).singleElement()
                    .satisfies(h -> assertThat(h.get("SalesOrderName")).isEqualTo(order.get("name")));
            assertThat(probe.erp("CDSSalesOrderLines", "$filter=" + number)).as("the order gained its lines")
                    .hasSize((int) crmLines);
            List<SandboxProxy.Sent> batches = proxy.writes("/erp/data/");
            // the order's POST is refused (its header exists), so it is sent as PATCH, header and lines; the header
            // found, each missing line then costs a 404 and its POST, one line per round, as for any document
            // written before that gains lines. An order with its lines in the ERP already costs the PATCH only
            assertThat(batches).as("the creates, the update of the order typed in by hand, its lines' creates")
                    .hasSize(2 + (int) crmLines);
            assertThat(batches.get(0).body()).contains("POST ").doesNotContain("PATCH ");
            assertThat(batches.get(1).body()).contains("PATCH ").doesNotContain("POST ");
            assertThat(batches.get(batches.size() - 1).responseBody()).doesNotContain("HTTP/1.1 4");

            SyncFixture.Result again = sync.syncOnce("accounts", "orders");
            assertThat(again.count("accounts", "written") + again.count("orders", "written")).as("all recorded")
                    .isZero();
        }
    }

    private static Map<String, Object> customer(ODataProbe probe, Map<String, Object> account) {
        return probe.erp("CustomersV3", "$select=CustomerAccount,OrganizationName,PartyNumber",
                "$filter=CustomerAccount eq '" + account.get("accountnumber") + "'").get(0);
    }
}
