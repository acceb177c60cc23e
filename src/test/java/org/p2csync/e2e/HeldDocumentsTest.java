package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.nio.file.Path;
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
 * Prospect to cash: a quote with a write-in line (a line naming no product) does not sync at all. The real command
 * line against the sandbox over HTTP: such quotes are held (never a header or line in the ERP), counted in the report
 * and listed by status with their reason; once the write-in line names a product the quote is written with all its
 * lines; a quote written before that gains a write-in line is held and its ERP copy stays as it was.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeldDocumentsTest {
    private static final String[] AREAS = {"products", "accounts", "quotes"};
    private static final String REASON = "write-in line (no product); quotes with write-in lines stay in the CRM";

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataProbe probe;
    static SyncFixture sync;

    @BeforeAll
    static void start() throws Exception {
        // the default seed (500 accounts): it has active quotes with write-in lines, of customers and of prospects
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")));
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** The active (statecode 1) quotes as the CRM has them now, by number. */
    private static Map<String, Map<String, Object>> activeQuotes() {
        Map<String, Map<String, Object>> byNumber = new LinkedHashMap<>();
        probe.crm("quotes", "$select=quoteid,quotenumber,_customerid_value,_owningbusinessunit_value",
                "$filter=statecode eq 1").forEach(q -> byNumber.put((String) q.get("quotenumber"), q));
        return byNumber;
    }

    /** The CRM lines of these quotes, by quote id, in sequence order. */
    private static Map<Object, List<Map<String, Object>>> linesOf(Map<String, Map<String, Object>> quotes) {
        Set<Object> ids = quotes.values().stream().map(q -> q.get("quoteid")).collect(Collectors.toSet());
        return probe.crm("quotedetails", "$select=quotedetailid,_quoteid_value,_productid_value,sequencenumber")
                .stream().filter(l -> ids.contains(l.get("_quoteid_value")))
                .sorted(Comparator.comparingInt(l -> ((Number) l.get("sequencenumber")).intValue()))
                .collect(Collectors.groupingBy(l -> l.get("_quoteid_value"), LinkedHashMap::new, Collectors.toList()));
    }

    private static boolean hasWriteIn(List<Map<String, Object>> lines) {
        return lines.stream().anyMatch(l -> l.get("_productid_value") == null);
    }

    /** The reason the quote is held with: its first write-in line by position and sequence number. */
    private static String heldReason(List<Map<String, Object>> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).get("_productid_value") == null) {
                return "line " + (i + 1) + " (sequencenumber " + lines.get(i).get("sequencenumber") + "): " + REASON;
            }
        }
        throw new AssertionError("no write-in line in " + lines);
    }

    private static Set<Object> customerIds() {
        return probe.crm("accounts", "$select=accountid", "$filter=customertypecode eq 3").stream()
                .map(a -> a.get("accountid")).collect(Collectors.toSet());
    }

    private static List<Map<String, Object>> erpLinesOf(String number) {
        return probe.erp("SalesQuotationLines", "$filter=SalesQuotationNumber eq '" + number + "'").stream()
                .sorted(Comparator.comparingInt(l -> ((Number) l.get("LineCreationSequenceNumber")).intValue()))
                .toList();
    }

    private static String status() {
        SyncFixture.Result status = sync.command("status", "--area", "quotes");
        assertThat(status.exitCode()).as(status.printed()).isZero();
        return status.printed();
    }

    private static void assertAddsUp(JsonNode area) {
        assertThat(area.get("read").asLong()).isEqualTo(area.get("filtered").asLong() + area.get("unchanged").asLong()
                + area.get("written").asLong() + area.get("failed").asLong() + area.get("waiting").asLong()
                + area.get("held").asLong());
    }

    @Test
    @Order(1)
    void theSeedsWriteInQuotesAreHeldAndNoneOfThemReachesTheErp() {
        SyncFixture.Result result = syncOnce();

        Map<String, Map<String, Object>> active = activeQuotes();
        Map<Object, List<Map<String, Object>>> lines = linesOf(active);
        Set<String> writeIn = active.keySet().stream()
                .filter(n -> hasWriteIn(lines.getOrDefault(active.get(n).get("quoteid"), List.of())))
                .collect(Collectors.toSet());
        Set<Object> customers = customerIds();
        Set<String> eligible = active.keySet().stream().filter(n -> !writeIn.contains(n))
                .filter(n -> customers.contains(active.get(n).get("_customerid_value"))).collect(Collectors.toSet());
        long productLines = eligible.stream()
                .mapToLong(n -> lines.getOrDefault(active.get(n).get("quoteid"), List.of()).size()).sum();

        assertThat(writeIn).as("the seed has active quotes with write-in lines").isNotEmpty();
        assertThat(result.count("quotes", "held")).as(result.printed()).isEqualTo(writeIn.size());
        assertThat(result.area("quotes").get("outcome").asText()).as("held is no failure").isEqualTo("Completed");
        assertAddsUp(result.area("quotes"));
        Set<Object> erpHeaders = probe.erp("SalesQuotationHeadersV2", "$select=SalesQuotationNumber").stream()
                .map(h -> h.get("SalesQuotationNumber")).collect(Collectors.toSet());
        List<Map<String, Object>> erpLines = probe.erp("SalesQuotationLines", "$select=SalesQuotationNumber");
        assertThat(erpHeaders).as("no header of a held quote").doesNotContainAnyElementsOf(writeIn)
                .containsExactlyInAnyOrderElementsOf(eligible);
        assertThat(erpLines).as("no line of a held quote")
                .noneMatch(l -> writeIn.contains(l.get("SalesQuotationNumber")));
        assertThat(erpLines).as("ERP quotation lines = product lines of eligible, non-held quotes")
                .hasSize((int) productLines);

        String status = status();
        assertThat(status).contains("held:        " + writeIn.size()).contains("stay in the CRM");
        long listed = writeIn.stream().filter(n -> status.contains("    " + n + ": held: "
                + heldReason(lines.get(active.get(n).get("quoteid"))) + " (since ")).count();
        assertThat(listed).as(status).isEqualTo(Math.min(writeIn.size(), 5));
    }

    @Test
    @Order(2)
    void heldQuotesAreNotReadAgainWhileTheirSourceIsUnchangedAndStayListed() {
        long held = heldNow();

        SyncFixture.Result again = syncOnce();

        assertThat(again.count("quotes", "held")).as("not re-read: they flow when their source changes").isZero();
        for (String area : AREAS) {
            assertThat(again.count(area, "written")).as(area).isZero();
        }
        assertThat(status()).contains("held:        " + held);
    }

    @Test
    @Order(3)
    void onceItsWriteInLineNamesAProductTheQuoteIsWrittenWithAllItsLinesAndASecondRunWritesNothing() {
        Map<String, Map<String, Object>> active = activeQuotes();
        Map<Object, List<Map<String, Object>>> lines = linesOf(active);
        Set<Object> customers = customerIds();
        Map<String, Object> quote = active.values().stream()
                .filter(q -> customers.contains(q.get("_customerid_value")))
                .filter(q -> hasWriteIn(lines.getOrDefault(q.get("quoteid"), List.of())))
                .findFirst().orElseThrow(() -> new AssertionError("no held quote of a customer in the seed"));
        String number = (String) quote.get("quotenumber");
        List<Map<String, Object>> quoteLines = lines.get(quote.get("quoteid"));
        long held = heldNow();
        String company = SandboxIds.BU_DEMF.equals(quote.get("_owningbusinessunit_value")) ? "demf" : "usmf";
        Object product = productSoldIn(company);
        for (Map<String, Object> line : quoteLines) {
            if (line.get("_productid_value") == null) {
                probe.patchCrm("quotedetails(" + line.get("quotedetailid") + ")", Map.of(
                        "productid@odata.bind", "/products(" + product + ")", "isproductoverridden", false));
            }
        }

        SyncFixture.Result result = syncOnce();

        assertThat(result.count("quotes", "written")).as(result.printed()).isEqualTo(1);
        assertThat(result.count("quotes", "held")).isZero();
        assertThat(probe.erp("SalesQuotationHeadersV2", "$filter=SalesQuotationNumber eq '" + number + "'"))
                .hasSize(1);
        assertThat(erpLinesOf(number)).as("every line, the former write-in line too").hasSize(quoteLines.size())
                .allSatisfy(l -> assertThat((String) l.get("ProductNumber")).isNotBlank());
        String status = status();
        assertThat(status).contains("held:        " + (held - 1)).doesNotContain(number + ": held");

        SyncFixture.Result second = syncOnce();
        for (String area : AREAS) {
            assertThat(second.count(area, "written")).as(area).isZero();
        }
    }

    @Test
    @Order(4)
    void aQuoteWrittenBeforeThatGainsAWriteInLineIsHeldAndItsErpCopyStaysAsItWas() {
        Map<String, Map<String, Object>> active = activeQuotes();
        Map<Object, List<Map<String, Object>>> lines = linesOf(active);
        Set<Object> written = probe.erp("SalesQuotationHeadersV2", "$select=SalesQuotationNumber").stream()
                .map(h -> h.get("SalesQuotationNumber")).collect(Collectors.toSet());
        Map<String, Object> quote = active.values().stream().filter(q -> written.contains(q.get("quotenumber")))
                .findFirst().orElseThrow();
        String number = (String) quote.get("quotenumber");
        List<Map<String, Object>> before = erpLinesOf(number);
        List<Map<String, Object>> crmLines = lines.get(quote.get("quoteid"));
        int sequence = crmLines.stream().mapToInt(l -> ((Number) l.get("sequencenumber")).intValue()).max().orElse(0)
                + 1;
        probe.postCrm("quotedetails", Map.of("quoteid@odata.bind", "/quotes(" + quote.get("quoteid") + ")",
                "sequencenumber", sequence, "isproductoverridden", true, "productdescription", "Freight Tax",
                "quantity", 1, "priceperunit", 25));

        SyncFixture.Result result = syncOnce();

        assertThat(result.count("quotes", "held")).as(result.printed()).isEqualTo(1);
        assertThat(result.count("quotes", "written")).isZero();
        assertThat(erpLinesOf(number)).as("the ERP copy stays as it was").isEqualTo(before);
        assertThat(status()).contains("    " + number + ": held: line " + (crmLines.size() + 1) + " (sequencenumber "
                + sequence + "): " + REASON);

        Object writeIn = probe.crm("quotedetails", "$select=quotedetailid",
                "$filter=_quoteid_value eq " + quote.get("quoteid") + " and sequencenumber eq " + sequence)
                .get(0).get("quotedetailid");
        probe.deleteCrm("quotedetails(" + writeIn + ")");

        SyncFixture.Result back = syncOnce();

        assertThat(back.count("quotes", "unchanged")).as("as written before: nothing to send").isEqualTo(1);
        assertThat(back.count("quotes", "written")).isZero();
        assertThat(status()).doesNotContain(number + ": held");
    }

    private static SyncFixture.Result syncOnce() {
        try {
            SyncFixture.Result result = sync.syncOnce(AREAS);
            assertThat(result.exitCode()).as(result.printed()).isZero();
            return result;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long heldNow() {
        String status = status();
        int at = status.indexOf("held:        ");
        return Long.parseLong(status.substring(at + "held:        ".length()).split("\\s")[0]);
    }

    /** A product the products area brought from the ERP that the company sells. */
    private static Object productSoldIn(String company) {
        Set<Object> sold = probe.erp("SellableReleasedProducts", "$select=ProductNumber",
                "$filter=dataAreaId eq '" + company + "'").stream().map(p -> p.get("ProductNumber"))
                .collect(Collectors.toSet());
        List<Map<String, Object>> crm = new ArrayList<>(probe.crm("products", "$select=productid,productnumber",
                "$filter=msdyn_externallymaintained eq true"));
        return crm.stream().filter(p -> sold.contains(p.get("productnumber"))).findFirst().orElseThrow()
                .get("productid");
    }
}
