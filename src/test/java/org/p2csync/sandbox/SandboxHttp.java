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

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
