package org.p2csync.sandbox;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 table behind one entity set: generic SQL built from the set's declaration, values always bound. A null
 * for a property with an F&amp;O default is stored as that default, so seeds and API writes agree.
 */
final class EntityTable {
    private static final Logger LOG = LoggerFactory.getLogger(EntityTable.class);

    private final EntitySetDef set;
    private final String table;
    /** Index name -> columns: alternate keys (unique), stamps and referenced columns (plain). */
    private final Map<String, List<String>> uniqueIndexes = new LinkedHashMap<>();
    private final Map<String, List<String>> plainIndexes = new LinkedHashMap<>();

    /**
     * @param set every column the table keeps (an org's columns not created yet included)
     * @param keyIndexes the unique indexes of the set's Active alternate keys, by name
     * @param referenced column lists other sets look rows up by (references), indexed for that
     */
    EntityTable(EntitySetDef set, Map<String, List<String>> keyIndexes, List<List<String>> referenced) {
        this.set = set;
        this.table = '"' + set.name() + '"';
        uniqueIndexes.putAll(keyIndexes);
        set.properties().stream().filter(p -> p.stamp() == Property.Stamp.MODIFIED)
                .forEach(p -> plainIndexes.put(indexName("ix", set.name(), List.of(p.name())), List.of(p.name())));
        referenced.forEach(cols -> plainIndexes.put(indexName("ix", set.name(), cols), cols));
    }

    EntitySetDef set() {
        return set;
    }

    /**
     * Creates the table when missing, or brings a table an older sandbox made up to the declaration: a table whose
     * primary key differs is made anew (its rows cannot be addressed by the real key), columns and indexes no longer
     * declared are dropped, declared ones added (existing rows get the F&amp;O default where the field has one).
     *
     * @return true when the table was created, i.e. it is empty and may need seed data
     */
    boolean createIfMissing(Connection c) throws SQLException {
        List<String> primaryKey = primaryKey(c);
        if (primaryKey != null && !primaryKey.equals(set.key())) {
            LOG.info("sandbox: {} had the key {}, the real one is {}: made anew", set.name(), primaryKey, set.key());
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE " + table);
            }
            primaryKey = null;
        }
        if (primaryKey != null) {
            upgrade(c);
            return false;
        }
        String columns = set.properties().stream()
                .map(p -> p.column() + " " + p.type().sqlType() + (p.nullable() ? "" : " NOT NULL"))
                .collect(Collectors.joining(", "));
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (" + columns + ", PRIMARY KEY (" + quoted(set.key()) + "))");
        }
        createIndexes(c);
        return true;
    }

    private void upgrade(Connection c) throws SQLException {
        Set<String> existing = existingColumns(c);
        try (Statement st = c.createStatement()) {
            for (String index : existingIndexes(c)) {
                if ((index.startsWith("ak_") || index.startsWith("ix_")) && !uniqueIndexes.containsKey(index)
                        && !plainIndexes.containsKey(index)) {
                    st.execute("DROP INDEX \"" + index + "\"");
                }
            }
            for (String column : existing) {
                if (set.property(column).isEmpty()) {
                    st.execute("ALTER TABLE " + table + " DROP COLUMN \"" + column + "\"");
                }
            }
        }
        for (Property p : set.properties()) {
            if (existing.contains(p.name())) {
                continue;
            }
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + table + " ADD COLUMN " + p.column() + " " + p.type().sqlType());
            }
            if (p.defaultValue() != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + p.column() + " = ?")) {
                    ps.setObject(1, p.defaultValue());
                    ps.executeUpdate();
                }
            }
        }
        createIndexes(c);
    }

    private void createIndexes(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (Map.Entry<String, List<String>> ix : uniqueIndexes.entrySet()) {
                st.execute("CREATE UNIQUE INDEX IF NOT EXISTS \"" + ix.getKey() + "\" ON " + table
                        + " (" + quoted(ix.getValue()) + ")");
            }
            for (Map.Entry<String, List<String>> ix : plainIndexes.entrySet()) {
                st.execute("CREATE INDEX IF NOT EXISTS \"" + ix.getKey() + "\" ON " + table
                        + " (" + quoted(ix.getValue()) + ")");
            }
        }
    }

    /** The table's primary key columns in key order, or null when there is no such table. */
    private List<String> primaryKey(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet tables = meta.getTables(null, "PUBLIC", set.name(), new String[] {"TABLE", "BASE TABLE"})) {
            if (!tables.next()) {
                return null;
            }
        }
        Map<Integer, String> key = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, "PUBLIC", set.name())) {
            while (rs.next()) {
                key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(key.values());
    }

    private Set<String> existingColumns(Connection c) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, "PUBLIC", set.name(), null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }

    private Set<String> existingIndexes(Connection c) throws SQLException {
        Set<String> indexes = new LinkedHashSet<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, "PUBLIC", set.name(), false, false)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    indexes.add(rs.getString("INDEX_NAME"));
                }
            }
        }
        return indexes;
    }

    /** Rows with every declared column. */
    List<Map<String, Object>> select(Connection c, SqlFragment where, String orderBy, int limit, long offset)
            throws SQLException {
        return select(c, set.properties(), where, orderBy, limit, offset);
    }

    /** Rows with the given columns only (a $select), so wide tables serve narrow reads fast. */
    List<Map<String, Object>> select(Connection c, List<Property> columns, SqlFragment where, String orderBy,
                                     int limit, long offset) throws SQLException {
        String sql = "SELECT " + columns.stream().map(Property::column).collect(Collectors.joining(", "))
                + " FROM " + table + " WHERE " + where.sql()
                + (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy) + " LIMIT ? OFFSET ?";
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                int i = 1;
                for (Property p : columns) {
                    row.put(p.name(), p.type().read(rs, i++));
                }
                rows.add(row);
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
        insertAll(c, List.of(row));
    }

    /**
     * Inserts rows in one JDBC batch. Only the columns some row gives, and those with an F&amp;O default, are
     * written: the others start null, so wide tables (hundreds of real columns) seed and create fast.
     */
    void insertAll(Connection c, List<Map<String, Object>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Set<String> given = new LinkedHashSet<>();
        for (Map<String, Object> row : rows) {
            for (String name : row.keySet()) {
                if (set.property(name).isEmpty()) {
                    throw new IllegalArgumentException("a row of " + set.name() + " names unknown property " + name);
                }
                given.add(name);
            }
        }
        List<Property> columns = set.properties().stream()
                .filter(p -> given.contains(p.name()) || p.defaultValue() != null).toList();
        String sql = "INSERT INTO " + table + " (" + columns.stream().map(Property::column).collect(Collectors.joining(", "))
                + ") VALUES (" + columns.stream().map(p -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map<String, Object> row : rows) {
                int i = 1;
                for (Property p : columns) {
                    ps.setObject(i++, stored(p, row.get(p.name())));
                }
                if (rows.size() > 1) {
                    ps.addBatch();
                }
            }
            if (rows.size() > 1) {
                ps.executeBatch();
            } else {
                ps.executeUpdate();
            }
        }
    }

    private static Object stored(Property p, Object value) {
        return value == null ? p.defaultValue() : value;
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
        String sets = values.keySet().stream().map(k -> set.require(k).column() + " = ?")
                .collect(Collectors.joining(", "));
        List<Object> params = new ArrayList<>();
        values.forEach((k, v) -> params.add(stored(set.require(k), v)));
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

    static String indexName(String prefix, String setName, List<String> columns) {
        return prefix + "_" + setName + "_" + String.join("_", columns);
    }

    /** Adds a column created in the org that the table does not keep yet; existing rows have no value. */
    void addColumn(Connection c, Property p) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + p.column() + " " + p.type().sqlType());
        }
    }

    /** A column created with another type than the table keeps it in: made anew, without values. */
    void replaceColumn(Connection c, Property p) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + table + " DROP COLUMN " + p.column());
        }
        addColumn(c, p);
    }

    /** The values of the first set of rows that share non-null values in all the columns, if any. */
    Optional<List<Object>> duplicate(Connection c, List<String> columns) throws SQLException {
        String cols = quoted(columns);
        String notNull = columns.stream().map(k -> '"' + k + "\" IS NOT NULL").collect(Collectors.joining(" AND "));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT " + cols + " FROM " + table
                + " WHERE " + notNull + " GROUP BY " + cols + " HAVING COUNT(*) > 1 LIMIT 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                values.add(rs.getObject(i));
            }
            return Optional.of(values);
        }
    }

    /** Builds an alternate key's index; the table must hold no duplicates ({@link #duplicate}). */
    void createUniqueIndex(Connection c, String name, List<String> columns) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE UNIQUE INDEX IF NOT EXISTS \"" + name + "\" ON " + table + " (" + quoted(columns) + ")");
        }
        uniqueIndexes.put(name, List.copyOf(columns));
    }

    void dropIndex(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX IF EXISTS \"" + name + "\"");
        }
        uniqueIndexes.remove(name);
    }

    private static String quoted(List<String> columns) {
        return columns.stream().map(k -> '"' + k + '"').collect(Collectors.joining(", "));
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }
}
