package org.p2csync.sandbox;

/** Which real service a simulated one imitates; they differ in how they create, refuse and track records. */
enum ServiceKind {
    /** Dynamics 365 Sales: PATCH upserts, change tracking, Dataverse error codes. */
    DATAVERSE,
    /** Finance &amp; Operations: PATCH only updates (POST creates), defaults for omitted fields, enums, companies. */
    FNO;

    /** F&amp;O answers PATCH of a missing record 404: only POST creates. */
    boolean patchCreates() {
        return this == DATAVERSE;
    }
}
