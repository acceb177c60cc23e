package org.p2csync.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.state.StateStore;
import org.p2csync.state.SyncedRecord;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.TargetRecord;

/**
 * The skip-unchanged step tells the target side which records p2c-sync never wrote (no record state), on a real H2
 * state store: those upserts may go as creates at once. Records written before, update-only and delete writes, and
 * records that several source records write (target.shared) are never marked.
 */
class NeverWrittenMarkTest {
    @TempDir
    Path dir;

    StateStore state;

    @BeforeEach
    void open() {
        state = StateStore.open(StateStore.h2(dir));
        state.recordState("orders").recordWritten(List.of(
                new SyncedRecord("usmf|KNOWN", "h-known", "s-known", "KNOWN", key("KNOWN")),
                new SyncedRecord("usmf|SAME", "h-same", "s-same", "SAME", key("SAME"))));
    }

    @AfterEach
    void close() {
        state.close();
    }

    /** In key order: the record state is kept under the key's values in that order. */
    private static Map<String, Object> key(String number) {
        Map<String, Object> key = new java.util.LinkedHashMap<>();
        key.put("dataAreaId", "usmf");
        key.put("SalesOrderNumber", number);
        return key;
    }

    private static Item ready(String number, TargetRecord.Operation operation, String recordKey, String hash) {
        TargetRecord line = new TargetRecord("CDSSalesOrderLines", Map.of("SalesOrderNumber", number,
                "LineCreationSequenceNumber", 1), Map.of("ProductNumber", "D1000"), List.of(),
                TargetRecord.Operation.UPSERT);
        TargetRecord record = new TargetRecord(null, key(number), key(number), List.of(line), operation, recordKey,
                false);
        return Item.read("s-" + number, number, Map.of()).mapped(record, hash);
    }

    @Test
    void onlyUpsertsWithoutRecordStateAreMarkedNeverWritten() {
        Batch page = new Batch("orders", "run", List.of(
                ready("NEW", TargetRecord.Operation.UPSERT, null, "h1"),
                ready("KNOWN", TargetRecord.Operation.UPSERT, null, "h-changed"),
                ready("SAME", TargetRecord.Operation.UPSERT, null, "h-same"),
                ready("UPDATE-ONLY", TargetRecord.Operation.UPDATE, null, "h2"),
                ready("GONE", TargetRecord.Operation.DELETE, null, "h3"),
                ready("SHARED", TargetRecord.Operation.UPSERT, "s-SHARED", "h4")), Cursor.START, true);

        Batch marked = new SkipUnchangedStep(state.recordState("orders"), "CDSSalesOrderLines").apply(page);

        assertThat(marked.items()).extracting(Item::status).containsExactly(ItemStatus.READY, ItemStatus.READY,
                ItemStatus.UNCHANGED, ItemStatus.READY, ItemStatus.READY, ItemStatus.READY);
        assertThat(marked.items()).extracting(i -> i.target().neverWritten())
                .containsExactly(true, false, false, false, false, false);
        Item created = marked.items().get(0);
        assertThat(created.target().lines()).as("a new document keeps its lines").hasSize(1);
        assertThat(created.hash()).isEqualTo("h1");
    }
}
