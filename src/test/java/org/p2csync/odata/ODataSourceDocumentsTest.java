package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.RequestCounter;
import org.p2csync.sync.SourcePage;
import org.p2csync.sync.UrlEncoding;

/**
 * The connector's reads ({@link ODataSource}) over small fake services on the JDK HttpServer: document headers with
 * their lines read in chunks, and an F&amp;O set whose id is composite, read by the engine page by page.
 */
class ODataSourceDocumentsTest {
    private static final String MODIFIED = "2024-05-01T10:00:00Z";
    private static final int LINES_PER_RESPONSE = 7;

    private HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String start(String path, Function<String, String> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", ex -> respond(ex, "{\"access_token\":\"t\",\"expires_in\":3600}"));
        server.createContext(path, ex -> {
            String path0 = ex.getRequestURI().getPath();
            String query = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
            queries.add(path0.substring(path0.lastIndexOf('/') + 1) + "?" + query);
            respond(ex, handler.apply(path0.substring(path0.lastIndexOf('/') + 1) + "?" + query));
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private static ODataClient client(String base, Dialect dialect, String root) {
        return new ODataClient(new ServiceConfig(dialect == Dialect.DATAVERSE ? "crm" : "erp", dialect,
                base + root, base + "/token", "client", "secret", null, null, null, WireMockServices.FAST),
                new RequestCounter());
    }

    private static String guid(int i) {
        return String.format("00000000-0000-0000-0000-%012d", i);
    }

    /** Quote i has i % 3 lines; the line endpoint answers at most 7 lines per response, then a nextLink. */
    private String quotesService(String request, String base, int quotes) {
        if (request.startsWith("quotes?")) {
            List<String> rows = new ArrayList<>();
            for (int i = 1; i <= quotes; i++) {
                rows.add("{\"quoteid\":\"" + guid(i) + "\",\"quotenumber\":\"Q-" + i + "\",\"modifiedon\":\""
                        + MODIFIED + "\"}");
            }
            return "{\"value\":[" + String.join(",", rows) + "]}";
        }
        Matcher ids = Pattern.compile("_quoteid_value eq ([0-9a-f-]{36})").matcher(request);
        List<String> lines = new ArrayList<>();
        while (ids.find()) {
            int quote = Integer.parseInt(ids.group(1).substring(24));
            for (int n = quote % 3; n >= 1; n--) { // written out of order: the service's $orderby decides
                lines.add("{\"quotedetailid\":\"" + guid(100000 + quote * 10 + n) + "\",\"_quoteid_value\":\""
                        + ids.group(1) + "\",\"sequencenumber\":" + n + "}");
            }
        }
        lines.sort(Comparator.naturalOrder());
        Matcher skip = Pattern.compile("\\$skiptoken=(\\d+)").matcher(request);
        int from = skip.find() ? Integer.parseInt(skip.group(1)) : 0;
        List<String> page = lines.subList(from, Math.min(lines.size(), from + LINES_PER_RESPONSE));
        String next = from + page.size() < lines.size()
                ? ",\"@odata.nextLink\":\"" + base + "/api/data/v9.2/" + request.replace(" ", "%20")
                        .replaceAll("&\\$skiptoken=\\d+", "") + "&$skiptoken=" + (from + page.size()) + "\""
                : "";
        return "{\"value\":[" + String.join(",", page) + "]" + next + "}";
    }

    @Test
    void linesAreReadInChunksOfFiftyHeadersAndAttachedToTheirHeaderInLineOrder() throws Exception {
        String[] base = new String[1];
        base[0] = start("/api/data/v9.2/", request -> quotesService(request, base[0], 120));
        ReadSpec spec = new ReadSpec("quotes", "quoteid", "quotenumber", "modifiedon",
                List.of("modifiedon", "quoteid", "quotenumber"), false, new ReadSpec.LinesSpec("quotedetails",
                        "quotedetailid", "_quoteid_value", List.of("_quoteid_value", "quotedetailid", "sequencenumber")));
        SourcePage page = new ODataSource(client(base[0], Dialect.DATAVERSE, "/api/data/v9.2/"), "quotes", spec, 500,
                false, Duration.ZERO).readAfter(Cursor.START);

        assertThat(page.items()).hasSize(120);
        assertThat(page.isLast()).isTrue();
        List<String> lineQueries = queries.stream().filter(q -> q.startsWith("quotedetails?")).toList();
        List<String> firstOfChunk = lineQueries.stream().filter(q -> !q.contains("$skiptoken")).toList();
        assertThat(firstOfChunk).hasSize(3); // 50 + 50 + 20 headers
        assertThat(firstOfChunk.get(0))
                .contains("$select=_quoteid_value,quotedetailid,sequencenumber")
                .contains("$filter=_quoteid_value eq " + guid(1) + " or _quoteid_value eq " + guid(2) + " or ")
                .contains("$orderby=quotedetailid asc");
        assertThat(firstOfChunk.get(0).split(" eq ")).hasSize(51);
        assertThat(lineQueries.size()).isGreaterThan(3); // the nextLinks were followed

        for (Item item : page.items()) {
            int quote = Integer.parseInt(item.sourceId().substring(24));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) item.source().get(LineReader.ROWS);
            assertThat(lines).extracting(l -> ((Number) l.get("sequencenumber")).intValue())
                    .as("lines of quote %d", quote)
                    .isEqualTo(quote % 3 == 2 ? List.of(1, 2) : quote % 3 == 1 ? List.of(1) : List.of());
        }
    }

    @Test
    void headersWhoseLinesWereCutShortByAnEmptyPageThatAnnouncesMoreGetNoLinesButTheReason() throws Exception {
        String[] base = new String[1];
        base[0] = start("/api/data/v9.2/", request -> {
            String answer = quotesService(request, base[0], 120);
            // the second chunk's lines (quotes 51..100): a first page, then an empty page that still has a nextLink
            if (request.startsWith("quotedetails?") && request.contains(guid(51) + " or")) {
                return request.contains("$skiptoken")
                        ? "{\"value\":[],\"@odata.nextLink\":\"" + base[0] + "/api/data/v9.2/quotedetails?x=1\"}"
                        : answer;
            }
            return answer;
        });
        ReadSpec spec = new ReadSpec("quotes", "quoteid", "quotenumber", "modifiedon",
                List.of("modifiedon", "quoteid", "quotenumber"), false, new ReadSpec.LinesSpec("quotedetails",
                        "quotedetailid", "_quoteid_value", List.of("_quoteid_value", "quotedetailid", "sequencenumber")));
        SourcePage page = new ODataSource(client(base[0], Dialect.DATAVERSE, "/api/data/v9.2/"), "quotes", spec, 500,
                false, Duration.ZERO).readAfter(Cursor.START);

        List<Item> items = page.items();
        assertThat(items).hasSize(120);
        for (Item item : items) {
            int quote = Integer.parseInt(item.sourceId().substring(24));
            if (quote >= 51 && quote <= 100) {
                assertThat(item.source()).as("quote %d", quote).doesNotContainKey(LineReader.ROWS);
                assertThat((String) item.source().get(LineReader.UNREAD)).startsWith(
                        "the lines in quotedetails were not all read: after 7 lines the service sent an empty page"
                                + " that announced more (nextLink)");
            } else {
                assertThat(item.source()).as("quote %d", quote).containsKey(LineReader.ROWS)
                        .doesNotContainKey(LineReader.UNREAD);
            }
        }
    }

    @Test
    void headersWithoutLinesInTheMappingCostNoLineRequests() throws Exception {
        String[] base = new String[1];
        base[0] = start("/api/data/v9.2/", request -> quotesService(request, base[0], 3));
        ReadSpec spec = new ReadSpec("quotes", "quoteid", "quotenumber", "modifiedon", List.of("quoteid"));
        SourcePage page = new ODataSource(client(base[0], Dialect.DATAVERSE, "/api/data/v9.2/"), "quotes", spec, 500,
                false, Duration.ZERO).readAfter(Cursor.START);

        assertThat(queries).hasSize(1);
        assertThat(page.items().get(0).source()).doesNotContainKey(LineReader.ROWS);
    }

    /** Products of two companies, one number in both, all modified at one instant: only the id orders them. */
    private static final List<List<String>> PRODUCTS = List.of(
            List.of("demf", "P-1"), List.of("demf", "P-2"), List.of("usmf", "O'B"), List.of("usmf", "P-1"),
            List.of("usmf", "P-3"));

    /** Every product at one instant (a {@code ge} of that instant is all of them), then nextLinks that page by offset ($skip), as F&amp;O's do. */
    private static String productsService(String request, String base) {
        List<List<String>> rest = PRODUCTS;
        Matcher skip = Pattern.compile("\\$skip=(\\d+)").matcher(request);
        int from = skip.find() ? Integer.parseInt(skip.group(1)) : 0;
        List<List<String>> page = rest.subList(from, Math.min(from + 2, rest.size()));
        List<String> rows = new ArrayList<>();
        for (List<String> p : page) {
            rows.add("{\"dataAreaId\":\"" + p.get(0) + "\",\"ProductNumber\":\"" + p.get(1)
                    + "\",\"ModifiedDateTime\":\"" + MODIFIED + "\"}");
        }
        String query = request.substring(request.indexOf('?') + 1).replaceAll("&\\$skip=\\d+", "");
        String next = from + page.size() < rest.size() ? ",\"@odata.nextLink\":\"" + base + "/data/"
                + "SellableReleasedProducts?" + encoded(query) + "&$skip=" + (from + page.size()) + "\""
                : "";
        return "{\"value\":[" + String.join(",", rows) + "]" + next + "}";
    }

    private static String encoded(String decodedQuery) {
        List<String> parts = new ArrayList<>();
        for (String part : decodedQuery.split("&")) {
            int eq = part.indexOf('=');
            parts.add(eq < 0 ? part : part.substring(0, eq + 1) + UrlEncoding.encode(part.substring(eq + 1)));
        }
        return String.join("&", parts);
    }

    @Test
    void aCompositeIdRunFollowsTheNextLinksAndAResumedRunStartsAtTheWatermarkSecondWithoutComparingIds() throws Exception {
        String[] base = new String[1];
        base[0] = start("/data/", request -> productsService(request, base[0]));
        RunBook book = new RunBook();
        book.spec = new ReadSpec("SellableReleasedProducts", "dataAreaId,ProductNumber", "ProductNumber",
                "ModifiedDateTime", List.of("ModifiedDateTime", "ProductNumber", "dataAreaId"));
        ODataClient erp = client(base[0], Dialect.FNO, "/data/");

        List<Batch> batches = book.run(new ODataSource(erp, "a", book.spec, 2, true, Duration.ZERO));

        assertThat(batches).flatExtracting(Batch::items).extracting(Item::sourceId).containsExactly(
                "[\"demf\",\"P-1\"]", "[\"demf\",\"P-2\"]", "[\"usmf\",\"O'B\"]", "[\"usmf\",\"P-1\"]",
                "[\"usmf\",\"P-3\"]");
        assertThat(batches.get(1).end()).isEqualTo(new Cursor.Watermark(MODIFIED));
        assertThat(queries).hasSize(3).allSatisfy(q -> assertThat(q).contains("cross-company=true")
                .contains("$orderby=ModifiedDateTime asc,dataAreaId asc,ProductNumber asc")
                .doesNotContain("ModifiedDateTime gt"));
        assertThat(queries.subList(1, 3)).allSatisfy(q -> assertThat(q).contains("$skip="));

        queries.clear();
        book.save("a", batches.get(1).end());
        List<Batch> resumed = book.run(new ODataSource(erp, "a", book.spec, 2, true, Duration.ZERO));

        assertThat(resumed).flatExtracting(Batch::items).as("the watermark's instant again, all of it")
                .hasSize(PRODUCTS.size());
        assertThat(queries.get(0)).contains("$filter=ModifiedDateTime ge " + MODIFIED)
                .doesNotContain(" gt ").contains("$orderby=ModifiedDateTime asc,dataAreaId asc,ProductNumber asc");
    }
}
