package org.p2csync.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The only SQL that differs between H2 and PostgreSQL. Everything else in this package is written in the subset both
 * understand.
 */
enum Dialect {
    H2 {
        @Override
        String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
            List<String> all = concat(keyColumns, valueColumns);
            return "MERGE INTO " + table + " (" + String.join(", ", all) + ") KEY (" + String.join(", ", keyColumns)
                    + ") VALUES (" + placeholders(all.size()) + ")";
        }

        @Override
        void lockForMigration(Connection connection) {
            // H2 commits DDL implicitly, so no lock can span a migration; instead every migration is written with
            // IF NOT EXISTS and a duplicate schema_version row is tolerated (see SchemaMigrator).
        }
    },
    POSTGRES {
        @Override
        String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
            List<String> all = concat(keyColumns, valueColumns);
            String updates = valueColumns.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES (" + placeholders(all.size())
                    + ") ON CONFLICT (" + String.join(", ", keyColumns) + ") DO UPDATE SET " + updates;
        }

        @Override
        void lockForMigration(Connection connection) throws SQLException {
            // PostgreSQL DDL is transactional, so a transaction-scoped advisory lock serialises concurrent starts.
            try (Statement st = connection.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK_KEY + ")");
            }
        }
    };

    /** Arbitrary but fixed: "p2cs" in ASCII. */
    private static final long MIGRATION_LOCK_KEY = 0x70326373L;

    /** An insert-or-update statement; parameters are the key columns, then the value columns, in the given order. */
    abstract String upsert(String table, List<String> keyColumns, List<String> valueColumns);

    /** Called first in the migration transaction, so concurrent starts do not migrate twice. */
    abstract void lockForMigration(Connection connection) throws SQLException;

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException(
                "Unsupported state database URL '" + jdbcUrl + "': expected jdbc:h2:... or jdbc:postgresql:...");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** "?, ?, ?" for n parameters, e.g. an IN list. */
    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
