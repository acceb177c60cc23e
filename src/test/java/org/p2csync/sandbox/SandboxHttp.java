package org.p2csync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A plain HTTP client for tests of the sandbox and of the whole product: fetches a token and sends requests with
 * it, as any outside OData client would.
 */
public final class SandboxHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Sandbox sandbox;
    private String token;

    public SandboxHttp(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    public HttpResponse<String> tokenRequest(String clientId, String secret) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret)
                + "&scope=" + enc("https://sandbox/.default");
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.tokenUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public String token() throws IOException, InterruptedException {
        if (token == null) {
            token = JSON.readTree(tokenRequest(SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET).body())
                    .get("access_token").asText();
        }
        return token;
    }

    public HttpResponse<String> send(String method, String url, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send("GET", url, null, Map.of());
    }

    public JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> r = get(url);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + url + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /**
     * Creates a Dataverse alternate key through the metadata Web API (a test's own set-up, for keys the shipped
     * mappings do not need) and answers the response; {@link #awaitKeys()} waits for its index.
     */
    public HttpResponse<String> createKey(String table, String... attributes) throws IOException, InterruptedException {
        var body = JSON.createObjectNode();
        body.put("@odata.type", "Microsoft.Dynamics.CRM.EntityKeyMetadata");
        body.put("SchemaName", "test_" + table + "_" + String.join("_", attributes));
        body.putObject("DisplayName").putArray("LocalizedLabels").addObject().put("Label", "test key")
                .put("LanguageCode", 1033);
        var names = body.putArray("KeyAttributes");
        for (String a : attributes) {
            names.add(a);
        }
        HttpResponse<String> r = send("POST", sandbox.crmUrl() + "EntityDefinitions(LogicalName='" + table + "')/Keys",
                body.toString(), Map.of());
        if (r.statusCode() != 204) {
            throw new AssertionError("cannot create the key " + table + " " + java.util.List.of(attributes) + ": "
                    + r.statusCode() + " " + r.body());
        }
        return r;
    }

    /** Waits until no key of the org is Pending or InProgress; answers every key's schema name -> status. */
    public Map<String, String> awaitKeys() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Map<String, String> statuses = new java.util.LinkedHashMap<>();
            for (JsonNode table : getJson(sandbox.crmUrl() + "EntityDefinitions?$select=LogicalName&$expand="
                    + enc("Keys($select=SchemaName,EntityKeyIndexStatus)")).get("value")) {
                table.get("Keys").forEach(k -> statuses.put(k.get("SchemaName").asText(),
                        k.get("EntityKeyIndexStatus").asText()));
            }
            if (statuses.values().stream().noneMatch(s -> s.equals("Pending") || s.equals("InProgress"))) {
                return statuses;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("key indexes still building after 30 s: " + statuses);
            }
            Thread.sleep(50);
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
