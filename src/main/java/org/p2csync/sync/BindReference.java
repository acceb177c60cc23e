package org.p2csync.sync;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a Dataverse {@code nav@odata.bind} property: the root-relative URL of the referenced record, e.g.
 * {@code /accounts(accountnumber='O''Brien')} by alternate key or {@code /products(guid)} by primary id. The key value
 * has its quotes doubled (OData string literal) and is then percent-encoded, so no value (with '/', '?', '#', '%',
 * spaces or any script) can change the URL's structure.
 */
public final class BindReference {
    private static final Pattern BY_KEY = Pattern.compile("^/([^(/]+)\\(([^=()']+)='(.*)'\\)$", Pattern.DOTALL);

    /** A reference by alternate key as {@link #of} writes it: entity set, key field and the value, decoded. */
    public record ByKey(String entitySet, String keyField, String value) {}

    private BindReference() {}

    /**
     * The entity set, key field and value of a reference by alternate key ({@code /accounts(accountnumber='A%26B')}),
     * or empty for any other value (a reference by primary id, or none of {@link #of}'s making).
     */
    public static Optional<ByKey> byKey(Object bind) {
        if (!(bind instanceof String text)) {
            return Optional.empty();
        }
        Matcher m = BY_KEY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            // of() writes '+' as %2B, so a literal '+' is no space; keep it a '+' all the same
            String value = URLDecoder.decode(m.group(3).replace("+", "%2B"), StandardCharsets.UTF_8);
            return Optional.of(new ByKey(m.group(1), m.group(2).trim(), value.replace("''", "'")));
        } catch (IllegalArgumentException notEncodedByUs) {
            return Optional.empty();
        }
    }

    /**
     * @param keyField the alternate key, or null to refer by primary id (then {@code value} must be a GUID)
     * @throws IllegalArgumentException when a reference by primary id is not given a GUID
     */
    public static String of(String entitySet, String keyField, String value) {
        if (keyField == null) {
            if (!Guids.isGuid(value)) {
                throw new IllegalArgumentException("'" + value + "' is not a GUID, so it cannot refer to a record of "
                        + entitySet + " by its id");
            }
            return "/" + entitySet + "(" + value.toLowerCase(Locale.ROOT) + ")";
        }
        return "/" + entitySet + "(" + keyField + "='" + UrlEncoding.encode(value.replace("'", "''")) + "')";
    }
}
