package org.p2csync.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.mapping.Mapping;
import org.p2csync.mapping.Mappings;
import org.p2csync.state.ErrorRow;
import org.p2csync.state.PendingRecord;
import org.p2csync.state.RunRecord;
import org.p2csync.state.StateStore;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.RunCounts;

/**
 * The stages of an area read in full (the shipped products mapping: SellableReleasedProducts has no timestamp) on a
 * real H2 state store: a record that failed and is read again as it was is still failing, neither mapped, written nor
 * failed anew, its error open; a changed row, a changed mapping or a retry maps it again, and a write the target
 * answered with a transient status is tried again anyway.
 */
class StillFailingStepsTest {
    private static final String AREA = "products";

    @TempDir
    Path dir;

    StateStore state;
    RunLedger ledger;
    final Mapping products = Mappings.load(Path.of("mappings")).mapping(AREA);

    @BeforeEach
    void open() {
        state = StateStore.open(StateStore.h2(dir));
        ledger = new RunLedger(state.runs(), new RequestCounter());
    }

    @AfterEach
    void close() {
        state.close();
    }

    @Test
    void theShippedProductsAreaIsReadInFull() {
        assertThat(ReadStrategy.kindOf(products.readSpec())).isEqualTo(ReadStrategy.Kind.FULL_READ);
    }

    @Test
    void aRecordReadAsItFailedIsStillFailingNotFailedAgainAndItsErrorStaysOpen() {
        Batch first = run(products.version(), accept(), product("GBP-1", "GBP"), product("USD-1", "USD"));
        assertThat(first.items()).extracting(Item::status).containsExactly(ItemStatus.FAILED, ItemStatus.WRITTEN);
        ErrorRow error = state.errors().open(AREA, 10).get(0);
        assertThat(error.sourceFingerprint()).hasSize(64);

        Batch second = run(products.version(), accept(), product("GBP-1", "GBP"), product("USD-1", "USD"));

        assertThat(second.items()).extracting(Item::status)
                .containsExactly(ItemStatus.STILL_FAILING, ItemStatus.UNCHANGED);
        assertThat(second.items().get(0).target()).as("not mapped").isNull();
        RunRecord run = state.runs().recent(AREA, 1).get(0);
        assertThat(run.counts()).as("among the unchanged, and counted as still failing")
                .isEqualTo(new RunCounts(2, 0, 2, 0, 0, 0, 0, 0, 1));
        assertThat(run.outcome()).isEqualTo("Completed");
        assertThat(state.errors().open(AREA, 10)).as("the same error, still open").containsExactly(error);
    }

    @Test
    void aChangedRowOrAChangedMappingIsMappedAgain() {
        run(products.version(), accept(), product("GBP-1", "GBP"));

        Map<String, Object> renamed = product("GBP-1", "GBP");
        renamed.put("ProductName", "renamed");
        assertThat(run(products.version(), accept(), renamed).items().get(0).status()).isEqualTo(ItemStatus.FAILED);
        assertThat(run(products.version(), accept(), renamed).items().get(0).status())
                .isEqualTo(ItemStatus.STILL_FAILING);

        assertThat(run("another mapping version", accept(), renamed).items().get(0).status())
                .as("an edited mapping may map it now").isEqualTo(ItemStatus.FAILED);

        Batch fixed = run(products.version(), accept(), product("GBP-1", "USD"));
        assertThat(fixed.items().get(0).status()).isEqualTo(ItemStatus.WRITTEN);
        assertThat(state.errors().countOpen(AREA)).isZero();
    }

    @Test
    void aRecordThatWaitsIsMappedWhateverItsRowAsRetryWants() {
        run(products.version(), accept(), product("GBP-1", "GBP"));
        long errorsBefore = state.errors().countOpen(AREA);

        state.failedRecordRetry().schedule(AREA);
        Batch retried = run(products.version(), accept(), product("GBP-1", "GBP"));
        assertThat(retried.items().get(0).status()).isEqualTo(ItemStatus.FAILED);
        assertThat(state.pending().count(AREA)).as("tried: no longer waiting").isZero();
        assertThat(state.errors().countOpen(AREA)).isEqualTo(errorsBefore);

        // the record waits with its error open (a crash inside retry): it is mapped, and its wait ends
        state.pending().waiting(List.of(PendingRecord.waiting(AREA, id("GBP-1"), "GBP-1", "retry")));
        assertThat(run(products.version(), accept(), product("GBP-1", "GBP")).items().get(0).status())
                .isEqualTo(ItemStatus.FAILED);
        assertThat(run(products.version(), accept(), product("GBP-1", "GBP")).items().get(0).status())
                .isEqualTo(ItemStatus.STILL_FAILING);
    }

    @Test
    void aWriteTheTargetRefusedIsStillFailingButATransientOneIsTriedAgain() {
        run(products.version(), refuse("USD-1", false), product("USD-1", "USD"));
        assertThat(run(products.version(), accept(), product("USD-1", "USD")).items().get(0).status())
                .isEqualTo(ItemStatus.STILL_FAILING);

        run(products.version(), refuse("USD-2", true), product("USD-2", "USD"));
        assertThat(state.errors().open(AREA, 10)).filteredOn(e -> e.recordKey().equals("USD-2")).singleElement()
                .satisfies(e -> assertThat(e.sourceFingerprint()).isNull());
        Batch again = run(products.version(), accept(), product("USD-2", "USD"));
        assertThat(again.items().get(0).status()).as("a 503 through every retry may pass by itself")
                .isEqualTo(ItemStatus.WRITTEN);
    }

    @Test
    void aFingerprintCoversTheLinesAndTheMappingAndNeedsARowReadWhole() {
        SourceFingerprint fingerprints = new SourceFingerprint("v1");
        Map<String, Object> header = new LinkedHashMap<>(Map.of("id", "o-1", "name", "Order"));
        header.put(ReadSpec.LinesSpec.ROWS, List.of(Map.of("line", 1, "qty", 2)));
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put(ReadSpec.LinesSpec.ROWS, List.of(Map.of("qty", 2, "line", 1)));
        reordered.put("name", "Order");
        reordered.put("id", "o-1");
        Map<String, Object> lineChanged = new LinkedHashMap<>(header);
        lineChanged.put(ReadSpec.LinesSpec.ROWS, List.of(Map.of("line", 1, "qty", 3)));
        Map<String, Object> unread = new LinkedHashMap<>(Map.of("id", "o-1", "name", "Order"));
        unread.put(ReadSpec.LinesSpec.UNREAD, "the lines were not all read");

        assertThat(fingerprints.of(header)).as("field order does not count").isEqualTo(fingerprints.of(reordered));
        assertThat(fingerprints.of(lineChanged)).isNotEqualTo(fingerprints.of(header));
        assertThat(new SourceFingerprint("v2").of(header)).isNotEqualTo(fingerprints.of(header));
        assertThat(fingerprints.of(unread)).as("lines not all read: no fingerprint, tried again").isNull();
        assertThat(fingerprints.ofFailure(Item.read("x", "X", header).failed("read", "malformed"))).isNull();
    }

    /** One page through the stages of a full read, a target that answers as {@code target} says, and commit. */
    @SafeVarargs
    private Batch run(String mappingVersion, UnaryOperator<Item> target, Map<String, Object>... rows) {
        List<Item> items = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            items.add(Item.read(id((String) row.get("ProductNumber")), (String) row.get("ProductNumber"), row));
        }
        String runId = ledger.begin(AREA);
        SourceFingerprint fingerprints = new SourceFingerprint(mappingVersion);
        Batch mapped = new StillFailingStep(state.errors(), fingerprints)
                .andThen(new MapStep(products, SyncedKeys.of(state)))
                .apply(new Batch(AREA, runId, items, Cursor.START, true));
        Batch skipped = new SkipUnchangedStep(state.recordState(AREA), products.sourceLinesTarget()).apply(mapped);
        Batch written = skipped.mapItems(i -> i.status() == ItemStatus.READY ? target.apply(i) : i);
        return new CommitStep(state.recordState(AREA), state.errors(), state.pending(), state.cursors(), ledger,
                new ObjectMapper(), products.target().id(), products.sourceLinesTarget(), ConflictRecorder.off(),
                state.held(), fingerprints).apply(written);
    }

    private static UnaryOperator<Item> accept() {
        return Item::written;
    }

    /** A target that refuses one product: for good (400), or with a status that stayed transient (503). */
    private static UnaryOperator<Item> refuse(String number, boolean transiently) {
        return i -> !number.equals(i.sourceKey()) ? i.written()
                : transiently ? i.failedTransiently("write", "503 Service Unavailable")
                : i.failed("write", "400 the target refused it");
    }

    private static String id(String number) {
        return "[\"usmf\",\"" + number + "\"]";
    }

    private static Map<String, Object> product(String number, String currency) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("dataAreaId", "usmf");
        row.put("ProductNumber", number);
        row.put("ProductName", "Product " + number);
        row.put("ProductDescription", null);
        row.put("SalesUnitSymbol", "ea");
        row.put("SalesPrice", 10);
        row.put("UnitCost", 4);
        row.put("CurrencyCode", currency);
        row.put("ProductType", "Item");
        row.put("SalesUnitDecimalPrecision", 2);
        return row;
    }
}
