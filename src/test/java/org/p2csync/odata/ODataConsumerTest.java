package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.RequestCounter;

class ODataConsumerTest {
    private final RunBook book = new RunBook();
    private final List<Batch> received = new CopyOnWriteArrayList<>();
    private FakeODataService service;
    private CamelContext camel;

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void onePollReadsEveryPageByFollowingTheNextLinksAndMarksTheLast() throws Exception {
        List<String> ids = FakeODataService.guids(5);
        run(ids, Set.of(), "pageSize=2", commitCursor());

        assertThat(received).extracting(b -> b.items().size()).containsExactly(2, 2, 1);
        assertThat(received).extracting(Batch::last).containsExactly(false, false, true);
        assertThat(received).extracting(Batch::runId).containsOnly("a-1");
        assertThat(received.stream().flatMap(b -> b.items().stream()).map(Item::sourceId)).containsExactlyElementsOf(ids);
        assertThat(received.get(0).items().get(0).sourceKey()).isEqualTo("N-01");
        assertThat(received.get(0).items().get(0).source()).containsEntry("name", "ok").doesNotContainKey("@odata.etag");
        assertThat(received.get(2).end()).isEqualTo(new Cursor.Watermark(FakeODataService.MODIFIED));
        assertThat(service.readQueries.get(0)).doesNotContain("$filter").doesNotContain("$skiptoken")
                .contains("$orderby=modifiedon asc,accountid asc");
        assertThat(service.readQueries.subList(1, 3)).as("within the run, the service's nextLinks as given")
                .containsExactly(service.readQueries.get(0) + "&$skiptoken=" + ids.get(1),
                        service.readQueries.get(0) + "&$skiptoken=" + ids.get(3));
        assertThat(book.aborted).isEmpty();
    }

    @Test
    void aRunStartsAtTheStoredWatermarkAndReadsItsSecondAgain() throws Exception {
        List<String> ids = FakeODataService.guids(3);
        book.save("a", new Cursor.Watermark(FakeODataService.MODIFIED));
        run(ids, Set.of(), "pageSize=10", commitCursor());

        assertThat(received).hasSize(1);
        assertThat(received.get(0).items()).as("rows of second W: some may have been written after the last read")
                .extracting(Item::sourceId).containsExactlyElementsOf(ids);
        assertThat(service.readQueries).singleElement().asString()
                .contains("$filter=modifiedon ge 2024-05-01T10:00:00Z&")
                .contains("$orderby=modifiedon asc,accountid asc").doesNotContain("accountid gt");
    }

    @Test
    void aRunWithNothingNewStillEmitsOneEmptyLastBatch() throws Exception {
        List<String> ids = FakeODataService.guids(2);
        Cursor later = new Cursor.Watermark("2024-05-01T10:00:01Z");
        book.save("a", later);
        run(ids, Set.of(), "pageSize=10", commitCursor());

        assertThat(received).singleElement().satisfies(b -> {
            assertThat(b.items()).isEmpty();
            assertThat(b.last()).isTrue();
            assertThat(b.end()).as("kept: no row read says otherwise").isEqualTo(later);
        });
    }

    @Test
    void aFailingRouteStopsAndAbortsTheRunAtTheLastGoodPage() throws Exception {
        List<String> ids = FakeODataService.guids(6);
        Processor failOnSecondPage = exchange -> {
            Batch batch = exchange.getMessage().getBody(Batch.class);
            if (!received.isEmpty()) {
                received.add(batch);
                throw new IllegalStateException("target down");
            }
            book.save(batch.area(), batch.end());
            received.add(batch);
        };
        run(ids, Set.of(), "pageSize=2", failOnSecondPage);

        assertThat(received).hasSize(2);
        assertThat(service.readQueries).hasSize(2);
        assertThat(book.aborted).containsOnlyKeys("a-1");
        assertThat(book.aborted.get("a-1")).hasMessage("target down");
        assertThat(book.cursors.get("a")).isEqualTo(new Cursor.Watermark(FakeODataService.MODIFIED));
    }

    @Test
    void aRecordThatStaysMalformedIsIsolatedAndTheRestIsDelivered() throws Exception {
        List<String> ids = FakeODataService.guids(7);
        String bad = ids.get(4);
        run(ids, Set.of(bad), "pageSize=4", commitCursor());

        List<Item> items = received.stream().flatMap(b -> b.items().stream()).toList();
        assertThat(items).extracting(Item::sourceId).containsExactlyElementsOf(ids);
        Item failed = items.get(4);
        assertThat(failed.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(failed.stage()).isEqualTo("read");
        assertThat(failed.sourceKey()).isEqualTo("N-05");
        assertThat(failed.reason()).startsWith("malformed JSON from the source: ");
        assertThat(items).filteredOn(i -> i != failed).extracting(Item::status).containsOnly(ItemStatus.READ);
        assertThat(received.get(received.size() - 1).last()).isTrue();
        assertThat(received.stream().filter(b -> b.items().contains(failed))).singleElement()
                .satisfies(b -> assertThat(b.items()).hasSize(1));
        // after the isolation the area goes on at full page size
        assertThat(service.readQueries.get(service.readQueries.size() - 1)).doesNotContain("$select=accountid,accountnumber,modifiedon&");
        assertThat(book.aborted).isEmpty();
        assertThat(book.cursors.get("a")).isEqualTo(new Cursor.Watermark(FakeODataService.MODIFIED));
    }

    @Test
    void anUnknownAreaAbortsNothingAndNamesTheArea() throws Exception {
        service = new FakeODataService(FakeODataService.guids(1), Set.of(), Map.of());
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("book", book);
        camel.addComponent("dataverse", new ODataComponent(service.config(Dialect.DATAVERSE), new RequestCounter()));

        assertThatThrownBy(() -> camel.getEndpoint("dataverse:accounts"))
                .hasStackTraceContaining("needs the option area");
    }

    private Processor commitCursor() {
        return exchange -> {
            Batch batch = exchange.getMessage().getBody(Batch.class);
            // saved before it is seen, so a test that sees the last page also sees its cursor
            book.save(batch.area(), batch.end());
            received.add(batch);
        };
    }

    private void run(List<String> ids, Set<String> broken, String options, Processor processor) throws Exception {
        service = new FakeODataService(ids, broken, Map.of());
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("engine", book.engine());
        camel.addComponent("dataverse", new ODataComponent(service.config(Dialect.DATAVERSE), new RequestCounter()));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dataverse:accounts?area=a&initialDelay=0&repeatCount=1&" + options)
                        .routeId("accounts")
                        .process(processor);
            }
        });
        NotifyBuilder done = new NotifyBuilder(camel).whenDone(1).create();
        camel.start();
        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        // the poll that emitted the first page is still running; wait for its run to end
        awaitRunEnd();
    }

    private void awaitRunEnd() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (!book.aborted.isEmpty() || (!received.isEmpty() && received.get(received.size() - 1).last())) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the run did not end; received " + received.size() + " pages");
    }
}
