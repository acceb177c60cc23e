package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import org.p2csync.state.StateStore;

/**
 * Prospect to cash: a quote or order with a write-in line (a line naming no product) does not sync at all. The real
 * command line against the sandbox over HTTP: such documents are held (never a header or line in the ERP), counted
 * in the report and listed by status with their reason; once every line names a product the document is written
 * with all its lines; a document written before that gains a write-in line is held and its ERP copy stays as it was.
 *
 * <p>An activated quote is read-only in the CRM with its lines (as in Dataverse), and the sandbox has neither quote
 * revisions (its quotenumber is unique) nor the WinQuote/CloseQuote messages: a held active quote stays held. So a
 * quote's write-in line is fixed the one way left to a user, while it is a draft, before activating it; a held
 * document that is fixed, and a written one that gains a write-in line, are CRM orders, which stay statecode 0 (a
 * user activates them by their processing status) and so remain editable.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeldDocumentsTest {
    private static final String[] AREAS = {"products", "accounts", "quotes", "orders"};
    private static final String QUOTE_REASON = "write-in line (no product); quotes with write-in lines stay in the CRM";
    private static final String ORDER_REASON = "write-in line (no product); orders with write-in lines stay in the CRM";

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataProbe probe;
    static SyncFixture sync;
    static CrmDocuments quotes;
    static CrmDocuments orders;
    /** The quote a user activated with a write-in line before the first run. */
    static Object activatedWithWriteIn;

    @BeforeAll
    static void start() throws Exception {
        // the default seed (500 accounts): it has active quotes with write-in lines, of customers and of prospects
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp());
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of());
        quotes = CrmDocuments.quotes(probe);
        orders = CrmDocuments.orders(probe);
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

    /** The reason a document is held with: its first write-in line by position and sequence number. */
    private static String heldReason(List<Map<String, Object>> lines, String reason) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).get("_productid_value") == null) {
                return "line " + (i + 1) + " (sequencenumber " + lines.get(i).get("sequencenumber") + "): " + reason;
            }
        }
        throw new AssertionError("no write-in line in " + lines);
    }

    private static Set<Object> customerIds() {
        return probe.crm("accounts", "$select=accountid", "$filter=customertypecode eq 3").stream()
                .map(a -> a.get("accountid")).collect(Collectors.toSet());
    }

    private static String companyOf(Map<String, Object> document) {
        return SandboxIds.BU_DEMF.equals(document.get("_owningbusinessunit_value")) ? "demf" : "usmf";
    }

    private static List<Map<String, Object>> erpLines(String entitySet, String numberField, String number) {
        return probe.erp(entitySet, "$filter=" + numberField + " eq '" + number + "'").stream()
                .sorted(Comparator.comparingInt(l -> ((Number) l.get("LineCreationSequenceNumber")).intValue()))
                .toList();
    }

    private static String status(String area) {
        SyncFixture.Result status = sync.command("status", "--area", area);
        assertThat(status.exitCode()).as(status.printed()).isZero();
        return status.printed();
    }

    private static long heldNow(String area) {
        String status = status(area);
        int at = status.indexOf("held:        ");
        assertThat(at).as(status).isNotNegative();
        return Long.parseLong(status.substring(at + "held:        ".length()).split("\\s")[0]);
    }

    private static void assertAddsUp(JsonNode area) {
        assertThat(area.get("read").asLong()).isEqualTo(area.get("filtered").asLong() + area.get("unchanged").asLong()
                + area.get("written").asLong() + area.get("failed").asLong() + area.get("waiting").asLong()
                + area.get("held").asLong());
    }

    /**
     * The held records of an area whose source row carries the area's watermark second: a timestamp read reads that
     * second again (Dataverse keeps whole seconds), so these are read, and held, once more.
     */
    private static long heldAtWatermark(String area, String entitySet, String idField) {
        Set<Object> atWatermark = probe.crm(entitySet, "$select=" + idField, "$filter=modifiedon eq "
                + sync.watermark(area)).stream().map(r -> r.get(idField)).collect(Collectors.toSet());
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            return state.held().list(area, 10_000).stream().filter(h -> atWatermark.contains(h.sourceId())).count();
        }
    }

    private static void assertWritesNothing(SyncFixture.Result result) {
        for (String area : AREAS) {
            assertThat(result.count(area, "written")).as(area + "%n%s", result.printed()).isZero();
        }
    }

    @Test
    @Order(1)
    void activeQuotesWithAWriteInLineAreHeldAndNoneOfThemReachesTheErp() {
        Map<String, Object> draft = quotes.draftWithProductLines(customerIds(), Set.of());
        activatedWithWriteIn = draft.get("quoteid");
        quotes.addWriteInLine(activatedWithWriteIn, "Installation on site");
        quotes.activate(activatedWithWriteIn);

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

        assertThat(writeIn).as("the user's quote and the seed's active quotes with write-in lines")
                .contains((String) draft.get("quotenumber")).hasSizeGreaterThan(1);
        assertThat(result.count("quotes", "held")).as(result.printed()).isEqualTo(writeIn.size());
        assertThat(result.area("quotes").get("outcome").asText()).as("held is no failure").isEqualTo("Completed");
        assertAddsUp(result.area("quotes"));
        Set<Object> erpHeaders = probe.erp("CDSSalesQuotationHeaders", "$select=SalesQuotationNumber").stream()
                .map(h -> h.get("SalesQuotationNumber")).collect(Collectors.toSet());
        List<Map<String, Object>> erpLines = probe.erp("CDSSalesQuotationLines", "$select=SalesQuotationNumber");
        assertThat(erpHeaders).as("no header of a held quote").doesNotContainAnyElementsOf(writeIn)
                .containsExactlyInAnyOrderElementsOf(eligible);
        assertThat(erpLines).as("no line of a held quote")
                .noneMatch(l -> writeIn.contains(l.get("SalesQuotationNumber")));
        assertThat(erpLines).as("ERP quotation lines = product lines of eligible, non-held quotes")
                .hasSize((int) productLines);

        String status = status("quotes");
        assertThat(status).contains("held:        " + writeIn.size()).contains("stay in the CRM");
        long listed = writeIn.stream().filter(n -> status.contains("    " + n + ": held: "
                + heldReason(lines.get(active.get(n).get("quoteid")), QUOTE_REASON) + " (since ")).count();
        assertThat(listed).as(status).isEqualTo(Math.min(writeIn.size(), 5));
    }

    @Test
    @Order(2)
    void heldQuotesAreNotReadAgainWhileTheirSourceIsUnchangedAndStayListed() {
        long held = heldNow("quotes");
        long readAgain = heldAtWatermark("quotes", "quotes", "quoteid");

        SyncFixture.Result again = syncOnce();

        assertThat(again.count("quotes", "held")).as("not re-read but those of the watermark's second: they flow"
                + " when their source changes").isEqualTo(readAgain);
        assertWritesNothing(again);
        assertThat(status("quotes")).contains("held:        " + held);
    }

    @Test
    @Order(3)
    void aDraftQuoteWhoseWriteInLineIsGivenAProductBeforeItIsActivatedFlowsWithAllItsLines() {
        Map<String, Object> draft = quotes.draftWithProductLines(customerIds(), Set.of(activatedWithWriteIn));
        Object quoteId = draft.get("quoteid");
        String number = (String) draft.get("quotenumber");
        int sequence = quotes.addWriteInLine(quoteId, "Freight Tax");
        long held = heldNow("quotes");
        long atWatermark = probe.crm("quotes", "$select=quoteid", "$filter=modifiedon eq " + sync.watermark("quotes"))
                .stream().filter(q -> !quoteId.equals(q.get("quoteid"))).count();
        long heldAgain = heldAtWatermark("quotes", "quotes", "quoteid");

        SyncFixture.Result asDraft = syncOnce();

        // read: the quote the new line re-stamped, the quotes of prospects that wait (re-read every run) and the
        // others of the watermark's second (read again: Dataverse keeps whole seconds)
        assertThat(asDraft.count("quotes", "read")).isEqualTo(1 + asDraft.count("quotes", "waiting") + atWatermark);
        assertThat(asDraft.count("quotes", "filtered")).as("a draft stays in the CRM, held or not").isEqualTo(1);
        assertThat(asDraft.count("quotes", "held")).as("only held ones of the watermark's second, read again")
                .isEqualTo(heldAgain);
        assertThat(probe.erp("CDSSalesQuotationHeaders", "$filter=SalesQuotationNumber eq '" + number + "'"))
                .isEmpty();

        Object product = productSoldIn(companyOf(draft));
        quotes.nameProduct(quotes.lineId(quotes.line(quoteId, sequence)), product);
        quotes.activate(quoteId);
        long heldThen = heldAtWatermark("quotes", "quotes", "quoteid");

        SyncFixture.Result result = syncOnce();

        assertThat(result.count("quotes", "written")).as(result.printed()).isEqualTo(1);
        assertThat(result.count("quotes", "held")).as("only held ones of the watermark's second").isEqualTo(heldThen);
        assertThat(probe.erp("CDSSalesQuotationHeaders", "$filter=SalesQuotationNumber eq '" + number + "'"))
                .singleElement().satisfies(h -> assertThat(h.get("dataAreaId")).isEqualTo(companyOf(draft)));
        List<Map<String, Object>> crmLines = quotes.lines(quoteId);
        assertThat(erpLines("CDSSalesQuotationLines", "SalesQuotationNumber", number))
                .as("every line, the former write-in line too")
                .extracting(l -> l.get("ProductNumber"))
                .containsExactlyElementsOf(crmLines.stream().map(l -> productNumber(l.get("_productid_value")))
                        .toList());
        assertThat(crmLines).hasSize(sequence);
        assertThat(status("quotes")).contains("held:        " + held).doesNotContain(number + ": held");

        assertWritesNothing(syncOnce());
    }

    @Test
    @Order(4)
    void anOrderWrittenBeforeThatGainsAWriteInLineIsHeldAndItsErpCopyStaysAsItWas() {
        Map<String, Object> order = writtenOrder();
        Object orderId = order.get("salesorderid");
        String number = (String) order.get("ordernumber");
        List<Map<String, Object>> before = erpLines("CDSSalesOrderLines", "SalesOrderNumber", number);
        List<Map<String, Object>> headerBefore = probe.erp("CDSSalesOrderHeaders",
                "$filter=SalesOrderNumber eq '" + number + "'");
        int sequence = orders.addWriteInLine(orderId, "Freight Tax");

        SyncFixture.Result result = syncOnce();

        assertThat(result.count("orders", "held")).as(result.printed()).isEqualTo(1);
        assertThat(result.count("orders", "written")).isZero();
        assertThat(erpLines("CDSSalesOrderLines", "SalesOrderNumber", number)).as("the ERP copy stays as it was")
                .isEqualTo(before);
        assertThat(probe.erp("CDSSalesOrderHeaders", "$filter=SalesOrderNumber eq '" + number + "'"))
                .isEqualTo(headerBefore);
        assertThat(status("orders")).contains("held:        1").contains("    " + number + ": held: "
                + heldReason(orders.lines(orderId), ORDER_REASON) + " (since ");
        assertThat(orders.lines(orderId)).hasSize(before.size() + 1);
        assertThat(sequence).isEqualTo(before.size() + 1);

        orders.deleteLine(orders.lineId(orders.line(orderId, sequence)));

        SyncFixture.Result back = syncOnce();

        assertThat(back.count("orders", "unchanged")).as("as written before: nothing to send%n%s", back.printed())
                .isEqualTo(1);
        assertThat(back.count("orders", "written")).isZero();
        assertThat(status("orders")).contains("held:        0").doesNotContain(number + ": held");
    }

    @Test
    @Order(5)
    void aHeldOrderFlowsWithAllItsLinesOnceItsWriteInLineNamesAProduct() {
        Map<String, Object> order = writtenOrder();
        Object orderId = order.get("salesorderid");
        String number = (String) order.get("ordernumber");
        List<Map<String, Object>> before = erpLines("CDSSalesOrderLines", "SalesOrderNumber", number);
        int sequence = orders.addWriteInLine(orderId, "Installation on site");

        SyncFixture.Result heldRun = syncOnce();

        assertThat(heldRun.count("orders", "held")).as(heldRun.printed()).isEqualTo(1);
        assertThat(erpLines("CDSSalesOrderLines", "SalesOrderNumber", number)).isEqualTo(before);
        assertThat(status("orders")).contains("    " + number + ": held: line " + sequence + " (sequencenumber "
                + sequence + "): " + ORDER_REASON);

        Object product = productSoldIn(companyOf(order));
        orders.nameProduct(orders.lineId(orders.line(orderId, sequence)), product);

        SyncFixture.Result result = syncOnce();

        assertThat(result.count("orders", "written")).as(result.printed()).isEqualTo(1);
        assertThat(result.count("orders", "held")).isZero();
        List<Map<String, Object>> crmLines = orders.lines(orderId);
        assertThat(erpLines("CDSSalesOrderLines", "SalesOrderNumber", number))
                .as("every line, the former write-in line too").hasSize(before.size() + 1)
                .extracting(l -> l.get("ProductNumber"))
                .containsExactlyElementsOf(crmLines.stream().map(l -> productNumber(l.get("_productid_value")))
                        .toList());
        assertThat(status("orders")).contains("held:        0").doesNotContain(number + ": held");

        assertWritesNothing(syncOnce());
    }

    private static SyncFixture.Result syncOnce() {
        try {
            SyncFixture.Result result = sync.syncOnce(AREAS);
            assertThat(result.exitCode()).as(result.printed()).isZero();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A CRM order the orders area wrote to the ERP (an activated order of a customer), with its company, whose
     * lines all name a product.
     */
    private static Map<String, Object> writtenOrder() {
        Set<Object> inErp = probe.erp("CDSSalesOrderHeaders", "$select=SalesOrderNumber",
                "$filter=SalesOrderOriginCode eq 'CRM'").stream().map(h -> h.get("SalesOrderNumber"))
                .collect(Collectors.toSet());
        Set<Object> withWriteIn = probe.crm("salesorderdetails", "$select=_salesorderid_value,_productid_value")
                .stream().filter(l -> l.get("_productid_value") == null).map(l -> l.get("_salesorderid_value"))
                .collect(Collectors.toSet());
        return probe.crm("salesorders", "$select=salesorderid,ordernumber,_owningbusinessunit_value",
                        "$filter=p2c_processingstatus eq " + CrmDocuments.ORDER_ACTIVE).stream()
                .filter(o -> inErp.contains(o.get("ordernumber")))
                .filter(o -> !withWriteIn.contains(o.get("salesorderid")))
                .findFirst().orElseThrow(() -> new AssertionError("no CRM order in the ERP"));
    }

    /** A product the products area brought from the ERP that the company sells. */
    private static Object productSoldIn(String company) {
        Set<Object> sold = probe.erp("SellableReleasedProducts", "$select=ProductNumber",
                "$filter=dataAreaId eq '" + company + "'").stream().map(p -> p.get("ProductNumber"))
                .collect(Collectors.toSet());
        return probe.crm("products", "$select=productid,productnumber", "$filter=p2c_externallymaintained eq true")
                .stream().filter(p -> sold.contains(p.get("productnumber"))).findFirst().orElseThrow()
                .get("productid");
    }

    private static Object productNumber(Object productId) {
        return probe.crm("products", "$select=productnumber", "$filter=productid eq " + productId).get(0)
                .get("productnumber");
    }
}
