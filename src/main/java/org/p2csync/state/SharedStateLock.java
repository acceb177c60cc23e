package org.p2csync.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * One running sync per shared (PostgreSQL) state database: a session advisory lock held on a connection of its own
 * for as long as the sync runs (PostgreSQL drops it when the session ends, a killed process included), and the
 * holder's host, pid and start in {@code sync_holder} so that a second sync can name it.
 */
final class SharedStateLock implements AutoCloseable {
    /** Arbitrary but fixed: "p2csync" in ASCII; differs from the migration lock's key. */
    private static final long KEY = 0x70326373796e63L;

    private final Connection session;

    private SharedStateLock(Connection session) {
        this.session = session;
    }

    /** @return null for H2 URLs that are no file of ours (in-memory, a server of someone else's): nothing to lock */
    static SharedStateLock acquire(Transactions tx, Dialect dialect, Instant now) {
        if (dialect != Dialect.POSTGRES) {
            return null;
        }
        Connection session = tx.connection("lock the state database for this sync");
        try {
            boolean taken;
            try (PreparedStatement st = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                st.setLong(1, KEY);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    taken = rs.getBoolean(1);
                }
            }
            if (!taken) {
                String holder = holder(session);
                session.close();
                throw new StateInUseException("the state database is in use by another sync (" + holder + "): stop it"
                        + " first, or give this one its own p2c.state.url");
            }
            SyncHolder me = SyncHolder.current(now);
            try (PreparedStatement st = session.prepareStatement(dialect.upsert("sync_holder",
                    java.util.List.of("holder"), java.util.List.of("host", "pid", "since")))) {
                st.setString(1, "sync");
                st.setString(2, me.host());
                st.setLong(3, me.pid());
                DbTime.set(st, 4, me.since());
                st.executeUpdate();
            }
            return new SharedStateLock(session);
        } catch (SQLException e) {
            closeQuietly(session);
            throw new StateStoreException("State database failed to lock for this sync: " + e.getMessage(), e);
        }
    }

    /** True while some session holds the sync's advisory lock. */
    static boolean held(Transactions tx) {
        return tx.inTransaction("look for a running sync", connection -> {
            if (!connection.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
                return false;
            }
            try (PreparedStatement st = connection.prepareStatement("SELECT COUNT(*) FROM pg_locks WHERE locktype ="
                    + " 'advisory' AND granted AND objsubid = 1 AND (classid::bigint << 32 | objid::bigint) = ?"
                    // advisory locks belong to one database of the cluster
                    + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                st.setLong(1, KEY);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0;
                }
            }
        });
    }

    private static String holder(Connection session) throws SQLException {
        try (PreparedStatement st = session.prepareStatement("SELECT host, pid, since FROM sync_holder WHERE holder"
                + " = 'sync'"); ResultSet rs = st.executeQuery()) {
            return rs.next() ? new SyncHolder(rs.getString(1), rs.getLong(2), DbTime.get(rs, "since")).describe()
                    : "holder unknown";
        }
    }

    @Override
    public void close() throws SQLException {
        session.close();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already failing; the first error is the one to report
        }
    }
}
