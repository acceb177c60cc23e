package org.p2csync.odata;

/** Which flavour of OData a service speaks; they differ in key literals and in company scoping of reads. */
public enum Dialect {
    /** Dynamics 365 Sales / Dataverse Web API: GUID ids, alternate keys. */
    DATAVERSE(5000),
    /** Finance &amp; Operations data entities: composite string keys, reads scoped to one company unless asked. */
    FNO(10_000);

    private final int maxPageSize;

    Dialect(int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    /** The largest page the service serves ({@code Prefer: odata.maxpagesize}): the endpoints' default page size. */
    public int maxPageSize() {
        return maxPageSize;
    }
}
