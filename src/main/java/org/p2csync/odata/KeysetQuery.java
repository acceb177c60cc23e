package org.p2csync.odata;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.ReadSpec;

/**
 * Builds the query a timestamp read starts a run with: every row modified at or after the stored watermark
 * ({@code modified ge W}), ordered by (modified, id fields) so the service's nextLinks page a stable order. Within the
 * run those nextLinks are followed as given; this query only starts it.
 *
 * <p>No id tie-breaker: Dataverse compares uniqueidentifiers the SQL Server way (last byte group first), not as the
 * strings a client holds, so {@code accountid gt X} is no keyset a client can reason about; and Dataverse keeps
 * {@code modifiedon} in whole seconds, so many rows share W, including rows written in second W after a run read past
 * it. Reading second W again costs reads, never writes: its rows come back with unchanged hashes (skip-unchanged).
 */
public final class KeysetQuery {
    private final ReadSpec spec;
    private final boolean crossCompany;

    public KeysetQuery(ReadSpec spec, boolean crossCompany) {
        this.spec = spec;
        this.crossCompany = crossCompany;
    }

    /** Whether the area reads every company (F&amp;O {@code cross-company=true}); re-reads by id read the same way. */
    public boolean crossCompany() {
        return crossCompany;
    }

    /** The query of a run starting at {@code cursor}: {@link Cursor#START} (every row) or a {@link Cursor.Watermark}. */
    public Query after(Cursor cursor, int pageSize) {
        String modified = spec.modifiedField();
        if (modified == null) {
            throw new IllegalStateException(spec.entitySet() + " is read without a timestamp: no keyset query");
        }
        String filter;
        if (cursor.isStart()) {
            filter = null;
        } else if (cursor instanceof Cursor.Watermark w) {
            filter = modified + " ge " + w.modified();
        } else {
            throw new IllegalArgumentException("a keyset query starts at a watermark, not " + cursor);
        }
        StringBuilder orderBy = new StringBuilder(modified).append(" asc");
        for (String field : spec.idFields()) {
            orderBy.append(',').append(field).append(" asc");
        }
        return new Query(spec.select(), filter, orderBy.toString(), pageSize, crossCompany);
    }

    /**
     * Where a run starts: the stored cursor, or, with an overlap, a watermark that much earlier (for servers whose
     * timestamps can tie with writers that commit late). Re-read rows are harmless: their hashes are unchanged.
     */
    public static Cursor startOf(Cursor stored, Duration overlap) {
        if (!(stored instanceof Cursor.Watermark w) || overlap.isZero()) {
            return stored;
        }
        OffsetDateTime earlier = OffsetDateTime.parse(w.modified()).minus(overlap);
        return new Cursor.Watermark(earlier.withOffsetSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("+00:00", "Z"));
    }

    /** The query of a full read: every row, ordered by the id fields (the page order the service keeps stable). */
    public Query everything(int pageSize) {
        StringBuilder orderBy = new StringBuilder();
        for (String field : spec.idFields()) {
            orderBy.append(orderBy.length() == 0 ? "" : ",").append(field).append(" asc");
        }
        return new Query(spec.select(), null, orderBy.toString(), pageSize, crossCompany);
    }
}
