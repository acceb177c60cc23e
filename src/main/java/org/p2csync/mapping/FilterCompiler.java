package org.p2csync.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Compiles {@code filter:}: a list of conditions that must all hold (or one condition). A condition is
 * {@code {field: F, equals: V}}, {@code {field: F, notEquals: V}}, {@code {field: F, in: [V, ...]}}, or one of
 * {@code {all: [...]}}, {@code {any: [...]}}, {@code {not: condition}}.
 */
final class FilterCompiler {
    static final Set<String> KEYS = Set.of("field", "equals", "notEquals", "in", "all", "any", "not");
    private static final List<String> COMPARISONS = List.of("equals", "notEquals", "in");
    private static final List<String> COMBINATIONS = List.of("all", "any", "not");

    private final Problems problems;
    private final References refs;

    FilterCompiler(Problems problems, References refs) {
        this.problems = problems;
        this.refs = refs;
    }

    Condition compile(Node node) {
        return node instanceof SequenceNode ? new Condition.All(list(node, "filter")) : condition(node, "filter");
    }

    private List<Condition> list(Node node, String where) {
        if (!(node instanceof SequenceNode seq)) {
            problems.add(Nodes.line(node), where + " must be a list of conditions");
            return List.of();
        }
        List<Condition> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            out.add(condition(item, "condition in " + where));
        }
        return out;
    }

    private Condition condition(Node node, String where) {
        return YamlMap.of(node, where, KEYS, problems).map(map -> condition(map, where, Set.of()))
                .orElse(Condition.ANY_RECORD);
    }

    /**
     * One condition from a map already read (with its own allowed keys) by a caller that adds keys of its own, such
     * as require's {@code reason}: those keys are not part of the condition.
     */
    Condition condition(YamlMap map, String where, Set<String> callerKeys) {
        List<String> combinations = COMBINATIONS.stream().filter(map::has).toList();
        if (!combinations.isEmpty()) {
            if (map.entries().stream().filter(e -> !callerKeys.contains(e.key())).count() > 1) {
                problems.add(map.line(), where + ": " + combinations.get(0) + " must stand alone in its condition");
                return Condition.ANY_RECORD;
            }
            Node inner = map.entry(combinations.get(0)).orElseThrow().value();
            return switch (combinations.get(0)) {
                case "all" -> new Condition.All(list(inner, "all"));
                case "any" -> new Condition.Any(list(inner, "any"));
                default -> new Condition.Not(compile(inner));
            };
        }
        List<String> comparisons = COMPARISONS.stream().filter(map::has).toList();
        String field = map.requiredText("field").orElse(null);
        if (comparisons.size() != 1) {
            if (comparisons.isEmpty() && map.hadRejectedKeys()) {
                return Condition.ANY_RECORD; // the misspelt operator is already reported
            }
            problems.add(map.line(), where + " needs exactly one of " + String.join(", ", COMPARISONS));
            return Condition.ANY_RECORD;
        }
        if (field == null) {
            return Condition.ANY_RECORD;
        }
        refs.sourceField(field, map.lineOf("field"));
        String op = comparisons.get(0);
        Node value = map.entry(op).orElseThrow().value();
        List<Object> literals = op.equals("in") ? literalList(value) : literals(value, op);
        // the literals are checked against the field's enum members or choice options once the catalog is known
        refs.comparison(field, literals, map.lineOf(op));
        List<String> expected = literals.stream().map(Values::text).toList();
        return switch (op) {
            case "equals" -> new Condition.Equals(field, expected.get(0));
            case "notEquals" -> new Condition.NotEquals(field, expected.get(0));
            default -> new Condition.In(field, expected);
        };
    }

    private List<Object> literals(Node value, String op) {
        List<Object> one = new ArrayList<>();
        one.add(Nodes.literal(value, op, problems));
        return one;
    }

    private List<Object> literalList(Node value) {
        if (!(value instanceof SequenceNode seq)) {
            problems.add(Nodes.line(value), "in must be a list of values, e.g. in: [3, 9]");
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        seq.getValue().forEach(v -> out.add(Nodes.literal(v, "in", problems)));
        return out;
    }
}
