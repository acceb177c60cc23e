package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * A line deleted at the source goes from the target with its document's next write, in the same change set, in both
 * directions; a line someone already deleted at the target too costs nothing; the header and the other lines stay.
 */
class LineDeletesTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataProbe probe;
    static SyncFixture sync;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(200));
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of());
        SyncFixture.Result first = sync.syncOnce();
        assertThat(first.exitCode()).as(first.printed()).isZero();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aQuoteLineDeletedInTheCrmGoesFromTheErpQuotation() {
        String number = documentWithLines("SalesQuotationLines", "SalesQuotationNumber", 3);
        String quoteId = (String) probe.crm("quotes", "$filter=quotenumber eq '" + number + "'").get(0).get("quoteid");
        List<Map<String, Object>> crmLines = probe.crm("quotedetails", "$filter=_quoteid_value eq " + quoteId).stream()
                .sorted(Comparator.comparing(l -> ((Number) l.get("sequencenumber")).intValue())).toList();
        List<Object> before = erpSequences("SalesQuotationLines", "SalesQuotationNumber", number);

        probe.deleteCrm("quotedetails(" + crmLines.get(0).get("quotedetailid") + ")");
        SyncFixture.Result result = syncOnce("quotes");

        assertThat(result.count("quotes", "written")).isEqualTo(1);
        assertThat(erpSequences("SalesQuotationLines", "SalesQuotationNumber", number))
                .containsExactlyElementsOf(before.subList(1, before.size()));
        assertThat(probe.erp("SalesQuotationHeadersV2", "$filter=SalesQuotationNumber eq '" + number + "'")).hasSize(1);

        // deleted on both sides: the ERP answers the line's DELETE with 404, which is what the delete wanted
        String company = (String) probe.erp("SalesQuotationHeadersV2",
                "$filter=SalesQuotationNumber eq '" + number + "'").get(0).get("dataAreaId");
        probe.deleteCrm("quotedetails(" + crmLines.get(1).get("quotedetailid") + ")");
        probe.deleteErp("SalesQuotationLines(dataAreaId='" + company + "',SalesQuotationNumber='" + number
                + "',LineCreationSequenceNumber=" + before.get(1) + ")");
        SyncFixture.Result both = syncOnce("quotes");

        assertThat(both.count("quotes", "written")).isEqualTo(1);
        assertThat(both.count("quotes", "failed")).isZero();
        assertThat(erpSequences("SalesQuotationLines", "SalesQuotationNumber", number))
                .containsExactlyElementsOf(before.subList(2, before.size()));
        assertThat(syncOnce("quotes").count("quotes", "written")).as("nothing left to delete").isZero();
    }

    @Test
    void anOrderLineDeletedInTheErpGoesFromTheCrmOrder() {
        String number = documentWithLines("SalesOrderLines", "SalesOrderNumber", 2, "SO-E-");
        List<Object> before = erpSequences("SalesOrderLines", "SalesOrderNumber", number);
        String company = (String) probe.erp("SalesOrderHeadersV2", "$filter=SalesOrderNumber eq '" + number + "'")
                .get(0).get("dataAreaId");

        probe.deleteErp("SalesOrderLines(dataAreaId='" + company + "',SalesOrderNumber='" + number
                + "',LineCreationSequenceNumber=" + before.get(before.size() - 1) + ")");
        SyncFixture.Result result = syncOnce("erp-orders");

        assertThat(result.count("erp-orders", "written")).isEqualTo(1);
        String orderId = (String) probe.crm("salesorders", "$filter=ordernumber eq '" + number + "'").get(0)
                .get("salesorderid");
        assertThat(probe.crm("salesorderdetails", "$filter=_salesorderid_value eq " + orderId).stream()
                .map(l -> l.get("sequencenumber")).sorted(Comparator.comparing(s -> ((Number) s).intValue())).toList())
                .containsExactlyElementsOf(before.subList(0, before.size() - 1));
    }

    private static SyncFixture.Result syncOnce(String area) {
        try {
            SyncFixture.Result result = sync.syncOnce(area);
            assertThat(result.exitCode()).as(result.printed()).isZero();
            return result;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A synced document number with at least {@code lines} ERP lines (and the given number prefix). */
    private static String documentWithLines(String set, String numberField, int lines, String... prefix) {
        return probe.erp(set, "$select=" + numberField).stream()
                .map(l -> (String) l.get(numberField))
                .filter(n -> prefix.length == 0 || n.startsWith(prefix[0]))
                .collect(Collectors.groupingBy(n -> n, java.util.TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() >= lines).findFirst().orElseThrow().getKey();
    }

    private static List<Object> erpSequences(String set, String numberField, String number) {
        return probe.erp(set, "$filter=" + numberField + " eq '" + number + "'").stream()
                .map(l -> l.get("LineCreationSequenceNumber"))
                .sorted(Comparator.comparing(s -> ((Number) s).intValue())).map(s -> (Object) s).toList();
    }
}
