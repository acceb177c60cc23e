package org.p2csync.odata;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.ReadSpec;

/**
 * Builds the query a timestamp read starts a run with: ordered by (modified, id), filtered to rows strictly after the
 * stored cursor. Unlike an offset, this neither skips nor repeats rows when rows sharing one timestamp straddle a page
 * boundary or when rows changed since the last run. Within the run the service's nextLinks are followed as given.
 */
public final class KeysetQuery {
    private final ReadSpec spec;
    private final Dialect dialect;
    private final boolean crossCompany;
    private final LiteralTypes types;

    public KeysetQuery(ReadSpec spec, Dialect dialect, boolean crossCompany) {
        this(spec, dialect, crossCompany, LiteralTypes.NONE);
    }

    /** @param types the source fields' types, so tie-breaker values are literals of their property's type */
    KeysetQuery(ReadSpec spec, Dialect dialect, boolean crossCompany, LiteralTypes types) {
        this.spec = spec;
        this.dialect = dialect;
        this.crossCompany = crossCompany;
        this.types = types;
    }

    /** Whether the area reads every company (F&amp;O {@code cross-company=true}); re-reads by id read the same way. */
    public boolean crossCompany() {
        return crossCompany;
    }

    /**
     * The query for the page after {@code cursor}: {@link Cursor#START} or a {@link Cursor.Watermark}. A watermark
     * without a tie-breaker (a run's start moved back by an overlap) reads every row at or after its modified value.
     */
    public Query after(Cursor cursor, int pageSize) {
        String modified = spec.modifiedField();
        if (modified == null) {
            throw new IllegalStateException(spec.entitySet() + " is read without a timestamp: no keyset query");
        }
        String filter;
        if (cursor.isStart()) {
            filter = null;
        } else if (cursor instanceof Cursor.Watermark w) {
            filter = w.tieBreaker() == null ? modified + " ge " + w.modified()
                    : modified + " gt " + w.modified() + " or (" + modified + " eq " + w.modified() + " and "
                            + tieBreak(w.tieBreaker()) + ")";
        } else {
            throw new IllegalArgumentException("a keyset query starts after a watermark, not " + cursor);
        }
        StringBuilder orderBy = new StringBuilder(modified).append(" asc");
        for (String field : spec.idFields()) {
            orderBy.append(',').append(field).append(" asc");
        }
        return new Query(spec.select(), filter, orderBy.toString(), pageSize, crossCompany);
    }

    /**
     * Rows after the tie-breaker among rows of the same watermark: {@code id gt V}, or for a composite id the
     * lexicographic form {@code (a gt A or (a eq A and b gt B))}, matching the order by each id field.
     */
    private String tieBreak(String tieBreaker) {
        if (!spec.compositeId()) {
            return spec.idField() + " gt " + types.literal(spec.idField(), tieBreaker, dialect);
        }
        List<String> fields = spec.idFields();
        List<Object> values = SourceId.values(tieBreaker, spec);
        int last = fields.size() - 1;
        String condition = fields.get(last) + " gt " + types.literal(fields.get(last), values.get(last), dialect);
        for (int i = last - 1; i >= 0; i--) {
            String literal = types.literal(fields.get(i), values.get(i), dialect);
            // 'and' binds tighter than 'or': an inner disjunction needs its own parentheses
            String inner = i == last - 1 ? condition : "(" + condition + ")";
            condition = fields.get(i) + " gt " + literal + " or (" + fields.get(i) + " eq " + literal + " and "
                    + inner + ")";
        }
        return "(" + condition + ")";
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
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME).replace("+00:00", "Z"), null);
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
