package org.p2csync.odata;

import java.util.Map;
import java.util.stream.Collectors;
import org.p2csync.sync.Guids;
import org.p2csync.sync.UrlEncoding;

/**
 * The key segment of an entity URL, e.g. {@code (dataAreaId='usmf',CustomerAccount='O''Brien')}, percent-encoded as
 * a whole so that no key value (with '&amp;', '/', '#', '?', '%', spaces or any script) can change the request.
 */
public final class KeyPredicate {
    private KeyPredicate() {}

    /**
     * Builds the encoded predicate. A single-property Dataverse key that is a primary id (named {@code <entity>id},
     * holding a GUID) becomes {@code (guid)}; every other key is written as name=literal pairs in the map's order.
     */
    public static String of(Map<String, Object> key, Dialect dialect) {
        return "(" + UrlEncoding.encode(inner(key, dialect)) + ")";
    }

    /** The predicate as a person reads it in a message, not encoded, e.g. {@code (ordernumber='O''Brien 1')}. */
    public static String readable(Map<String, Object> key, Dialect dialect) {
        return "(" + inner(key, dialect) + ")";
    }

    private static String inner(Map<String, Object> key, Dialect dialect) {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one property");
        }
        String inner;
        if (key.size() == 1 && dialect == Dialect.DATAVERSE && key.keySet().iterator().next().endsWith("id")
                && Guids.isGuid(key.values().iterator().next())) {
            inner = ODataLiteral.of(key.values().iterator().next(), dialect);
        } else {
            inner = key.entrySet().stream()
                    .map(e -> e.getKey() + "=" + literal(e.getKey(), e.getValue(), dialect))
                    .collect(Collectors.joining(","));
        }
        return inner;
    }

    private static String literal(String name, Object value, Dialect dialect) {
        if (value == null) {
            throw new IllegalArgumentException("key property " + name + " has no value");
        }
        // a Dataverse lookup column in an alternate key (_productid_value) holds a GUID, written bare
        if (dialect == Dialect.DATAVERSE && name.startsWith("_") && name.endsWith("_value") && Guids.isGuid(value)) {
            return ODataLiteral.of(value, dialect);
        }
        // other alternate keys (accountnumber, CustomerAccount) are strings even when they look like GUIDs or numbers
        return value instanceof String s ? ODataLiteral.string(s) : ODataLiteral.of(value, dialect);
    }
}
