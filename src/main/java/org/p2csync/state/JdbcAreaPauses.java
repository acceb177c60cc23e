package org.p2csync.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One row per area that was ever paused; resuming stamps the row, so the latest pause stays visible. */
final class JdbcAreaPauses implements AreaPauses {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Transactions tx;
    private final Clock clock;

    JdbcAreaPauses(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public boolean pause(String area, PausedBy by, String reason) {
        AreaNames.require(area);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Pause of area '" + area + "': a reason is required");
        }
        Instant now = clock.instant();
        try {
            return tx.inTransaction("pause area '" + area + "'", connection -> {
                // only a resumed row is taken over: a pause in force keeps its time and reason
                try (PreparedStatement update = connection.prepareStatement("""
                        UPDATE area_pause SET paused_at = ?, paused_by = ?, reason = ?, resumed_at = NULL
                        WHERE area = ? AND resumed_at IS NOT NULL""")) {
                    DbTime.set(update, 1, now);
                    update.setString(2, by.word());
                    update.setString(3, reason);
                    update.setString(4, area);
                    if (update.executeUpdate() == 1) {
                        return true;
                    }
                }
                if (exists(connection, area)) {
                    return false;
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO area_pause (area, paused_at, paused_by, reason) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, area);
                    DbTime.set(insert, 2, now);
                    insert.setString(3, by.word());
                    insert.setString(4, reason);
                    insert.executeUpdate();
                    return true;
                }
            });
        } catch (StateStoreException e) {
            // another instance paused the area between this one's check and insert: that pause stands
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<AreaPause> resume(String area) {
        Instant now = clock.instant();
        return tx.inTransaction("resume area '" + area + "'", connection -> {
            Optional<AreaPause> current = read(connection, area).filter(AreaPause::inForce);
            if (current.isEmpty()) {
                return Optional.<AreaPause>empty();
            }
            try (PreparedStatement st = connection.prepareStatement(
                    "UPDATE area_pause SET resumed_at = ? WHERE area = ? AND resumed_at IS NULL")) {
                DbTime.set(st, 1, now);
                st.setString(2, area);
                return st.executeUpdate() == 1 ? current : Optional.<AreaPause>empty();
            }
        });
    }

    @Override
    public Optional<AreaPause> latest(String area) {
        return tx.inTransaction("read the pause of area '" + area + "'", connection -> read(connection, area));
    }

    @Override
    public List<AreaPause> inForce() {
        return tx.inTransaction("read the paused areas", connection -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "SELECT * FROM area_pause WHERE resumed_at IS NULL ORDER BY area")) {
                List<AreaPause> pauses = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        pauses.add(toPause(rs));
                    }
                }
                return pauses;
            }
        });
    }

    private static boolean exists(java.sql.Connection connection, String area) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT 1 FROM area_pause WHERE area = ?")) {
            st.setString(1, area);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<AreaPause> read(java.sql.Connection connection, String area) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT * FROM area_pause WHERE area = ?")) {
            st.setString(1, area);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(toPause(rs)) : Optional.empty();
            }
        }
    }

    private static AreaPause toPause(ResultSet rs) throws SQLException {
        return new AreaPause(rs.getString("area"), DbTime.get(rs, "paused_at"), PausedBy.of(rs.getString("paused_by")),
                rs.getString("reason"), DbTime.get(rs, "resumed_at"));
    }
}
