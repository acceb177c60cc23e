package org.p2csync.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The H2 table behind one entity set: generic SQL built from the set's declaration, values always bound. */
final class EntityTable {
    private final EntitySetDef set;
    private final String table;

    EntityTable(EntitySetDef set) {
        this.set = set;
        this.table = '"' + set.name() + '"';
    }

    EntitySetDef set() {
        return set;
    }

    /** Creates the table when missing; returns true when it was created, i.e. the database needs seeding. */
    boolean createIfMissing(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            ps.setString(1, set.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    addMissingColumns(c);
                    return false;
                }
            }
        }
        String columns = set.properties().stream()
                .map(p -> p.column() + " " + p.type().sqlType() + (p.nullable() ? "" : " NOT NULL"))
                .collect(Collectors.joining(", "));
        String pk = set.key().stream().map(k -> '"' + k + '"').collect(Collectors.joining(", "));
        try (var st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (" + columns + ", PRIMARY KEY (" + pk + "))");
            int n = 0;
            for (List<String> ak : set.alternateKeys()) {
                String cols = ak.stream().map(k -> '"' + k + '"').collect(Collectors.joining(", "));
                st.execute("CREATE UNIQUE INDEX \"ak_" + set.name() + "_" + n++ + "\" ON " + table + " (" + cols + ")");
            }
            for (Property p : set.properties()) {
                if (p.stamp() == Property.Stamp.MODIFIED) {
                    st.execute("CREATE INDEX \"ix_" + set.name() + "_" + p.name() + "\" ON " + table + " (" + p.column() + ")");
                }
            }
        }
        return true;
    }

    /** A database made by an older sandbox gains the columns declared since (empty for its existing rows). */
    private void addMissingColumns(Connection c) throws SQLException {
        try (var st = c.createStatement()) {
            for (Property p : set.properties()) {
                st.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + p.column() + " " + p.type().sqlType());
            }
        }
    }

    List<Map<String, Object>> select(Connection c, SqlFragment where, String orderBy, int limit, long offset)
            throws SQLException {
        // Columns by name, not *: a table upgraded by ADD COLUMN has them in another order than declared.
        String columns = set.properties().stream().map(Property::column).collect(Collectors.joining(", "));
        String sql = "SELECT " + columns + " FROM " + table + " WHERE " + where.sql()
                + (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy) + " LIMIT ? OFFSET ?";
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row(rs));
            }
            return rows;
        }
    }

    long count(Connection c, SqlFragment where) throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT COUNT(*) FROM " + table + " WHERE " + where.sql(), where.params());
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Optional<Map<String, Object>> find(Connection c, Map<String, Object> key) throws SQLException {
        List<Map<String, Object>> rows = select(c, matching(key), "", 1, 0);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    void insert(Connection c, Map<String, Object> row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql())) {
            bind(ps, row);
            ps.executeUpdate();
        }
    }

    /** Inserts rows in one JDBC batch; every row is written with all declared columns. */
    void insertAll(Connection c, List<Map<String, Object>> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insertSql())) {
            for (Map<String, Object> row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private String insertSql() {
        String cols = set.properties().stream().map(Property::column).collect(Collectors.joining(", "));
        String marks = set.properties().stream().map(p -> "?").collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")";
    }

    private void bind(PreparedStatement ps, Map<String, Object> row) throws SQLException {
        int i = 1;
        for (Property p : set.properties()) {
            ps.setObject(i++, row.get(p.name()));
        }
    }

    /** True when the statement broke a primary or alternate key (SQLSTATE 23505). */
    static boolean isDuplicateKey(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    int update(Connection c, Map<String, Object> key, Map<String, Object> values) throws SQLException {
        if (values.isEmpty()) {
            return 0;
        }
        SqlFragment where = matching(key);
        String sets = values.keySet().stream().map(k -> '"' + k + "\" = ?").collect(Collectors.joining(", "));
        List<Object> params = new ArrayList<>(values.values());
        params.addAll(where.params());
        try (PreparedStatement ps = prepare(c, "UPDATE " + table + " SET " + sets + " WHERE " + where.sql(), params)) {
            return ps.executeUpdate();
        }
    }

    int delete(Connection c, Map<String, Object> key) throws SQLException {
        SqlFragment where = matching(key);
        try (PreparedStatement ps = prepare(c, "DELETE FROM " + table + " WHERE " + where.sql(), where.params())) {
            return ps.executeUpdate();
        }
    }

    /** Equality on every given column (a primary or alternate key). */
    SqlFragment matching(Map<String, Object> key) {
        String sql = key.keySet().stream().map(k -> set.require(k).column() + " = ?").collect(Collectors.joining(" AND "));
        return new SqlFragment(sql, new ArrayList<>(key.values()));
    }

    private Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        int i = 1;
        for (Property p : set.properties()) {
            row.put(p.name(), p.type().read(rs, i++));
        }
        return row;
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }
}
