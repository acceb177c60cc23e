package org.p2csync.mapping;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.p2csync.sync.ReadOnlyWhen;
import org.p2csync.sync.ReadSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a mapping file (mappings/README.md describes the format) and compiles it. Everything wrong in the file is
 * reported at once in one {@link MappingException}, each problem as {@code file:line: message}.
 */
public final class MappingLoader {
    private static final Logger LOG = LoggerFactory.getLogger(MappingLoader.class);
    private static final Set<String> TOP =
            Set.of("area", "source", "target", "company", "filter", "valueMaps", "fields", "lines", "onDelete",
                    "conflicts");
    private static final Set<String> SOURCE = Set.of("system", "entity", "id", "key", "modified", "changeTracking");
    private static final Set<String> TARGET = Set.of("system", "entity", "key", "id", "write", "assigned", "shared",
            "readOnlyWhen");
    private static final Set<String> SYSTEMS = Set.of("crm", "erp");

    private final SharedValueMaps shared;

    /** A loader for files that use no shared value maps. */
    public MappingLoader() {
        this(SharedValueMaps.NONE);
    }

    /** A loader whose files may use the tables of {@code shared} by name. */
    MappingLoader(SharedValueMaps shared) {
        this.shared = shared;
    }

    /** @throws MappingException when the file cannot be read, is not valid YAML, or breaks the format */
    public Mapping load(Path file) {
        Problems problems = new Problems(file);
        Node root = parse(file, problems);
        YamlMap top = YamlMap.of(root, "the mapping file", TOP, problems).orElse(null);
        problems.throwIfAny(); // nothing sensible can be said about the sections of a file that is not a mapping

        References refs = new References();
        Optional<String> area = top.requiredText("area");
        area.ifPresent(a -> refs.area(a, top.lineOf("area")));
        Optional<YamlMap> sourceSection = section(top, "source", SOURCE, problems);
        Optional<SourceSpec> source = sourceSection.flatMap(m -> source(m, refs, problems));
        Optional<TargetSpec> target = section(top, "target", TARGET, problems).flatMap(m -> target(m, refs, problems));
        Condition filter = top.entry("filter")
                .map(e -> new FilterCompiler(problems, refs).compile(e.value()))
                .orElse(Condition.ANY_RECORD);
        ValueMapCompiler tables = new ValueMapCompiler(problems);
        Map<String, ValueMapCompiler.Loaded> valueMaps = shared.with(
                top.entry("valueMaps").map(e -> tables.compileAll(e.value())).orElse(Map.of()));

        List<FieldRule> rules = new ArrayList<>();
        List<String> assigned = target.map(TargetSpec::assigned).orElse(List.of());
        top.entry("company")
                .flatMap(e -> new CompanyCompiler(problems, refs, tables, valueMaps).compile(e.value()))
                .ifPresent(company -> {
                    notAssigned(company.target(), "company field", top.lineOf("company"), assigned, problems);
                    rules.add(company);
                });
        FieldRuleCompiler compiler = new FieldRuleCompiler(problems, refs, valueMaps);
        section(top, "fields", null, problems).ifPresent(fields -> {
            for (YamlMap.Entry e : fields.entries()) {
                if (rules.stream().anyMatch(r -> r.target().equals(e.key()))) {
                    problems.add(e.line(), "field " + e.key() + " is already set by company");
                    continue;
                }
                notAssigned(e.key(), "field", e.line(), assigned, problems);
                compiler.compile(e.key(), e.line(), e.value()).ifPresent(rules::add);
            }
        });
        target.ifPresent(t -> checkKeyDeclared(t, refs, top, problems));
        DocumentSections lines = top.entry("lines")
                .map(e -> new DocumentSections(new LinesCompiler(problems, valueMaps).compileAll(e.value(), refs)))
                .orElse(DocumentSections.NONE);
        boolean changeTracking = sourceSection.map(m -> changeTracking(m, problems)).orElse(false);
        if (changeTracking && source.isPresent() && !source.get().system().equals("crm")) {
            problems.add(sourceSection.get().lineOf("changeTracking"), "changeTracking is a Dataverse feature:"
                    + " only a crm source can use it");
        }
        DeletePolicy onDelete = top.entry("onDelete")
                .map(e -> new DeletePolicyCompiler(problems, refs).compile(e.value(),
                        source.map(src -> src.seesDeletes(changeTracking)).orElse(true),
                        source.map(SourceSpec::modified).orElse(null), e.line()))
                .orElse(DeletePolicy.NONE);
        boolean detectConflicts = detectConflicts(top, problems);
        problems.throwIfAny();

        Mapping mapping = new Mapping(file, version(file), area.orElseThrow(), source.orElseThrow(),
                target.orElseThrow(), filter, rules, refs, lines, changeTracking, onDelete, detectConflicts);
        LOG.info("Loaded {}: {} target fields", mapping, rules.size());
        return mapping;
    }

    /** SHA-256 of the text a mapping is compiled from: its file, then the shared value maps it may use. */
    private String version(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Files.readAllBytes(file));
            if (shared.file() != null) {
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(shared.file()));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mapping file " + file + " again", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static Node parse(Path file, Problems problems) {
        // the YAML 1.2 core schema, as integrators expect: ~ and null are null, True/TRUE are booleans (the default
        // JSON schema reads ~ as the text "~", so `equals: ~` would compare with a tilde)
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setSchema(new CoreSchema()).build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Optional<Node> root = new Compose(settings).composeReader(reader);
            if (root.isEmpty()) {
                problems.add(1, "the mapping file is empty");
            }
            problems.throwIfAny();
            return root.get();
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            String context = e.getContext() == null ? "" : " " + e.getContext()
                    + e.getContextMark().filter(m -> m.getLine() + 1 != line)
                            .map(m -> " started at line " + (m.getLine() + 1)).orElse("")
                    + ";";
            problems.add(line, "YAML syntax error:" + context + " " + e.getProblem());
        } catch (YamlEngineException e) {
            problems.add(0, "YAML error: " + e.getMessage());
        } catch (IOException e) {
            problems.add(0, "cannot read the mapping file: " + e);
        }
        problems.throwIfAny();
        throw new IllegalStateException("unreachable: a problem was recorded");
    }

    private static Optional<YamlMap> section(YamlMap top, String key, Set<String> allowed, Problems problems) {
        if (!top.has(key)) {
            problems.add(top.line(), "missing key '" + key + "' in the mapping file");
            return Optional.empty();
        }
        return YamlMap.of(top.entry(key).orElseThrow().value(), key, allowed, problems);
    }

    private static Optional<SourceSpec> source(YamlMap m, References refs, Problems problems) {
        Optional<String> system = system(m, problems);
        Optional<String> entity = m.requiredText("entity");
        entity.ifPresent(e -> refs.sourceEntity(e, m.lineOf("entity")));
        List<Optional<String>> fields = new ArrayList<>();
        fields.add(fieldList(m, "id", refs, problems));
        Optional<String> key = m.requiredText("key");
        key.ifPresent(name -> refs.sourceField(name, m.lineOf("key")));
        fields.add(key);
        // optional: without it (and without change tracking) the source is read in full every run
        Optional<String> modified = m.has("modified") ? m.requiredText("modified") : Optional.empty();
        modified.ifPresent(name -> refs.sourceField(name, m.lineOf("modified")));
        // checked on its own against the catalog: F&O entities have no modification time to follow
        m.entry("modified").map(YamlMap.Entry::value)
                .filter(v -> v instanceof ScalarNode s && !s.getValue().isBlank())
                .ifPresent(v -> refs.modified(((ScalarNode) v).getValue(), Nodes.line(v)));
        if (system.isEmpty() || entity.isEmpty() || fields.stream().anyMatch(Optional::isEmpty)
                || (m.has("modified") && modified.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new SourceSpec(system.get(), entity.get(), fields.get(0).get(), fields.get(1).get(),
                modified.orElse(null)));
    }

    /**
     * The source id: one field (a Dataverse GUID), or a list of fields when the source has no single-field id (F&O:
     * [dataAreaId, ProductNumber]); a composite id is kept as its fields joined by commas ({@link ReadSpec#idFields}).
     */
    static Optional<String> fieldList(YamlMap m, String key, References refs, Problems problems) {
        Optional<YamlMap.Entry> entry = m.entry(key);
        if (entry.isEmpty() || !(entry.get().value() instanceof SequenceNode seq)) {
            Optional<String> id = m.requiredText(key);
            id.ifPresent(name -> refs.sourceField(name, m.lineOf(key)));
            if (key.equals("id")) {
                id.ifPresent(name -> refs.sourceId(List.of(new References.Name(name, m.lineOf(key)))));
            }
            return id;
        }
        List<String> names = new ArrayList<>();
        List<References.Name> located = new ArrayList<>();
        for (Node item : seq.getValue()) {
            String name = Nodes.text(item, "a source id field", problems);
            if (name != null && !name.isBlank()) {
                if (name.contains(",") || names.contains(name)) {
                    problems.add(Nodes.line(item), "source " + key + " field '" + name
                            + "' is repeated or not a field name");
                    continue;
                }
                refs.sourceField(name, Nodes.line(item));
                names.add(name);
                located.add(new References.Name(name, Nodes.line(item)));
            }
        }
        if (names.isEmpty()) {
            problems.add(entry.get().line(), "source " + key + " needs at least one field");
            return Optional.empty();
        }
        if (key.equals("id")) {
            refs.sourceId(located);
        }
        return Optional.of(String.join(",", names));
    }

    private static Optional<TargetSpec> target(YamlMap m, References refs, Problems problems) {
        Optional<String> system = system(m, problems);
        Optional<String> entity = m.requiredText("entity");
        entity.ifPresent(e -> refs.targetEntity(e, m.lineOf("entity")));
        List<String> key = new ArrayList<>();
        m.entry("key").ifPresentOrElse(e -> {
            List<Node> items = e.value() instanceof SequenceNode seq ? seq.getValue() : List.of(e.value());
            for (Node item : items) {
                Optional.ofNullable(Nodes.text(item, "a target key field", problems)).ifPresent(key::add);
            }
            if (key.isEmpty()) {
                problems.add(e.line(), "target key needs at least one field");
            }
            if (new HashSet<>(key).size() != key.size()) {
                problems.add(e.line(), "target key names a field twice: " + key);
            }
            refs.targetKey(key, e.line());
        }, () -> problems.add(m.line(), "missing key 'key' in target"));
        Optional<TargetSpec.Write> write = write(m, problems);
        List<String> assigned = assigned(m, key, refs, problems);
        Optional<Boolean> shared = shared(m, problems);
        ReadOnlyWhen readOnly = readOnlyWhen(m, key, refs, problems);
        if (system.isEmpty() || entity.isEmpty() || key.isEmpty() || write.isEmpty() || shared.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TargetSpec(system.get(), entity.get(), key, m.text("id").orElse(null), write.get(),
                assigned, shared.get(), readOnly));
    }

    /**
     * {@code target.readOnlyWhen: {statecode: [1, 2, 3, 4]}}: per target field, the values in which the service
     * refuses updates of the record. Each field is read from the target before a write; its values are literals as
     * YAML types them (a list, or one value).
     */
    private static ReadOnlyWhen readOnlyWhen(YamlMap target, List<String> key, References refs, Problems problems) {
        Optional<YamlMap.Entry> entry = target.entry("readOnlyWhen");
        if (entry.isEmpty()) {
            return ReadOnlyWhen.NEVER;
        }
        Optional<YamlMap> fields = YamlMap.of(entry.get().value(), "target readOnlyWhen", null, problems);
        if (fields.isEmpty()) {
            return ReadOnlyWhen.NEVER;
        }
        Map<String, List<Object>> values = new java.util.LinkedHashMap<>();
        for (YamlMap.Entry field : fields.get().entries()) {
            List<Node> items = field.value() instanceof SequenceNode seq ? seq.getValue() : List.of(field.value());
            List<Object> literals = new ArrayList<>();
            for (Node item : items) {
                Object literal = Nodes.literal(item, "a value of readOnlyWhen " + field.key(), problems);
                if (literal == null) {
                    problems.add(Nodes.line(item), "readOnlyWhen " + field.key() + " lists an empty value: a record"
                            + " without the field is never read-only; list the values that lock it");
                } else {
                    literals.add(literal);
                }
            }
            if (items.isEmpty()) {
                problems.add(field.line(), "readOnlyWhen " + field.key() + " lists no value; e.g. "
                        + field.key() + ": [1, 2]");
            } else if (key.contains(field.key())) {
                problems.add(field.line(), "readOnlyWhen names the target key field " + field.key() + ": a record's"
                        + " key says nothing about its state");
            } else if (!literals.isEmpty()) {
                values.put(field.key(), literals);
                refs.readOnlyWhen(field.key(), literals, field.line());
            }
        }
        if (fields.get().entries().isEmpty()) {
            problems.add(entry.get().line(), "target readOnlyWhen names no field; e.g. readOnlyWhen: {statecode: [1, 2]}");
        }
        return new ReadOnlyWhen(values);
    }

    /**
     * {@code target.assigned: [PartyNumber]}: fields the target service sets itself, which the mapping reads back
     * instead of writing. A key field cannot be one: the mapping must write the key to address the record.
     */
    private static List<String> assigned(YamlMap target, List<String> key, References refs, Problems problems) {
        Optional<YamlMap.Entry> entry = target.entry("assigned");
        if (entry.isEmpty()) {
            return List.of();
        }
        List<Node> items = entry.get().value() instanceof SequenceNode seq ? seq.getValue()
                : List.of(entry.get().value());
        List<String> names = new ArrayList<>();
        for (Node item : items) {
            String name = Nodes.text(item, "a field of target assigned", problems);
            if (name == null || name.isBlank()) {
                continue;
            }
            if (names.contains(name)) {
                problems.add(Nodes.line(item), "target assigned names " + name + " twice");
            } else if (key.contains(name)) {
                problems.add(Nodes.line(item), "target key field " + name + " cannot be assigned by the target: the"
                        + " mapping writes the key to address the record");
            } else {
                refs.assignedField(name, Nodes.line(item));
                names.add(name);
            }
        }
        if (items.isEmpty()) {
            problems.add(entry.get().line(), "target assigned lists no field; e.g. assigned: [PartyNumber]");
        }
        return List.copyOf(names);
    }

    /** A field the target assigns is read back, never written: a rule writing it is a mistake in the file. */
    private static void notAssigned(String field, String what, int line, List<String> assigned, Problems problems) {
        if (assigned.contains(field)) {
            problems.add(line, what + " " + field + " is assigned by the target (target assigned): the mapping reads it"
                    + " back and cannot write it; remove the rule or the name from target assigned");
        }
    }

    /** {@code target.shared: true | false} (default false); anything else is an error, empty. */
    private static Optional<Boolean> shared(YamlMap target, Problems problems) {
        Optional<String> text = target.text("shared");
        if (text.isEmpty() || text.get().equals("false")) {
            return Optional.of(false);
        }
        if (text.get().equals("true")) {
            return Optional.of(true);
        }
        problems.add(target.lineOf("shared"), "shared in target must be true or false, not '" + text.get() + "'");
        return Optional.empty();
    }

    /** {@code target.write}: upsert (default) or update; anything else is an error, empty. */
    private static Optional<TargetSpec.Write> write(YamlMap target, Problems problems) {
        Optional<String> text = target.text("write");
        if (text.isEmpty()) {
            return Optional.of(TargetSpec.Write.UPSERT);
        }
        return switch (text.get()) {
            case "upsert" -> Optional.of(TargetSpec.Write.UPSERT);
            case "update" -> Optional.of(TargetSpec.Write.UPDATE);
            default -> {
                problems.add(target.lineOf("write"), "write in target must be upsert or update, not '"
                        + text.get() + "'");
                yield Optional.empty();
            }
        };
    }

    /** {@code conflicts: detect | ignore} (default ignore): whether the target side checks for the other side's edits. */
    private static boolean detectConflicts(YamlMap top, Problems problems) {
        if (!top.has("conflicts")) {
            return false;
        }
        Optional<String> text = top.text("conflicts");
        if (text.isPresent() && text.get().equals("detect")) {
            return true;
        }
        // a value that is not text was reported by text() already
        if (text.isPresent() && !text.get().equals("ignore")) {
            problems.add(top.lineOf("conflicts"), "conflicts must be detect or ignore, not '" + text.get() + "'");
        }
        return false;
    }

    private static boolean changeTracking(YamlMap source, Problems problems) {
        Optional<String> text = source.text("changeTracking");
        if (text.isEmpty() || text.get().equals("false")) {
            return false;
        }
        if (text.get().equals("true")) {
            return true;
        }
        problems.add(source.lineOf("changeTracking"), "changeTracking in source must be true or false, not '"
                + text.get() + "'");
        return false;
    }

    private static Optional<String> system(YamlMap m, Problems problems) {
        Optional<String> system = m.requiredText("system");
        if (system.isPresent() && !SYSTEMS.contains(system.get())) {
            problems.add(m.lineOf("system"), "system in " + m.where() + " must be one of "
                    + String.join(", ", new TreeSet<>(SYSTEMS)) + ", not '" + system.get() + "'");
            return Optional.empty();
        }
        return system;
    }

    /** Every key field must be a field of the file (or the company field), else no record could be keyed. */
    private static void checkKeyDeclared(TargetSpec target, References refs, YamlMap top, Problems problems) {
        Set<String> declared = new HashSet<>();
        refs.targetFields().forEach(f -> declared.add(f.name()));
        int line = Nodes.line(top.entry("target").orElseThrow().value());
        for (String key : target.key()) {
            if (!declared.contains(key)) {
                problems.add(line, "target key field " + key + " is not set by company or fields");
            }
        }
    }
}
