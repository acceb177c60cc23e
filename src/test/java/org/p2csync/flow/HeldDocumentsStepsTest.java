package org.p2csync.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.mapping.Mapping;
import org.p2csync.mapping.MappingLoader;
import org.p2csync.state.ErrorRow;
import org.p2csync.state.HeldRecord;
import org.p2csync.state.RunRecord;
import org.p2csync.state.StateStore;
import org.p2csync.state.SyncedRecord;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.RunCounts;

/**
 * The map, skip-unchanged and commit stages around held documents, on a real H2 state store: held is its own outcome,
 * counted and listed, never hashed, and a document leaves the held list on any other outcome.
 */
class HeldDocumentsStepsTest {
    @TempDir
    Path dir;

    StateStore state;
    RunLedger ledger;
    final Mapping quotes = new MappingLoader().load(Path.of("src/test/resources/mappings/quotes-doc.yaml"));

    @BeforeEach
    void open() {
        state = StateStore.open(StateStore.h2(dir));
        ledger = new RunLedger(state.runs(), new RequestCounter());
        List<SyncedRecord> synced = new ArrayList<>();
        synced.add(new SyncedRecord("usmf|C-1", "h", "acc-1", "C-1", Map.of("dataAreaId", "usmf",
                "CustomerAccount", "C-1")));
        state.recordState("accounts").recordWritten(synced);
        List<SyncedRecord> products = new ArrayList<>();
        for (String p : List.of("p-1", "p-2")) {
            products.add(new SyncedRecord(p.toUpperCase(), "h", p, p.toUpperCase(), Map.of("productnumber",
                    p.toUpperCase())));
        }
        state.recordState("products").recordWritten(products);
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void aHeldDocumentIsCountedAndListedWithItsReasonButNeverHashedOrWritten() {
        String runId = ledger.begin("quotes");
        Batch page = run(runId, true, quote("q1", "QUO-1", line(1, "p-1"), line(2, null)),
                quote("q2", "QUO-2", line(1, "p-1"), line(2, "p-2")),
                quote("q3", "QUO-3", line(1, "p-missing")));

        assertThat(page.items()).extracting(Item::status)
                .containsExactly(ItemStatus.HELD, ItemStatus.WRITTEN, ItemStatus.WAITING);
        assertThat(page.items().get(0).target()).as("nothing to write").isNull();
        assertThat(state.held().list("quotes", 10)).singleElement().satisfies(h -> {
            assertThat(h.sourceId()).isEqualTo("q1");
            assertThat(h.recordKey()).isEqualTo("QUO-1");
            assertThat(h.reason()).isEqualTo("line 2 (sequencenumber 2) has no _productid_value");
            assertThat(h.runId()).isEqualTo(runId);
            assertThat(h.since()).isNotNull();
        });
        assertThat(state.recordState("quotes").hash("usmf|QUO-1")).as("a held document gets no hash").isEmpty();
        assertThat(state.recordState("quotes").hash("usmf|QUO-2")).isPresent();
        assertThat(state.pending().pending("quotes", 10)).containsExactly("q3");
        RunRecord recorded = state.runs().recent("quotes", 1).get(0);
        assertThat(recorded.counts()).isEqualTo(new RunCounts(3, 0, 0, 1, 0, 1, 0, 1));
        assertThat(recorded.outcome()).as("held is a business rule, not a failure").isEqualTo("Completed");
    }

    @Test
    void onceItsWriteInLineNamesAProductTheDocumentIsWrittenWithEveryLineAndLeavesTheHeldList() {
        run(ledger.begin("quotes"), true, quote("q1", "QUO-1", line(1, "p-1"), line(2, null)));
        assertThat(state.held().count("quotes")).isEqualTo(1);

        Batch next = run(ledger.begin("quotes"), true, quote("q1", "QUO-1", line(1, "p-1"), line(2, "p-2")));

        assertThat(next.items().get(0).status()).isEqualTo(ItemStatus.WRITTEN);
        assertThat(next.items().get(0).target().lines()).hasSize(2);
        assertThat(state.held().count("quotes")).isZero();
        assertThat(state.recordState("quotes").hash("usmf|QUO-1")).contains(next.items().get(0).hash());
    }

    @Test
    void aDocumentWrittenBeforeThenHeldKeepsItsRecordStateSoAnUnchangedReturnIsNotWrittenAgain() {
        Batch written = run(ledger.begin("quotes"), true, quote("q1", "QUO-1", line(1, "p-1")));
        String hash = written.items().get(0).hash();

        run(ledger.begin("quotes"), true, quote("q1", "QUO-1", line(1, "p-1"), line(2, null)));
        assertThat(state.held().count("quotes")).isEqualTo(1);
        assertThat(state.recordState("quotes").hash("usmf|QUO-1")).as("what the target still holds").contains(hash);

        Batch back = run(ledger.begin("quotes"), true, quote("q1", "QUO-1", line(1, "p-1")));
        assertThat(back.items().get(0).status()).isEqualTo(ItemStatus.UNCHANGED);
        assertThat(state.held().count("quotes")).isZero();
    }

    @Test
    void holdingEndsAWaitAndAnOpenErrorAndWaitingOrFilteringEndsAHold() {
        state.errors().recordAll(List.of(ErrorRow.of("old", "quotes", "QUO-1", "map", "failed before", null)
                .withSourceId("q1")));
        run(ledger.begin("quotes"), true, quote("q1", "QUO-1", line(1, "p-missing")));
        assertThat(state.pending().pending("quotes", 10)).containsExactly("q1");

        run(ledger.begin("quotes"), true, quote("q1", "QUO-1", line(1, "p-missing"), line(2, null)));
        assertThat(state.pending().count("quotes")).isZero();
        assertThat(state.errors().countOpen("quotes")).as("not to be written at all now").isZero();
        assertThat(state.held().list("quotes", 10)).extracting(HeldRecord::sourceId).containsExactly("q1");

        run(ledger.begin("quotes"), true, quote("q1", "QUO-1", line(1, "p-missing")));
        assertThat(state.held().count("quotes")).isZero();
        assertThat(state.pending().count("quotes")).isEqualTo(1);

        run(ledger.begin("quotes"), true, quote("q1", "QUO-1", line(1, null)));
        assertThat(state.held().count("quotes")).isEqualTo(1);
        Map<String, Object> draft = quote("q1", "QUO-1", line(1, null));
        draft.put("statecode", 0);
        run(ledger.begin("quotes"), true, draft);
        assertThat(state.held().count("quotes")).as("a draft is filtered: no longer held").isZero();
    }

    /** One page through map, skip-unchanged, a target that accepts every write, and commit. */
    @SafeVarargs
    private Batch run(String runId, boolean last, Map<String, Object>... rows) {
        List<Item> items = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            items.add(Item.read((String) row.get("quoteid"), (String) row.get("quotenumber"), row));
        }
        Batch mapped = new MapStep(quotes, SyncedKeys.of(state)).apply(
                new Batch("quotes", runId, items, Cursor.START, last));
        Batch skipped = new SkipUnchangedStep(state.recordState("quotes"), quotes.sourceLinesTarget()).apply(mapped);
        Batch written = skipped.mapItems(i -> i.status() == ItemStatus.READY ? i.written() : i);
        return new CommitStep(state.recordState("quotes"), state.errors(), state.pending(), state.cursors(), ledger,
                new ObjectMapper(), null, quotes.sourceLinesTarget(), ConflictRecorder.off(), state.held(),
                new SourceFingerprint(quotes.version()))
                .apply(written);
    }

    @SafeVarargs
    private static Map<String, Object> quote(String id, String number, Map<String, Object>... lines) {
        Map<String, Object> row = new HashMap<>();
        row.put("quoteid", id);
        row.put("quotenumber", number);
        row.put("statecode", 1);
        row.put("_customerid_value", "acc-1");
        List<Map<String, Object>> attached = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            Map<String, Object> own = new HashMap<>(line);
            own.put("_quoteid_value", id);
            own.put("quotedetailid", id + "-" + own.get("sequencenumber"));
            attached.add(own);
        }
        row.put("@lines", attached);
        return row;
    }

    private static Map<String, Object> line(int sequence, String product) {
        Map<String, Object> line = new HashMap<>();
        line.put("sequencenumber", sequence);
        line.put("_productid_value", product);
        line.put("quantity", BigDecimal.ONE);
        line.put("priceperunit", new BigDecimal("10"));
        return line;
    }
}
