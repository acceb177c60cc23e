package org.p2csync.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The real services' published data model as the jar ships it ({@code real-schemas/}), with p2c-sync's own columns
 * ({@code p2c-columns.yaml}) added to their tables. Immutable; {@link #shipped()} reads it once per call, so hold on
 * to the instance.
 */
public final class RealSchemas {
    private static final String ROOT = "real-schemas/";

    private final Map<String, FnoEntity> fno;
    private final Map<String, DataverseTable> tablesByName;
    private final Map<String, DataverseTable> tablesBySet;
    private final List<P2cColumn> p2cColumns;
    private final Map<String, Set<String>> unmodelled;

    private RealSchemas(Map<String, FnoEntity> fno, Map<String, DataverseTable> tables, List<P2cColumn> p2cColumns,
                        Map<String, Set<String>> unmodelled) {
        this.fno = Collections.unmodifiableMap(new LinkedHashMap<>(fno));
        this.tablesByName = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        Map<String, DataverseTable> bySet = new LinkedHashMap<>();
        tables.values().forEach(t -> bySet.put(t.entitySet(), t));
        this.tablesBySet = Collections.unmodifiableMap(bySet);
        this.p2cColumns = List.copyOf(p2cColumns);
        this.unmodelled = Collections.unmodifiableMap(new LinkedHashMap<>(unmodelled));
    }

    /** The schemas shipped in the jar. */
    public static RealSchemas shipped() {
        ClassLoader loader = RealSchemas.class.getClassLoader();
        Function<String, String> files = path -> resource(loader, ROOT + path);
        return load(files, resource(loader, ROOT + "FILES"), resource(loader, P2cColumns.FILE));
    }

    /**
     * Reads schemas from any source.
     *
     * @param files reads a file below real-schemas/ by relative path
     * @param index the FILES listing (one relative path per line, '#' comments)
     * @param p2cColumnsYaml the p2c-columns.yaml text
     */
    static RealSchemas load(Function<String, String> files, String index, String p2cColumnsYaml) {
        Map<String, FnoEntity> fno = new FnoSchemaReader(files).read();
        DataverseSchemaReader reader = new DataverseSchemaReader(files);
        Map<String, DataverseTable> tables = new LinkedHashMap<>();
        for (String line : index.split("\r?\n")) {
            String path = line.strip();
            if (path.startsWith("dataverse/tables/") && path.endsWith(".md")) {
                DataverseTable table = reader.read(path.substring("dataverse/tables/".length(), path.length() - 3));
                tables.put(table.logicalName(), table);
            }
        }
        List<P2cColumn> p2c = P2cColumns.parse(p2cColumnsYaml);
        for (P2cColumn column : p2c) {
            DataverseTable table = tables.get(column.table());
            if (table == null) {
                throw new SchemaException(P2cColumns.FILE + ": " + column.table() + " is no table of real-schemas/dataverse;"
                        + " known: " + tables.keySet());
            }
            if (table.column(column.column().logicalName()).isPresent()) {
                throw new SchemaException(P2cColumns.FILE + ": " + column.table() + "." + column.column().logicalName()
                        + " is a column of the real table already");
            }
            tables.put(table.logicalName(), table.withColumn(column.column()));
        }
        return new RealSchemas(fno, tables, p2c, reader.unmodelled());
    }

    /** An F&amp;O entity set by name, e.g. CDSSalesOrderHeaders. */
    public Optional<FnoEntity> fnoEntity(String entitySet) {
        return Optional.ofNullable(fno.get(entitySet));
    }

    public Collection<FnoEntity> fnoEntities() {
        return fno.values();
    }

    /** A Dataverse table by its entity set, e.g. salesorders. */
    public Optional<DataverseTable> dataverseEntitySet(String entitySet) {
        return Optional.ofNullable(tablesBySet.get(entitySet));
    }

    /** A Dataverse table by its logical name, e.g. salesorder. */
    public Optional<DataverseTable> dataverseTable(String logicalName) {
        return Optional.ofNullable(tablesByName.get(logicalName));
    }

    public Collection<DataverseTable> dataverseTables() {
        return tablesByName.values();
    }

    /** The columns p2c-sync adds (p2c-columns.yaml), in file order. */
    public List<P2cColumn> p2cColumns() {
        return p2cColumns;
    }

    /** Per table, the column names its page lists that no typing rule covers; they are not part of the model. */
    public Map<String, Set<String>> unmodelled() {
        return unmodelled;
    }

    private static String resource(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new SchemaException("the jar has no " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
