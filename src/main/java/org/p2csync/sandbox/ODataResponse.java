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

    /** An error in the service's shape (see {@link ODataError}); F&amp;O leaves the code empty. */
    static ODataResponse error(ServiceKind kind, int status, String code, String message) {
        return error(kind, new ODataError(status, code, message));
    }

    static ODataResponse error(ServiceKind kind, ODataError e) {
        var root = Json.MAPPER.createObjectNode();
        var error = root.putObject("error");
        if (kind == ServiceKind.DATAVERSE) {
            error.put("code", e.code());
            error.put("message", e.getMessage());
        } else if (e.layer() == ODataError.Layer.WRITE) {
            // F&O reports a refused write generically; what the entity said is in the inner error
            error.put("code", "");
            error.put("message", "An error has occurred.");
            var inner = error.putObject("innererror");
            inner.put("message", e.getMessage());
            inner.put("type", "Microsoft.Dynamics.Platform.Integration.Services.OData.AxODataWriteException");
            inner.put("stacktrace", "");
        } else {
            error.put("code", "");
            error.put("message", e.getMessage());
        }
        return json(e.status(), root.toString().getBytes(StandardCharsets.UTF_8), Map.of(), false);
    }

    ODataResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ODataResponse(status, h, body, collection);
    }
}
