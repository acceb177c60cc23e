package org.p2csync.sync;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The value of a Dataverse {@code nav@odata.bind} property: the root-relative URL of the referenced record, e.g.
 * {@code /accounts(accountnumber='O''Brien')} by alternate key or {@code /products(guid)} by primary id. The key value
 * has its quotes doubled (OData string literal) and is then percent-encoded, so no value (with '/', '?', '#', '%',
 * spaces or any script) can change the URL's structure.
 */
public final class BindReference {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private BindReference() {}

    /**
     * @param keyField the alternate key, or null to refer by primary id (then {@code value} must be a GUID)
     * @throws IllegalArgumentException when a reference by primary id is not given a GUID
     */
    public static String of(String entitySet, String keyField, String value) {
        if (keyField == null) {
            if (!GUID.matcher(value).matches()) {
                throw new IllegalArgumentException("'" + value + "' is not a GUID, so it cannot refer to a record of "
                        + entitySet + " by its id");
            }
            return "/" + entitySet + "(" + value.toLowerCase(Locale.ROOT) + ")";
        }
        return "/" + entitySet + "(" + keyField + "='" + UrlEncoding.encode(value.replace("'", "''")) + "')";
    }
}
