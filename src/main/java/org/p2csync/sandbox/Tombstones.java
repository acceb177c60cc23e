package org.p2csync.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers deleted rows of change-tracked sets, so a delta link read after the delete can report them as
 * {@code $deletedEntity}. One table per simulated system; rows are never purged (the sandbox is small and short-lived,
 * and an expired delta token already forces a full read).
 */
final class Tombstones {
    private static final String TABLE = "\"$tombstones\"";

    /** One deleted row: its set, its key as {@link EntityJson#keyString} writes it, and when it was deleted. */
    record Tombstone(String set, String id, OffsetDateTime deletedOn) {}

    void createIfMissing(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (\"set\" VARCHAR(128) NOT NULL, \"id\" VARCHAR(400) NOT NULL,"
                    + " \"deletedon\" TIMESTAMP(3) WITH TIME ZONE NOT NULL)");
            st.execute("CREATE INDEX IF NOT EXISTS \"ix_tombstones\" ON " + TABLE + " (\"set\", \"deletedon\")");
        }
    }

    void record(Connection c, String set, String id, OffsetDateTime deletedOn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?, ?)")) {
            ps.setString(1, set);
            ps.setString(2, id);
            ps.setObject(3, deletedOn);
            ps.executeUpdate();
        }
    }

    /** Deletes in the set strictly after {@code since}, oldest first. */
    List<Tombstone> since(Connection c, String set, OffsetDateTime since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT \"id\", \"deletedon\" FROM " + TABLE
                + " WHERE \"set\" = ? AND \"deletedon\" > ? ORDER BY \"deletedon\", \"id\"")) {
            ps.setString(1, set);
            ps.setObject(2, since);
            List<Tombstone> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Tombstone(set, rs.getString(1), rs.getObject(2, OffsetDateTime.class)));
                }
            }
            return result;
        }
    }

    /** The latest delete time, so a restarted clock stays ahead of it. */
    OffsetDateTime latest(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(\"deletedon\") FROM " + TABLE)) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }
}
