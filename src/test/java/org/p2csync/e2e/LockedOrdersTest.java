package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
import org.p2csync.state.HeldRecord;
import org.p2csync.state.StateStore;

/**
 * CRM orders a CRM user took out of the Active state (statecode 0), through the Dataverse messages a user's buttons
 * send: Dataverse then refuses updates of the order and of its lines. The ERP -> CRM areas that write orders
 * (order-status for orders the CRM owns, erp-orders for the ERP's) say so in their mappings
 * ({@code target.readOnlyWhen: {statecode: [1, 2, 3, 4]}}): such an order is read before the write and held, named,
 * never PATCHed; the runs complete, and later runs write nothing. The sandbox's request log (through a proxy) shows
 * that no request p2c-sync sent addresses the order or its lines.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LockedOrdersTest {
    private static final List<String> AREAS = List.of("products", "accounts", "contacts", "person-customers",
            "quotes", "orders", "order-status", "erp-orders", "invoices");
    private static final String ORDERS = "CDSSalesOrderHeaders";
    private static final int DRAFT = 916800000;
    private static final int ACTIVE = 916800001;
    private static final int ORIGIN_CRM = 916800000;
    private static final int FULFILLED = 3;
    private static final int COMPLETE = 100001;
    private static final int CANCELED = 2;
    private static final int NO_MONEY = 4;

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxProxy proxy;
    static ODataProbe probe;
    static SyncFixture sync;
    /** The CRM order the first tests follow: a draft the CRM owns, of a customer the accounts area synced. */
    static Map<String, Object> order;
    static String company;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(200));
        proxy = new SandboxProxy(sandbox);
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.crm.url", proxy.url() + "/crm/api/data/v9.2/"));
        SyncFixture.Result initial = sync.syncOnce();
        assertThat(initial.exitCode()).as(initial.printed()).isZero();
        Set<Object> erpCustomers = probe.erp("CustomersV3", "$select=CustomerAccount").stream()
                .map(c -> c.get("CustomerAccount")).collect(Collectors.toSet());
        Map<Object, Object> accountNumbers = probe.crm("accounts", "$select=accountid,accountnumber").stream()
                .filter(a -> a.get("accountnumber") != null)
                .collect(Collectors.toMap(a -> a.get("accountid"), a -> a.get("accountnumber")));
        Map<Object, Long> lineCounts = probe.crm("salesorderdetails", "$select=_salesorderid_value").stream()
                .collect(Collectors.groupingBy(l -> l.get("_salesorderid_value"), Collectors.counting()));
        Set<Object> withWriteIns = probe.crm("salesorderdetails", "$select=_salesorderid_value,_productid_value")
                .stream().filter(l -> l.get("_productid_value") == null).map(l -> l.get("_salesorderid_value"))
                .collect(Collectors.toSet());
        order = probe.crm("salesorders", "$filter=p2c_processingstatus eq " + DRAFT + " and p2c_origin eq "
                        + ORIGIN_CRM, "$orderby=ordernumber").stream()
                .filter(o -> erpCustomers.contains(accountNumbers.get(o.get("_customerid_value"))))
                .filter(o -> lineCounts.getOrDefault(o.get("salesorderid"), 0L) >= 2)
                .filter(o -> !withWriteIns.contains(o.get("salesorderid")))
                .findFirst().orElseThrow();
        company = SandboxIds.BU_DEMF.equals(order.get("_owningbusinessunit_value")) ? "demf" : "usmf";
    }

    @AfterAll
    static void stop() {
        proxy.close();
        sandbox.close();
    }

    @Test
    @Order(1)
    void anOrderFulfilledInTheCrmIsNotWrittenWhenTheErpConfirmsPicksAndInvoicesIt() throws Exception {
        probe.patchCrm(crmPath(order), Map.of("p2c_processingstatus", ACTIVE));
        SyncFixture.Result sent = sync.syncOnce();
        assertThat(sent.exitCode()).as(sent.printed()).isZero();
        assertThat(sent.count("orders", "written")).as("the activated order goes to the ERP").isEqualTo(1);
        assertThat(probe.erp(ORDERS, "$filter=SalesOrderNumber eq '" + number(order) + "'")).hasSize(1);

        // the CRM user closes the order as delivered: FulfillSalesOrder, the message the order form's button sends
        fulfil(order.get("salesorderid"));
        assertThat(crmOrder(order).get("statecode")).isEqualTo(FULFILLED);
        refusedByTheSandbox(crmPath(order));
        proxy.clear();

        List<Map<String, Object>> erpSteps = List.of(
                Map.of("SalesOrderProcessingStatus", "Confirmed", "OrderTotalAmount", new BigDecimal("500.00"),
                        "AreTotalsUpdated", "Yes"),
                Map.of("SalesOrderProcessingStatus", "Picked"),
                Map.of("SalesOrderProcessingStatus", "Invoiced", "SalesOrderStatus", "Invoiced"));
        for (Map<String, Object> step : erpSteps) {
            probe.patchErp(erpPath(order), step);

            SyncFixture.Result result = sync.syncOnce();

            assertThat(result.exitCode()).as(result.printed()).isZero();
            assertThat(result.count("order-status", "held")).as(step + ": the order is held, not written")
                    .isEqualTo(1);
            assertThat(result.count("order-status", "written")).as(String.valueOf(step)).isZero();
            assertThat(result.count("order-status", "failed")).as("a read-only order is no error").isZero();
            for (String area : AREAS) {
                assertThat(result.count(area, "failed")).as(step + ", " + area).isZero();
            }
        }
        assertNothingSentTo(order);
        assertThat(stateReads(order)).as("each changed payload asks the CRM for the order's state once")
                .isEqualTo(erpSteps.size());
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            assertThat(state.held().list("order-status", 10)).singleElement().satisfies(h -> {
                assertThat(h.recordKey()).isEqualTo(number(order));
                assertThat(h.reason()).contains("salesorders").contains(number(order))
                        .contains("read-only at the target").contains("statecode is 3").contains("readOnlyWhen");
            });
            assertThat(state.errors().countOpen("order-status")).as("nothing to fix: no error").isZero();
        }
        SyncFixture.Result status = sync.command("status");
        assertThat(status.printed()).contains(number(order) + ": held: salesorders " + number(order)
                + " is read-only at the target (statecode is 3");
        Map<String, Object> crm = crmOrder(order);
        assertThat(crm.get("statecode")).isEqualTo(FULFILLED);
        assertThat(crm.get("statuscode")).isEqualTo(COMPLETE);
        assertThat(crm.get("p2c_processingstatus")).as("the ERP's progress never reached the closed order")
                .isEqualTo(ACTIVE);
    }

    @Test
    @Order(2)
    void fiveMoreRunsWriteNothingAndNeitherAddressNorAskForTheOrder() throws Exception {
        proxy.clear();
        for (int run = 1; run <= 5; run++) {
            SyncFixture.Result result = sync.syncOnce();
            assertThat(result.exitCode()).as(result.printed()).isZero();
            for (String area : AREAS) {
                assertThat(result.count(area, "written")).as("run " + run + ", " + area).isZero();
                assertThat(result.count(area, "failed")).as("run " + run + ", " + area).isZero();
            }
            assertThat(result.count("order-status", "held")).as("run " + run).isEqualTo(1);
        }
        assertNothingSentTo(order);
        assertThat(stateReads(order)).as("held with the same payload: the CRM is not asked again").isZero();
    }

    /**
     * An order the ERP owns, brought to the CRM by erp-orders, canceled there by a CRM user: the ERP's next change
     * to it is not written (header or lines), and erp-orders' other orders are unaffected.
     */
    @Test
    @Order(3)
    void anErpOrderCanceledInTheCrmIsHeldByErpOrders() throws Exception {
        Map<String, Object> erpOwned = probe.crm("salesorders", "$filter=p2c_origin eq 916800001 and statecode eq 0",
                "$orderby=ordernumber").stream()
                .filter(o -> !probe.crm("salesorderdetails", "$select=salesorderdetailid",
                        "$filter=_salesorderid_value eq " + o.get("salesorderid")).isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("erp-orders brought no ERP order with lines"));
        Map<String, Object> erpRow = probe.erp(ORDERS, "$filter=SalesOrderNumber eq '" + number(erpOwned) + "'")
                .get(0);
        cancel(erpOwned.get("salesorderid"));
        refusedByTheSandbox(crmPath(erpOwned));
        proxy.clear();
        probe.patchErp(ORDERS + "(dataAreaId='" + erpRow.get("dataAreaId") + "',SalesOrderNumber='"
                + number(erpOwned) + "')", Map.of("SalesOrderName", "Renamed in the ERP after the CRM canceled it"));

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("erp-orders", "held")).isEqualTo(1);
        assertThat(result.count("erp-orders", "written")).isZero();
        assertThat(result.count("erp-orders", "failed")).isZero();
        assertNothingSentTo(erpOwned);
        assertThat(stateReads(erpOwned)).isEqualTo(1);
        assertThat(crmOrder(erpOwned).get("name")).isEqualTo(erpOwned.get("name"));
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            assertThat(state.held().list("erp-orders", 10)).extracting(HeldRecord::recordKey)
                    .containsExactly(number(erpOwned));
        }
    }

    /** p2c-sync read the order's state from the CRM (a GET naming it and statecode), how often since the last clear. */
    private static long stateReads(Map<String, Object> crmOrder) {
        return proxy.gets("/crm/api/data/v9.2/salesorders").stream()
                .map(get -> java.net.URLDecoder.decode(get.url(), java.nio.charset.StandardCharsets.UTF_8))
                .filter(url -> url.contains("statecode") && url.contains(number(crmOrder)))
                .count();
    }

    /** No $batch part, PATCH, POST or DELETE p2c-sync sent to the CRM addresses the order or one of its lines. */
    private static void assertNothingSentTo(Map<String, Object> crmOrder) {
        Pattern header = Pattern.compile("(PATCH|PUT|POST|DELETE) \\S*salesorders\\((ordernumber="
                + Pattern.quote(ODataProbe.quoted(number(crmOrder))) + "|ordernumber='"
                + Pattern.quote(number(crmOrder)) + "'|" + crmOrder.get("salesorderid") + ")\\)");
        Pattern lines = Pattern.compile("(PATCH|PUT|POST|DELETE) \\S*salesorderdetails\\S*"
                + crmOrder.get("salesorderid"));
        List<SandboxProxy.Sent> writes = proxy.writes("/crm/");
        for (SandboxProxy.Sent write : writes) {
            String request = write.method() + " " + write.url() + "\n" + write.body();
            assertThat(header.matcher(request).find()).as("a write to the order: " + request).isFalse();
            assertThat(lines.matcher(request).find()).as("a write to its lines: " + request).isFalse();
        }
    }

    /** The sandbox itself refuses an update of the order now: what p2c-sync must not send. */
    private static void refusedByTheSandbox(String path) {
        try {
            probe.patchCrm(path, Map.of("description", "edited"));
        } catch (AssertionError refused) {
            assertThat(refused.getMessage()).contains("400").contains("read-only");
            return;
        }
        throw new AssertionError("the sandbox took an update of " + path);
    }

    private static void fulfil(Object orderId) {
        probe.postCrm("FulfillSalesOrder", orderClose(orderId, COMPLETE));
    }

    private static void cancel(Object orderId) {
        probe.postCrm("CancelSalesOrder", orderClose(orderId, NO_MONEY));
        assertThat(probe.crm("salesorders", "$select=statecode", "$filter=salesorderid eq " + orderId).get(0)
                .get("statecode")).isEqualTo(CANCELED);
    }

    private static Map<String, Object> orderClose(Object orderId, int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("OrderClose", Map.of("salesorderid@odata.bind", "/salesorders(" + orderId + ")",
                "subject", "closed by a CRM user"));
        body.put("Status", status);
        return body;
    }

    private static String number(Map<String, Object> crmOrder) {
        return (String) crmOrder.get("ordernumber");
    }

    private static String crmPath(Map<String, Object> crmOrder) {
        return "salesorders(" + crmOrder.get("salesorderid") + ")";
    }

    private static String erpPath(Map<String, Object> crmOrder) {
        return ORDERS + "(dataAreaId='" + company + "',SalesOrderNumber='" + number(crmOrder) + "')";
    }

    private static Map<String, Object> crmOrder(Map<String, Object> crmOrder) {
        return probe.crm("salesorders", "$filter=salesorderid eq " + crmOrder.get("salesorderid")).get(0);
    }
}
