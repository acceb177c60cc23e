package org.p2csync.mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Compiles {@code lines:}, a document's lines: one section or a list of sections, each with {@code source}
 * ({entity, id, parent} or {@code self}), {@code target} ({entity, key}), an optional {@code require} (conditions
 * every line must meet, else the document is held) and {@code fields} (the field options of the header, plus
 * {@code header: F}, a value of the mapped header). At most one section reads source line rows: the source endpoint
 * attaches one set of line rows to a header. A {@code filter} is refused: it would write the document without the
 * lines it leaves out.
 */
final class LinesCompiler {
    // filter is known only to be refused with a message that says what to use instead
    private static final Set<String> KEYS = Set.of("source", "target", "filter", "require", "fields");
    private static final Set<String> SOURCE = Set.of("entity", "id", "parent");
    private static final Set<String> TARGET = Set.of("entity", "key");

    private final Problems problems;
    private final Map<String, ValueMapCompiler.Loaded> valueMaps;

    LinesCompiler(Problems problems, Map<String, ValueMapCompiler.Loaded> valueMaps) {
        this.problems = problems;
        this.valueMaps = valueMaps;
    }

    /**
     * {@code lines:} as one section (a map) or a list of sections, in declaration order. A section with mistakes is
     * left out after reporting them, so the list may be shorter than the file's only when a problem was recorded.
     *
     * @param header the header's references: each line checks its header fields against them, and a self line
     *     reads the header's entity set
     */
    List<DocumentLines> compileAll(Node node, References header) {
        if (!(node instanceof SequenceNode seq)) {
            return compile(node, header).map(List::of).orElse(List.of());
        }
        if (seq.getValue().isEmpty()) {
            problems.add(Nodes.line(node), "lines is an empty list; give one section or a list of sections");
            return List.of();
        }
        List<DocumentLines> sections = new ArrayList<>();
        Integer readingLine = null;
        for (Node item : seq.getValue()) {
            Optional<DocumentLines> section = compile(item, header);
            if (section.isEmpty()) {
                continue;
            }
            if (!section.get().self()) {
                if (readingLine != null) {
                    // one header row carries one set of line rows (ReadSpec.LinesSpec): a second cannot be read
                    problems.add(Nodes.line(item), "a second lines section reads source lines (the first is at line "
                            + readingLine + "); only one section may have source: {entity, id, parent}, the others"
                            + " must be source: self");
                    continue;
                }
                readingLine = Nodes.line(item);
            }
            sections.add(section.get());
        }
        return List.copyOf(sections);
    }

    private Optional<DocumentLines> compile(Node node, References header) {
        YamlMap m = YamlMap.of(node, "lines", KEYS, problems).orElse(null);
        if (m == null) {
            return Optional.empty();
        }
        References refs = new References();
        refs.area("lines", m.line());
        boolean self = false;
        String entity = null;
        String id = null;
        String parent = null;
        Optional<YamlMap.Entry> source = m.entry("source");
        if (source.isEmpty()) {
            problems.add(m.line(), "missing key 'source' in lines");
        } else if (source.get().value() instanceof ScalarNode s) {
            if (s.getValue().equals("self")) {
                self = true;
                if (header.sourceEntity() != null) {
                    entity = header.sourceEntity().name();
                    refs.sourceEntity(entity, source.get().line());
                }
            } else {
                problems.add(source.get().line(), "source in lines must be self or {entity, id, parent}, not '"
                        + s.getValue() + "'");
            }
        } else {
            YamlMap src = YamlMap.of(source.get().value(), "source in lines", SOURCE, problems).orElse(null);
            if (src != null) {
                entity = src.requiredText("entity").orElse(null);
                if (entity != null) {
                    refs.sourceEntity(entity, src.lineOf("entity"));
                }
                // F&O lines have composite ids and refer to their header by a composite key: lists, as source.id
                id = MappingLoader.fieldList(src, "id", refs, problems).orElse(null);
                parent = MappingLoader.fieldList(src, "parent", refs, problems).orElse(null);
            }
        }
        String targetEntity = null;
        List<String> key = new ArrayList<>();
        Optional<YamlMap> target = m.entry("target")
                .flatMap(e -> YamlMap.of(e.value(), "target in lines", TARGET, problems));
        if (m.entry("target").isEmpty()) {
            problems.add(m.line(), "missing key 'target' in lines");
        }
        if (target.isPresent()) {
            targetEntity = target.get().requiredText("entity").orElse(null);
            if (targetEntity != null) {
                refs.targetEntity(targetEntity, target.get().lineOf("entity"));
            }
            key = key(target.get());
            refs.targetKey(key, target.get().lineOf("key"));
        }
        m.entry("filter").ifPresent(e -> problems.add(e.line(), "filter in lines would write the document without"
                + " the lines it leaves out (a half-synced document); use require: instead, the conditions every line"
                + " must meet (a document with a line that does not is held: neither header nor lines are written),"
                + " e.g. require: [{field: _productid_value, notEquals: ~, reason: write-in line (no product)}]"));
        List<LineRequirements.Requirement> require = m.entry("require")
                .map(e -> new RequireCompiler(problems, refs).compile(e.value()))
                .orElse(List.of());
        List<FieldRule> rules = new ArrayList<>();
        Map<String, String> copiedFrom = new LinkedHashMap<>();
        FieldRuleCompiler compiler = new FieldRuleCompiler(problems, refs, valueMaps, true);
        if (m.entry("fields").isEmpty()) {
            problems.add(m.line(), "missing key 'fields' in lines");
        }
        m.entry("fields").flatMap(e -> YamlMap.of(e.value(), "fields in lines", null, problems)).ifPresent(fields -> {
            for (YamlMap.Entry e : fields.entries()) {
                compiler.compile(e.key(), e.line(), e.value()).ifPresent(rules::add);
                from(e.value()).ifPresent(f -> copiedFrom.put(e.key(), f));
            }
        });
        checkNames(refs, header, key, target.map(YamlMap::line).orElse(m.line()));
        if (entity == null || targetEntity == null || key.isEmpty() || (!self && (id == null || parent == null))) {
            return Optional.empty();
        }
        // people know a line by its number (sequencenumber), the part of the line key its header does not give
        List<String> lineNumbers = key.stream().filter(copiedFrom::containsKey).map(copiedFrom::get).toList();
        LineRequirements requirements = new LineRequirements(require, lineNumbers, entity,
                self ? List.of() : List.of(id.split(",")), self, targetEntity);
        return Optional.of(new DocumentLines(self, entity, id, parent, targetEntity, key, requirements, rules, refs));
    }

    /** The source field a line field is read from ({@code from: F}), when that is how it is computed. */
    private static Optional<String> from(Node field) {
        if (!(field instanceof MappingNode map)) {
            return Optional.empty();
        }
        for (NodeTuple tuple : map.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals("from")
                    && tuple.getValueNode() instanceof ScalarNode v && !v.getValue().isBlank()) {
                return Optional.of(v.getValue());
            }
        }
        return Optional.empty();
    }

    private List<String> key(YamlMap target) {
        List<String> key = new ArrayList<>();
        Optional<YamlMap.Entry> entry = target.entry("key");
        if (entry.isEmpty()) {
            problems.add(target.line(), "missing key 'key' in target in lines");
            return key;
        }
        Node value = entry.get().value();
        List<Node> items = value instanceof SequenceNode seq ? seq.getValue() : List.of(value);
        for (Node item : items) {
            Optional.ofNullable(Nodes.text(item, "a line key field", problems)).ifPresent(key::add);
        }
        if (new HashSet<>(key).size() != key.size()) {
            problems.add(entry.get().line(), "line key names a field twice: " + key);
        }
        return key;
    }

    /** Line keys must be set by the line fields; header: must name a field the header mapping sets. */
    private void checkNames(References refs, References header, List<String> key, int line) {
        Set<String> declared = new HashSet<>();
        refs.targetFields().forEach(f -> declared.add(f.name()));
        for (String k : key) {
            if (!declared.contains(k)) {
                problems.add(line, "line key field " + k + " is not set by lines fields");
            }
        }
        Set<String> headerFields = new HashSet<>();
        header.targetFields().forEach(f -> headerFields.add(f.name()));
        header.bindFields().forEach(f -> headerFields.add(f.name()));
        for (References.Name h : refs.headerFields()) {
            if (!headerFields.contains(h.name())) {
                String hint = Suggestions.closest(h.name(), headerFields).map(s -> "; did you mean " + s + "?")
                        .orElse("");
                problems.add(h.line(), "header field '" + h.name() + "' is not set by the header's fields" + hint);
            }
        }
    }
}
