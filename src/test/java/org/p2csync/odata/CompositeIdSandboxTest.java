package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
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
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;

/** An F&amp;O set read as a source with its composite key as the id, cross-company, against the real sandbox. */
class CompositeIdSandboxTest {
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
    void everyRowOfEveryCompanyIsReadOnceInKeysetOrderAndTheRunResumesFromItsCursor() throws Exception {
        // ContactPersons: the one F&O set with a modification timestamp (LastEditDateTime), each of a customer
        assertThat(erp.upsert("seed", "CustomersV3", List.of(customer("demf", "000000501"), customer("usmf", "000000502"))))
                .allMatch(WriteResult::isSuccess);
        List<TargetRecord> contacts = new ArrayList<>();
        for (String company : List.of("demf", "usmf")) {
            for (int i = 1; i <= 9; i++) {
                Map<String, Object> key = new LinkedHashMap<>();
                key.put("dataAreaId", company);
                key.put("ContactPersonId", i == 5 ? "O'C-" + i : "C-" + i);
                Map<String, Object> payload = new LinkedHashMap<>(key);
                payload.put("LastName", "Contact " + i);
                payload.put("AssociatedPartyNumber", company.equals("demf") ? "000000501" : "000000502");
                contacts.add(new TargetRecord(key, payload));
            }
        }
        assertThat(erp.upsert("seed", "ContactPersons", contacts)).allMatch(WriteResult::isSuccess);
        ReadSpec spec = new ReadSpec("ContactPersons", "dataAreaId,ContactPersonId", "ContactPersonId",
                "LastEditDateTime", List.of("ContactPersonId", "LastEditDateTime", "dataAreaId"));
        RunBook book = new RunBook();
        book.spec = spec;

        List<Batch> batches = book.run(new ODataSource(erp, "a", spec, 4, true, Duration.ZERO));

        List<String> ids = batches.stream().flatMap(b -> b.items().stream()).map(Item::sourceId).toList();
        assertThat(ids).hasSize(18).doesNotHaveDuplicates().contains("[\"demf\",\"O'C-5\"]", "[\"usmf\",\"C-9\"]");
        Cursor.Watermark resumeAt = (Cursor.Watermark) batches.get(1).end();
        book.save("a", resumeAt);
        List<Item> again = book.run(new ODataSource(erp, "a", spec, 4, true, Duration.ZERO)).stream()
                .flatMap(b -> b.items().stream()).toList();
        List<String> rest = again.stream().map(Item::sourceId).toList();
        // from the cursor's instant on (that instant again, no id tie-breaker): a suffix of the first run's order
        assertThat(rest).hasSizeGreaterThanOrEqualTo(10).isEqualTo(ids.subList(18 - rest.size(), 18));
        assertThat(again.subList(0, rest.size() - 10)).as("read again: the rows of the cursor's instant")
                .allSatisfy(i -> assertThat(OffsetDateTime.parse(i.source().get("LastEditDateTime").toString()))
                        .isAtSameInstantAs(OffsetDateTime.parse(resumeAt.modified())));
    }

    private static TargetRecord customer(String company, String partyNumber) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", company);
        key.put("CustomerAccount", "OWNER");
        Map<String, Object> payload = new LinkedHashMap<>(key);
        payload.put("PartyNumber", partyNumber);
        return new TargetRecord(key, payload);
    }
}
