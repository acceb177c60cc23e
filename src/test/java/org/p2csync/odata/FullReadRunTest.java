package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.PendingRecords;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.RequestCounter;

/**
 * The engine's full read over the connector and a small service over real HTTP: every page of the set by id order,
 * no cursor, and after a complete read the records written earlier that it did not return read again by id: those
 * still there (a page boundary moved past them) handed on as read, those gone as deleted; nothing of the kind when
 * the area ignores deletes or when the read did not complete.
 */
class FullReadRunTest {
    private static final ReadSpec NO_TIMESTAMP = new ReadSpec("accounts", "accountid", "accountnumber", null,
            List.of("accountid", "accountnumber", "name"));

    private final RunBook book = new RunBook();
    private final List<String> ids = FakeODataService.guids(6);
    private final String gone = FakeODataService.guids(7).get(6);
    private FakeODataService service;

    @AfterEach
    void stop() {
        service.close();
    }

    private List<Batch> run(boolean actsOnDeletes) throws Exception {
        service = new FakeODataService(ids, Set.of(), Map.of());
        service.skippedByPaging = Set.of(ids.get(3));
        book.spec = NO_TIMESTAMP;
        book.actsOnDeletes = actsOnDeletes;
        ids.forEach(id -> book.written.put(id, "N-" + id.substring(34)));
        book.written.put(gone, "N-07");
        return book.run(source());
    }

    private ODataSource source() {
        return new ODataSource(new ODataClient(service.config(Dialect.DATAVERSE), new RequestCounter()), "a",
                NO_TIMESTAMP, 2, false, Duration.ZERO);
    }

    @Test
    void aCompleteReadConfirmsWhatItDidNotReturnAndHandsOnOnlyWhatIsGone() throws Exception {
        List<Batch> batches = run(true);

        assertThat(service.readQueries.get(0)).contains("$orderby=accountid asc").doesNotContain("$filter");
        assertThat(batches.subList(0, 3)).flatExtracting(Batch::items).extracting(Item::sourceId)
                .containsExactly(ids.get(0), ids.get(1), ids.get(2), ids.get(4), ids.get(5));
        assertThat(batches).extracting(Batch::end).containsOnly(Cursor.START);
        assertThat(batches).extracting(Batch::last).containsExactly(false, false, false, true);
        Batch confirmed = batches.get(3);
        assertThat(confirmed.items()).extracting(Item::sourceId, Item::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ids.get(3), ItemStatus.READ),
                org.assertj.core.groups.Tuple.tuple(gone, ItemStatus.DELETED));
        assertThat(confirmed.items().get(1).sourceKey()).as("the key the record state knows").isEqualTo("N-07");
        assertThat(service.readQueries).hasSize(4);
        assertThat(service.readQueries.get(3)).contains("$filter=accountid eq " + ids.get(3) + " or accountid eq "
                + gone);
        assertThat(book.cursors).as("a full read stores no cursor").isEmpty();
    }

    @Test
    void anAreaThatIgnoresDeletesSpendsNoRequestOnThem() throws Exception {
        List<Batch> batches = run(false);

        assertThat(batches).hasSize(3);
        assertThat(batches.get(2).last()).isTrue();
        assertThat(batches).flatExtracting(Batch::items).extracting(Item::status).containsOnly(ItemStatus.READ);
        assertThat(service.readQueries).hasSize(3).noneMatch(q -> q.contains("$filter"));
    }

    @Test
    void anIncompleteReadHandsOnNoDelete() throws Exception {
        service = new FakeODataService(ids, Set.of(), Map.of());
        book.spec = NO_TIMESTAMP;
        book.actsOnDeletes = true;
        book.written.put(gone, "N-07");
        List<Batch> received = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> book.engine().run("a", spec -> source(), batch -> {
            received.add(batch);
            if (received.size() == 2) {
                throw new IllegalStateException("target down");
            }
        })).hasMessage("target down");

        assertThat(book.aborted).containsOnlyKeys("a-1");
        assertThat(received).flatExtracting(Batch::items).extracting(Item::status).containsOnly(ItemStatus.READ);
        assertThat(service.readQueries).hasSize(2).noneMatch(q -> q.contains("$filter"));
    }

    @Test
    void waitingRecordsAreReadWithTheRestAndThoseACompleteReadDidNotReturnStopWaiting() throws Exception {
        List<String> dropped = new ArrayList<>();
        book.pending = new PendingRecords() {
            @Override
            public List<String> pending(String area, int limit) {
                return List.of(ids.get(1).toUpperCase(), gone);
            }

            @Override
            public void dropped(String area, Collection<String> sourceIds) {
                dropped.addAll(sourceIds);
            }
        };

        run(false);

        assertThat(service.readQueries.get(0)).as("no re-read by id before the pages").doesNotContain("$filter");
        assertThat(dropped).as("ids compare without case").containsExactly(gone);
    }
}
