package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxHttp;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;

/**
 * Documents (a header with lines) against the real sandbox over HTTP: each goes as one change set, all or nothing,
 * while the other records of the same $batch stand on their own. The header and its "lines" live in different
 * entity sets, as quote lines do.
 */
class DocumentWriteTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataClient crm;
    static ODataClient erp;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(0));
        // the test's documents have currencies as lines, upserted by ISO code: a key the org needs for that
        SandboxHttp http = new SandboxHttp(sandbox);
        http.createKey("transactioncurrency", "isocurrencycode");
        http.awaitKeys();
        crm = new ODataClient(ServiceConfig.of("crm", Dialect.DATAVERSE, sandbox.crmUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), new RequestCounter());
        erp = new ODataClient(ServiceConfig.of("erp", Dialect.FNO, sandbox.erpUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), new RequestCounter());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static TargetRecord account(String number, String name) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("accountnumber", number);
        payload.put("name", name);
        return new TargetRecord(Map.of("accountnumber", number), payload);
    }

    private static TargetRecord currency(String code, String name) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("isocurrencycode", code);
        payload.put("currencyname", name);
        return new TargetRecord("transactioncurrencies", Map.of("isocurrencycode", code), payload, List.of(),
                TargetRecord.Operation.UPSERT);
    }

    private static TargetRecord document(TargetRecord header, TargetRecord... lines) {
        return new TargetRecord(header.entitySet(), header.key(), header.payload(), List.of(lines),
                TargetRecord.Operation.UPSERT);
    }

    private static List<Map<String, Object>> rows(ODataClient client, String set, String filter) {
        return client.readPage("test", set, new Query(List.of(), filter, null, 100, false)).rows();
    }

    @Test
    void aDocumentIsWrittenWholeOrNotAtAllAndItsNeighboursStandAlone() {
        TargetRecord good = document(account("DOC-1", "Good doc"), currency("XAA", "First"), currency("XAB", "Second"));
        TargetRecord bad = document(account("DOC-2", "Bad doc"), currency("XBA", "Fine"),
                currency("XBB", "x".repeat(101))); // longer than currencyname's MaxLength 100
        TargetRecord single = account("DOC-3", "Standalone");

        List<WriteResult> results = crm.upsert("test", "accounts", List.of(good, bad, single));

        assertThat(results.get(0).isSuccess()).isTrue();
        assertThat(results.get(1).status()).isEqualTo(400);
        assertThat(results.get(1).message()).startsWith("line transactioncurrencies XBB: ").contains("currencyname");
        assertThat(results.get(2).isSuccess()).isTrue();
        assertThat(rows(crm, "accounts", "accountnumber eq 'DOC-1'")).hasSize(1);
        assertThat(rows(crm, "transactioncurrencies", "isocurrencycode eq 'XAA' or isocurrencycode eq 'XAB'"))
                .hasSize(2);
        assertThat(rows(crm, "accounts", "accountnumber eq 'DOC-2'")).as("header rolled back").isEmpty();
        assertThat(rows(crm, "transactioncurrencies", "isocurrencycode eq 'XBA'")).as("line rolled back").isEmpty();
        assertThat(rows(crm, "accounts", "accountnumber eq 'DOC-3'")).hasSize(1);
    }

    /**
     * Dataverse stops a $batch at a failed change set (continue-on-error notwithstanding): the documents after it get
     * no answer and were not executed. They are sent again at once and outside the retry policy's attempts: with one
     * attempt allowed, three refused documents ahead of two good ones still leave every document its own answer.
     */
    @Test
    void documentsAfterARefusedChangeSetAreSentAgainUntilEachHasItsOwnAnswer() {
        RequestCounter counter = new RequestCounter();
        ODataClient once = new ODataClient(ServiceConfig.of("crm", Dialect.DATAVERSE, sandbox.crmUrl(),
                sandbox.tokenUrl(), SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET)
                .withRetry(new RetryPolicy(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1), 1)), counter);
        List<TargetRecord> documents = List.of(
                document(account("DOC-R1", "r".repeat(161)), currency("XRA", "Fine")),
                document(account("DOC-R2", "Refused line"), currency("XRB", "r".repeat(101))),
                document(account("DOC-R3", "r".repeat(161)), currency("XRC", "Fine")),
                document(account("DOC-R4", "Good"), currency("XRD", "Fine")),
                document(account("DOC-R5", "Good too"), currency("XRE", "Fine")));

        List<WriteResult> results = once.upsert("resend", "accounts", documents);

        assertThat(results).extracting(WriteResult::status).containsExactly(400, 400, 400, 204, 204);
        assertThat(results.get(0).message()).startsWith("header accounts DOC-R1: ").contains("name");
        assertThat(results.get(1).message()).startsWith("line transactioncurrencies XRB: ").contains("currencyname");
        assertThat(results.get(2).message()).startsWith("header accounts DOC-R3: ");
        assertThat(results).extracting(WriteResult::message).noneMatch(m -> m.contains("no response"));
        assertThat(rows(crm, "accounts", "accountnumber eq 'DOC-R4' or accountnumber eq 'DOC-R5'")).hasSize(2);
        assertThat(rows(crm, "transactioncurrencies", "isocurrencycode eq 'XRD' or isocurrencycode eq 'XRE'"))
                .hasSize(2);
        assertThat(rows(crm, "accounts", "accountnumber eq 'DOC-R2'")).as("refused documents are not there").isEmpty();
        // a token, then one $batch per refused document at the front and one for the rest
        assertThat(counter.get("resend", "crm")).isEqualTo(1 + 4);
    }

    @Test
    void aRejectedHeaderIsNamedAsTheHeader() {
        TargetRecord bad = document(account("DOC-4", "y".repeat(161)), currency("XCA", "Fine"));

        List<WriteResult> results = crm.upsert("test", "accounts", List.of(bad));

        assertThat(results.get(0).status()).isEqualTo(400);
        assertThat(results.get(0).message()).startsWith("header accounts DOC-4: ");
        assertThat(rows(crm, "transactioncurrencies", "isocurrencycode eq 'XCA'")).isEmpty();
    }

    @Test
    void anErpDocumentIsOneChangeSetToo() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", "usmf");
        key.put("CustomerAccount", "DOC-H");
        Map<String, Object> lineKey = new LinkedHashMap<>(key);
        lineKey.put("CustomerAccount", "DOC-L");
        Map<String, Object> linePayload = new LinkedHashMap<>(lineKey);
        linePayload.put("NoSuchField", 1);
        // F&O creates by POST, so the payload carries the key fields, as the mappings write them
        Map<String, Object> headerPayload = new LinkedHashMap<>(key);
        headerPayload.put("OrganizationName", "Header");
        TargetRecord header = new TargetRecord(key, headerPayload);
        TargetRecord line = new TargetRecord("CustomersV3", lineKey, linePayload, List.of(),
                TargetRecord.Operation.UPSERT);

        List<WriteResult> results = erp.upsert("test", "CustomersV3", List.of(document(header, line)));

        assertThat(results.get(0).isSuccess()).isFalse();
        assertThat(results.get(0).message()).startsWith("line CustomersV3 usmf|DOC-L: ");
        assertThat(rows(erp, "CustomersV3", "CustomerAccount eq 'DOC-H'")).isEmpty();

        Map<String, Object> fixedPayload = new LinkedHashMap<>(lineKey);
        fixedPayload.put("OrganizationName", "Line");
        TargetRecord fixed = new TargetRecord("CustomersV3", lineKey, fixedPayload, List.of(),
                TargetRecord.Operation.UPSERT);
        assertThat(erp.upsert("test", "CustomersV3", List.of(document(header, fixed))).get(0).isSuccess()).isTrue();
        assertThat(rows(erp, "CustomersV3", "CustomerAccount eq 'DOC-H' or CustomerAccount eq 'DOC-L'")).hasSize(2);
    }

    @Test
    void theProducerFailsARejectedDocumentAtTheWriteStageAndWritesTheRest() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("dataverse", new ODataComponent(ServiceConfig.of("crm", Dialect.DATAVERSE, sandbox.crmUrl(),
                sandbox.tokenUrl(), SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), new RequestCounter()));
        camel.start();
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            Item good = Item.read("g", "DOC-5", Map.of())
                    .mapped(document(account("DOC-5", "Good"), currency("XDA", "Fine")), "h1");
            Item bad = Item.read("b", "DOC-6", Map.of())
                    .mapped(document(account("DOC-6", "Bad"), currency("XDB", "z".repeat(101))), "h2");
            Batch batch = new Batch("docs", "run-1", List.of(good, bad),
                    new Cursor.Watermark("2024-05-01T10:00:00Z"), true);

            Batch out = template.requestBody("dataverse:accounts?area=docs", batch,
                    Batch.class);

            assertThat(out.items()).extracting(Item::status).containsExactly(
                    ItemStatus.WRITTEN, ItemStatus.FAILED);
            assertThat(out.items().get(1).stage()).isEqualTo("write");
            assertThat(out.items().get(1).reason()).startsWith("400 line transactioncurrencies XDB: ");
        } finally {
            camel.stop();
        }
        assertThat(rows(crm, "transactioncurrencies", "isocurrencycode eq 'XDA'")).hasSize(1);
        assertThat(rows(crm, "accounts", "accountnumber eq 'DOC-6'")).isEmpty();
    }
}
