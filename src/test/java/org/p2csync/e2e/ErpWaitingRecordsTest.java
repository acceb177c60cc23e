package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxHttp;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.state.PendingRecord;
import org.p2csync.state.StateStore;

/**
 * Waiting records of an ERP source, whose ids are composite (SalesInvoiceHeadersV2's whole key [dataAreaId,
 * InvoiceNumber, InvoiceDate, LedgerVoucher], held as a JSON array): invoices wait for their customer's account; once
 * accounts has synced, the next run writes them although they never changed at the source. The entity has no
 * modification timestamp, so every run reads it in full and the waiting invoices come with everything else (no
 * separate re-read by id). A waiting invoice deleted in the ERP is not among what the complete read returned, matched
 * by its composite id, and dropped from pending.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErpWaitingRecordsTest {
    private static final Path FIXTURES = Path.of("src/test/resources/erpwaiting");

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxProxy proxy;
    static ODataProbe probe;
    static SyncFixture sync;
    static List<Map<String, Object>> orderInvoices;
    static int freeText;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(150));
        proxy = new SandboxProxy(sandbox);
        probe = new ODataProbe(sandbox);
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Path mappings = SyncFixture.shippedMappings(dir.resolve("mappings"), "accounts");
        Files.copy(Path.of("routes/accounts.camel.yaml"), routes.resolve("accounts.camel.yaml"));
        Files.copy(FIXTURES.resolve("erpinvoices.camel.yaml"), routes.resolve("erpinvoices.camel.yaml"));
        Files.copy(FIXTURES.resolve("erpinvoices.yaml"), mappings.resolve("erpinvoices.yaml"));
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.routes", routes.toString(), "p2c.mappings",
                mappings.toString(), "p2c.page-size", "25", "p2c.erp.url", proxy.url() + "/erp/data/"));
        List<Map<String, Object>> invoices = probe.erp("SalesInvoiceHeadersV2",
                "$select=dataAreaId,InvoiceNumber,InvoiceDate,LedgerVoucher,SalesOrderNumber,"
                        + "InvoiceCustomerAccountNumber");
        orderInvoices = invoices.stream().filter(i -> i.get("SalesOrderNumber") != null).toList();
        freeText = invoices.size() - orderInvoices.size();
    }

    @AfterAll
    static void stop() {
        proxy.close();
        sandbox.close();
    }

    @Test
    @Order(1)
    void beforeTheirCustomersAreSyncedInvoicesOfBothCompaniesWaitUnderTheirCompositeIds() throws Exception {
        assertThat(orderInvoices).extracting(i -> i.get("dataAreaId")).contains("usmf", "demf");
        assertThat(freeText).as("free-text invoices, filtered out").isPositive();

        SyncFixture.Result result = sync.syncOnce("erpinvoices");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("erpinvoices", "read")).isEqualTo(orderInvoices.size() + freeText);
        assertThat(result.count("erpinvoices", "filtered")).isEqualTo(freeText);
        assertThat(result.count("erpinvoices", "waiting")).isEqualTo(orderInvoices.size());
        assertThat(result.count("erpinvoices", "written")).isZero();
        assertThat(probe.crm("invoices")).isEmpty();
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            Set<String> ids = state.pending().list("erpinvoices", 10_000).stream().map(PendingRecord::sourceId)
                    .collect(Collectors.toSet());
            assertThat(ids).isEqualTo(orderInvoices.stream().map(ErpWaitingRecordsTest::sourceId)
                    .collect(Collectors.toSet()));
        }
    }

    @Test
    @Order(2)
    void onceTheCustomersExistTheNextRunWritesTheWaitingInvoices() throws Exception {
        Map<String, Object> deleted = deleted();
        HttpResponse<String> delete = new SandboxHttp(sandbox).send("DELETE", sandbox.erpUrl()
                + "SalesInvoiceHeadersV2(dataAreaId=" + ODataProbe.quoted("demf") + ",InvoiceNumber="
                + ODataProbe.quoted(deleted.get("InvoiceNumber").toString()) + ",InvoiceDate="
                + deleted.get("InvoiceDate") + ",LedgerVoucher="
                + ODataProbe.quoted(deleted.get("LedgerVoucher").toString())
                + ")?cross-company=true", null, Map.of());
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(204);
        SyncFixture.Result accounts = sync.syncOnce("accounts");
        assertThat(accounts.exitCode()).as(accounts.printed()).isZero();

        proxy.clear();
        SyncFixture.Result invoices = sync.syncOnce("erpinvoices");

        int expected = orderInvoices.size() - 1;
        List<Map<String, Object>> blocked = unbindable();
        assertThat(invoices.exitCode()).as(invoices.printed()).isEqualTo(blocked.isEmpty() ? 0 : 2);
        assertThat(invoices.count("erpinvoices", "read")).as("a full read: the waiting ones come with the rest")
                .isEqualTo(expected + freeText);
        assertThat(invoices.count("erpinvoices", "unchanged")).isZero();
        assertThat(proxy.gets("/erp/data/SalesInvoiceHeadersV2")).as("pages of the full read, no read by id")
                .isNotEmpty().allSatisfy(get -> assertThat(get.url()).doesNotContain("filter"));
        assertThat(invoices.count("erpinvoices", "written")).isEqualTo(expected - blocked.size());
        assertThat(invoices.count("erpinvoices", "failed")).isEqualTo(blocked.size());
        assertThat(invoices.count("erpinvoices", "waiting")).isZero();
        List<Map<String, Object>> written = probe.crm("invoices", "$select=invoicenumber,_customerid_value");
        assertThat(written).hasSize(expected - blocked.size())
                .allSatisfy(i -> assertThat(i.get("_customerid_value")).isNotNull());
        assertThat(written).extracting(i -> i.get("invoicenumber")).doesNotContain(deleted.get("InvoiceNumber"));
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            assertThat(state.pending().count("erpinvoices")).as("written ones and the deleted one").isZero();
            assertThat(state.errors().open("erpinvoices", 100)).hasSize(blocked.size())
                    .allSatisfy(e -> assertThat(e.reason()).contains("Error in query syntax"));
        }
    }

    @Test
    @Order(3)
    void aLaterRunHasNothingLeftToRetry() throws Exception {
        SyncFixture.Result again = sync.syncOnce("erpinvoices");

        int blocked = unbindable().size();
        assertThat(again.exitCode()).as(again.printed()).isZero();
        int written = orderInvoices.size() - 1 - blocked;
        assertThat(again.count("erpinvoices", "read")).isEqualTo(written + blocked + freeText);
        assertThat(again.count("erpinvoices", "unchanged")).as("the written ones and those still failing")
                .isEqualTo(written + blocked);
        assertThat(again.count("erpinvoices", "stillFailing")).as("read as they failed: not failed anew")
                .isEqualTo(blocked);
        assertThat(again.count("erpinvoices", "failed")).isZero();
        assertThat(again.count("erpinvoices", "written")).isZero();
        assertThat(again.count("erpinvoices", "waiting")).isZero();
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            assertThat(state.pending().count("erpinvoices")).isZero();
        }
    }

    /**
     * The order invoices (but the deleted one) whose customer's account number cannot travel in a Dataverse bind
     * ({@code customerid_account@odata.bind: /accounts(accountnumber='A&B 17/3#?')}): the sandbox refuses them as
     * Dataverse does, so they fail until p2c-sync binds such records by id (ISSUE8 item 3, the connectors' side).
     */
    private static List<Map<String, Object>> unbindable() {
        String forbidden = "/<>*%&:\\?+#";
        return orderInvoices.stream().filter(i -> i != deleted())
                .filter(i -> String.valueOf(i.get("InvoiceCustomerAccountNumber")).chars()
                        .anyMatch(c -> forbidden.indexOf(c) >= 0))
                .toList();
    }

    /** The order invoice the second test deletes in the ERP: the first of demf. */
    private static Map<String, Object> deleted() {
        return orderInvoices.stream().filter(i -> "demf".equals(i.get("dataAreaId"))).findFirst().orElseThrow();
    }

    /** The source id the engine keeps for an F&O record: every key field, in the entity's key order. */
    private static String sourceId(Map<String, Object> invoice) {
        return "[\"" + invoice.get("dataAreaId") + "\",\"" + invoice.get("InvoiceNumber") + "\",\""
                + invoice.get("InvoiceDate") + "\",\"" + invoice.get("LedgerVoucher") + "\"]";
    }
}
