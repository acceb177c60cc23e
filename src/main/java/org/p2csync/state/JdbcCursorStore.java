package org.p2csync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.CursorStore;

/**
 * Cursors in the state database; saved only after the page's hashes are recorded. The columns keep the form of every
 * earlier version: a watermark as (modified, no tie-breaker); a delta link as (link, "delta"); the start as no values.
 * Earlier versions stored a watermark with its last row's id as tie-breaker: such a row is read as its modified
 * value alone, which reads that second again (a superset of what the old cursor read, so nothing is missed).
 */
final class JdbcCursorStore implements CursorStore {
    /** The tie-breaker that marks a stored delta link. */
    static final String DELTA = "delta";

    private final Transactions tx;
    private final Clock clock;
    private final String upsertSql;

    JdbcCursorStore(Transactions tx, Dialect dialect, Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.upsertSql = dialect.upsert(
                "sync_cursor", List.of("area"), List.of("watermark", "tie_breaker", "updated_at"));
    }

    @Override
    public Cursor load(String area) {
        AreaNames.require(area);
        return tx.inTransaction("load the cursor of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT watermark, tie_breaker FROM sync_cursor WHERE area = ?")) {
                st.setString(1, area);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? fromColumns(rs.getString(1), rs.getString(2)) : Cursor.START;
                }
            }
        });
    }

    @Override
    public void save(String area, Cursor cursor) {
        AreaNames.require(area);
        tx.inTransaction("save the cursor of area '" + area + "'", connection -> {
            try (PreparedStatement st = connection.prepareStatement(upsertSql)) {
                st.setString(1, area);
                st.setString(2, watermarkColumn(cursor));
                st.setString(3, tieBreakerColumn(cursor));
                DbTime.set(st, 4, clock.instant());
                return st.executeUpdate();
            }
        });
    }

    private static String watermarkColumn(Cursor cursor) {
        if (cursor instanceof Cursor.Watermark w) {
            return w.modified();
        }
        return cursor instanceof Cursor.DeltaLink d ? d.link() : null;
    }

    private static String tieBreakerColumn(Cursor cursor) {
        return cursor instanceof Cursor.DeltaLink ? DELTA : null;
    }

    /**
     * A stored cursor. A modified value always starts with a digit, a delta link never (it starts with the entity set
     * or the service's URL), so an old watermark whose tie-breaker id happens to read "delta" is still a watermark.
     */
    static Cursor fromColumns(String watermark, String tieBreaker) {
        if (watermark == null) {
            return Cursor.START;
        }
        if (DELTA.equals(tieBreaker) && !watermark.isEmpty() && !Character.isDigit(watermark.charAt(0))) {
            return new Cursor.DeltaLink(watermark);
        }
        return new Cursor.Watermark(watermark);
    }
}
