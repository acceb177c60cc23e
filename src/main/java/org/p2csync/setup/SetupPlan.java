package org.p2csync.setup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.p2csync.odata.MetadataClient;

/**
 * What the org has of what the mappings need ({@link CrmNeeds}), read through the metadata Web API: each needed
 * column (there, of the right type or not) and each needed alternate key with the state of its index. A key that is
 * the table's primary id needs nothing and is left out. This is the one check that {@code setup --check}, {@code
 * sync} and the demo share: {@link #ready()} and {@link #lacking()}.
 */
public final class SetupPlan {
    /** A needed column and the org's column of that name, if any. */
    public record ColumnState(CrmNeeds.Column need, Optional<MetadataClient.Attribute> existing) {
        /** The attribute type the declaration asks for, as the metadata API names it (Picklist, String, ...). */
        public String expectedType() {
            return need.column().column().type().attributeType();
        }

        public boolean present() {
            return existing.isPresent() && existing.get().attributeType().equalsIgnoreCase(expectedType());
        }

        /** A column of that name exists but of another type: setup cannot fix that by creating. */
        public boolean conflicting() {
            return existing.isPresent() && !present();
        }
    }

    /** A needed key, its table, and the org's key on the same columns, if any. */
    public record KeyState(CrmNeeds.Key need, MetadataClient.Table table, Optional<MetadataClient.Key> existing) {
        public boolean active() {
            return existing.isPresent() && existing.get().active();
        }
    }

    private final List<ColumnState> columns;
    private final List<KeyState> keys;
    private final List<String> problems;

    private SetupPlan(List<ColumnState> columns, List<KeyState> keys, List<String> problems) {
        this.columns = List.copyOf(columns);
        this.keys = List.copyOf(keys);
        this.problems = List.copyOf(problems);
    }

    /** Reads what the org has: one request per table, one per table's keys and one per needed column. */
    public static SetupPlan read(CrmNeeds needs, MetadataClient metadata) {
        Map<String, Optional<MetadataClient.Table>> tables = new LinkedHashMap<>();
        Map<String, List<MetadataClient.Key>> keysOf = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<ColumnState> columns = new ArrayList<>();
        for (CrmNeeds.Column column : needs.columns()) {
            columns.add(new ColumnState(column, metadata.attribute(column.table(), column.logicalName())));
        }
        List<KeyState> keys = new ArrayList<>();
        for (CrmNeeds.Key key : needs.keys()) {
            Optional<MetadataClient.Table> table = tables.computeIfAbsent(key.entitySet(), metadata::table);
            if (table.isEmpty()) {
                problems.add("the CRM has no entity set " + key.entitySet() + ", whose records the mappings address by "
                        + key.properties() + " (" + String.join(", ", key.usedAt()) + ")");
                continue;
            }
            if (key.columns().equals(List.of(table.get().primaryId()))) {
                continue; // the primary id addresses records without any alternate key
            }
            List<MetadataClient.Key> existing = keysOf.computeIfAbsent(table.get().logicalName(), metadata::keys);
            keys.add(new KeyState(key, table.get(), matching(existing, key.columns())));
        }
        return new SetupPlan(columns, keys, problems);
    }

    /** The org's key on exactly these columns (any order); an Active one before one that is not. */
    private static Optional<MetadataClient.Key> matching(List<MetadataClient.Key> keys, List<String> columns) {
        return keys.stream().filter(k -> new HashSet<>(k.attributes()).equals(new HashSet<>(columns)))
                .min((a, b) -> Boolean.compare(b.active(), a.active()));
    }

    public List<ColumnState> columns() {
        return columns;
    }

    public List<KeyState> keys() {
        return keys;
    }

    /** What setup cannot create: entity sets the org lacks. */
    public List<String> problems() {
        return problems;
    }

    /** True when every needed column is there with its type and every needed key is Active. */
    public boolean ready() {
        return problems.isEmpty() && columns.stream().allMatch(ColumnState::present)
                && keys.stream().allMatch(KeyState::active);
    }

    /**
     * What stops a sync, in one sentence naming each missing key and column and what to run, e.g. "the CRM lacks the
     * alternate key products(productnumber) and the column salesorder.p2c_processingstatus that the mappings need:
     * run `java -jar target/p2c-sync.jar setup`"; empty when {@link #ready()}.
     */
    public Optional<String> lacking() {
        if (ready()) {
            return Optional.empty();
        }
        List<String> lacks = new ArrayList<>();
        List<String> missingKeys = keys.stream().filter(k -> k.existing().isEmpty()).map(k -> k.need().name()).toList();
        List<String> missingColumns = columns.stream().filter(c -> c.existing().isEmpty()).map(c -> c.need().name())
                .toList();
        if (!missingKeys.isEmpty()) {
            lacks.add((missingKeys.size() == 1 ? "the alternate key " : "the alternate keys ") + String.join(", ",
                    missingKeys));
        }
        if (!missingColumns.isEmpty()) {
            lacks.add((missingColumns.size() == 1 ? "the column " : "the columns ") + String.join(", ", missingColumns));
        }
        List<String> sentences = new ArrayList<>();
        if (!lacks.isEmpty()) {
            sentences.add("the CRM lacks " + String.join(" and ", lacks) + " that the mappings need");
        }
        keys.stream().filter(k -> k.existing().isPresent() && !k.active()).forEach(k -> sentences.add(
                "the alternate key " + k.need().name() + " is not Active (its index is " + k.existing().get().indexStatus()
                        + ")"));
        columns.stream().filter(ColumnState::conflicting).forEach(c -> sentences.add("the column " + c.need().name()
                + " is a " + c.existing().get().attributeType() + ", the mappings need a " + c.expectedType()));
        sentences.addAll(problems);
        return Optional.of(String.join("; ", sentences) + ": run `" + SetupReport.COMMAND + "`"
                + (sentences.size() > 1 || !lacks.isEmpty() ? " (`setup --check` lists what is missing)" : ""));
    }
}
