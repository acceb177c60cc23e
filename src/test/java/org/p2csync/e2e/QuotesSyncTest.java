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
import org.p2csync.sandbox.SandboxIds;
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
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(300));
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** The active (statecode 1) quotes, by id. */
    private static Map<Object, Map<String, Object>> activeQuotes() {
        return probe.crm("quotes", "$select=quoteid,quotenumber,_customerid_value,_owningbusinessunit_value",
                "$filter=statecode eq 1").stream().collect(Collectors.toMap(q -> q.get("quoteid"), q -> q));
    }

    /** Ids of the quotes with a write-in line (no product): Prospect to cash leaves them in the CRM. */
    private static Set<Object> withWriteInLine(List<Map<String, Object>> lines) {
        return lines.stream().filter(l -> l.get("_productid_value") == null).map(l -> l.get("_quoteid_value"))
                .collect(Collectors.toSet());
    }

    private static Set<Object> customerIds() {
        return probe.crm("accounts", "$select=accountid", "$filter=customertypecode eq 3").stream()
                .map(a -> a.get("accountid")).collect(Collectors.toSet());
    }

    @Test
    @Order(1)
    void activatedQuotesOfCustomersLandWithEveryProductLine() throws Exception {
        // a customer's quote a user activated with a write-in line: held, so the count below must leave it out
        CrmDocuments quotes = CrmDocuments.quotes(probe);
        Object writeIn = quotes.draftWithProductLines(customerIds(), Set.of()).get("quoteid");
        quotes.addWriteInLine(writeIn, "Installation on site");
        quotes.activate(writeIn);

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        Set<Object> customers = customerIds();
        Map<Object, Map<String, Object>> active = activeQuotes();
        List<Map<String, Object>> lines = probe.crm("quotedetails", "$select=_quoteid_value,_productid_value");
        // a write-in line (no product) holds its quote: neither header nor lines go, and it does not wait either
        Set<Object> held = withWriteInLine(lines);
        held.retainAll(active.keySet());
        Set<Object> eligible = active.values().stream().filter(q -> customers.contains(q.get("_customerid_value")))
                .map(q -> q.get("quoteid")).filter(q -> !held.contains(q)).collect(Collectors.toSet());
        long productLines = lines.stream().filter(l -> eligible.contains(l.get("_quoteid_value"))).count();

        assertThat(eligible).isNotEmpty();
        assertThat(held).contains(writeIn);
        assertThat(probe.erp("CDSSalesQuotationHeaders", "$select=SalesQuotationNumber").stream()
                .map(h -> h.get("SalesQuotationNumber")).collect(Collectors.toSet()))
                .as("ERP quotations = active quotes of customers without a write-in line")
                .isEqualTo(eligible.stream().map(q -> active.get(q).get("quotenumber")).collect(Collectors.toSet()));
        assertThat(probe.erpCount("CDSSalesQuotationHeaders")).isEqualTo(eligible.size());
        assertThat(probe.erpCount("CDSSalesQuotationLines"))
                .as("ERP quotation lines = product lines of eligible, non-held quotes").isEqualTo(productLines);
        assertThat(result.count("quotes", "held")).isEqualTo(held.size());
        assertThat(result.count("quotes", "waiting")).as("quotes of prospects wait")
                .isEqualTo(active.size() - eligible.size() - held.size());
        assertThat(probe.erp("CDSSalesQuotationLines", "$select=ProductNumber")).allSatisfy(
                l -> assertThat((String) l.get("ProductNumber")).isNotBlank());
    }

    @Test
    @Order(2)
    void aSecondSyncWritesNothing() throws Exception {
        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        result.report().get("areas").fields().forEachRemaining(
                area -> assertThat(area.getValue().get("written").asLong()).as(area.getKey()).isZero());
    }

    @Test
    @Order(3)
    void aWaitingQuoteIsWrittenLinkedOnceItsCustomerIsSynced() throws Exception {
        Set<Object> customers = customerIds();
        List<Map<String, Object>> lines = probe.crm("quotedetails", "$select=_quoteid_value,_productid_value");
        Map<Object, Map<String, Object>> active = activeQuotes();
        Set<Object> held = withWriteInLine(lines);
        held.retainAll(active.keySet());
        Map<String, Object> waiting = active.values().stream()
                .filter(q -> !customers.contains(q.get("_customerid_value")))
                .filter(q -> !held.contains(q.get("quoteid")))
                .findFirst().orElseThrow(() -> new AssertionError("no waiting quote in the seed"));
        Object accountId = waiting.get("_customerid_value");
        Map<String, Object> account = probe.crm("accounts", "$select=accountnumber",
                "$filter=accountid eq " + accountId).get(0);
        // every quote of that account that waited for it, this one included
        Set<Object> ofAccount = active.values().stream().filter(q -> accountId.equals(q.get("_customerid_value")))
                .map(q -> q.get("quoteid")).filter(q -> !held.contains(q)).collect(Collectors.toSet());
        String company = SandboxIds.BU_DEMF.equals(waiting.get("_owningbusinessunit_value")) ? "demf" : "usmf";
        probe.patchCrm("accounts(" + accountId + ")", Map.of("customertypecode", 3));

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("quotes", "written")).as(result.printed()).isEqualTo(ofAccount.size());
        assertThat(result.count("quotes", "waiting")).isEqualTo(
                active.size() - held.size() - probe.erpCount("CDSSalesQuotationHeaders"));
        assertThat(probe.erp("CDSSalesQuotationHeaders", "$filter=SalesQuotationNumber eq '"
                        + waiting.get("quotenumber") + "'"))
                .singleElement()
                .satisfies(q -> {
                    assertThat(q.get("RequestingCustomerAccountNumber")).isEqualTo(account.get("accountnumber"));
                    assertThat(q.get("dataAreaId")).isEqualTo(company);
                });
        assertThat(probe.erp("CDSSalesQuotationLines", "$filter=SalesQuotationNumber eq '"
                + waiting.get("quotenumber") + "'")).as("with every line")
                .hasSize((int) lines.stream().filter(l -> waiting.get("quoteid").equals(l.get("_quoteid_value")))
                        .count());
    }
}
