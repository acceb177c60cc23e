package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.p2csync.sandbox.SandboxOptions;

/**
 * Activated quotes travel with their lines, after the products and customers they refer to; a quote whose customer
 * is not synced yet waits and is written, linked, once it is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuotesSyncTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataProbe probe;
    static SyncFixture sync;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(300));
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @Order(1)
    void activatedQuotesOfCustomersLandWithEveryProductLine() throws Exception {
        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        Set<Object> customers = probe.crm("accounts", "$select=accountid", "$filter=customertypecode eq 3").stream()
                .map(a -> a.get("accountid")).collect(Collectors.toSet());
        List<Map<String, Object>> active = probe.crm("quotes", "$select=quoteid,quotenumber,_customerid_value",
                "$filter=statecode eq 1");
        List<Map<String, Object>> lines = probe.crm("quotedetails", "$select=_quoteid_value,_productid_value");
        // a write-in line (no product) holds its quote: neither header nor lines go, and it does not wait either
        Set<Object> held = active.stream().map(q -> q.get("quoteid"))
                .filter(id -> lines.stream().anyMatch(l -> id.equals(l.get("_quoteid_value"))
                        && l.get("_productid_value") == null))
                .collect(Collectors.toSet());
        Set<Object> eligible = active.stream().filter(q -> customers.contains(q.get("_customerid_value")))
                .map(q -> q.get("quoteid")).filter(q -> !held.contains(q)).collect(Collectors.toSet());
        long productLines = lines.stream().filter(l -> eligible.contains(l.get("_quoteid_value"))).count();

        assertThat(eligible).isNotEmpty();
        assertThat(probe.erpCount("SalesQuotationHeadersV2")).isEqualTo(eligible.size());
        assertThat(probe.erpCount("SalesQuotationLines")).as("ERP quotation lines = CRM lines of eligible quotes")
                .isEqualTo(productLines);
        assertThat(result.count("quotes", "held")).isEqualTo(held.size());
        assertThat(result.count("quotes", "waiting")).as("quotes of prospects wait")
                .isEqualTo(active.size() - eligible.size() - held.size());
        assertThat(probe.erp("SalesQuotationLines", "$select=ProductNumber")).allSatisfy(
                l -> assertThat((String) l.get("ProductNumber")).isNotBlank());
    }

    @Test
    @Order(2)
    void aSecondSyncWritesNothing() throws Exception {
        SyncFixture.Result result = sync.syncOnce();

        result.report().get("areas").fields().forEachRemaining(
                area -> assertThat(area.getValue().get("written").asLong()).as(area.getKey()).isZero());
    }

    @Test
    @Order(3)
    void aWaitingQuoteIsWrittenLinkedOnceItsCustomerIsSynced() throws Exception {
        Set<Object> customers = probe.crm("accounts", "$select=accountid", "$filter=customertypecode eq 3").stream()
                .map(a -> a.get("accountid")).collect(Collectors.toSet());
        Map<String, Object> waiting = probe.crm("quotes", "$select=quoteid,quotenumber,_customerid_value",
                "$filter=statecode eq 1").stream()
                .filter(q -> !customers.contains(q.get("_customerid_value"))).findFirst().orElseThrow();
        Map<String, Object> account = probe.crm("accounts", "$select=accountnumber",
                "$filter=accountid eq " + waiting.get("_customerid_value")).get(0);
        probe.patchCrm("accounts(" + waiting.get("_customerid_value") + ")", Map.of("customertypecode", 3));

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(probe.erp("SalesQuotationHeadersV2", "$filter=SalesQuotationNumber eq '"
                        + waiting.get("quotenumber") + "'"))
                .singleElement()
                .satisfies(q -> assertThat(q.get("RequestingCustomerAccountNumber"))
                        .isEqualTo(account.get("accountnumber")));
    }
}
