package org.p2csync.odata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small OData service over real HTTP for the component tests: one entity set whose rows share one modifiedon
 * (a {@code modifiedon ge W} filter serves all of them up to that second, none after it), server-driven paging by the maxpagesize
 * preference with nextLinks that repeat the query plus a $skiptoken (the last row's id), rows that render as broken JSON unless only their identity is selected, and a $batch endpoint that
 * answers each PATCH with a status chosen by its URL (204 by default; a transient one only once per key) and each
 * POST with 201.
 */
final class FakeODataService implements AutoCloseable {
    static final String MODIFIED = "2024-05-01T10:00:00Z";
    private static final Pattern AT_OR_AFTER = Pattern.compile("modifiedon ge ([^&\\s]+)");
    private static final Pattern SKIP_TOKEN = Pattern.compile("\\$skiptoken=([0-9a-f-]+)");

    private final HttpServer server;
    private final List<String> ids;
    private final Set<String> broken;
    private final Map<String, Integer> batchStatusByKeyFragment;
    final List<String> readQueries = new CopyOnWriteArrayList<>();
    final List<String> batchBodies = new CopyOnWriteArrayList<>();
    final List<Long> batchTimes = new CopyOnWriteArrayList<>();
    /**
     * Rows the collection's pages leave out although they exist (as a nextLink paging by offset can, when rows change
     * during the read); a read by id still finds them.
     */
    volatile Set<String> skippedByPaging = Set.of();
    /** When not 200, every $batch request as a whole is answered with this status. */
    volatile int batchStatus = 200;

    FakeODataService(List<String> ids, Set<String> broken, Map<String, Integer> batchStatusByKeyFragment)
            throws IOException {
        this.ids = ids.stream().sorted().toList();
        this.broken = broken;
        this.batchStatusByKeyFragment = new LinkedHashMap<>(batchStatusByKeyFragment);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::token);
        server.createContext("/api/data/v9.2/accounts", this::accounts);
        server.createContext("/api/data/v9.2/$batch", this::batch);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    ServiceConfig config(Dialect dialect) {
        return new ServiceConfig(dialect == Dialect.DATAVERSE ? "crm" : "erp", dialect, baseUrl() + "/api/data/v9.2/",
                baseUrl() + "/token", "client", "secret", null, null, null, WireMockServices.FAST);
    }

    private void token(HttpExchange ex) throws IOException {
        respond(ex, 200, "application/json", "{\"access_token\":\"t\",\"expires_in\":3600}");
    }

    private void accounts(HttpExchange ex) throws IOException {
        String query = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        readQueries.add(query);
        int pageSize = Integer.parseInt(ex.getRequestHeaders().getFirst("Prefer").replace("odata.maxpagesize=", ""));
        Matcher skip = SKIP_TOKEN.matcher(query);
        Matcher atOrAfter = AT_OR_AFTER.matcher(query);
        String from = skip.find() ? skip.group(1) : "";
        boolean noneModifiedSince = atOrAfter.find() && atOrAfter.group(1).compareTo(MODIFIED) > 0;
        List<String> rest;
        if (query.contains("accountid eq ")) {
            // a read by id: the rows asked for that exist, whether paging skips them or not
            rest = ids.stream().filter(id -> query.contains("accountid eq " + id)).toList();
        } else {
            rest = ids.stream().filter(id -> !noneModifiedSince && id.compareTo(from) > 0
                    && !skippedByPaging.contains(id)).toList();
        }
        List<String> page = rest.subList(0, Math.min(pageSize, rest.size()));
        boolean identityOnly = query.contains("$select=accountid,accountnumber,modifiedon&");
        List<String> rows = new ArrayList<>();
        for (String id : page) {
            String row = "{\"@odata.etag\":\"W/\\\"1\\\"\",\"accountid\":\"" + id + "\",\"accountnumber\":\"N-"
                    + id.substring(id.length() - 2) + "\",\"modifiedon\":\"" + MODIFIED + "\"";
            rows.add(identityOnly ? row + "}" : row + ",\"name\":" + (broken.contains(id) ? "\"unterminated}" : "\"ok\"}"));
        }
        String next = rest.size() > page.size() ? ",\"@odata.nextLink\":\"" + nextLink(ex.getRequestURI().getRawQuery(),
                page.get(page.size() - 1)) + "\"" : "";
        respond(ex, 200, "application/json", "{\"value\":[" + String.join(",", rows) + "]" + next + "}");
    }

    /** The same query again, after the page's last row: the service's paging, as the client must follow it. */
    private String nextLink(String rawQuery, String lastId) {
        String kept = java.util.Arrays.stream(rawQuery.split("&")).filter(p -> !p.startsWith("$skiptoken="))
                .collect(java.util.stream.Collectors.joining("&"));
        return baseUrl() + "/api/data/v9.2/accounts?" + kept + "&$skiptoken=" + lastId;
    }

    private void batch(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        batchBodies.add(body);
        batchTimes.add(System.currentTimeMillis());
        if (batchStatus != 200) {
            respond(ex, batchStatus, "text/plain", "unavailable");
            return;
        }
        String boundary = ex.getRequestHeaders().getFirst("Content-Type").replaceAll(".*boundary=", "");
        StringBuilder out = new StringBuilder();
        Matcher request = Pattern.compile("(PATCH|POST|DELETE) (\\S+) HTTP/1.1").matcher(body);
        while (request.find()) {
            String method = request.group(1);
            String url = request.group(2);
            int status = method.equals("POST") ? 201 : batchStatusByKeyFragment.entrySet().stream()
                    .filter(e -> url.contains(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(204);
            // a transient answer is given once per key, then the record goes through
            batchStatusByKeyFragment.entrySet().removeIf(e -> url.contains(e.getKey())
                    && RetryPolicy.isTransient(e.getValue()));
            out.append("--").append(boundary).append("\r\nContent-Type: application/http\r\n"
                    + "Content-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 ").append(status).append(" X\r\n");
            if (status == 429) {
                out.append("Retry-After: 1\r\n");
            }
            if (status >= 400) {
                out.append("Content-Type: application/json\r\n\r\n{\"error\":{\"code\":\"0x1\",\"message\":\"rejected "
                        + url.substring(url.lastIndexOf('/') + 1) + "\"}}\r\n");
            } else {
                out.append("\r\n\r\n");
            }
        }
        out.append("--").append(boundary).append("--\r\n");
        respond(ex, 200, "multipart/mixed; boundary=" + boundary, out.toString());
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    static List<String> guids(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(String.format("00000000-0000-0000-0000-0000000000%02x", i));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
