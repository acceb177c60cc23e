package org.p2csync.odata;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
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

    /** Whether the area reads every company (F&amp;O {@code cross-company=true}); re-reads by id read the same way. */
    public boolean crossCompany() {
        return crossCompany;
    }

    /**
     * The query for the page after {@code cursor}. A cursor without a tie-breaker (a run's start moved back by an
     * overlap) reads every row at or after its watermark.
     */
    public Query after(Cursor cursor, int pageSize) {
        String modified = spec.modifiedField();
        String filter;
        if (cursor.isStart()) {
            filter = null;
        } else if (cursor.tieBreaker() == null) {
            filter = modified + " ge " + cursor.watermark();
        } else {
            filter = modified + " gt " + cursor.watermark() + " or (" + modified + " eq " + cursor.watermark()
                    + " and " + tieBreak(cursor.tieBreaker()) + ")";
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
            return spec.idField() + " gt " + ODataLiteral.of(tieBreaker, dialect);
        }
        List<String> fields = spec.idFields();
        List<Object> values = SourceId.values(tieBreaker, spec);
        int last = fields.size() - 1;
        String condition = fields.get(last) + " gt " + ODataLiteral.of(values.get(last), dialect);
        for (int i = last - 1; i >= 0; i--) {
            String literal = ODataLiteral.of(values.get(i), dialect);
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
        if (stored.isStart() || overlap.isZero()) {
            return stored;
        }
        OffsetDateTime earlier = OffsetDateTime.parse(stored.watermark()).minus(overlap);
        return new Cursor(earlier.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .replace("+00:00", "Z"), null);
    }
}
