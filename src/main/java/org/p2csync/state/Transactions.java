package org.p2csync.state;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs one unit of work in one transaction, so a crash leaves all or nothing of it. */
final class Transactions {
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A connection of its own for work that spans more than one transaction (a session lock); the caller closes it. */
    Connection connection(String what) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StateStoreException("State database failed to " + what + ": " + e.getMessage(), e);
        }
    }

    /** @param what names the operation (and its area or record) for the error message */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StateStoreException("State database failed to " + what + ": " + e.getMessage(), e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
