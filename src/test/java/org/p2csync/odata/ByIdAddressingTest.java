package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxHttp;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;

/**
 * Dataverse records and binds whose key values cannot travel in a URL ({@code / < > * % & : \ ? + #}; the sandbox
 * refuses them as Dataverse does, SandboxUrlKeysTest) are written by id, found by one $filter GET per batch, and
 * created under an id p2c-sync chooses; records without such values cost no extra request. Against the sandbox over
 * HTTP, counting every request the client sends.
 */
class ByIdAddressingTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxHttp http;
    static RequestCounter counter;
    static ODataClient crm;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(0));
        http = new SandboxHttp(sandbox);
        // the document test's lines are currencies, upserted by ISO code: a key the org needs for that
        http.createKey("transactioncurrency", "isocurrencycode");
        http.awaitKeys();
        counter = new RequestCounter();
        crm = new ODataClient(ServiceConfig.of("crm", Dialect.DATAVERSE, sandbox.crmUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), counter);
        // token and $metadata (the entity sets' primary keys) are read once per client: not this test's subject
        assertThat(crm.upsert("warm-up", "accounts", List.of(account("WARM&UP", "Warm-up"))).get(0).isSuccess())
                .isTrue();
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

    private static TargetRecord contact(String lastname, String accountNumber) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("lastname", lastname);
        payload.put("parentcustomerid_account@odata.bind",
                org.p2csync.sync.BindReference.of("accounts", "accountnumber", accountNumber));
        // contacts have no alternate key: addressed by a primary id of the test's choosing
        return new TargetRecord("contacts", Map.of("contactid", java.util.UUID.randomUUID().toString()), payload,
                List.of(),
                TargetRecord.Operation.UPSERT);
    }

    private static TargetRecord withOperation(TargetRecord record, TargetRecord.Operation operation) {
        return new TargetRecord(record.entitySet(), record.key(), record.payload(), record.lines(), operation);
    }

    private static List<Map<String, Object>> accounts(String number) {
        return crm.readPage("test", "accounts", new Query(List.of("accountid", "accountnumber", "name"),
                "accountnumber eq " + ODataLiteral.string(number), null, 100, false)).rows();
    }

    /** The requests an upsert sent (token, $metadata, lookups, $batch), counted under its own area. */
    private static long requests(String area, String set, List<TargetRecord> records, List<WriteResult> results) {
        results.addAll(crm.upsert(area, set, records));
        return counter.get(area, "crm");
    }

    @Test
    void recordsWithoutForbiddenCharactersCostNoExtraRequest() {
        List<WriteResult> results = new java.util.ArrayList<>();
        long sent = requests("safe", "accounts", List.of(account("SAFE-1", "Safe"), account("O'NEIL 2", "Quoted"),
                account("A,B;C=3 (x)", "Punctuation")), results);

        assertThat(results).allSatisfy(r -> assertThat(r.isSuccess()).as(r.message()).isTrue());
        assertThat(sent).as("the $batch only").isEqualTo(1);
    }

    @Test
    void anAccountNumberWithAmpersandAndSlashIsCreatedByIdThenUpdatedInPlace() {
        List<WriteResult> results = new java.util.ArrayList<>();
        long sent = requests("create", "accounts", List.of(account("A&B/1", "Ampersand and slash"),
                account("K&L 2", "Ampersand"), account("SAFE-2", "Safe")), results);

        assertThat(results).allSatisfy(r -> assertThat(r.isSuccess()).as(r.message()).isTrue());
        assertThat(sent).as("one $filter GET for both, then the $batch").isEqualTo(2);
        List<Map<String, Object>> created = accounts("A&B/1");
        assertThat(created).singleElement().satisfies(a -> assertThat(a.get("name")).isEqualTo("Ampersand and slash"));

        assertThat(crm.upsert("update", "accounts", List.of(account("A&B/1", "Renamed"))).get(0).isSuccess()).isTrue();
        assertThat(accounts("A&B/1")).as("found by its number and updated, not created twice").singleElement()
                .satisfies(a -> {
                    assertThat(a.get("accountid")).isEqualTo(created.get(0).get("accountid"));
                    assertThat(a.get("name")).isEqualTo("Renamed");
                });
    }

    @Test
    void theIdChosenForANewRecordIsTheSameOnEveryTry() throws Exception {
        assertThat(crm.upsert("retry", "accounts", List.of(account("R&T/1", "First try"))).get(0).isSuccess()).isTrue();
        Object first = accounts("R&T/1").get(0).get("accountid");
        // as if the first create's answer were lost after another client deleted it: the retry creates it again
        assertThat(http.send("DELETE", sandbox.crmUrl() + "accounts(" + first + ")", null, Map.of()).statusCode())
                .isEqualTo(204);
        ODataClient another = new ODataClient(ServiceConfig.of("crm", Dialect.DATAVERSE, sandbox.crmUrl(),
                sandbox.tokenUrl(), SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), new RequestCounter());

        assertThat(another.upsert("retry", "accounts", List.of(account("R&T/1", "Second try"))).get(0).isSuccess())
                .isTrue();

        assertThat(accounts("R&T/1")).singleElement().satisfies(a -> assertThat(a.get("accountid")).isEqualTo(first));
    }

    @Test
    void aNewProductTakesTheIdItsPayloadKnows() {
        String known = "0f3c1a52-9a0e-4c5e-8f6a-1b2c3d4e5f60";
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("productnumber", "P&1");
        payload.put("productid", known);
        payload.put("name", "Nuts & bolts");
        TargetRecord product = new TargetRecord("products", Map.of("productnumber", "P&1"), payload, List.of(),
                TargetRecord.Operation.UPSERT);

        WriteResult result = crm.upsert("products", "products", List.of(product)).get(0);

        assertThat(result.isSuccess()).as(result.message()).isTrue();
        assertThat(crm.readPage("test", "products", new Query(List.of("productid", "productnumber"),
                "productnumber eq 'P&1'", null, 10, false)).rows()).singleElement()
                .satisfies(p -> assertThat(p.get("productid")).isEqualTo(known));
    }

    @Test
    void aBindToSuchAKeyGoesByIdAndOneThatFindsNoRecordFailsAlone() {
        crm.upsert("binds", "accounts", List.of(account("B&C/1", "Parent")));
        List<WriteResult> results = new java.util.ArrayList<>();

        long sent = requests("bind", "contacts", List.of(contact("Bound", "B&C/1"), contact("Orphan", "N&O/1"),
                contact("Safe", "SAFE-1")), results);

        assertThat(sent).as("one $filter GET, one $batch").isEqualTo(2);
        assertThat(results.get(0).isSuccess()).as(results.get(0).message()).isTrue();
        assertThat(results.get(1).status()).isEqualTo(404);
        assertThat(results.get(1).message()).isEqualTo("parentcustomerid_account@odata.bind: no accounts record has"
                + " accountnumber 'N&O/1' (found by $filter: such a value cannot travel in a Dataverse URL)");
        List<Map<String, Object>> contacts = crm.readPage("test", "contacts", new Query(
                List.of("lastname", "_parentcustomerid_value"), "lastname eq 'Bound' or lastname eq 'Orphan'", null,
                10, false)).rows();
        assertThat(contacts).singleElement().satisfies(c -> assertThat(c.get("_parentcustomerid_value"))
                .isEqualTo(accounts("B&C/1").get(0).get("accountid")));
    }

    @Test
    void deletesAndUpdatesBySuchAKeyGoByIdAndAMissingOneNeedsNoBatch() {
        crm.upsert("setup", "accounts", List.of(account("D&E/1", "To delete")));
        List<WriteResult> results = new java.util.ArrayList<>();

        long sent = requests("delete", "accounts", List.of(withOperation(account("D&E/1", ""), TargetRecord.Operation.DELETE),
                withOperation(account("G&O/NE", ""), TargetRecord.Operation.DELETE)), results);

        assertThat(results).allSatisfy(r -> assertThat(r.isSuccess()).as(r.message()).isTrue());
        assertThat(sent).isEqualTo(2);
        assertThat(accounts("D&E/1")).isEmpty();

        List<WriteResult> gone = new java.util.ArrayList<>();
        long again = requests("gone", "accounts", List.of(withOperation(account("D&E/1", ""),
                TargetRecord.Operation.DELETE)), gone);
        assertThat(gone.get(0).isSuccess()).as("already gone is what a delete wants").isTrue();
        assertThat(again).as("the lookup only: nothing to send").isEqualTo(1);

        WriteResult update = crm.upsert("update-only", "accounts", List.of(withOperation(account("U&P/1", "x"),
                TargetRecord.Operation.UPDATE))).get(0);
        assertThat(update.status()).isEqualTo(404);
        assertThat(update.message()).isEqualTo("accounts(accountnumber='U&P/1') does not exist; target write: update"
                + " never creates");
        assertThat(accounts("U&P/1")).isEmpty();
    }

    @Test
    void aDocumentWhoseHeaderHasSuchAKeyIsOneChangeSetById() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("isocurrencycode", "XEA");
        line.put("currencyname", "Line of a document by id");
        TargetRecord header = account("H&1/2", "Document by id");
        TargetRecord document = new TargetRecord(null, header.key(), header.payload(), List.of(new TargetRecord(
                "transactioncurrencies", Map.of("isocurrencycode", "XEA"), line, List.of(),
                TargetRecord.Operation.UPSERT)), TargetRecord.Operation.UPSERT);
        List<WriteResult> results = new java.util.ArrayList<>();

        long sent = requests("document", "accounts", List.of(document), results);

        assertThat(results.get(0).isSuccess()).as(results.get(0).message()).isTrue();
        assertThat(sent).isEqualTo(2);
        assertThat(accounts("H&1/2")).hasSize(1);
        assertThat(crm.readPage("test", "transactioncurrencies", new Query(List.of("isocurrencycode"),
                "isocurrencycode eq 'XEA'", null, 10, false)).rows()).hasSize(1);
    }
}
