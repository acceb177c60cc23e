package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sync.SourceReader;
import org.p2csync.sync.Item;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;

/**
 * Records of an F&amp;O source read back by their composite ids against the real sandbox (waiting records, and records
 * a full read no longer returned): every id field counts (one account number in two companies is two records), reads
 * are cross-company, and ids the source does not return (deleted) or that are not of this source's form are reported
 * apart.
 */
class PendingCompositeIdTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataClient erp;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSetUp().withSeedAccounts(0));
        erp = new ODataClient(ServiceConfig.of("erp", Dialect.FNO, sandbox.erpUrl(), sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), new RequestCounter());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void recordsAreReadBackByEveryIdFieldAcrossCompaniesAndTheMissingOnesReported() throws Exception {
        // ContactPersons: the one F&O set with a modification timestamp (LastEditDateTime), each of a customer
        List<TargetRecord> customers = new ArrayList<>();
        for (String company : List.of("demf", "usmf")) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("dataAreaId", company);
            key.put("CustomerAccount", "OWNER");
            Map<String, Object> payload = new LinkedHashMap<>(key);
            payload.put("PartyNumber", company.equals("demf") ? "000000601" : "000000602");
            customers.add(new TargetRecord(key, payload));
        }
        assertThat(erp.upsert("seed", "CustomersV3", customers)).allMatch(WriteResult::isSuccess);
        List<TargetRecord> contacts = new ArrayList<>();
        for (String company : List.of("demf", "usmf")) {
            for (String id : List.of("R-1", "R'2")) {
                Map<String, Object> key = new LinkedHashMap<>();
                key.put("dataAreaId", company);
                key.put("ContactPersonId", id);
                Map<String, Object> payload = new LinkedHashMap<>(key);
                payload.put("LastName", "Waiting " + id);
                payload.put("AssociatedPartyNumber", company.equals("demf") ? "000000601" : "000000602");
                contacts.add(new TargetRecord(key, payload));
            }
        }
        assertThat(erp.upsert("seed", "ContactPersons", contacts)).allMatch(WriteResult::isSuccess);
        ReadSpec spec = new ReadSpec("ContactPersons", "dataAreaId,ContactPersonId", "ContactPersonId",
                "LastEditDateTime", List.of("ContactPersonId", "LastEditDateTime", "dataAreaId"));
        List<String> wanted = List.of("[\"demf\",\"R-1\"]", "[\"usmf\",\"R'2\"]", "[\"usmf\",\"NO-SUCH\"]", "R-1");

        SourceReader.ReadBack back = new ODataSource(erp, "contacts", spec, 4, true, Duration.ZERO).readByIds(wanted);

        assertThat(back.found()).extracting(Item::sourceId)
                .as("demf's R-1 only, not usmf's; usmf's R'2 only, not demf's")
                .containsExactlyInAnyOrder("[\"demf\",\"R-1\"]", "[\"usmf\",\"R'2\"]");
        assertThat(back.gone()).as("deleted at the source").containsExactly("[\"usmf\",\"NO-SUCH\"]");
        assertThat(back.unreadable()).as("not an id of this source").containsExactly("R-1");
    }
}
