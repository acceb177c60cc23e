package org.p2csync.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.mapping.Lookups;
import org.p2csync.mapping.MapResult;
import org.p2csync.mapping.Mapping;
import org.p2csync.mapping.Mappings;
import org.p2csync.state.RecordStateRepository;
import org.p2csync.state.StateStore;
import org.p2csync.state.SyncedRecord;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.ReadBack;
import org.p2csync.sync.RequestCounter;

/**
 * The engine's side of {@code target.assigned}, on a real H2 state store: which records a page asks the target side
 * to read back, keeping what it found, and lookups of another area's assigned field, which wait while it is unknown.
 */
class ReadBackStepsTest {
    private static final Path MAPPINGS = Path.of("src/test/resources/mappings");

    @TempDir
    Path dir;

    StateStore state;
    Mappings mappings;
    Mapping customers;
    RecordStateRepository customerState;

    @BeforeEach
    void open() throws Exception {
        state = StateStore.open(StateStore.h2(dir.resolve("state")));
        Path folder = Files.createDirectories(dir.resolve("mappings"));
        Files.copy(MAPPINGS.resolve("assigned.yaml"), folder.resolve("customers.yaml"));
        Files.copy(MAPPINGS.resolve("contact-persons.yaml"), folder.resolve("people.yaml"));
        mappings = Mappings.load(folder);
        customers = mappings.mapping("customers");
        customerState = state.recordState("customers");
    }

    @AfterEach
    void close() {
        state.close();
    }

    /** The customer of account A-n as mapped, ready to write. */
    private Item customer(String n) {
        Map<String, Object> row = Map.of("accountid", "g" + n, "accountnumber", "A-" + n, "name", "Customer " + n);
        MapResult.Mapped mapped = (MapResult.Mapped) customers.apply(row, Lookups.NONE);
        return Item.read("g" + n, "A-" + n, row).mapped(mapped.record(), mapped.hash());
    }

    private void written(String... numbers) {
        for (String n : numbers) {
            Item item = customer(n);
            customerState.recordWritten(List.of(new SyncedRecord(item.target().keyString(), item.hash(), "g" + n,
                    "A-" + n, item.target().key())));
        }
    }

    private static Map<String, Object> party(Object number) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("PartyNumber", number);
        return values;
    }

    private Batch plan(boolean last, Item... items) {
        Batch page = new Batch("customers", "run-1", List.of(items), Cursor.START, last);
        return new ReadBackPlan(customerState, mappings.assignedFields("customers")).apply(page);
    }

    @Test
    void aPageAsksOnlyForTheValuesTheStateDoesNotHoldAndItsLastPageCatchesUpOnOlderRecords() {
        written("1", "2", "3", "4", "5", "6", "9");
        customerState.recordAssigned(Map.of("usmf|A-1", party("P-1"), "usmf|A-2", Map.of(), "usmf|A-3", party(null),
                "usmf|A-6", Map.of()));
        Item[] page = {customer("1"), customer("2"), customer("3"), customer("4").unchanged(),
                customer("6").unchanged(), customer("7"), customer("8").failed("write", "400")};

        Batch middle = plan(false, page);
        Batch last = plan(true, page);

        assertThat(middle.readBack().wanted()).as("to be written without a value, or unchanged and never read back")
                .containsOnlyKeys("usmf|A-2", "usmf|A-3", "usmf|A-4", "usmf|A-7");
        assertThat(middle.readBack().wanted().get("usmf|A-7"))
                .containsExactly(Map.entry("dataAreaId", "usmf"), Map.entry("CustomerAccount", "A-7"));
        assertThat(last.readBack().wanted()).as("and the records of earlier runs never read back")
                .containsOnlyKeys("usmf|A-2", "usmf|A-3", "usmf|A-4", "usmf|A-7", "usmf|A-5", "usmf|A-9");
        assertThat(middle.items()).isEqualTo(List.of(page));
    }

    @Test
    void areasWhoseTargetAssignsNothingAskForNothing() {
        Batch page = new Batch("people", "run-1", List.of(customer("1")), Cursor.START, true);

        assertThat(new ReadBackPlan(state.recordState("people"), mappings.assignedFields("people")).apply(page))
                .isSameAs(page);
    }

    @Test
    void oncePageValuesAreCommittedNothingIsAskedForAgain() {
        Batch planned = plan(true, customer("1"), customer("2"));
        Batch written = planned.withItems(planned.items().stream().map(Item::written).toList())
                .withReadBack(planned.readBack().withFound(Map.of("usmf|A-1", party("P-1"), "usmf|A-2", Map.of())));

        commit("customers").apply(written);

        assertThat(customerState.assignedValues(List.of("usmf|A-1", "usmf|A-2")))
                .containsEntry("usmf|A-1", party("P-1")).containsEntry("usmf|A-2", Map.of());
        assertThat(plan(true, customer("1").unchanged(), customer("2").unchanged()).readBack())
                .as("a repeat run: known, or known not to be at the target").isEqualTo(ReadBack.NONE);
    }

    @Test
    void aLookupOfAnAssignedFieldTakesTheValueReadBackAndWaitsUntilItIsKnown() {
        written("1", "2");
        customerState.recordAssigned(Map.of("usmf|A-1", party("P-1")));
        MapStep people = new MapStep(mappings.mapping("people"), SyncedKeys.of(state), mappings::assignedFields);
        Batch contacts = new Batch("people", "run-1", List.of(contact("c1", "g1"), contact("c2", "g2"),
                contact("c3", "g3")), Cursor.START, false);

        Batch first = people.apply(contacts);

        assertThat(first.items()).extracting(Item::status)
                .containsExactly(ItemStatus.READY, ItemStatus.WAITING, ItemStatus.WAITING);
        assertThat(first.items().get(0).target().payload()).containsEntry("AssociatedPartyNumber", "P-1")
                .containsEntry("CustomerAccount", "A-1");
        assertThat(first.items().get(1).reason())
                .isEqualTo("customers record g2 (from _parentcustomerid_value) is synced but its PartyNumber is not known yet");
        assertThat(first.items().get(2).reason()).isEqualTo("customers record g3 (from _parentcustomerid_value) not synced yet");

        commit("customers").apply(new Batch("customers", "run-2", List.of(), Cursor.START, true)
                .withReadBack(ReadBack.of(Map.of()).withFound(Map.of("usmf|A-2", party("P-2")))));

        Item second = people.apply(contacts).items().get(1);
        assertThat(second.status()).isEqualTo(ItemStatus.READY);
        assertThat(second.target().payload()).containsEntry("AssociatedPartyNumber", "P-2");
    }

    private static Item contact(String id, String parent) {
        Map<String, Object> row = new HashMap<>();
        row.put("contactid", id);
        row.put("contactnumber", "CP-" + id);
        row.put("_parentcustomerid_value", parent);
        return Item.read(id, "CP-" + id, row);
    }

    private CommitStep commit(String area) {
        RunLedger ledger = new RunLedger(state.runs(), new RequestCounter());
        return new CommitStep(state.recordState(area), state.errors(), state.pending(), state.cursors(), ledger,
                new ObjectMapper(), null, null, ConflictRecorder.off(), state.held(), new SourceFingerprint("v1"));
    }
}
