package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.PendingRecords;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.RequestCounter;

/**
 * The source endpoint in change-tracking mode against a small Dataverse stand-in over real HTTP: a full read with
 * {@code Prefer: odata.track-changes} that ends in a delta link, deltas with changed and deleted rows, an expired
 * delta link (known by its code 0x80044352 whatever the status, or by 410) that restarts with a full read, another
 * refusal of the delta link that does not, and waiting records re-read by id before the normal pages.
 */
class DeltaConsumerTest {
    static final String A = "00000000-0000-4000-8000-00000000000a";
    static final String B = "00000000-0000-4000-8000-00000000000b";
    static final String C = "00000000-0000-4000-8000-00000000000c";
    static final String GONE = "00000000-0000-4000-8000-0000000000ff";

    private final RunBook book = new RunBook();
    private final List<Batch> received = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> dropped = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private CamelContext camel;

    @BeforeEach
    void start() throws IOException {
        book.spec = new ReadSpec("accounts", "accountid", "accountnumber", "modifiedon",
                List.of("accountid", "accountnumber", "modifiedon", "name"), true, null);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", ex -> respond(ex, 200, "{\"access_token\":\"t\",\"expires_in\":3600}"));
        server.createContext("/api/data/v9.2/accounts", this::accounts);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        server.stop(0);
    }

    @Test
    void theFirstRunReadsEverythingWithTrackChangesAndStoresTheDeltaLink() throws Exception {
        run(null);

        assertThat(received).extracting(b -> b.items().size()).containsExactly(2, 1);
        assertThat(received).extracting(Batch::last).containsExactly(false, true);
        assertThat(received.get(0).end()).as("the initial read is not resumable mid-way").isEqualTo(Cursor.START);
        assertThat(received.get(1).end()).as("kept relative to the service root").isEqualTo(new Cursor.DeltaLink("accounts?$deltatoken=T1"));
        assertThat(book.cursors.get("a")).isEqualTo(new Cursor.DeltaLink("accounts?$deltatoken=T1"));
        assertThat(requests.get(0)).contains("odata.track-changes").contains("odata.maxpagesize=2")
                .contains("$select=accountid,accountnumber,modifiedon,name").doesNotContain("$filter")
                .doesNotContain("$orderby");
        assertThat(requests.get(1)).contains("$skiptoken=2");
        assertThat(received.stream().flatMap(b -> b.items().stream()).map(Item::status)).containsOnly(ItemStatus.READ);
    }

    @Test
    void aLaterRunReadsTheDeltaWithChangedAndDeletedRecords() throws Exception {
        book.save("a", new Cursor.DeltaLink(deltaLink("T1")));

        run(null);

        assertThat(received).hasSize(1);
        List<Item> items = received.get(0).items();
        assertThat(items).extracting(Item::status)
                .containsExactly(ItemStatus.READ, ItemStatus.DELETED, ItemStatus.DELETED);
        assertThat(items).extracting(Item::sourceId).containsExactly(B, C, A);
        assertThat(items.get(0).source()).containsEntry("name", "B changed");
        assertThat(requests).singleElement().asString().contains("$deltatoken=T1").contains("odata.track-changes");
        assertThat(book.cursors.get("a")).isEqualTo(new Cursor.DeltaLink("accounts?$deltatoken=T2"));
    }

    /** The status Dataverse answers an expired token with is unpublished: 400 in the sandbox, 403 and 410 seen. */
    private volatile int expiredStatus = 410;
    private volatile String expiredCode = "0x80044352";

    @ParameterizedTest(name = "answered {0}")
    @ValueSource(ints = {410, 400, 403})
    void anExpiredDeltaLinkRestartsWithAFullRead(int status) throws Exception {
        expiredStatus = status;
        book.save("a", new Cursor.DeltaLink(deltaLink("EXPIRED")));

        run(null);

        assertThat(requests.get(0)).contains("$deltatoken=EXPIRED");
        assertThat(requests.get(1)).contains("$select=").doesNotContain("deltatoken");
        assertThat(received.stream().mapToInt(b -> b.items().size()).sum()).isEqualTo(3);
        assertThat(book.cursors.get("a")).isEqualTo(new Cursor.DeltaLink("accounts?$deltatoken=T1"));
        assertThat(book.aborted).isEmpty();
    }

    @Test
    void aDeltaLinkRefusedWithAnotherCodeStopsTheRunAndKeepsTheLink() throws Exception {
        expiredStatus = 400;
        expiredCode = "0x80040203";
        Cursor stored = new Cursor.DeltaLink(deltaLink("EXPIRED"));
        book.save("a", stored);

        run(null);

        assertThat(requests).as("no full read: the service did not say the token expired").hasSize(1);
        assertThat(book.aborted).hasSize(1);
        assertThat(book.cursors.get("a")).isEqualTo(stored);
    }

    @Test
    void waitingRecordsAreReReadByIdFirstWithoutMovingTheCursorAndDeletedOnesAreDropped() throws Exception {
        Cursor stored = new Cursor.DeltaLink(deltaLink("T1"));
        book.save("a", stored);

        run(new PendingRecords() {
            @Override
            public List<String> pending(String area, int limit) {
                return List.of(A, GONE);
            }

            @Override
            public void dropped(String area, Collection<String> sourceIds) {
                dropped.addAll(sourceIds);
            }
        });

        assertThat(received.get(0).items()).extracting(Item::sourceId).containsExactly(A);
        assertThat(received.get(0).end()).isEqualTo(stored);
        assertThat(received.get(0).last()).isFalse();
        assertThat(requests.get(0)).contains("$filter=accountid eq " + A + " or accountid eq " + GONE)
                .contains("$select=accountid,accountnumber,modifiedon,name");
        assertThat(dropped).containsExactly(GONE);
        assertThat(received.get(received.size() - 1).last()).isTrue();
    }

    private void run(PendingRecords pending) throws Exception {
        camel = new DefaultCamelContext();
        if (pending != null) {
            book.pending = pending;
        }
        camel.getRegistry().bind("engine", book.engine());
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        camel.addComponent("dataverse", new ODataComponent(new ServiceConfig("crm", Dialect.DATAVERSE,
                base + "/api/data/v9.2/", base + "/token", "client", "secret", null, null, null,
                WireMockServices.FAST), new RequestCounter()));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("dataverse:accounts?area=a&initialDelay=0&repeatCount=1&pageSize=2")
                        .routeId("accounts")
                        .process(exchange -> {
                            Batch batch = exchange.getIn().getBody(Batch.class);
                            if (batch.end() != null && !batch.end().isStart()) {
                                book.save(batch.area(), batch.end());
                            }
                            received.add(batch);
                        });
            }
        });
        NotifyBuilder done = new NotifyBuilder(camel).whenDone(1).create();
        camel.start();
        // a run that stops exchanges nothing: its abort ends the wait too
        boolean ended = false;
        for (int i = 0; i < 100 && !ended; i++) {
            ended = done.matches(100, TimeUnit.MILLISECONDS) || !book.aborted.isEmpty();
        }
        assertThat(ended).as("the run ended").isTrue();
        for (int i = 0; i < 500; i++) {
            if (!book.aborted.isEmpty() || (!received.isEmpty() && received.get(received.size() - 1).last())) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the run did not end; received " + received.size() + " pages");
    }

    private String deltaLink(String token) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/data/v9.2/accounts?$deltatoken=" + token;
    }

    private static String row(String id, String name) {
        return "{\"@odata.etag\":\"W/\\\"1\\\"\",\"accountid\":\"" + id + "\",\"accountnumber\":\"N-"
                + id.substring(id.length() - 1) + "\",\"modifiedon\":\"2026-01-01T00:00:00Z\",\"name\":\"" + name
                + "\"}";
    }

    private void accounts(HttpExchange ex) throws IOException {
        String query = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        requests.add(query + " Prefer: " + ex.getRequestHeaders().getFirst("Prefer"));
        String context = "\"@odata.context\":\"$metadata#accounts\",";
        if (query.contains("$deltatoken=EXPIRED")) {
            respond(ex, expiredStatus, "{\"error\":{\"code\":\"" + expiredCode + "\",\"message\":\"Version stamp"
                    + " associated with the client has expired. Please perform a full sync.\"}}");
        } else if (query.contains("$deltatoken=T1")) {
            respond(ex, 200, "{" + context + "\"value\":[" + row(B, "B changed") + ","
                    + "{\"@odata.context\":\"$metadata#accounts/$deletedEntity\",\"id\":\"" + C
                    + "\",\"reason\":\"deleted\"},"
                    + "{\"@removed\":{\"reason\":\"deleted\"},\"@id\":\"accounts(" + A + ")\"}"
                    + "],\"@odata.deltaLink\":\"" + deltaLink("T2") + "\"}");
        } else if (query.contains("$filter=")) {
            List<String> rows = new ArrayList<>();
            for (String id : List.of(A, B, C)) {
                if (query.contains(id)) {
                    rows.add(row(id, "again"));
                }
            }
            respond(ex, 200, "{" + context + "\"value\":[" + String.join(",", rows) + "]}");
        } else if (query.contains("$skiptoken=2")) {
            respond(ex, 200, "{" + context + "\"value\":[" + row(C, "c") + "],\"@odata.deltaLink\":\""
                    + deltaLink("T1") + "\"}");
        } else {
            String next = "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/api/data/v9.2/accounts?$select=accountid&$skiptoken=2";
            respond(ex, 200, "{" + context + "\"value\":[" + row(A, "a") + "," + row(B, "b")
                    + "],\"@odata.nextLink\":\"" + next + "\"}");
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
