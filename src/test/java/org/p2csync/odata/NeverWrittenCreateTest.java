package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;

/**
 * F&amp;O creates only by POST, so a record the engine never wrote ({@link TargetRecord#neverWritten}) goes as POST at
 * once, a new document with its lines in one change set: one $batch for a page of new records, where PATCH first cost
 * a second. A record that is there all the same (created by hand) is updated by the PATCH after the refused create;
 * records written before keep PATCH first. Against the sandbox over HTTP, requests counted as the report counts them.
 */
class NeverWrittenCreateTest {
    private static final String HEADERS = "CDSSalesOrderHeaders";
    private static final String LINES = "CDSSalesOrderLines";

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static RequestCounter counter = new RequestCounter();
    static ODataClient erp;
    static ODataClient crm;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(0));
        erp = new ODataClient(ServiceConfig.of("erp", Dialect.FNO, sandbox.erpUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), counter);
        crm = new ODataClient(ServiceConfig.of("crm", Dialect.DATAVERSE, sandbox.crmUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), counter);
        // the tokens, so that the requests counted below are the writes' own
        erp.readPage("warm-up", "CustomersV3", new Query(List.of("CustomerAccount"), null, null, 1, true));
        crm.readPage("warm-up", "accounts", new Query(List.of("accountnumber"), null, null, 1, false));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static TargetRecord customer(String account, String name) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", "usmf");
        key.put("CustomerAccount", account);
        Map<String, Object> payload = new LinkedHashMap<>(key);
        payload.put("OrganizationName", name);
        return new TargetRecord("CustomersV3", key, payload, List.of(), TargetRecord.Operation.UPSERT);
    }

    private static TargetRecord order(String number, String name, int... lines) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", "usmf");
        key.put("SalesOrderNumber", number);
        Map<String, Object> payload = new LinkedHashMap<>(key);
        payload.put("SalesOrderName", name);
        payload.put("SalesOrderOriginCode", "CRM");
        List<TargetRecord> orderLines = new java.util.ArrayList<>();
        for (int line : lines) {
            Map<String, Object> lineKey = new LinkedHashMap<>(key);
            lineKey.put("LineCreationSequenceNumber", line);
            Map<String, Object> linePayload = new LinkedHashMap<>(lineKey);
            linePayload.put("ProductNumber", "D1000");
            linePayload.put("OrderedSalesQuantity", line);
            orderLines.add(new TargetRecord(LINES, lineKey, linePayload, List.of(), TargetRecord.Operation.UPSERT));
        }
        return new TargetRecord(HEADERS, key, payload, orderLines, TargetRecord.Operation.UPSERT);
    }

    /** The results of the write, and how many requests (all $batch here) it cost. */
    private record Written(List<WriteResult> results, long requests) {}

    private static Written write(String area, ODataClient client, String system, List<TargetRecord> records) {
        long before = counter.get(area, system);
        List<WriteResult> results = client.upsert(area, "CustomersV3", records);
        results.forEach(r -> assertThat(r.status()).as("every record has an answer").isPositive());
        return new Written(results, counter.get(area, system) - before);
    }

    private static List<Map<String, Object>> erpRows(String set, String filter) {
        return erp.readPage("check", set, new Query(List.of(), filter, null, 100, true)).rows();
    }

    private static <T> T succeeds(Supplier<T> value, WriteResult result) {
        assertThat(result.isSuccess()).as(result.status() + " " + result.message()).isTrue();
        return value.get();
    }

    @Test
    void aMixedPageOfNewAndKnownRecordsAndDocumentsIsOneBatch() {
        assertThat(write("seed", erp, "erp", List.of(customer("MIX-K", "Known"), order("MIX-OK", "Known", 1)))
                .results()).allMatch(WriteResult::isSuccess);

        Written mixed = write("mixed", erp, "erp", List.of(
                customer("MIX-N1", "New one").asNeverWritten(),
                customer("MIX-K", "Known, renamed"),
                order("MIX-ON", "New order", 1, 2).asNeverWritten(),
                customer("MIX-N2", "New two").asNeverWritten(),
                order("MIX-OK", "Known order, renamed", 1)));

        assertThat(mixed.results()).allSatisfy(r -> assertThat(r.isSuccess()).as(r.message()).isTrue());
        assertThat(mixed.requests()).as("one $batch: creates as POST, updates as PATCH").isEqualTo(1);
        assertThat(mixed.results()).extracting(WriteResult::created)
                .containsExactly(true, false, true, true, false);
        assertThat(mixed.results().get(0).returned()).as("a POST's answer is the created entity")
                .containsEntry("CustomerAccount", "MIX-N1");
        assertThat(erpRows("CustomersV3",
                "CustomerAccount eq 'MIX-K' or CustomerAccount eq 'MIX-N1' or CustomerAccount eq 'MIX-N2'"))
                .extracting(c -> c.get("CustomerAccount") + "=" + c.get("OrganizationName"))
                .containsExactlyInAnyOrder("MIX-K=Known, renamed", "MIX-N1=New one", "MIX-N2=New two");
        assertThat(erpRows(HEADERS, "SalesOrderNumber eq 'MIX-ON'")).singleElement()
                .satisfies(o -> assertThat(o.get("SalesOrderName")).isEqualTo("New order"));
        assertThat(erpRows(LINES, "SalesOrderNumber eq 'MIX-ON'")).extracting(l -> ((Number) l.get("OrderedSalesQuantity")).intValue())
                .containsExactlyInAnyOrder(1, 2);
        assertThat(erpRows(HEADERS, "SalesOrderNumber eq 'MIX-OK'")).singleElement()
                .satisfies(o -> assertThat(o.get("SalesOrderName")).isEqualTo("Known order, renamed"));
    }

    @Test
    void aKnownDocumentGainingALineStillPatchesFirstAndPostsTheMissingLine() {
        write("seed", erp, "erp", List.of(order("GAIN-1", "Known", 1)));

        Written gained = write("gained", erp, "erp", List.of(order("GAIN-1", "Known", 1, 2)));

        assertThat(succeeds(gained::requests, gained.results().get(0))).as("PATCH, its line's 404, POST of the line")
                .isEqualTo(2);
        assertThat(erpRows(LINES, "SalesOrderNumber eq 'GAIN-1'")).hasSize(2);
    }

    @Test
    void aRecordCreatedByHandThatP2cSyncNeverWroteIsUpdatedNotFailed() {
        write("by-hand", erp, "erp", List.of(customer("HAND-1", "Typed in the ERP"), order("HAND-O", "By hand", 1)));

        Written found = write("found", erp, "erp", List.of(customer("HAND-1", "From the CRM").asNeverWritten(),
                order("HAND-O", "From the CRM", 1, 2).asNeverWritten(),
                customer("HAND-NEW", "New").asNeverWritten()));

        assertThat(found.results()).allSatisfy(r -> assertThat(r.isSuccess()).as(r.message()).isTrue());
        assertThat(found.requests()).as("the POSTs (two refused: the records exist), the PATCHes (a line is missing),"
                + " the missing line's POST").isEqualTo(3);
        assertThat(erpRows("CustomersV3", "CustomerAccount eq 'HAND-1'")).singleElement()
                .satisfies(c -> assertThat(c.get("OrganizationName")).isEqualTo("From the CRM"));
        assertThat(erpRows(HEADERS, "SalesOrderNumber eq 'HAND-O'")).singleElement()
                .satisfies(o -> assertThat(o.get("SalesOrderName")).isEqualTo("From the CRM"));
        assertThat(erpRows(LINES, "SalesOrderNumber eq 'HAND-O'")).extracting(l -> ((Number) l.get("OrderedSalesQuantity")).intValue())
                .containsExactlyInAnyOrder(1, 2);
        assertThat(erpRows("CustomersV3", "CustomerAccount eq 'HAND-NEW'")).hasSize(1);
    }

    @Test
    void aNewRecordRefusedForWhatItCarriesFailsInTheServicesWordsAfterOneCheck() {
        Written refused = write("refused", erp, "erp", List.of(customer("LONG-N", "L".repeat(101)).asNeverWritten(),
                order("LONG-O", "Order", 1, 2).asNeverWritten(), customer("FINE-N", "Fine").asNeverWritten()));
        // the order's second line is refused, so the change set is: the header is not there either
        assertThat(refused.results().get(0).isSuccess()).isFalse();
        assertThat(refused.results().get(0).status()).isEqualTo(400);
        assertThat(refused.results().get(0).message()).contains("OrganizationName").doesNotContain("does not exist");
        assertThat(refused.results().get(2).isSuccess()).isTrue();
        assertThat(refused.requests()).as("the POSTs, then a PATCH that finds no such record").isEqualTo(2);
        assertThat(erpRows("CustomersV3", "CustomerAccount eq 'LONG-N'")).isEmpty();
    }

    @Test
    void aNewDocumentWithARefusedLineIsNeitherCreatedNorHalfCreated() {
        TargetRecord document = order("BAD-LINE", "Order", 1, 2);
        Map<String, Object> badPayload = new LinkedHashMap<>(document.lines().get(1).payload());
        badPayload.put("ProductNumber", "P".repeat(21));
        TargetRecord bad = document.withLines(List.of(document.lines().get(0), new TargetRecord(LINES,
                document.lines().get(1).key(), badPayload, List.of(), TargetRecord.Operation.UPSERT)));

        Written refused = write("bad-line", erp, "erp", List.of(bad.asNeverWritten()));

        assertThat(refused.results().get(0).isSuccess()).isFalse();
        assertThat(refused.results().get(0).message()).contains("line " + LINES).contains("ProductNumber");
        assertThat(erpRows(HEADERS, "SalesOrderNumber eq 'BAD-LINE'")).isEmpty();
        assertThat(erpRows(LINES, "SalesOrderNumber eq 'BAD-LINE'")).isEmpty();
    }

    @Test
    void updateOnlyAndDeleteWritesNeverCreateWhateverTheHint() {
        TargetRecord missing = customer("UPD-NONE", "Nobody");
        TargetRecord updateOnly = new TargetRecord("CustomersV3", missing.key(), missing.payload(), List.of(),
                TargetRecord.Operation.UPDATE).asNeverWritten();

        Written result = write("update-only", erp, "erp", List.of(updateOnly));

        assertThat(result.results().get(0).status()).isEqualTo(404);
        assertThat(result.results().get(0).message()).contains("does not exist");
        assertThat(erpRows("CustomersV3", "CustomerAccount eq 'UPD-NONE'")).isEmpty();
    }

    @Test
    void dataverseUpsertsANewRecordByPatchAsAlways() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("accountnumber", "DV-NEW");
        payload.put("name", "New in the CRM");
        TargetRecord account = new TargetRecord("accounts", Map.of("accountnumber", "DV-NEW"), payload, List.of(),
                TargetRecord.Operation.UPSERT).asNeverWritten();

        Written result = write("dataverse", crm, "crm", List.of(account));

        assertThat(succeeds(result::requests, result.results().get(0))).isEqualTo(1);
        assertThat(crm.readPage("check", "accounts", new Query(List.of("name"), "accountnumber eq 'DV-NEW'", null, 10,
                false)).rows()).singleElement().satisfies(a -> assertThat(a.get("name")).isEqualTo("New in the CRM"));
    }
}
