package org.p2csync.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Dataverse table from real-schemas: {@code dataverse/tables/<table>.md} (entity set, primary id, writable
 * and read-only columns, many-to-one relationships with their navigation properties) and
 * {@code dataverse/columns/<table>.csv} (types, lengths, required levels and choices from the Common Data Model).
 *
 * <p>A column the table page lists but the CDM file lacks (addresses, system columns) gets its type by the rules in
 * {@link #inferred}; a listed name no rule covers is left out and reported by {@link #unmodelled()}: the sandbox may
 * serve fewer real columns, never one typed wrongly.
 */
final class DataverseSchemaReader {
    private static final Pattern HEADER = Pattern.compile(
            "^#\\s+(\\w+).*?entity set `(\\w+)`; primary id `(\\w+)`; primary name `(\\w+)`");
    private static final Pattern PREFIX_LIST = Pattern.compile("(\\w+)_\\*\\s*\\((.*)\\)");
    private static final Pattern RANGE = Pattern.compile("(\\w*?)(\\d+)\\.\\.(\\d+)");
    /** Lookup name companions that the table pages list but the Web API has no property for. */
    private static final Pattern VIRTUAL = Pattern.compile(".*(idname|idyominame|idtype)$|^entityimage$");

    private final Function<String, String> files;
    private final Map<String, Set<String>> unmodelled = new LinkedHashMap<>();
    /** The CDM's address definition (businessunit carries the full set), for address columns a table file lacks. */
    private Map<String, Csv.Row> addressTypes;

    DataverseSchemaReader(Function<String, String> files) {
        this.files = files;
    }

    /** Per table, the listed column names that no rule could type and that are therefore not served. */
    Map<String, Set<String>> unmodelled() {
        return unmodelled;
    }

    DataverseTable read(String table) {
        String mdFile = "dataverse/tables/" + table + ".md";
        String md = files.apply(mdFile);
        Page page = page(md, mdFile);
        String csvFile = "dataverse/columns/" + table + ".csv";
        Map<String, DataverseColumn> columns = new LinkedHashMap<>();
        Map<String, String> lookups = new LinkedHashMap<>();
        page.navigation.values().forEach(n -> lookups.putIfAbsent(n.referencingAttribute(), n.targetTable()));
        for (Csv.Row row : Csv.parse(files.apply(csvFile), csvFile)) {
            String name = row.get("sourceName").toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue; // the CDM's attribute group of a polymorphic lookup (customerid): its navigations type it
            }
            ColumnType type = name.equals(page.primaryId) ? ColumnType.PRIMARY_KEY
                    : name.equals("statecode") ? ColumnType.STATE
                    : ColumnType.ofCdm(row.get("dataType")).orElseThrow(() -> new SchemaException(csvFile + ":"
                            + row.line() + ": column " + name + " has the unknown CDM data type " + row.get("dataType")));
            if (lookups.containsKey(name)) {
                type = ColumnType.LOOKUP;
            }
            columns.put(name, new DataverseColumn(name, type, length(type, row.get("maxLength")),
                    row.get("requiredLevel").endsWith("required"), page.readOnly.contains(name),
                    Csv.options(row.get("options"), csvFile + ":" + row.line()), DataverseColumn.Origin.REAL));
        }
        Set<String> listed = new LinkedHashSet<>(page.writable);
        listed.addAll(page.readOnly);
        listed.addAll(lookups.keySet());
        for (String name : listed) {
            if (columns.containsKey(name) || VIRTUAL.matcher(name).matches() && !lookups.containsKey(name)) {
                continue;
            }
            Optional<DataverseColumn> column = lookups.containsKey(name)
                    ? Optional.of(new DataverseColumn(name, ColumnType.LOOKUP, null, false, page.readOnly.contains(name),
                            Map.of(), DataverseColumn.Origin.REAL))
                    : inferred(name, page.readOnly.contains(name));
            if (column.isPresent()) {
                columns.put(name, column.get());
            } else {
                unmodelled.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(name);
            }
        }
        if (!columns.containsKey(page.primaryId)) {
            columns.put(page.primaryId, new DataverseColumn(page.primaryId, ColumnType.PRIMARY_KEY, null, true, false,
                    Map.of(), DataverseColumn.Origin.REAL));
        }
        return new DataverseTable(page.logicalName, page.entitySet, page.primaryId, page.primaryName, columns,
                page.navigation);
    }

    /**
     * Types of columns the CDM file of a table lacks: the address columns of the CDM address definition, and the
     * system columns every table has (createdon, modifiedon, versionnumber, ...), as Microsoft's Web API reference
     * types them.
     */
    private Optional<DataverseColumn> inferred(String name, boolean readOnly) {
        Matcher address = Pattern.compile("address[1-3]_(\\w+)").matcher(name);
        if (address.matches()) {
            String part = address.group(1);
            if (part.equals("composite")) {
                return Optional.of(column(name, ColumnType.STRING, null, readOnly));
            }
            Csv.Row row = addressTypes().get("address1_" + part);
            if (row == null) {
                return switch (part) {
                    case "primarycontactname" -> Optional.of(column(name, ColumnType.STRING, 100, readOnly));
                    case "freighttermscode" -> Optional.of(column(name, ColumnType.CHOICE, null, readOnly));
                    default -> Optional.empty();
                };
            }
            ColumnType type = ColumnType.ofCdm(row.get("dataType")).orElse(null);
            return type == null ? Optional.empty()
                    : Optional.of(column(name, type, length(type, row.get("maxLength")), readOnly));
        }
        if (name.endsWith("_base")) {
            return Optional.of(column(name, ColumnType.MONEY, null, readOnly));
        }
        if (name.endsWith("_composite") || name.equals("entityimage_url")) {
            return Optional.of(column(name, ColumnType.STRING, null, readOnly));
        }
        return switch (name) {
            case "createdon", "modifiedon", "overriddencreatedon" -> Optional.of(column(name, ColumnType.DATETIME, null, readOnly));
            case "versionnumber", "entityimage_timestamp" -> Optional.of(column(name, ColumnType.BIGINT, null, readOnly));
            case "importsequencenumber", "timezoneruleversionnumber", "utcconversiontimezonecode", "onholdtime" ->
                    Optional.of(column(name, ColumnType.INTEGER, null, readOnly));
            case "exchangerate" -> Optional.of(column(name, ColumnType.DECIMAL, null, readOnly));
            case "isprivate", "isautocreate", "isreparented", "merged", "isdefault" ->
                    Optional.of(column(name, ColumnType.BOOLEAN, null, readOnly));
            case "skippricecalculation", "ordercreationmethod", "quotecreationmethod", "currencytype" ->
                    Optional.of(column(name, ColumnType.CHOICE, null, readOnly));
            case "productnumber" -> Optional.of(column(name, ColumnType.STRING, 100, readOnly));
            // lines are owned through their document; their pages list the owner columns without a relationship
            case "ownerid", "owningbusinessunit", "owninguser", "owningteam" ->
                    Optional.of(column(name, ColumnType.LOOKUP, null, readOnly));
            default -> Optional.empty();
        };
    }

    private static DataverseColumn column(String name, ColumnType type, Integer maxLength, boolean readOnly) {
        return new DataverseColumn(name, type, maxLength, false, readOnly, Map.of(), DataverseColumn.Origin.REAL);
    }

    private Map<String, Csv.Row> addressTypes() {
        if (addressTypes == null) {
            String file = "dataverse/columns/businessunit.csv";
            addressTypes = new LinkedHashMap<>();
            Csv.parse(files.apply(file), file).stream()
                    .filter(r -> r.get("sourceName").startsWith("address1_"))
                    .forEach(r -> addressTypes.put(r.get("sourceName"), r));
        }
        return addressTypes;
    }

    private static Integer length(ColumnType type, String maxLength) {
        if (type != ColumnType.STRING || maxLength.isBlank()) {
            return null;
        }
        return Integer.valueOf(maxLength.strip());
    }

    private record Page(String logicalName, String entitySet, String primaryId, String primaryName,
                        Set<String> writable, Set<String> readOnly, Map<String, DataverseNavigation> navigation) {}

    private static Page page(String md, String file) {
        String[] lines = md.split("\r?\n");
        Matcher header = HEADER.matcher(lines.length == 0 ? "" : lines[0]);
        if (!header.find()) {
            throw new SchemaException(file + ":1: expected '# <table> ... entity set `x`; primary id `y`; primary name `z`'");
        }
        Set<String> writable = new LinkedHashSet<>();
        Set<String> readOnly = new LinkedHashSet<>();
        Map<String, DataverseNavigation> navigation = new LinkedHashMap<>();
        String section = "";
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("##")) {
                section = line.startsWith("## Writable") ? "writable"
                        : line.startsWith("## Read-only") ? "readonly"
                        : line.startsWith("## Many-to-One") ? "navigation" : "";
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            switch (section) {
                case "writable" -> writable.addAll(names(line));
                case "readonly" -> readOnly.addAll(names(line));
                case "navigation" -> {
                    String[] p = line.split("\\|");
                    if (p.length != 4) {
                        throw new SchemaException(file + ":" + (i + 1) + ": expected 'relationship | target | attribute |"
                                + " navigation property'");
                    }
                    String nav = p[3].strip();
                    navigation.put(nav, new DataverseNavigation(nav, p[2].strip().toLowerCase(Locale.ROOT),
                            p[1].strip().toLowerCase(Locale.ROOT)));
                }
                default -> { }
            }
        }
        return new Page(header.group(1), header.group(2), header.group(3), header.group(4), writable, readOnly,
                navigation);
    }

    /**
     * The column names of one list line, lower-cased: {@code A, B, Address1_* (City, Line1), Address2_* (same set),
     * Telephone1..3; plus ~35 portal columns (...)}. What follows "; plus" is prose, not names.
     */
    static List<String> names(String line) {
        String text = line;
        int prose = text.indexOf("; plus");
        if (prose >= 0) {
            text = text.substring(0, prose);
        }
        List<String> out = new ArrayList<>();
        List<String> lastSet = List.of();
        for (String token : topLevel(text)) {
            String t = token.strip();
            if (t.isEmpty()) {
                continue;
            }
            Matcher list = PREFIX_LIST.matcher(t);
            if (list.matches()) {
                List<String> set = list.group(2).strip().equalsIgnoreCase("same set") ? lastSet
                        : expand(topLevel(list.group(2)));
                lastSet = set;
                set.forEach(s -> out.add((list.group(1) + "_" + s).toLowerCase(Locale.ROOT)));
            } else {
                expand(List.of(t)).forEach(s -> out.add(s.toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }

    private static List<String> expand(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (String token : tokens) {
            String t = token.strip();
            Matcher range = RANGE.matcher(t);
            if (range.matches()) {
                for (int n = Integer.parseInt(range.group(2)); n <= Integer.parseInt(range.group(3)); n++) {
                    out.add(range.group(1) + n);
                }
            } else if (t.matches("\\w+")) {
                out.add(t);
            }
        }
        return out;
    }

    /** Splits on commas outside parentheses. */
    private static List<String> topLevel(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }
}
