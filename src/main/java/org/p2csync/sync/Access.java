package org.p2csync.sync;

/**
 * Whether a client may write a property, as far as the catalog knows. A live service's $metadata rarely says (Dataverse
 * never does): then it is {@link #UNKNOWN}, never assumed writable.
 */
public enum Access {
    /** Clients may set it on create and change it on update. */
    WRITABLE,
    /** Set when the record is created, never changed afterwards (F&amp;O: AllowEdit false, AllowEditOnCreate not). */
    CREATE_ONLY,
    /** No client may write it: a write naming it is refused (Dataverse read-only columns, lookup value properties). */
    READ_ONLY,
    /** The catalog does not know. */
    UNKNOWN
}
