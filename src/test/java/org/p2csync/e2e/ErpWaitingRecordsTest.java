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
 * Waiting records of an ERP source, whose ids are composite ([dataAreaId, InvoiceNumber], held as a JSON array):
 * invoices wait for their customer's account; once accounts has synced, the next run re-reads them by every id
 * field, across companies, and writes them although they never changed at the source. A waiting invoice deleted in
 * the ERP is matched back by its composite id as gone and dropped from pending.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ErpWaitingRecordsTest {
    private static final Path FIXTURES = Path.of("src/test/resources/erpwaiting");

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataProbe probe;
    static SyncFixture sync;
    static List<Map<String, Object>> orderInvoices;
    static int waiting;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(150));
        probe = new ODataProbe(sandbox);
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Path mappings = SyncFixture.shippedMappings(dir.resolve("mappings"), "accounts");
        Files.copy(Path.of("routes/accounts.camel.yaml"), routes.resolve("accounts.camel.yaml"));
        Files.copy(FIXTURES.resolve("erpinvoices.camel.yaml"), routes.resolve("erpinvoices.camel.yaml"));
        Files.copy(FIXTURES.resolve("erpinvoices.yaml"), mappings.resolve("erpinvoices.yaml"));
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.routes", routes.toString(), "p2c.mappings",
                mappings.toString(), "p2c.page-size", "25"));
        orderInvoices = probe.erp("SalesInvoiceHeadersV2",
                "$select=dataAreaId,InvoiceNumber,SalesOrderNumber,InvoiceCustomerAccountNumber").stream()
                .filter(i -> i.get("SalesOrderNumber") != null)
                .toList();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @Order(1)
    void beforeTheirCustomersAreSyncedInvoicesOfBothCompaniesWaitUnderTheirCompositeIds() throws Exception {
        assertThat(orderInvoices).extracting(i -> i.get("dataAreaId")).contains("usmf", "demf");

        SyncFixture.Result result = sync.syncOnce("erpinvoices");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("erpinvoices", "waiting")).isEqualTo(orderInvoices.size());
        assertThat(result.count("erpinvoices", "written")).isZero();
        assertThat(probe.crm("invoices")).isEmpty();
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            Set<String> ids = state.pending().list("erpinvoices", 10_000).stream().map(PendingRecord::sourceId)
                    .collect(Collectors.toSet());
            assertThat(ids).isEqualTo(orderInvoices.stream()
                    .map(i -> "[\"" + i.get("dataAreaId") + "\",\"" + i.get("InvoiceNumber") + "\"]")
                    .collect(Collectors.toSet()));
        }
    }

    @Test
    @Order(2)
    void onceTheCustomersExistTheNextRunReReadsTheWaitingInvoicesByIdAndWritesThem() throws Exception {
        Map<String, Object> deleted = orderInvoices.stream().filter(i -> "demf".equals(i.get("dataAreaId")))
                .findFirst().orElseThrow();
        HttpResponse<String> delete = new SandboxHttp(sandbox).send("DELETE", sandbox.erpUrl()
                + "SalesInvoiceHeadersV2(dataAreaId=" + ODataProbe.quoted("demf") + ",InvoiceNumber="
                + ODataProbe.quoted(deleted.get("InvoiceNumber").toString()) + ")", null, Map.of());
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(204);
        SyncFixture.Result accounts = sync.syncOnce("accounts");
        assertThat(accounts.exitCode()).as(accounts.printed()).isZero();

        SyncFixture.Result invoices = sync.syncOnce("erpinvoices");

        assertThat(invoices.exitCode()).as(invoices.printed()).isZero();
        int expected = orderInvoices.size() - 1;
        assertThat(invoices.count("erpinvoices", "read")).as("only the waiting ones, re-read").isEqualTo(expected);
        assertThat(invoices.count("erpinvoices", "written")).isEqualTo(expected);
        assertThat(invoices.count("erpinvoices", "waiting")).isZero();
        List<Map<String, Object>> written = probe.crm("invoices", "$select=invoicenumber,_customerid_value");
        assertThat(written).hasSize(expected).allSatisfy(i -> assertThat(i.get("_customerid_value")).isNotNull());
        assertThat(written).extracting(i -> i.get("invoicenumber")).doesNotContain(deleted.get("InvoiceNumber"));
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            assertThat(state.pending().count("erpinvoices")).as("written ones and the deleted one").isZero();
        }
    }

    @Test
    @Order(3)
    void aLaterRunHasNothingLeftToRetry() throws Exception {
        SyncFixture.Result again = sync.syncOnce("erpinvoices");

        assertThat(again.exitCode()).as(again.printed()).isZero();
        assertThat(again.count("erpinvoices", "read")).isZero();
    }
}
