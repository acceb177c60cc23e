package org.p2csync.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.mapping.Mapping;
import org.p2csync.mapping.MappingLoader;
import org.p2csync.state.StateStore;
import org.p2csync.state.SyncedRecord;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.RequestCounter;

/** The map and commit stages around record identity, on a real H2 state store. */
class RecordIdentityStepsTest {
    @TempDir
    Path dir;

    StateStore state;
    final Mapping quotes = new MappingLoader().load(Path.of("src/test/resources/flow/quotes.yaml"));
    final List<String> queries = new ArrayList<>();

    @BeforeEach
    void open() {
        state = StateStore.open(StateStore.h2(dir));
    }

    @AfterEach
    void close() {
        state.close();
    }

    /** The real state lookups, with each query noted. */
    SyncedKeys counted() {
        SyncedKeys real = SyncedKeys.of(state);
        return (area, refs) -> {
            queries.add(area + " " + refs.size());
            return real.targetKeysBySource(area, refs);
        };
    }

    @Test
    void aPageIsMappedWithOneLookupQueryPerReferencedArea() {
        writeAccounts("a", 30);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(quote("q" + i, "QUO-" + i, "a" + i, i % 2 == 0 ? "a" + (i + 1) : null, null));
        }

        Batch mapped = new MapStep(quotes, counted()).apply(page(items));

        assertThat(queries).as("both accounts lookups in one query; no contact referenced, no query")
                .containsExactly("accounts 40");
        assertThat(mapped.count(ItemStatus.READY)).isEqualTo(30);
        assertThat(mapped.count(ItemStatus.WAITING)).as("customers a30..a39 are not synced").isEqualTo(10);
        Item ready = mapped.items().get(0);
        assertThat(ready.target().payload())
                .containsEntry("RequestingCustomerAccountNumber", "A-0")
                .containsEntry("InvoiceCustomerAccountNumber", "A-1")
                .containsEntry("ContactPersonId", null);
        assertThat(mapped.items().get(35).reason()).isEqualTo("accounts record a35 (from _customerid_value) not synced yet");
    }

    @Test
    void referencesResolveByNaturalKeyToo() {
        writeAccounts("a", 1);

        Batch mapped = new MapStep(quotes, counted()).apply(page(List.of(quote("q", "QUO", "A-0", null, null))));

        assertThat(mapped.items().get(0).target().payload()).containsEntry("RequestingCustomerAccountNumber", "A-0");
    }

    @Test
    void commitKeepsIdentityOfWrittenRecordsAndMovesWaitingOnesToPendingAndBack() {
        CommitStep commit = commit();
        MapStep map = new MapStep(quotes, counted());
        Batch first = map.apply(page(List.of(quote("q1", "QUO-1", "a0", null, null))));
        assertThat(first.items().get(0).status()).isEqualTo(ItemStatus.WAITING);
        commit.apply(first);
        assertThat(state.pending().list("quotes", 10)).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("accounts record a0"));

        writeAccounts("a", 1);
        Batch second = map.apply(page(List.of(quote("q1", "QUO-1", "a0", null, null))));
        commit.apply(second.mapItems(i -> i.status() == ItemStatus.READY ? i.written() : i));

        assertThat(state.pending().count("quotes")).isZero();
        assertThat(state.recordState("quotes").targetKeysBySource(List.of("q1", "QUO-1")))
                .containsOnlyKeys("q1", "QUO-1")
                .allSatisfy((ref, key) -> assertThat(key).containsExactly(
                        Map.entry("dataAreaId", "usmf"), Map.entry("SalesQuotationNumber", "QUO-1")));
    }

    @Test
    void unchangedRecordsWrittenBeforeIdentityExistedGetItOnTheirNextRun() {
        writeAccounts("a", 1);
        Batch mapped = new MapStep(quotes, counted()).apply(page(List.of(quote("q1", "QUO-1", "a0", null, null))));
        Item item = mapped.items().get(0);
        state.recordState("quotes").record(Map.of(item.target().keyString(), item.hash())); // as an older version did

        commit().apply(new SkipUnchangedStep(state.recordState("quotes"), null).apply(mapped));

        assertThat(state.recordState("quotes").targetKeysBySource(List.of("q1"))).containsOnlyKeys("q1");
    }

    private CommitStep commit() {
        RunLedger ledger = new RunLedger(state.runs(), new RequestCounter());
        return new CommitStep(state.recordState("quotes"), state.errors(), state.pending(), state.cursors(), ledger,
                new ObjectMapper(), null, null, ConflictRecorder.off(), state.held(), new SourceFingerprint("v1"));
    }

    private void writeAccounts(String idPrefix, int n) {
        List<SyncedRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("dataAreaId", "usmf");
            key.put("CustomerAccount", "A-" + i);
            records.add(new SyncedRecord("usmf|A-" + i, "h" + i, idPrefix + i, "A-" + i, key));
        }
        state.recordState("accounts").recordWritten(records);
    }

    private static Item quote(String id, String number, String customer, String billTo, String contact) {
        Map<String, Object> row = new HashMap<>();
        row.put("quoteid", id);
        row.put("quotenumber", number);
        row.put("_customerid_value", customer);
        row.put("_billtoid_value", billTo);
        row.put("_contactid_value", contact);
        return Item.read(id, number, row);
    }

    private static Batch page(Collection<Item> items) {
        return new Batch("quotes", "run-1", List.copyOf(items), Cursor.START, false);
    }
}
