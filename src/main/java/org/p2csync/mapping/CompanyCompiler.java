package org.p2csync.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Compiles {@code company:}, the target's legal-entity field (F&O dataAreaId), into an ordinary field rule: from the
 * record's business unit through {@code businessUnits} when {@code from} is given, else (or when the record has no
 * business unit) the {@code default}. An unknown business unit fails the record rather than landing in some company.
 */
final class CompanyCompiler {
    private static final Set<String> KEYS = Set.of("field", "default", "from", "businessUnits");

    private final Problems problems;
    private final References refs;
    private final ValueMapCompiler tables;

    CompanyCompiler(Problems problems, References refs, ValueMapCompiler tables) {
        this.problems = problems;
        this.refs = refs;
        this.tables = tables;
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
        return tables.businessUnits(m.entry("businessUnits").orElseThrow().value()).map(units -> {
            units.values().forEach(v -> refs.literal(target, v.what(), v.value(), v.line()));
            return Steps.valueMap(units.table(), origin);
        });
    }
}
