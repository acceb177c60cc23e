package org.p2csync.e2e;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxHttp;

/**
 * How the tests look at the two systems: through their OData APIs over HTTP, as any outside client would, not
 * through the sandbox's database.
 */
final class ODataProbe {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final SandboxHttp http;
    private final Sandbox sandbox;

    ODataProbe(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.http = new SandboxHttp(sandbox);
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

    /** How many rows of a CRM entity set carry this modifiedon: those a run starting at that watermark reads again. */
    int crmModifiedAt(String entitySet, String second) {
        return crm(entitySet, "$select=modifiedon", "$filter=modifiedon eq " + second).size();
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

    /** PATCH an existing CRM row (update only). */
    void patchCrm(String entityPath, Map<String, Object> fields) {
        send("PATCH", sandbox.crmUrl() + entityPath, fields, Map.of("If-Match", "*"));
    }

    /** Create a CRM row with POST. */
    void postCrm(String entitySet, Map<String, Object> fields) {
        send("POST", sandbox.crmUrl() + entitySet, fields, Map.of());
    }

    /** DELETE a CRM row, e.g. {@code accounts(<guid>)}. */
    void deleteCrm(String entityPath) {
        send("DELETE", sandbox.crmUrl() + entityPath, null, Map.of());
    }

    /**
     * PATCH an existing ERP row (update only) of any company (cross-company=true, which F&amp;O's writes outside the
     * default company need); the path's key values are written as they go in the URL.
     */
    void patchErp(String entityPath, Map<String, Object> fields) {
        send("PATCH", sandbox.erpUrl() + entityPath.replace("'", "%27") + "?cross-company=true", fields,
                Map.of("If-Match", "*"));
    }

    /** DELETE an ERP row of any company; the path's key values are written as they go in the URL. */
    void deleteErp(String entityPath) {
        send("DELETE", sandbox.erpUrl() + entityPath.replace("'", "%27") + "?cross-company=true", null, Map.of());
    }

    /** Create an ERP row with POST. */
    void postErp(String entitySet, Map<String, Object> fields) {
        send("POST", sandbox.erpUrl() + entitySet, fields, Map.of());
    }

    /** A JSON number as read (Integer, Long or BigDecimal), exactly, for comparing amounts by value. */
    static java.math.BigDecimal decimal(Object number) {
        return new java.math.BigDecimal(String.valueOf(number));
    }

    /** A string key as it goes into a URL path: quoted, quotes doubled, percent-encoded. */
    static String quoted(String key) {
        return SandboxHttp.enc("'" + key.replace("'", "''") + "'");
    }

    private static String query(List<String> options) {
        StringBuilder query = new StringBuilder();
        for (String option : options) {
            int eq = option.indexOf('=');
            query.append(query.length() == 0 ? '?' : '&').append(option, 0, eq + 1)
                    .append(SandboxHttp.enc(option.substring(eq + 1)));
        }
        return query.toString();
    }

    private JsonNode get(String url) {
        try {
            return http.getJson(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void send(String method, String url, Map<String, Object> fields, Map<String, String> headers) {
        try {
            HttpResponse<String> response =
                    http.send(method, url, fields == null ? null : JSON.writeValueAsString(fields), headers);
            if (response.statusCode() >= 300) {
                throw new AssertionError(method + " " + url + " -> " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
