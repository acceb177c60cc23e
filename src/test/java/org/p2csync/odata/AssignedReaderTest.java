package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sandbox.SandboxProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.p2csync.sync.Areas;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.ReadBack;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;

/**
 * Reading back what the target assigned, against the sandbox over HTTP (through a recording proxy that can also answer
 * a read itself): the CRM assigns an account's accountid on create; F&amp;O records are found by composite key across
 * companies. Twenty records per GET, never one per record; transient failures are retried, a failure for good throws.
 */
class AssignedReaderTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static SandboxProxy proxy;
    static ODataClient crm;
    static ODataClient erp;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(0));
        proxy = new SandboxProxy(sandbox);
        RequestCounter counter = new RequestCounter();
        crm = new ODataClient(new ServiceConfig("crm", Dialect.DATAVERSE, proxy.crmUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET, null, null, null, WireMockServices.FAST), counter);
        erp = new ODataClient(new ServiceConfig("erp", Dialect.FNO, proxy.erpUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET, null, null, null, WireMockServices.FAST), counter);
    }

    @AfterEach
    void heal() {
        proxy.heal();
    }

    @AfterAll
    static void stop() {
        proxy.close();
        sandbox.close();
    }

    private static TargetRecord account(String number) {
        return new TargetRecord(Map.of("accountnumber", number), Map.of("accountnumber", number, "name", "Name " + number));
    }

    /** Creates the accounts at the CRM (which assigns their accountid) and returns those ids by account number. */
    private static Map<String, Object> created(List<TargetRecord> accounts) {
        assertThat(crm.upsert("setup", "accounts", accounts)).allMatch(WriteResult::isSuccess);
        Map<String, Object> ids = new HashMap<>();
        crm.readPage("setup", "accounts", new Query(List.of("accountid", "accountnumber"), null, null, 5000, false))
                .rows().forEach(row -> ids.put((String) row.get("accountnumber"), row.get("accountid")));
        return ids;
    }

    private static Item written(TargetRecord record) {
        return Item.read("s-" + record.keyString(), record.keyString(), Map.of()).mapped(record, "h").written();
    }

    private static Batch page(List<Item> items, List<TargetRecord> wanted) {
        Map<String, Map<String, Object>> keys = new LinkedHashMap<>();
        wanted.forEach(r -> keys.put(r.keyString(), r.key()));
        return new Batch("partners", "run-1", items, null, false).withReadBack(ReadBack.of(keys));
    }

    private static AssignedReader accountIds() {
        return new AssignedReader(crm, "partners", "accounts", false, 5000, List.of("accountid"));
    }

    private static int readBacks() {
        return proxy.gets(proxy.crmUrl(), "accounts", "accountnumber eq");
    }

    @Test
    void theValuesTheTargetAssignedAreReadBackTwentyRecordsPerGetAndAMissingRecordHasNone() {
        List<TargetRecord> accounts = IntStream.rangeClosed(1, 45).mapToObj(i -> account("RB-" + i)).toList();
        Map<String, Object> ids = created(accounts);
        List<TargetRecord> wanted = new ArrayList<>(accounts);
        wanted.add(account("RB-GONE"));
        int before = readBacks();

        Batch in = page(accounts.stream().map(AssignedReaderTest::written).toList(), wanted);

        Batch out = accountIds().readBack(in, Map.of());

        assertThat(readBacks() - before).as("46 records: GETs of 20, 20 and 6").isEqualTo(3);
        assertThat(out.readBack().found()).hasSize(46);
        for (TargetRecord account : accounts) {
            assertThat(out.readBack().found().get(account.keyString()))
                    .containsExactly(Map.entry("accountid", ids.get(account.keyString())));
        }
        assertThat(out.readBack().found().get("RB-GONE")).as("deleted meanwhile: read, no values").isEmpty();
        assertThat(out.items()).isEqualTo(in.items());
    }

    @Test
    void aRecordWhoseWriteFailedIsNotAskedForAndOneTheWriteCreatedIsThoughUnasked() {
        Map<String, Object> ids = created(List.of(account("RB-FAILED"), account("RB-NEW")));
        Item failed = Item.read("s1", "RB-FAILED", Map.of()).mapped(account("RB-FAILED"), "h").failed("write", "400");
        int before = readBacks();

        Batch out = accountIds().readBack(page(List.of(failed, written(account("RB-NEW"))), List.of(account("RB-FAILED"))),
                Map.of("RB-NEW", Map.of()));

        assertThat(readBacks() - before).isEqualTo(1);
        assertThat(out.readBack().found()).containsOnlyKeys("RB-NEW");
        assertThat(out.readBack().found().get("RB-NEW")).containsEntry("accountid", ids.get("RB-NEW"));
    }

    @Test
    void aPageAskingForNothingCostsNoRequest() {
        int before = readBacks();

        Batch in = page(List.of(written(account("RB-KNOWN"))), List.of());
        Batch out = accountIds().readBack(in, Map.of());

        assertThat(out).isSameAs(in);
        assertThat(readBacks()).isEqualTo(before);
    }

    @Test
    void throttlingAndServerErrorsOnTheReadAreRetried() {
        Map<String, Object> ids = created(List.of(account("RB-RETRY")));
        proxy.failNext(proxy.crmUrl(), "accounts", "accountnumber eq 'RB-RETRY'", 429, 500);
        long started = System.nanoTime();

        Batch out = accountIds().readBack(page(List.of(written(account("RB-RETRY"))), List.of(account("RB-RETRY"))),
                Map.of());

        assertThat(out.readBack().found().get("RB-RETRY")).containsEntry("accountid", ids.get("RB-RETRY"));
        assertThat(proxy.gets(proxy.crmUrl(), "accounts", "accountnumber eq 'RB-RETRY'")).as("429, 500, then through")
                .isEqualTo(3);
        assertThat(System.nanoTime() - started).as("the 429's Retry-After of 1 s was kept").isGreaterThan(1_000_000_000L);
    }

    @Test
    void aReadFailingForGoodThrowsSoThePageIsNotCommitted() {
        created(List.of(account("RB-DOWN")));
        proxy.failAll(proxy.crmUrl(), "accounts", "accountnumber eq 'RB-DOWN'", 500);

        assertThatThrownBy(() -> accountIds().readBack(
                page(List.of(written(account("RB-DOWN"))), List.of(account("RB-DOWN"))), Map.of()))
                .isInstanceOf(ODataException.class)
                .hasMessageStartingWith("partners: reading back [accountid] of 1 records of accounts failed")
                .hasMessageContaining("500");
        assertThat(proxy.gets(proxy.crmUrl(), "accounts", "accountnumber eq 'RB-DOWN'"))
                .as("every attempt of the retry policy").isEqualTo(WireMockServices.FAST.maxAttempts());
    }

    @Test
    void onFnoRecordsAreFoundByEveryKeyFieldAcrossCompanies() {
        List<TargetRecord> customers = new ArrayList<>();
        for (String company : List.of("usmf", "demf")) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("dataAreaId", company);
            key.put("CustomerAccount", "RB-C1");
            Map<String, Object> payload = new LinkedHashMap<>(key);
            payload.put("OrganizationName", "Customer in " + company);
            customers.add(new TargetRecord(key, payload));
        }
        assertThat(erp.upsert("setup", "CustomersV3", customers)).allMatch(WriteResult::isSuccess);
        AssignedReader names = new AssignedReader(erp, "customers", "CustomersV3", true, 5000,
                List.of("OrganizationName"));

        Batch out = names.readBack(new Batch("customers", "run-1", customers.stream()
                .map(AssignedReaderTest::written).toList(), null, false).withReadBack(ReadBack.of(Map.of(
                        "usmf|RB-C1", customers.get(0).key(), "demf|RB-C1", customers.get(1).key()))), Map.of());

        assertThat(out.readBack().found()).containsOnlyKeys("usmf|RB-C1", "demf|RB-C1");
        assertThat(out.readBack().found().get("usmf|RB-C1")).containsEntry("OrganizationName", "Customer in usmf");
        assertThat(out.readBack().found().get("demf|RB-C1")).containsEntry("OrganizationName", "Customer in demf");
        assertThat(proxy.gets(proxy.erpUrl(), "CustomersV3", "CustomerAccount eq 'RB-C1'")).isEqualTo(1);
    }

    /**
     * The target endpoint of an area whose mapping names assigned fields (F&amp;O's PartyNumber): records its writes
     * create come back in the POST's answer with their assigned values, which costs no read; records it updates are
     * read back when the page asks for them (one GET per chunk), and nothing is read when the page asks for nothing.
     */
    @Test
    void theTargetEndpointTakesCreatedRecordsValuesFromThePostAndReadsBackWhatThePageAsksFor() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("areas", new Areas() {
            @Override
            public ReadSpec readSpec(String area) {
                throw new IllegalArgumentException("no source in this test");
            }

            @Override
            public List<String> assignedFields(String area) {
                return area.equals("customers") ? List.of("PartyNumber") : List.of();
            }
        });
        camel.addComponent("fno", new ODataComponent(erp.config(), new RequestCounter()));
        camel.start();
        try (ProducerTemplate template = camel.createProducerTemplate()) {
            List<Item> items = IntStream.rangeClosed(1, 3).mapToObj(i -> customer("RB-P" + i)).toList();
            Map<String, Map<String, Object>> all = new LinkedHashMap<>();
            items.forEach(i -> all.put(i.target().keyString(), i.target().key()));
            int before = proxy.gets(proxy.erpUrl(), "CustomersV3", "CustomerAccount eq 'RB-P");

            Batch created = template.requestBody("fno:CustomersV3?area=customers",
                    new Batch("customers", "run-1", items, null, false), Batch.class);

            assertThat(created.items()).extracting(Item::status).containsOnly(ItemStatus.WRITTEN);
            assertThat(created.readBack().found()).containsOnlyKeys("usmf|RB-P1", "usmf|RB-P2", "usmf|RB-P3")
                    .allSatisfy((key, values) -> assertThat((String) values.get("PartyNumber")).isNotBlank());
            assertThat(proxy.gets(proxy.erpUrl(), "CustomersV3", "CustomerAccount eq 'RB-P") - before)
                    .as("created by POST: the answers carry PartyNumber").isZero();

            Batch asked = template.requestBody("fno:CustomersV3?area=customers",
                    new Batch("customers", "run-2", items, null, false).withReadBack(ReadBack.of(all)), Batch.class);

            assertThat(asked.readBack().found()).containsOnlyKeys("usmf|RB-P1", "usmf|RB-P2", "usmf|RB-P3")
                    .allSatisfy((key, values) -> assertThat(values.get("PartyNumber"))
                            .isEqualTo(created.readBack().found().get(key).get("PartyNumber")));
            assertThat(proxy.gets(proxy.erpUrl(), "CustomersV3", "CustomerAccount eq 'RB-P") - before)
                    .as("updated (204, no body): read back in one GET").isEqualTo(1);

            Batch unasked = template.requestBody("fno:CustomersV3?area=customers",
                    new Batch("customers", "run-3", items, null, false), Batch.class);

            assertThat(unasked.readBack().found()).isEmpty();
            assertThat(proxy.gets(proxy.erpUrl(), "CustomersV3", "CustomerAccount eq 'RB-P") - before).isEqualTo(1);
        } finally {
            camel.stop();
        }
    }

    private static Item customer(String number) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", "usmf");
        key.put("CustomerAccount", number);
        Map<String, Object> payload = new LinkedHashMap<>(key);
        payload.put("OrganizationName", "Customer " + number);
        return Item.read("s-" + number, number, Map.of()).mapped(new TargetRecord(key, payload), "h");
    }
}
