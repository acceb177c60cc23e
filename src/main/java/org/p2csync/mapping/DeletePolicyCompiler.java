package org.p2csync.mapping;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Compiles {@code onDelete:}: either a policy name ({@code onDelete: ignore}) or
 * {@code {policy: deactivate | delete | ignore, set: {Field: value, ...}}}; policy defaults to deactivate, which
 * needs {@code set}. Without {@code onDelete} a mapping ignores deletes ({@link DeletePolicy#NONE}).
 */
final class DeletePolicyCompiler {
    private final Problems problems;
    private final References refs;

    DeletePolicyCompiler(Problems problems, References refs) {
        this.problems = problems;
        this.refs = refs;
    }

    /**
     * @param seesDeletes whether the source's read sees deletes: change tracking, or a full read (no modified)
     * @param modified the source's modified field, named in the message when it keeps deletes out of sight
     */
    DeletePolicy compile(Node node, boolean seesDeletes, String modified, int line) {
        if (!seesDeletes) {
            problems.add(line, "onDelete needs a read that sees deletes: source.changeTracking: true, or no"
                    + " source.modified (a full read); a read by modified (" + modified + ") never sees a record"
                    + " deleted at the source");
        }
        if (node instanceof ScalarNode scalar) {
            return kind(scalar.getValue(), line).map(k -> build(k, Map.of(), line)).orElse(DeletePolicy.NONE);
        }
        return YamlMap.of(node, "onDelete", Set.of("policy", "set"), problems).map(m -> {
            Optional<DeletePolicy.Kind> kind = m.has("policy")
                    ? m.text("policy").flatMap(p -> kind(p, m.lineOf("policy")))
                    : Optional.of(DeletePolicy.Kind.DEACTIVATE);
            Map<String, Object> set = new LinkedHashMap<>();
            m.entry("set").flatMap(e -> YamlMap.of(e.value(), "set in onDelete", null, problems)).ifPresent(fields -> {
                for (YamlMap.Entry f : fields.entries()) {
                    Object value = Nodes.literal(f.value(), "set " + f.key() + " in onDelete", problems);
                    refs.targetField(f.key(), f.line());
                    refs.literal(f.key(), "onDelete set", value, f.line());
                    set.put(f.key(), value);
                }
            });
            return kind.map(k -> build(k, set, m.line())).orElse(DeletePolicy.NONE);
        }).orElse(DeletePolicy.NONE);
    }

    private DeletePolicy build(DeletePolicy.Kind kind, Map<String, Object> set, int line) {
        if (kind == DeletePolicy.Kind.DEACTIVATE && set.isEmpty()) {
            problems.add(line, "onDelete deactivate needs set: {Field: value} with the target fields that block or"
                    + " deactivate the record, e.g. set: {OnHoldStatus: All}");
        }
        if (kind != DeletePolicy.Kind.DEACTIVATE && !set.isEmpty()) {
            problems.add(line, "onDelete set applies only to policy deactivate, not " + kind.name().toLowerCase(
                    Locale.ROOT));
        }
        return new DeletePolicy(kind, set);
    }

    private Optional<DeletePolicy.Kind> kind(String name, int line) {
        for (DeletePolicy.Kind k : DeletePolicy.Kind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(k);
            }
        }
        problems.add(line, "onDelete policy must be deactivate, delete or ignore, not '" + name + "'");
        return Optional.empty();
    }
}
