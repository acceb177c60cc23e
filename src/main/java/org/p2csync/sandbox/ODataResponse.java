package org.p2csync.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simulated service's answer, before it goes on the wire or into a $batch response part.
 *
 * @param collection true for a collection read, the only kind the malformed-body fault cuts off
 */
record ODataResponse(int status, Map<String, String> headers, byte[] body, boolean collection) {
    static final String JSON = "application/json; odata.metadata=minimal";

    ODataResponse {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("OData-Version", "4.0");
        all.putAll(headers);
        headers = java.util.Collections.unmodifiableMap(all);
    }

    static ODataResponse json(int status, byte[] body, Map<String, String> headers, boolean collection) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("Content-Type", JSON);
        return new ODataResponse(status, h, body, collection);
    }

    static ODataResponse noContent(Map<String, String> headers) {
        return new ODataResponse(204, headers, new byte[0], false);
    }

    static ODataResponse error(int status, String code, String message) {
        String body = "{\"error\":{\"code\":" + quote(code) + ",\"message\":" + quote(message) + "}}";
        return json(status, body.getBytes(StandardCharsets.UTF_8), Map.of(), false);
    }

    static ODataResponse error(ODataError e) {
        return error(e.status(), e.code(), e.getMessage());
    }

    ODataResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ODataResponse(status, h, body, collection);
    }

    private static String quote(String s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
