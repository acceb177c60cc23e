package org.p2csync.sandbox;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key values that cannot travel in a URL, refused as each service refuses them.
 *
 * <p>Dataverse: values with {@code / < > * % & : \ ? +} do not work to retrieve, update or upsert by alternate key
 * (powerapps-docs, "Work with alternate keys"), and reports add {@code #} and say {@code /} and {@code \} fail even
 * percent-encoded, in URLs and in {@code @odata.bind} values alike (powerapps-docs issues 117 and 1895). The sandbox
 * refuses all of them, encoded or not, wherever a key travels as a URL: a request's key predicate, a bind, a
 * {@code $batch} part's URL; the answer is what odata.net issue 1708 shows Dataverse send for an encoded slash
 * (400, 0x8006088a, "Bad Request - Error in query syntax."). Such records are addressed by their id.
 *
 * <p>F&amp;O: reports say a key with {@code /}, {@code \} or {@code +} in the URL of a request finds no route even
 * percent-encoded (404 "No HTTP resource was found that matches the request URI ...", IIS and ASP.NET decode the path
 * before OData parses it; odata.net issue 735), and need double encoding; the same reports show double-encoded keys
 * working, so F&amp;O does not keep ASP.NET's default list of forbidden path characters ({@code < > * % & : \ ?}) and
 * the sandbox refuses only those three, and only in the URL of a request itself: inside a {@code $batch} the parts'
 * URLs are parsed by OData, not routed by IIS, and keys with such characters work (an assumption; p2c-sync writes
 * F&amp;O records in $batch requests).
 */
final class UrlKeyCharacters {
    /** The documented list and '#'. */
    static final String DATAVERSE = "/<>*%&:\\?+#";
    static final String FNO = "/\\+";
    private static final Pattern SEGMENT_KEY = Pattern.compile("^[^(/]+\\((.*)\\)$", Pattern.DOTALL);

    private UrlKeyCharacters() {}

    /** Dataverse: a parsed key (from a URL, a bind, a batch part) with such a value is a query syntax error. */
    static void checkDataverse(Map<String, Object> key) {
        for (Object value : key.values()) {
            if (value instanceof String s && forbidden(s, DATAVERSE) >= 0) {
                throw querySyntax();
            }
        }
    }

    /** Dataverse: a raw (still undecoded) '/' in a key predicate splits the URL into segments, as odata.net does. */
    static boolean rawSlashInKey(String resource) {
        int open = resource.indexOf('(');
        int slash = resource.indexOf('/');
        return open >= 0 && slash > open && resource.indexOf(')', slash) > slash;
    }

    static ODataError querySyntax() {
        return new ODataError(400, "0x8006088a", "Bad Request - Error in query syntax.");
    }

    /**
     * F&amp;O: the resource of a request (not a batch part) whose key, once decoded as IIS decodes the path, holds a
     * character that breaks the route. Returns the answer to send, or null when the route is fine.
     */
    static ODataResponse fnoRoute(String resource, String requestUrl) {
        Matcher m = SEGMENT_KEY.matcher(resource);
        if (!m.matches()) {
            return null;
        }
        String decoded;
        try {
            decoded = QueryOptions.decode(m.group(1), false);
        } catch (ODataError e) {
            return null; // malformed encoding: the key parser reports it
        }
        if (!forbiddenInLiteral(decoded, FNO)) {
            return null;
        }
        // ASP.NET Web API's routing error, not an OData error body
        String body = Json.MAPPER.createObjectNode().put("Message", "No HTTP resource was found that matches the"
                + " request URI '" + requestUrl + "'. No route data was found for this request.").toString();
        return new ODataResponse(404, Map.of("Content-Type", "application/json; charset=utf-8"),
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8), false);
    }

    /** True when a string literal of the key text ({@code a='x',b='y'}) holds one of the characters. */
    private static boolean forbiddenInLiteral(String keyText, String characters) {
        boolean inQuote = false;
        for (int i = 0; i < keyText.length(); i++) {
            char c = keyText.charAt(i);
            if (c == '\'') {
                inQuote = !inQuote; // a doubled quote toggles twice and stays inside
            } else if (inQuote && characters.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int forbidden(String value, String characters) {
        for (int i = 0; i < value.length(); i++) {
            if (characters.indexOf(value.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
