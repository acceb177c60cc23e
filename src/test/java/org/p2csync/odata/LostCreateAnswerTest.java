package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.TargetRecord;

/**
 * F&amp;O creates by POST, which is not idempotent: when the connection drops after the service applied a $batch of
 * creates, the $batch is sent again and the sandbox (as F&amp;O) refuses those creates as duplicate keys. The records
 * are there as written, so the write succeeds, once; a create refused for what it carries still fails in the
 * service's words. Against the sandbox over HTTP, through a forwarder that loses the answer of the first $batch
 * holding a POST after passing it on.
 */
class LostCreateAnswerTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static AnswerLosingForwarder forwarder;
    static ODataClient erp;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSeedAccounts(0));
        forwarder = new AnswerLosingForwarder("http://127.0.0.1:" + sandbox.port());
        erp = new ODataClient(ServiceConfig.of("erp", Dialect.FNO, forwarder.url() + "/erp/data/", sandbox.tokenUrl(),
                SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), new RequestCounter());
    }

    @AfterAll
    static void stop() {
        forwarder.close();
        sandbox.close();
    }

    @BeforeEach
    void loseTheNextCreateAnswer() {
        forwarder.losses.set(1);
        forwarder.lost.set(0);
    }

    private static TargetRecord customer(String account, String name, TargetRecord... lines) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", "usmf");
        key.put("CustomerAccount", account);
        Map<String, Object> payload = new LinkedHashMap<>(key);
        payload.put("OrganizationName", name);
        return new TargetRecord("CustomersV3", key, payload, List.of(lines), TargetRecord.Operation.UPSERT);
    }

    private static List<Map<String, Object>> customers(String filter) {
        return erp.readPage("test", "CustomersV3", new Query(List.of("CustomerAccount", "OrganizationName"), filter,
                null, 100, true)).rows();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsWrittenOnce() {
        List<WriteResult> results = erp.upsert("test", "CustomersV3", List.of(customer("LOST-1", "Lost answer")));

        assertThat(forwarder.lost.get()).as("the answer of an applied create was lost").isEqualTo(1);
        assertThat(results.get(0).isSuccess()).as(results.get(0).message()).isTrue();
        assertThat(results.get(0).created()).as("new to this write: its assigned values are read back").isTrue();
        assertThat(customers("CustomerAccount eq 'LOST-1'")).singleElement()
                .satisfies(c -> assertThat(c.get("OrganizationName")).isEqualTo("Lost answer"));
    }

    @Test
    void aDocumentWhoseCreateAnswerWasLostIsWrittenWhole() {
        TargetRecord document = customer("LOST-H", "Header", customer("LOST-L", "Line"));

        List<WriteResult> results = erp.upsert("test", "CustomersV3", List.of(document));

        assertThat(results.get(0).isSuccess()).as(results.get(0).message()).isTrue();
        assertThat(customers("CustomerAccount eq 'LOST-H' or CustomerAccount eq 'LOST-L'")).hasSize(2);
    }

    @Test
    void aCreateRefusedForWhatItCarriesStillFailsInTheServicesWords() {
        forwarder.losses.set(0);

        List<WriteResult> results = erp.upsert("test", "CustomersV3",
                List.of(customer("LONG-1", "L".repeat(101)), customer("FINE-1", "Fine")));

        assertThat(results.get(0).isSuccess()).isFalse();
        assertThat(results.get(0).status()).isEqualTo(400);
        assertThat(results.get(0).message()).contains("OrganizationName").doesNotContain("does not exist");
        assertThat(results.get(1).isSuccess()).isTrue();
        assertThat(customers("CustomerAccount eq 'LONG-1'")).isEmpty();
    }

    /**
     * Passes every request on to the sandbox and its answer back, except that the answer to a $batch holding a POST
     * is dropped (the connection closed without a response) while {@link #losses} lasts: the sandbox applied it.
     */
    static final class AnswerLosingForwarder implements AutoCloseable {
        /** A POST inside the multipart body: a create. */
        private static final Pattern CREATE = Pattern.compile("(?m)^POST ");
        final AtomicInteger losses = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();
        private final HttpServer server;
        private final HttpClient http = HttpClient.newHttpClient();
        private final String target;

        AnswerLosingForwarder(String target) throws IOException {
            this.target = target;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::forward);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void forward(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!List.of("host", "connection", "content-length", "expect", "upgrade")
                            .contains(name.toLowerCase())) {
                        values.forEach(v -> request.header(name, v));
                    }
                });
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                boolean creates = exchange.getRequestURI().getPath().endsWith("$batch")
                        && CREATE.matcher(new String(body, StandardCharsets.UTF_8)).find();
                if (creates && losses.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    lost.incrementAndGet();
                    return; // closed unanswered, after the sandbox applied it
                }
                response.headers().firstValue("Content-Type")
                        .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
                exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
                exchange.getResponseBody().write(response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
