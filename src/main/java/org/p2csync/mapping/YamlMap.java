package org.p2csync.mapping;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A YAML mapping node read with its line numbers. Duplicate keys and keys outside the allowed set are reported as
 * problems rather than silently dropped, because a misspelt option that is ignored changes data without a word.
 */
final class YamlMap {
    record Entry(String key, int line, Node value) {}

    private final String where;
    private final int line;
    private final Problems problems;
    private final Map<String, Entry> entries;
    private final boolean hadRejectedKeys;

    private YamlMap(String where, int line, Problems problems, Map<String, Entry> entries, boolean hadRejectedKeys) {
        this.where = where;
        this.line = line;
        this.problems = problems;
        this.entries = entries;
        this.hadRejectedKeys = hadRejectedKeys;
    }

    /**
     * @param where how messages name this node, e.g. "field OrganizationName"
     * @param allowed the keys it may hold, or null when any key is data (value map entries, field names)
     * @return empty (with a problem recorded) when the node is not a mapping
     */
    static Optional<YamlMap> of(Node node, String where, Set<String> allowed, Problems problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(Nodes.line(node), where + " must be a mapping of key: value");
            return Optional.empty();
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        boolean rejected = false;
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int keyLine = Nodes.line(keyNode);
            if (!(keyNode instanceof ScalarNode scalar)) {
                problems.add(keyLine, "a key in " + where + " must be a single value");
                continue;
            }
            String key = scalar.getValue();
            Entry first = entries.get(key);
            if (first != null) {
                problems.add(keyLine, "duplicate key '" + key + "' in " + where + " (first at line " + first.line() + ")");
            } else if (allowed != null && !allowed.contains(key)) {
                rejected = true;
                problems.add(
                        keyLine,
                        "unknown key '" + key + "' in " + where + "; expected one of "
                                + String.join(", ", new TreeSet<>(allowed)));
            } else {
                entries.put(key, new Entry(key, keyLine, tuple.getValueNode()));
            }
        }
        return Optional.of(new YamlMap(where, Nodes.line(node), problems, entries, rejected));
    }

    String where() {
        return where;
    }

    int line() {
        return line;
    }

    Collection<Entry> entries() {
        return entries.values();
    }

    /**
     * True when an unknown key was reported: a misspelt option (fromm) then says all there is to say, so checks for
     * what is missing stay quiet instead of adding a second message about the same line.
     */
    boolean hadRejectedKeys() {
        return hadRejectedKeys;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** A scalar option as text; empty when absent, or (with a problem) when it is not a single value. */
    Optional<String> text(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(Nodes.text(e.value(), key + " in " + where, problems));
    }

    /** A scalar option that must be present. */
    Optional<String> requiredText(String key) {
        if (!entries.containsKey(key)) {
            problems.add(line, "missing key '" + key + "' in " + where);
            return Optional.empty();
        }
        Optional<String> text = text(key);
        if (text.isPresent() && text.get().isBlank()) {
            problems.add(lineOf(key), key + " in " + where + " must not be empty");
            return Optional.empty();
        }
        return text;
    }

    /** The line of an option's value, or of this mapping when absent. */
    int lineOf(String key) {
        Entry e = entries.get(key);
        return e == null ? line : Nodes.line(e.value());
    }
}
