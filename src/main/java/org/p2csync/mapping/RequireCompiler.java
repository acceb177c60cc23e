package org.p2csync.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Compiles {@code require:} of a lines section: a list of conditions (or one) in the syntax of {@code filter:}, each
 * of which may carry {@code reason: text}, what people read when a line fails it and holds its document.
 */
final class RequireCompiler {
    private static final String REASON = "reason";
    private static final Set<String> KEYS = keys();
    private static final String WHERE = "condition in require";

    private final Problems problems;
    private final FilterCompiler conditions;

    RequireCompiler(Problems problems, References refs) {
        this.problems = problems;
        this.conditions = new FilterCompiler(problems, refs);
    }

    private static Set<String> keys() {
        Set<String> keys = new HashSet<>(FilterCompiler.KEYS);
        keys.add(REASON);
        return Set.copyOf(keys);
    }

    List<LineRequirements.Requirement> compile(Node node) {
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        if (items.isEmpty()) {
            problems.add(Nodes.line(node), "require is an empty list; give the conditions every line must meet, or"
                    + " leave require out");
        }
        List<LineRequirements.Requirement> out = new ArrayList<>();
        for (Node item : items) {
            YamlMap map = YamlMap.of(item, WHERE, KEYS, problems).orElse(null);
            if (map == null) {
                continue;
            }
            String reason = map.entry(REASON).map(e -> reason(e.value())).orElse(null);
            out.add(new LineRequirements.Requirement(conditions.condition(map, WHERE, Set.of(REASON)), reason));
        }
        return out;
    }

    /** Text only: a number, boolean or null here is a slip (an unquoted value), not a message for people. */
    private String reason(Node value) {
        String example = "; e.g. reason: write-in line (no product)";
        if (!(value instanceof ScalarNode scalar)) {
            problems.add(Nodes.line(value), "reason in " + WHERE + " must be text" + example);
            return null;
        }
        if (!Tag.STR.equals(scalar.getTag())) {
            problems.add(Nodes.line(value), "reason in " + WHERE + " must be text, not "
                    + (Tag.NULL.equals(scalar.getTag()) ? "empty" : "the " + kind(scalar.getTag()) + " "
                    + scalar.getValue() + " (quote it)") + example);
            return null;
        }
        if (scalar.getValue().isBlank()) {
            problems.add(Nodes.line(value), "reason in " + WHERE + " must not be empty" + example);
            return null;
        }
        return scalar.getValue().strip();
    }

    private static String kind(Tag tag) {
        return Tag.BOOL.equals(tag) ? "boolean" : Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) ? "number" : "value";
    }
}
