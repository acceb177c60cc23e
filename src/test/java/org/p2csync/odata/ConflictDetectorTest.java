package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sync.Conflict;
import org.p2csync.sync.Item;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;
import org.p2csync.sync.WrittenPayloads;

/**
 * Against the sandbox's F&amp;O over HTTP (composite keys, cross-company reads): the target copies of records written
 * before are read in chunks and compared with what was last written; only real differences are conflicts.
 */
class ConflictDetectorTest {
    private static final List<String> FIELDS = List.of("SalesOrderName", "OrderTotalAmount", "RequestedShippingDate",
            "QuotationNumber");

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataClient erp;
    static final RequestCounter counter = new RequestCounter();

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(0));
        erp = new ODataClient(ServiceConfig.of("erp", Dialect.FNO, sandbox.erpUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), counter);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static TargetRecord order(String company, String number, String name, Object total) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("dataAreaId", company);
        payload.put("SalesOrderNumber", number);
        payload.put("SalesOrderName", name);
        payload.put("OrderTotalAmount", total);
        payload.put("RequestedShippingDate", "2026-12-01T00:00:00Z");
        payload.put("QuotationNumber", null);
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", company);
        key.put("SalesOrderNumber", number);
        return new TargetRecord(key, payload);
    }

    private static Item ready(TargetRecord record) {
        String number = (String) record.key().get("SalesOrderNumber");
        return Item.read(number, number, Map.of()).mapped(record, "h-" + number);
    }

    private static ConflictDetector detector(String area, WrittenPayloads payloads) {
        return new ConflictDetector(erp, area, "CDSSalesOrderHeaders", true, 5000, FIELDS, payloads);
    }

    @Test
    void onlyFieldsTheOtherSideChangedAreConflictsReadTwentyRecordsPerRequest() {
        List<TargetRecord> written = new ArrayList<>();
        IntStream.range(0, 25).forEach(i ->
                written.add(order(i % 2 == 0 ? "usmf" : "demf", "C-" + i, "Order " + i, new BigDecimal("10.50"))));
        assertThat(erp.upsert("setup", "CDSSalesOrderHeaders", written)).allMatch(WriteResult::isSuccess);
        Map<String, Map<String, Object>> lastWritten = new HashMap<>();
        written.forEach(r -> lastWritten.put(r.keyString(), r.payload()));
        // the other side: renames C-3, changes C-4's total; C-5 is rewritten with the same values in another spelling;
        // C-6 already got the very name written now (nothing is overwritten)
        erp.upsert("setup", "CDSSalesOrderHeaders", List.of(
                order("demf", "C-3", "Renamed in the ERP", new BigDecimal("10.50")),
                order("usmf", "C-4", "Order 4", new BigDecimal("99")),
                order("demf", "C-5", "Order 5", 10.5),
                order("usmf", "C-6", "Now from the CRM", new BigDecimal("10.50"))));
        // written before but gone from the target, and a record never written: no conflict either way
        lastWritten.put("usmf|C-GONE", order("usmf", "C-GONE", "x", 1).payload());

        List<Item> items = new ArrayList<>();
        written.forEach(r -> items.add(ready(order((String) r.key().get("dataAreaId"),
                (String) r.key().get("SalesOrderNumber"), "Now from the CRM", 10.5))));
        items.add(ready(order("usmf", "C-GONE", "again", 1)));
        items.add(ready(order("usmf", "C-NEW", "new", 1)));
        List<Integer> all = IntStream.range(0, items.size()).boxed().toList();

        Map<Integer, Conflict> conflicts = detector("detect", (area, keys) -> {
            Map<String, Map<String, Object>> found = new HashMap<>();
            keys.stream().filter(lastWritten::containsKey).forEach(k -> found.put(k, lastWritten.get(k)));
            return found;
        }).detect(items, all);

        assertThat(conflicts).containsOnlyKeys(3, 4);
        assertThat(conflicts.get(3)).isEqualTo(new Conflict("C-3", "demf|C-3", List.of(
                new Conflict.Field("SalesOrderName", "Order 3", "Renamed in the ERP", "Now from the CRM"))));
        assertThat(conflicts.get(4).fields()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("OrderTotalAmount");
            assertThat(new BigDecimal(f.found().toString())).isEqualByComparingTo("99");
        });
        assertThat(counter.get("detect", "erp")).as("26 records written before: two GETs of at most 20")
                .isEqualTo(2);
    }

    @Test
    void recordsNeverWrittenBeforeCostNoRequest() {
        List<Item> items = List.of(ready(order("usmf", "N-1", "a", 1)), ready(order("usmf", "N-2", "b", 2)));

        Map<Integer, Conflict> conflicts = detector("fresh", (area, keys) -> Map.of()).detect(items, List.of(0, 1));

        assertThat(conflicts).isEmpty();
        assertThat(counter.get("fresh", "erp")).isZero();
    }
}
