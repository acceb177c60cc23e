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
 * and an expired delta token already forces a full read). Each delete has the row version of its write, as
 * change tracking follows versions, not timestamps (many writes share one second).
 */
final class Tombstones {
    private static final String TABLE = "\"$tombstones\"";

    /** One deleted row: its set, its key as {@link EntityJson#keyString} writes it, when and at which version. */
    record Tombstone(String set, String id, OffsetDateTime deletedOn, long version) {}

    void createIfMissing(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (\"set\" VARCHAR(128) NOT NULL, \"id\" VARCHAR(400) NOT NULL,"
                    + " \"deletedon\" TIMESTAMP(3) WITH TIME ZONE NOT NULL)");
            // an older data folder's deletes have no version: they lie before every delta token it can be asked for
            st.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS \"version\" BIGINT");
            st.execute("CREATE INDEX IF NOT EXISTS \"ix_tombstones\" ON " + TABLE + " (\"set\", \"deletedon\")");
            st.execute("CREATE INDEX IF NOT EXISTS \"ix_tombstones_version\" ON " + TABLE + " (\"set\", \"version\")");
        }
    }

    void record(Connection c, String set, String id, ModificationClock.Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " (\"set\", \"id\", \"deletedon\", \"version\") VALUES (?, ?, ?, ?)")) {
            ps.setString(1, set);
            ps.setString(2, id);
            ps.setObject(3, stamp.at());
            ps.setLong(4, stamp.version());
            ps.executeUpdate();
        }
    }

    /** Deletes in the set of a version after {@code version}, oldest first. */
    List<Tombstone> since(Connection c, String set, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT \"id\", \"deletedon\", \"version\" FROM " + TABLE
                + " WHERE \"set\" = ? AND \"version\" > ? ORDER BY \"version\"")) {
            ps.setString(1, set);
            ps.setLong(2, version);
            List<Tombstone> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Tombstone(set, rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getLong(3)));
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

    /** The latest delete's version (0 when none has one). */
    long latestVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(\"version\") FROM " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
