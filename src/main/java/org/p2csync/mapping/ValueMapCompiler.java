package org.p2csync.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Compiles {@code valueMaps:}. Each table is {@code {entries: {source: target, ...}, blank: X, fallback: F}}: the
 * entries sit under their own key so that no real source value can collide with {@code blank} or {@code fallback}.
 * F is {@code error} (the default), {@code keep}, or {@code {value: X}}.
 */
final class ValueMapCompiler {
    /**
     * A compiled table with the lines of the values it writes, so they can be checked against MaxLength.
     *
     * @param origin the file the table was written in when it is not the mapping file using it (a shared table),
     *     else null
     */
    record Loaded(ValueMap table, List<Located> values, java.nio.file.Path origin) {
        Loaded(ValueMap table, List<Located> values) {
            this(table, values, null);
        }

        Loaded from(java.nio.file.Path file) {
            return new Loaded(table, values, file);
        }

        /**
         * Registers the values this table writes into {@code target} for the MaxLength check: at their own lines, or
         * for a shared table at the line using it, naming where the value is written.
         */
        void writesInto(References refs, String target, int usedAt) {
            for (Located v : values) {
                refs.literal(target, origin == null ? v.what() : v.what() + " (" + origin + ":" + v.line() + ")",
                        v.value(), origin == null ? v.line() : usedAt);
            }
        }
    }

    record Located(Object value, String what, int line) {}

    private static final Set<String> TABLE_KEYS = Set.of("entries", "blank", "fallback");

    private final Problems problems;

    ValueMapCompiler(Problems problems) {
        this.problems = problems;
    }

    Map<String, Loaded> compileAll(Node node) {
        Map<String, Loaded> tables = new LinkedHashMap<>();
        YamlMap.of(node, "valueMaps", null, problems).ifPresent(all -> {
            for (YamlMap.Entry e : all.entries()) {
                compile(e.key(), e.value()).ifPresent(t -> tables.put(e.key(), t));
            }
        });
        return tables;
    }

    private Optional<Loaded> compile(String name, Node node) {
        String where = "value map " + name;
        YamlMap table = YamlMap.of(node, where, TABLE_KEYS, problems).orElse(null);
        if (table == null) {
            return Optional.empty();
        }
        List<Located> values = new ArrayList<>();
        Map<String, Object> entries = new HashMap<>();
        table.entry("entries").ifPresentOrElse(
                e -> YamlMap.of(e.value(), "entries of " + where, null, problems).ifPresent(m -> {
                    for (YamlMap.Entry entry : m.entries()) {
                        Object target = Nodes.literal(entry.value(), "value of '" + entry.key() + "'", problems);
                        entries.put(entry.key(), target);
                        values.add(new Located(target, where + " value for '" + entry.key() + "'", entry.line()));
                    }
                }),
                () -> problems.add(table.line(), "missing key 'entries' in " + where));
        Object blank = table.entry("blank")
                .map(e -> Nodes.literal(e.value(), "blank of " + where, problems))
                .orElse(null);
        if (blank != null) {
            values.add(new Located(blank, where + " blank", table.lineOf("blank")));
        }
        ValueMap.Fallback fallback = table.entry("fallback")
                .map(e -> fallback(e.value(), where, values))
                .orElse(new ValueMap.Fallback.Error());
        return Optional.of(new Loaded(new ValueMap(name, entries, blank, fallback), values));
    }

    private ValueMap.Fallback fallback(Node node, String where, List<Located> values) {
        if (node instanceof ScalarNode scalar) {
            switch (scalar.getValue()) {
                case "error":
                    return new ValueMap.Fallback.Error();
                case "keep":
                    return new ValueMap.Fallback.Keep();
                default:
                    problems.add(
                            Nodes.line(node),
                            "fallback of " + where + " must be error, keep or {value: X}, not '" + scalar.getValue()
                                    + "'");
                    return new ValueMap.Fallback.Error();
            }
        }
        return YamlMap.of(node, "fallback of " + where, Set.of("value"), problems)
                .flatMap(m -> m.entry("value"))
                .map(e -> {
                    Object value = Nodes.literal(e.value(), "fallback value", problems);
                    values.add(new Located(value, where + " fallback", e.line()));
                    return (ValueMap.Fallback) new ValueMap.Fallback.Use(value);
                })
                .orElseGet(() -> {
                    problems.add(Nodes.line(node), "fallback of " + where + " needs a value");
                    return new ValueMap.Fallback.Error();
                });
    }

    /** The inline table of {@code company.businessUnits}: business unit id -> dataAreaId, unknown units fail. */
    Optional<Loaded> businessUnits(Node node) {
        List<Located> values = new ArrayList<>();
        Map<String, Object> entries = new HashMap<>();
        return YamlMap.of(node, "company businessUnits", null, problems).map(m -> {
            for (YamlMap.Entry e : m.entries()) {
                Object company = Nodes.literal(e.value(), "company of business unit " + e.key(), problems);
                entries.put(e.key(), company);
                values.add(new Located(company, "company for business unit '" + e.key() + "'", e.line()));
            }
            return new Loaded(new ValueMap("businessUnits", entries, null, new ValueMap.Fallback.Error()), values);
        });
    }
}
