package org.p2csync.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request to a simulated service, from the wire or from inside a $batch.
 *
 * @param resource the raw (still percent-encoded) path below the service root, e.g. {@code accounts(accountnumber='A%26B')}
 * @param rawQuery the raw query string, or empty
 * @param headers header names in lower case
 * @param baseUrl scheme, host and port the client used, for absolute links
 */
record ODataRequest(String method, String resource, String rawQuery, Map<String, String> headers, byte[] body,
                    String baseUrl) {
    ODataRequest {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Map.copyOf(lower);
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
