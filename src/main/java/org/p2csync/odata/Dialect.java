package org.p2csync.odata;

/** Which flavour of OData a service speaks; they differ in key literals and in company scoping of reads. */
public enum Dialect {
    /** Dynamics 365 Sales / Dataverse Web API: GUID ids, alternate keys. */
    DATAVERSE,
    /** Finance &amp; Operations data entities: composite string keys, reads scoped to one company unless asked. */
    FNO
}
