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
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;

/**
 * Records with operation UPDATE ({@code target.write: update}) against the real sandbox over HTTP: an existing
 * record is updated, a missing one fails named and nothing is created, on Dataverse and on F&amp;O (where an upsert's
 * 404 would otherwise fall back to POST), alone and as the header of a document change set.
 */
class UpdateOnlyWriteTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataClient crm;
    static ODataClient erp;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(0));
        crm = new ODataClient(ServiceConfig.of("crm", Dialect.DATAVERSE, sandbox.crmUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), new RequestCounter());
        erp = new ODataClient(ServiceConfig.of("erp", Dialect.FNO, sandbox.erpUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), new RequestCounter());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static TargetRecord account(String number, String name, TargetRecord.Operation operation,
                                        TargetRecord... lines) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("accountnumber", number);
        payload.put("name", name);
        return new TargetRecord(null, Map.of("accountnumber", number), payload, List.of(lines), operation);
    }

    private static TargetRecord currency(String code, String name) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("isocurrencycode", code);
        payload.put("currencyname", name);
        return new TargetRecord("transactioncurrencies", Map.of("isocurrencycode", code), payload, List.of(),
                TargetRecord.Operation.UPSERT);
    }

    private static TargetRecord customer(String account, String name, TargetRecord.Operation operation,
                                         TargetRecord... lines) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", "usmf");
        key.put("CustomerAccount", account);
        Map<String, Object> payload = new LinkedHashMap<>(key);
        payload.put("OrganizationName", name);
        return new TargetRecord("CustomersV3", key, payload, List.of(lines), operation);
    }

    private static List<Map<String, Object>> rows(ODataClient client, String set, String filter) {
        return client.readPage("test", set, new Query(List.of(), filter, null, 100, false)).rows();
    }

    @Test
    void dataverseUpdatesAnExistingRecordAndFailsAMissingOneWithoutCreatingIt() {
        assertThat(crm.upsert("test", "accounts", List.of(account("UPD-1", "Before", TargetRecord.Operation.UPSERT)))
                .get(0).isSuccess()).isTrue();

        List<WriteResult> results = crm.upsert("test", "accounts", List.of(
                account("UPD-1", "After", TargetRecord.Operation.UPDATE),
                account("UPD-O'2", "Ghost", TargetRecord.Operation.UPDATE)));

        assertThat(results.get(0).isSuccess()).isTrue();
        assertThat(rows(crm, "accounts", "accountnumber eq 'UPD-1'")).singleElement()
                .satisfies(row -> assertThat(row.get("name")).isEqualTo("After"));
        assertThat(results.get(1).status()).isEqualTo(404);
        assertThat(results.get(1).message()).startsWith(
                "accounts(accountnumber='UPD-O''2') does not exist; target write: update never creates");
        assertThat(rows(crm, "accounts", "accountnumber eq 'UPD-O''2'")).isEmpty();
    }

    @Test
    void dataverseDocumentWithAMissingUpdateOnlyHeaderFailsWhole() {
        List<WriteResult> results = crm.upsert("test", "accounts", List.of(
                account("UPD-3", "Ghost", TargetRecord.Operation.UPDATE, currency("XUA", "Line"))));

        assertThat(results.get(0).status()).isEqualTo(404);
        assertThat(results.get(0).message()).startsWith(
                "accounts(accountnumber='UPD-3') does not exist; target write: update never creates");
        assertThat(rows(crm, "accounts", "accountnumber eq 'UPD-3'")).isEmpty();
        assertThat(rows(crm, "transactioncurrencies", "isocurrencycode eq 'XUA'")).as("line rolled back").isEmpty();
    }

    @Test
    void fnoNeverFallsBackToPostForAnUpdateButStillUpdatesWhatExists() {
        assertThat(erp.upsert("test", "CustomersV3", List.of(customer("UPD-E1", "Before",
                TargetRecord.Operation.UPSERT))).get(0).isSuccess()).isTrue();

        List<WriteResult> results = erp.upsert("test", "CustomersV3", List.of(
                customer("UPD-E1", "After", TargetRecord.Operation.UPDATE),
                customer("UPD-E2", "Ghost", TargetRecord.Operation.UPDATE)));

        assertThat(results.get(0).isSuccess()).isTrue();
        assertThat(rows(erp, "CustomersV3", "CustomerAccount eq 'UPD-E1'")).singleElement()
                .satisfies(row -> assertThat(row.get("OrganizationName")).isEqualTo("After"));
        assertThat(results.get(1).status()).isEqualTo(404);
        assertThat(results.get(1).message()).startsWith("CustomersV3(dataAreaId='usmf',CustomerAccount='UPD-E2') "
                + "does not exist; target write: update never creates");
        assertThat(rows(erp, "CustomersV3", "CustomerAccount eq 'UPD-E2'")).isEmpty();
    }

    @Test
    void fnoDocumentUpdatesAnExistingHeaderAndUpsertsItsLinesButNeverCreatesAMissingHeader() {
        assertThat(erp.upsert("test", "CustomersV3", List.of(customer("UPD-H1", "Header",
                TargetRecord.Operation.UPSERT))).get(0).isSuccess()).isTrue();

        List<WriteResult> results = erp.upsert("test", "CustomersV3", List.of(
                customer("UPD-H1", "Header changed", TargetRecord.Operation.UPDATE,
                        customer("UPD-L1", "New line", TargetRecord.Operation.UPSERT)),
                customer("UPD-H2", "Ghost", TargetRecord.Operation.UPDATE,
                        customer("UPD-L2", "Line of ghost", TargetRecord.Operation.UPSERT))));

        assertThat(results.get(0).isSuccess()).isTrue();
        assertThat(rows(erp, "CustomersV3", "CustomerAccount eq 'UPD-H1' or CustomerAccount eq 'UPD-L1'"))
                .hasSize(2);
        assertThat(results.get(1).status()).isEqualTo(404);
        assertThat(results.get(1).message()).startsWith("CustomersV3(dataAreaId='usmf',CustomerAccount='UPD-H2') "
                + "does not exist");
        assertThat(rows(erp, "CustomersV3", "CustomerAccount eq 'UPD-H2' or CustomerAccount eq 'UPD-L2'"))
                .isEmpty();
    }

    @Test
    void theProducerFailsAMissingUpdateOnlyRecordAtTheWriteStage() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addComponent("fno", new ODataComponent(ServiceConfig.of("erp", Dialect.FNO, sandbox.erpUrl(),
                sandbox.tokenUrl(), SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), new RequestCounter()));
        camel.start();
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            Item missing = Item.read("m", "UPD-P1", Map.of())
                    .mapped(customer("UPD-P1", "Ghost", TargetRecord.Operation.UPDATE), "h1");
            Batch batch = new Batch("upd", "run-1", List.of(missing), new Cursor.Watermark("2024-05-01T10:00:00Z"), true);

            Batch out = template.requestBody("fno:CustomersV3?area=upd", batch, Batch.class);

            Item item = out.items().get(0);
            assertThat(item.status()).isEqualTo(ItemStatus.FAILED);
            assertThat(item.stage()).isEqualTo("write");
            assertThat(item.reason()).startsWith("404 CustomersV3(dataAreaId='usmf',CustomerAccount='UPD-P1') "
                    + "does not exist; target write: update never creates");
        } finally {
            camel.stop();
        }
        assertThat(rows(erp, "CustomersV3", "CustomerAccount eq 'UPD-P1'")).isEmpty();
    }
}
