package org.p2csync.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Compiles {@code company:}, the target's legal-entity field (F&O dataAreaId), into an ordinary field rule: from the
 * record's business unit through {@code businessUnits} (an inline table, or the name of a value map) when {@code from}
 * is given, else (or when the record has no business unit) the {@code default}. An unknown business unit fails the record rather than landing in some company.
 */
final class CompanyCompiler {
    private static final Set<String> KEYS = Set.of("field", "default", "from", "businessUnits");

    private final Problems problems;
    private final References refs;
    private final ValueMapCompiler tables;
    private final Map<String, ValueMapCompiler.Loaded> valueMaps;

    /** @param valueMaps the tables {@code businessUnits: NAME} may name (the file's own and the shared ones) */
    CompanyCompiler(Problems problems, References refs, ValueMapCompiler tables,
            Map<String, ValueMapCompiler.Loaded> valueMaps) {
        this.problems = problems;
        this.refs = refs;
        this.tables = tables;
        this.valueMaps = valueMaps;
    }

    Optional<FieldRule> compile(Node node) {
        YamlMap m = YamlMap.of(node, "company", KEYS, problems).orElse(null);
        if (m == null) {
            return Optional.empty();
        }
        Optional<String> field = m.requiredText("field");
        if (field.isEmpty()) {
            return Optional.empty();
        }
        String target = field.get();
        refs.targetField(target, m.lineOf("field"));
        List<Step> steps = new ArrayList<>();
        ValueSource source = ValueSource.constant(null);
        String origin = "company default";
        Optional<String> from = m.text("from");
        if (from.isPresent()) {
            origin = from.get();
            refs.sourceField(origin, m.lineOf("from"));
            source = ValueSource.field(origin);
            businessUnits(m, target, origin).ifPresent(steps::add);
        } else if (m.has("businessUnits")) {
            problems.add(m.lineOf("businessUnits"), "company businessUnits needs from: the business unit field");
        }
        if (m.has("default")) {
            Object value = Nodes.literal(m.entry("default").orElseThrow().value(), "company default", problems);
            refs.literal(target, "company default", value, m.lineOf("default"));
            steps.add(Steps.defaultTo(value));
        } else if (from.isEmpty()) {
            problems.add(m.line(), "company needs default (or from with businessUnits)");
        }
        steps.add(Steps.required(origin));
        return Optional.of(new FieldRule(target, source, steps));
    }

    private Optional<Step> businessUnits(YamlMap m, String target, String origin) {
        if (!m.has("businessUnits")) {
            problems.add(m.line(), "company with from needs businessUnits: {business unit id: company}");
            return Optional.empty();
        }
        Node node = m.entry("businessUnits").orElseThrow().value();
        if (node instanceof ScalarNode name) {
            // the business unit -> company table by name, e.g. shared by every area of one organisation
            ValueMapCompiler.Loaded table = valueMaps.get(name.getValue());
            if (table == null) {
                String hint = Suggestions.closest(name.getValue(), valueMaps.keySet())
                        .map(s -> "; did you mean " + s + "?").orElse("");
                problems.add(m.lineOf("businessUnits"), "company businessUnits names no value map '"
                        + name.getValue() + "'" + hint);
                return Optional.empty();
            }
            table.writesInto(refs, target, m.lineOf("businessUnits"));
            return Optional.of(Steps.valueMap(table.table(), origin));
        }
        return tables.businessUnits(node).map(units -> {
            units.writesInto(refs, target, m.lineOf("businessUnits"));
            return Steps.valueMap(units.table(), origin);
        });
    }
}
