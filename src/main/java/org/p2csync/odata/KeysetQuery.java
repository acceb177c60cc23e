package org.p2csync.odata;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.ReadSpec;

/**
 * Builds the query for the page after a cursor: ordered by (modified, id), filtered to rows strictly after the
 * cursor. Unlike offsets or a blindly followed nextLink, this neither skips nor repeats rows when rows sharing one
 * timestamp straddle a page boundary or when rows change during the run.
 */
public final class KeysetQuery {
    private final ReadSpec spec;
    private final Dialect dialect;
    private final boolean crossCompany;

    public KeysetQuery(ReadSpec spec, Dialect dialect, boolean crossCompany) {
        this.spec = spec;
        this.dialect = dialect;
        this.crossCompany = crossCompany;
    }

    /**
     * The query for the page after {@code cursor}. A cursor without a tie-breaker (a run's start moved back by an
     * overlap) reads every row at or after its watermark.
     */
    public Query after(Cursor cursor, int pageSize) {
        String modified = spec.modifiedField();
        String id = spec.idField();
        String filter;
        if (cursor.isStart()) {
            filter = null;
        } else if (cursor.tieBreaker() == null) {
            filter = modified + " ge " + cursor.watermark();
        } else {
            filter = modified + " gt " + cursor.watermark() + " or (" + modified + " eq " + cursor.watermark()
                    + " and " + id + " gt " + ODataLiteral.of(cursor.tieBreaker(), dialect) + ")";
        }
        return new Query(spec.select(), filter, modified + " asc," + id + " asc", pageSize, crossCompany);
    }

    /**
     * Where a run starts: the stored cursor, or, with an overlap, a watermark that much earlier (for servers whose
     * timestamps can tie with writers that commit late). Re-read rows are harmless: their hashes are unchanged.
     */
    public static Cursor startOf(Cursor stored, Duration overlap) {
        if (stored.isStart() || overlap.isZero()) {
            return stored;
        }
        OffsetDateTime earlier = OffsetDateTime.parse(stored.watermark()).minus(overlap);
        return new Cursor(earlier.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .replace("+00:00", "Z"), null);
    }
}
