package org.p2csync.e2e;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;

/**
 * How the tests look at the two systems: through their OData APIs over HTTP, as any outside client would, not
 * through the sandbox's database.
 */
final class ODataProbe {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final HttpClient http = HttpClient.newHttpClient();
    private final Sandbox sandbox;
    private String token;

    ODataProbe(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** Every row of an entity set, following nextLink. */
    List<Map<String, Object>> all(String serviceRoot, String query) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String url = serviceRoot + query;
        while (url != null) {
            JsonNode page = get(url);
            for (JsonNode row : page.get("value")) {
                rows.add(JSON.convertValue(row, LinkedHashMap.class));
            }
            url = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        return rows;
    }

    /** Rows of a CRM entity set; options are "$name=value" with the value unencoded, e.g. "$filter=name eq 'X'". */
    List<Map<String, Object>> crm(String entitySet, String... options) {
        return all(sandbox.crmUrl(), entitySet + query(List.of(options)));
    }

    /** Rows of an ERP entity set across companies. */
    List<Map<String, Object>> erp(String entitySet, String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        all.add("cross-company=true");
        return all(sandbox.erpUrl(), entitySet + query(all));
    }

    /** How many rows an ERP entity set holds across companies, by $count. */
    long erpCount(String entitySet) {
        return get(sandbox.erpUrl() + entitySet + "?$count=true&$top=1&cross-company=true").get("@odata.count").asLong();
    }

    private static String query(List<String> options) {
        StringBuilder query = new StringBuilder();
        for (String option : options) {
            int eq = option.indexOf('=');
            query.append(query.length() == 0 ? '?' : '&').append(option, 0, eq + 1)
                    .append(URLEncoder.encode(option.substring(eq + 1), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return query.toString();
    }

    /** PATCH an existing CRM row (update only). */
    void patchCrm(String entityPath, Map<String, Object> fields) {
        send(HttpRequest.newBuilder(URI.create(sandbox.crmUrl() + entityPath))
                .header("If-Match", "*")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(write(fields))));
    }

    /** Create a CRM row with POST. */
    void postCrm(String entitySet, Map<String, Object> fields) {
        send(HttpRequest.newBuilder(URI.create(sandbox.crmUrl() + entitySet))
                .POST(HttpRequest.BodyPublishers.ofString(write(fields))));
    }

    /** A string key as it goes into a URL path: quoted, quotes doubled, percent-encoded. */
    static String quoted(String key) {
        return URLEncoder.encode("'" + key.replace("'", "''") + "'", StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode get(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request
                    .header("Authorization", "Bearer " + token())
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .header("OData-Version", "4.0")
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " -> "
                        + response.statusCode() + " " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token() throws IOException, InterruptedException {
        if (token == null) {
            String form = "grant_type=client_credentials&client_id=" + SandboxIds.CLIENT_ID + "&client_secret="
                    + SandboxIds.CLIENT_SECRET + "&scope=probe";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(sandbox.tokenUrl()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            token = JSON.readTree(response.body()).get("access_token").asText();
        }
        return token;
    }

    private static String write(Map<String, Object> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
