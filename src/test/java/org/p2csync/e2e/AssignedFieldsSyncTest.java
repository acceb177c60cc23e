package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sandbox.SandboxProxy;
import org.p2csync.state.StateStore;

/**
 * {@code target.assigned} end to end, over HTTP: the test area {@code partners} creates a partner account in the CRM
 * for every customer, and the CRM assigns its accountid; {@code partnercontacts} binds a contact to that partner by
 * the id read back. The CRM is reached through a recording proxy, which counts the read-back GETs and can fail them.
 */
class AssignedFieldsSyncTest {
    private static final Path FIXTURES = Path.of("src/test/resources/assigned");
    private static final int CUSTOMERS = 45;
    private static final String READ_BACK = "accountnumber eq";

    @TempDir
    Path dir;

    Sandbox sandbox;
    SandboxProxy proxy;
    ODataProbe probe;
    SyncFixture sync;
    Path mappings;

    void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(0));
        proxy = new SandboxProxy(sandbox);
        probe = new ODataProbe(sandbox);
        for (int i = 1; i <= CUSTOMERS; i++) {
            probe.postCrm("accounts", Map.of("accountnumber", String.format("ACC-%02d", i), "name", "Customer " + i,
                    "customertypecode", 3));
        }
        probe.postCrm("accounts", Map.of("accountnumber", "PRO-1", "name", "A prospect", "customertypecode", 8));
        Path routes = Files.createDirectories(dir.resolve("routes"));
        mappings = Files.createDirectories(dir.resolve("mappings"));
        for (String area : List.of("partners", "partnercontacts")) {
            Files.copy(FIXTURES.resolve(area + ".camel.yaml"), routes.resolve(area + ".camel.yaml"));
            Files.copy(FIXTURES.resolve(area + ".yaml"), mappings.resolve(area + ".yaml"));
        }
        sync = new SyncFixture(sandbox, dir, Map.of("p2c.routes", routes.toString(), "p2c.mappings",
                mappings.toString(), "p2c.crm.url", proxy.crmUrl(), "p2c.page-size", "100"));
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private int readBacks() {
        return proxy.gets(proxy.crmUrl(), "accounts", READ_BACK);
    }

    /** The partner accounts in the CRM: account number to the accountid the CRM gave it. */
    private Map<String, Object> partnerIds() {
        return probe.crm("accounts", "$select=accountid,accountnumber", "$filter=customertypecode eq 5").stream()
                .collect(Collectors.toMap(a -> (String) a.get("accountnumber"), a -> a.get("accountid")));
    }

    /** The accountid each partner record's state holds, by partner account number (absent: never read back). */
    private Map<String, Object> readBackIds() {
        Map<String, Object> ids = new HashMap<>();
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            List<String> keys = partnerIds().keySet().stream().toList();
            state.recordState("partners").assignedValues(keys).forEach((k, v) -> ids.put(k, v.get("accountid")));
        }
        return ids;
    }

    /** The partner each contact works for, by the contact's last name (the customer's name). */
    private Map<String, Object> contactParents() {
        return probe.crm("contacts", "$select=lastname,_parentcustomerid_value").stream()
                .collect(Collectors.toMap(c -> (String) c.get("lastname"), c -> c.get("_parentcustomerid_value")));
    }

    private static String partnerOf(int customer) {
        return String.format("P-ACC-%02d", customer);
    }

    private SyncFixture.Result run(String area) throws Exception {
        SyncFixture.Result result = sync.syncOnce(area);
        assertThat(result.exitCode()).as(result.printed()).isZero();
        return result;
    }

    @Test
    void theAssignedIdIsReadBackOneGetPerTwentyRecordsNothingOnTheRepeatRunAndTheLookupBindsByIt() throws Exception {
        start();

        SyncFixture.Result first = run("partners");

        assertThat(first.count("partners", "written")).isEqualTo(CUSTOMERS);
        assertThat(readBacks()).as("45 records written on one page: GETs of 20, 20 and 5").isEqualTo(3);
        Map<String, Object> ids = partnerIds();
        assertThat(ids).hasSize(CUSTOMERS);
        assertThat(readBackIds()).isEqualTo(ids);

        SyncFixture.Result again = run("partners");

        assertThat(again.count("partners", "written")).isZero();
        assertThat(readBacks()).as("the repeat run knows every value: no read-back").isEqualTo(3);

        SyncFixture.Result contacts = run("partnercontacts");

        assertThat(contacts.count("partnercontacts", "written")).isEqualTo(CUSTOMERS);
        assertThat(contacts.count("partnercontacts", "waiting")).isZero();
        Map<String, Object> parents = contactParents();
        for (int i = 1; i <= CUSTOMERS; i++) {
            assertThat(parents.get("Customer " + i)).as("customer %d's contact", i).isEqualTo(ids.get(partnerOf(i)));
        }
        assertThat(readBacks()).as("partnercontacts assigns nothing").isEqualTo(3);
    }

    @Test
    void recordsWrittenBeforeTheMappingNamedTheFieldAreReadBackLaterAndWhatReferToThemWaitsUntilThen() throws Exception {
        start();
        Path partners = mappings.resolve("partners.yaml");
        String withAssigned = Files.readString(partners);
        Files.writeString(partners, withAssigned.replace("  assigned: [accountid]\n", ""));
        assertThat(run("partners").count("partners", "written")).isEqualTo(CUSTOMERS);
        assertThat(readBacks()).as("not assigned yet: nothing read back").isZero();
        Files.writeString(partners, withAssigned);
        Map<String, Object> ids = partnerIds();
        // two partners deleted in the CRM before partners read them back: they are not found, so have no id
        probe.deleteCrm("accounts(" + ids.get(partnerOf(1)) + ")");
        probe.deleteCrm("accounts(" + ids.get(partnerOf(2)) + ")");

        SyncFixture.Result waiting = run("partnercontacts");

        assertThat(waiting.count("partnercontacts", "written")).isZero();
        assertThat(waiting.count("partnercontacts", "waiting")).isEqualTo(CUSTOMERS);
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            assertThat(state.pending().list("partnercontacts", 100)).hasSize(CUSTOMERS).allSatisfy(p -> assertThat(p.reason())
                    .isEqualTo("partners record " + p.sourceId() + " (from accountid) is synced but its accountid is"
                            + " not known yet"));
        }

        SyncFixture.Result catchUp = run("partners");

        assertThat(catchUp.count("partners", "written")).as("no source record changed").isZero();
        assertThat(readBacks()).as("the 45 records of the earlier run, 20 per GET").isEqualTo(3);
        Map<String, Object> known = readBackIds();
        assertThat(known).hasSize(CUSTOMERS - 2).doesNotContainKeys(partnerOf(1), partnerOf(2));
        ids.forEach((number, id) -> {
            if (!number.equals(partnerOf(1)) && !number.equals(partnerOf(2))) {
                assertThat(known.get(number)).isEqualTo(id);
            }
        });

        SyncFixture.Result resumed = run("partnercontacts");

        assertThat(resumed.count("partnercontacts", "written")).isEqualTo(CUSTOMERS - 2);
        // a waiting contact of the watermark's second is read twice in a run (by id as waiting, then in the page of
        // that second), so counted twice; it still waits once
        assertThat(resumed.count("partnercontacts", "waiting")).as("their partners are gone").isBetween(2L, 4L);
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            assertThat(state.pending().count("partnercontacts")).as("their partners are gone").isEqualTo(2);
        }
        assertThat(contactParents()).hasSize(CUSTOMERS - 2).doesNotContainKeys("Customer 1", "Customer 2");
        int atWatermark = probe.crmModifiedAt("accounts", sync.watermark("partners"));
        SyncFixture.Result quiet = run("partners");
        assertThat(quiet.count("partners", "read")).as("only the rows of its watermark's second, again")
                .isEqualTo(atWatermark);
        assertThat(quiet.count("partners", "written")).isZero();
        assertThat(readBacks()).as("gone partners are not asked for every run").isEqualTo(3);

        // customer 1 changes: partners writes its partner again, which the CRM creates anew with a new id
        Object customer1 = probe.crm("accounts", "$select=accountid", "$filter=accountnumber eq 'ACC-01'").get(0)
                .get("accountid");
        probe.patchCrm("accounts(" + customer1 + ")", Map.of("name", "Customer 1 Ltd"));
        assertThat(run("partners").count("partners", "written")).isEqualTo(1);
        assertThat(readBacks()).isEqualTo(4);
        Object recreated = partnerIds().get(partnerOf(1));
        assertThat(readBackIds().get(partnerOf(1))).isEqualTo(recreated);

        SyncFixture.Result last = run("partnercontacts");

        assertThat(last.count("partnercontacts", "written")).isEqualTo(1);
        // counted twice when the waiting contact is also in the watermark's second (read by id, then in the page)
        assertThat(last.count("partnercontacts", "waiting")).isBetween(1L, 2L);
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            assertThat(state.pending().count("partnercontacts")).as("it still waits once").isEqualTo(1);
        }
        assertThat(contactParents().get("Customer 1 Ltd")).isEqualTo(recreated);
    }

    @Test
    void aReadBackThatFailsForGoodFailsTheRunBeforeItsCursorMovesAndTheNextRunCatchesUp() throws Exception {
        start();
        proxy.failAll(proxy.crmUrl(), "accounts", READ_BACK, 400);

        SyncFixture.Result failed = sync.syncOnce("partners");

        assertThat(failed.exitCode()).as(failed.printed()).isNotZero();
        assertThat(failed.area("partners").get("outcome").asText()).isEqualTo("Error");
        assertThat(failed.area("partners").get("stoppedEarly").asText())
                .startsWith("partners: reading back [accountid] of 45 records of accounts failed, so the page is not"
                        + " committed").contains("400 injected by the test proxy");
        assertThat(partnerIds()).as("the writes went through").hasSize(CUSTOMERS);
        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            assertThat(state.cursors().load("partners").isStart()).as("the cursor did not move").isTrue();
            assertThat(state.recordState("partners").hashes(partnerIds().keySet())).as("nothing recorded").isEmpty();
        }
        int failedReads = readBacks();
        proxy.heal();

        SyncFixture.Result next = run("partners");

        assertThat(next.count("partners", "written")).as("written again: same values, harmless").isEqualTo(CUSTOMERS);
        assertThat(readBacks() - failedReads).isEqualTo(3);
        assertThat(readBackIds()).isEqualTo(partnerIds());
        assertThat(run("partnercontacts").count("partnercontacts", "written")).isEqualTo(CUSTOMERS);
    }

    @Test
    void throttlingAndServerErrorsOnTheReadBackAreRetriedWithinTheRun() throws Exception {
        start();
        proxy.failNext(proxy.crmUrl(), "accounts", READ_BACK, 429, 500);

        SyncFixture.Result result = run("partners");

        assertThat(result.count("partners", "written")).isEqualTo(CUSTOMERS);
        assertThat(readBacks()).as("3 GETs, 2 of them answered 429 and 500 first").isEqualTo(5);
        assertThat(readBackIds()).isEqualTo(partnerIds());
    }
}
