package org.p2csync.sync;

import java.util.Locale;

/**
 * The value of a Dataverse {@code nav@odata.bind} property: the root-relative URL of the referenced record, e.g.
 * {@code /accounts(accountnumber='O''Brien')} by alternate key or {@code /products(guid)} by primary id. The key value
 * has its quotes doubled (OData string literal) and is then percent-encoded, so no value (with '/', '?', '#', '%',
 * spaces or any script) can change the URL's structure.
 */
public final class BindReference {
    private BindReference() {}

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
