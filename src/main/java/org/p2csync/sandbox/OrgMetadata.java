package org.p2csync.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the org's customizers created through the metadata Web API, kept in the CRM's own H2 database so it
 * survives a restart: alternate keys with their index status ({@code $entitykeys}) and columns ({@code $attributes}).
 * Callers hold the service lock.
 */
final class OrgMetadata {
    private static final String KEYS = "\"$entitykeys\"";
    private static final String COLUMNS = "\"$attributes\"";

    /** A column created in the org: which table, its definition, when. */
    record CreatedColumn(String metadataId, String table, ColumnDefinition definition, Instant createdAt) {}

    private final Connection connection;
    private final List<EntityKey> keys = new ArrayList<>();
    private final List<CreatedColumn> columns = new ArrayList<>();

    private OrgMetadata(Connection connection) {
        this.connection = connection;
    }

    /** True when the database already records the org's customizations (made by this sandbox version or later). */
    static boolean recorded(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "$entitykeys", null)) {
            return rs.next();
        }
    }

    static OrgMetadata open(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + KEYS + " (\"metadataid\" VARCHAR(36) PRIMARY KEY,"
                    + " \"entity\" VARCHAR(128) NOT NULL, \"logicalname\" VARCHAR(128) NOT NULL,"
                    + " \"schemaname\" VARCHAR(128) NOT NULL, \"displayname\" VARCHAR(400),"
                    + " \"attributes\" VARCHAR(2000) NOT NULL, \"status\" VARCHAR(20) NOT NULL,"
                    + " \"createdat\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"failure\" VARCHAR(4000))");
            st.execute("CREATE TABLE IF NOT EXISTS " + COLUMNS + " (\"metadataid\" VARCHAR(36) PRIMARY KEY,"
                    + " \"entity\" VARCHAR(128) NOT NULL, \"definition\" CHARACTER LARGE OBJECT NOT NULL,"
                    + " \"createdat\" TIMESTAMP(3) WITH TIME ZONE NOT NULL)");
        }
        OrgMetadata org = new OrgMetadata(c);
        org.load();
        return org;
    }

    List<EntityKey> keys() {
        return List.copyOf(keys);
    }

    List<EntityKey> keys(String table) {
        return keys.stream().filter(k -> k.table().equals(table)).toList();
    }

    List<CreatedColumn> columns(String table) {
        return columns.stream().filter(c -> c.table().equals(table)).toList();
    }

    Optional<CreatedColumn> column(String table, String logicalName) {
        return columns.stream().filter(c -> c.table().equals(table)
                && c.definition().logicalName().equals(logicalName)).findFirst();
    }

    void addKey(EntityKey key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + KEYS + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, key.metadataId());
            ps.setString(2, key.table());
            ps.setString(3, key.logicalName());
            ps.setString(4, key.schemaName());
            ps.setString(5, key.displayName());
            ps.setString(6, String.join(",", key.attributes()));
            ps.setString(7, key.status().name());
            ps.setObject(8, OffsetDateTime.ofInstant(key.createdAt(), ZoneOffset.UTC));
            ps.setString(9, key.failure());
            ps.executeUpdate();
        }
        keys.add(key);
    }

    void updateKey(EntityKey key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + KEYS
                + " SET \"status\" = ?, \"failure\" = ? WHERE \"metadataid\" = ?")) {
            ps.setString(1, key.status().name());
            ps.setString(2, key.failure());
            ps.setString(3, key.metadataId());
            ps.executeUpdate();
        }
        keys.replaceAll(k -> k.metadataId().equals(key.metadataId()) ? key : k);
    }

    void deleteKey(EntityKey key) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + KEYS + " WHERE \"metadataid\" = ?")) {
            ps.setString(1, key.metadataId());
            ps.executeUpdate();
        }
        keys.removeIf(k -> k.metadataId().equals(key.metadataId()));
    }

    void addColumn(CreatedColumn column) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + COLUMNS + " VALUES (?, ?, ?, ?)")) {
            ps.setString(1, column.metadataId());
            ps.setString(2, column.table());
            ps.setString(3, Json.MAPPER.writeValueAsString(column.definition()));
            ps.setObject(4, OffsetDateTime.ofInstant(column.createdAt(), ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the definition of " + column.definition().logicalName(), e);
        }
        columns.add(column);
    }

    private void load() throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + KEYS + " ORDER BY \"createdat\", \"metadataid\"")) {
            while (rs.next()) {
                keys.add(new EntityKey(rs.getString("metadataid"), rs.getString("entity"), rs.getString("logicalname"),
                        rs.getString("schemaname"), rs.getString("displayname"),
                        Arrays.asList(rs.getString("attributes").split(",")),
                        KeyIndexStatus.valueOf(rs.getString("status")),
                        rs.getObject("createdat", OffsetDateTime.class).toInstant(), rs.getString("failure")));
            }
        }
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + COLUMNS + " ORDER BY \"createdat\", \"metadataid\"")) {
            while (rs.next()) {
                try {
                    columns.add(new CreatedColumn(rs.getString("metadataid"), rs.getString("entity"),
                            Json.MAPPER.readValue(rs.getString("definition"), ColumnDefinition.class),
                            rs.getObject("createdat", OffsetDateTime.class).toInstant()));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("the stored definition of a column of " + rs.getString("entity")
                            + " cannot be read: " + e.getOriginalMessage(), e);
                }
            }
        }
    }
}
