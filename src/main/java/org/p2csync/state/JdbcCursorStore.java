package org.p2csync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.CursorStore;

/** Cursors in the state database; saved only after the page's hashes are recorded. */
final class JdbcCursorStore implements CursorStore {
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
                    return rs.next() ? new Cursor(rs.getString(1), rs.getString(2)) : Cursor.START;
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
                st.setString(2, cursor.watermark());
                st.setString(3, cursor.tieBreaker());
                DbTime.set(st, 4, clock.instant());
                return st.executeUpdate();
            }
        });
    }
}
