package org.p2csync.mapping;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Compiles one entry of {@code fields:} into a {@link FieldRule}. The steps always run in this order, whatever order
 * the options are written in: value (from | constant | concat | lookup), trim, blank (an empty value becomes the
 * blank literal and skips case and valueMap), case, valueMap, default, required, number | date | type, truncate.
 */
final class FieldRuleCompiler {
    static final Set<String> OPTIONS = Set.of(
            "from", "constant", "concat", "lookup", "trim", "case", "valueMap", "blank", "default", "required",
            "truncate", "number", "date", "type", "guid", "bind");
    /** Options only a document line may use: a value of its mapped header. */
    static final Set<String> LINE_OPTIONS = Set.of("header");
    private static final List<String> VALUES = List.of("from", "constant", "concat", "lookup", "header");
    private static final List<String> CONVERSIONS = List.of("number", "date", "type");

    private final Problems problems;
    private final References refs;
    private final Map<String, ValueMapCompiler.Loaded> valueMaps;
    private final boolean line;
    private final String prefix;

    FieldRuleCompiler(Problems problems, References refs, Map<String, ValueMapCompiler.Loaded> valueMaps) {
        this(problems, refs, valueMaps, false);
    }

    /** @param line true for the fields of {@code lines:}, which may also read their header's values */
    FieldRuleCompiler(
            Problems problems, References refs, Map<String, ValueMapCompiler.Loaded> valueMaps, boolean line) {
        this.problems = problems;
        this.refs = refs;
        this.valueMaps = valueMaps;
        this.line = line;
        this.prefix = line ? "line field " : "field ";
    }

    private Set<String> options() {
        if (!line) {
            return OPTIONS;
        }
        Set<String> all = new HashSet<>(OPTIONS);
        all.addAll(LINE_OPTIONS);
        return all;
    }

    Optional<FieldRule> compile(String target, int line, Node node) {
        String where = prefix + target;
        if (isBind(target)) {
            refs.bindField(target, line);
        } else {
            refs.targetField(target, line);
        }
        YamlMap options = YamlMap.of(node, where, options(), problems).orElse(null);
        if (options == null) {
            return Optional.empty();
        }
        List<String> values = this.line ? VALUES : VALUES.subList(0, VALUES.size() - 1);
        List<String> given = values.stream().filter(options::has).toList();
        if (given.size() > 1) {
            problems.add(line, where + " uses " + String.join(" and ", given) + "; use only one of "
                    + String.join(", ", values));
            return Optional.empty();
        }
        if (given.isEmpty() && !options.has("default")) {
            if (options.hadRejectedKeys()) {
                return Optional.empty();
            }
            problems.add(line, where + " needs one of " + String.join(", ", values) + " or default");
            return Optional.empty();
        }
        String origin = given.isEmpty() ? "value" : describe(options, given.get(0));
        ValueSource source = given.isEmpty() ? ValueSource.constant(null) : source(target, options, given.get(0));
        boolean fixed = given.equals(List.of("constant")) && !Values.isEmpty(source.read(Map.of(), Lookups.NONE));
        boolean required = flag(options, "required");   // read once: flag() reports a bad value on every call
        if (!fixed && !options.has("default") && !required) {
            refs.mayBeEmpty(target, line);
        }

        List<Step> steps = new ArrayList<>();
        if (flag(options, "trim")) {
            steps.add(Steps.trim());
        }
        List<Step> mapping = new ArrayList<>();
        options.text("case").ifPresent(c -> caseStep(c, options.lineOf("case")).ifPresent(mapping::add));
        options.text("valueMap").ifPresent(name -> valueMap(target, name, options.lineOf("valueMap"), origin)
                .ifPresent(mapping::add));
        if (options.has("blank")) {
            steps.add(Steps.blankOr(literal(target, options, "blank"), mapping));
        } else {
            steps.addAll(mapping);
        }
        if (options.has("default")) {
            steps.add(Steps.defaultTo(literal(target, options, "default")));
        }
        if (required) {
            steps.add(Steps.required(origin));
        }
        conversion(options, origin).ifPresent(steps::add);
        options.entry("truncate")
                .map(e -> Nodes.positiveInt(e.value(), "truncate in " + where, problems))
                .ifPresent(n -> steps.add(Steps.truncate(n)));
        options.text("guid").ifPresent(prefix -> steps.add(Steps.guid(prefix)));
        if (options.has("bind")) {
            bind(target, line, options, origin).ifPresent(steps::add);
        } else if (isBind(target)) {
            problems.add(line, where + " is an @odata.bind reference; it needs bind: {entity: set, key: field}");
        }
        return Optional.of(new FieldRule(target, source, steps));
    }

    static boolean isBind(String target) {
        return target.endsWith("@odata.bind");
    }

    /** {@code bind: {entity: accounts, key: accountnumber}} (by alternate key) or {@code {entity: products}} (by id). */
    private Optional<Step> bind(String target, int line, YamlMap options, String origin) {
        YamlMap.Entry e = options.entry("bind").orElseThrow();
        if (!isBind(target)) {
            problems.add(e.line(), "bind in " + options.where() + " needs a target field named nav@odata.bind, e.g. "
                    + "customerid_account@odata.bind");
            return Optional.empty();
        }
        return YamlMap.of(e.value(), "bind in " + options.where(), Set.of("entity", "key"), problems)
                .flatMap(m -> {
                    Optional<String> entity = m.requiredText("entity");
                    Optional<String> key = m.text("key");
                    entity.ifPresent(name -> refs.bind(new References.Bind(target, line,
                            new References.Name(name, m.lineOf("entity")),
                            key.map(k -> new References.Name(k, m.lineOf("key"))).orElse(null))));
                    return entity.map(name -> Steps.bind(name, key.orElse(null), origin));
                });
    }

    private ValueSource source(String target, YamlMap options, String kind) {
        YamlMap.Entry entry = options.entry(kind).orElseThrow();
        return switch (kind) {
            case "from" -> options.text("from").map(f -> {
                refs.sourceField(f, entry.line());
                return ValueSource.field(f);
            }).orElse(ValueSource.constant(null));
            case "constant" -> ValueSource.constant(literal(target, options, "constant"));
            case "concat" -> ValueSource.concat(concatParts(entry.value(), "concat in field " + target));
            case "header" -> options.text("header").map(h -> {
                refs.headerField(h, entry.line());
                return ValueSource.header(h);
            }).orElse(ValueSource.constant(null));
            default -> lookup(entry.value(), "lookup in field " + target);
        };
    }

    private static String describe(YamlMap options, String kind) {
        Node value = options.entry(kind).orElseThrow().value();
        return switch (kind) {
            case "from" -> value instanceof ScalarNode s ? s.getValue() : "from";
            case "lookup" -> "the lookup";
            case "header" -> value instanceof ScalarNode s ? "header " + s.getValue() : "header";
            default -> "the " + kind;
        };
    }

    /** Plain items are source fields, quoted items literal text: {@code concat: [firstname, " ", lastname]}. */
    private List<ValueSource.Part> concatParts(Node node, String where) {
        if (!(node instanceof SequenceNode seq)) {
            problems.add(Nodes.line(node), where + " must be a list, e.g. [firstname, \" \", lastname]");
            return List.of();
        }
        List<ValueSource.Part> parts = new ArrayList<>();
        for (Node item : seq.getValue()) {
            String text = Nodes.text(item, "an item of " + where, problems);
            if (text == null) {
                continue;
            }
            if (((ScalarNode) item).isPlain()) {
                refs.sourceField(text, Nodes.line(item));
                parts.add(new ValueSource.Part(text, null));
            } else {
                parts.add(new ValueSource.Part(null, text));
            }
        }
        return parts;
    }

    private ValueSource lookup(Node node, String where) {
        return YamlMap.of(node, where, Set.of("area", "from", "field"), problems)
                .map(m -> {
                    List<String> areas = lookupAreas(m, where);
                    Optional<String> from = m.requiredText("from");
                    Optional<String> field = m.text("field");
                    from.ifPresent(f -> refs.sourceField(f, m.lineOf("from")));
                    if (areas.isEmpty() || from.isEmpty()) {
                        return ValueSource.constant(null);
                    }
                    // one LookupRef per area: the page prefetch asks each, and the area runs after all of them
                    areas.forEach(a -> refs.lookup(new LookupRef(a, from.get()), m.lineOf("area")));
                    return ValueSource.lookup(areas, from.get(), field.orElse(null));
                })
                .orElse(ValueSource.constant(null));
    }

    /**
     * {@code area: accounts} or {@code area: [orders, erp-orders]}: the reference may have been synced by any of the
     * listed areas, asked in list order. Empty (after reporting) when missing, empty or naming an area twice.
     */
    private List<String> lookupAreas(YamlMap m, String where) {
        Optional<YamlMap.Entry> entry = m.entry("area");
        if (entry.isEmpty() || !(entry.get().value() instanceof SequenceNode seq)) {
            return m.requiredText("area").map(List::of).orElse(List.of());
        }
        List<String> areas = new ArrayList<>();
        for (Node item : seq.getValue()) {
            String area = Nodes.text(item, "an area of " + where, problems);
            if (area == null || area.isBlank()) {
                continue;
            }
            if (areas.contains(area)) {
                problems.add(Nodes.line(item), "area '" + area + "' is listed twice in " + where);
                return List.of();
            }
            areas.add(area);
        }
        if (areas.isEmpty()) {
            problems.add(entry.get().line(), "area in " + where + " lists no area; give one area or a list, e.g."
                    + " [orders, erp-orders]");
        }
        return List.copyOf(areas);
    }

    private Object literal(String target, YamlMap options, String key) {
        YamlMap.Entry e = options.entry(key).orElseThrow();
        Object value = Nodes.literal(e.value(), key + " in field " + target, problems);
        refs.literal(target, key, value, Nodes.line(e.value()));
        return value;
    }

    private boolean flag(YamlMap options, String key) {
        Optional<String> text = options.text(key);
        if (text.isEmpty()) {
            return false;
        }
        switch (text.get()) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                problems.add(options.lineOf(key), key + " in " + options.where() + " must be true or false, not '"
                        + text.get() + "'");
                return false;
        }
    }

    private Optional<Step> caseStep(String value, int line) {
        switch (value) {
            case "upper":
                return Optional.of(Steps.upper());
            case "lower":
                return Optional.of(Steps.lower());
            default:
                problems.add(line, "case must be upper or lower, not '" + value + "'");
                return Optional.empty();
        }
    }

    private Optional<Step> valueMap(String target, String name, int line, String origin) {
        ValueMapCompiler.Loaded table = valueMaps.get(name);
        if (table == null) {
            String hint = Suggestions.closest(name, valueMaps.keySet())
                    .map(s -> "; did you mean " + s + "?")
                    .orElse(valueMaps.isEmpty() ? "; valueMaps defines none" : "");
            problems.add(line, "unknown value map '" + name + "' in field " + target + hint);
            return Optional.empty();
        }
        table.writesInto(refs, target, line);
        return Optional.of(Steps.valueMap(table.table(), origin));
    }

    private Optional<Step> conversion(YamlMap options, String origin) {
        List<String> given = CONVERSIONS.stream().filter(options::has).toList();
        if (given.size() > 1) {
            problems.add(options.line(), options.where() + " uses " + String.join(" and ", given)
                    + "; use only one of " + String.join(", ", CONVERSIONS));
            return Optional.empty();
        }
        if (given.isEmpty()) {
            return Optional.empty();
        }
        String where = given.get(0) + " in " + options.where();
        YamlMap.Entry e = options.entry(given.get(0)).orElseThrow();
        return switch (given.get(0)) {
            case "number" -> YamlMap.of(e.value(), where, Set.of("scale"), problems)
                    .flatMap(m -> m.requiredText("scale").flatMap(text -> m.entry("scale")))
                    .map(s -> Nodes.positiveInt(s.value(), "scale in " + where, problems))
                    .map(scale -> Steps.number(scale, origin));
            case "date" -> YamlMap.of(e.value(), where, Set.of("format"), problems)
                    .flatMap(m -> m.requiredText("format"))
                    .flatMap(pattern -> dateFormat(pattern, Nodes.line(e.value()), where))
                    .map(format -> Steps.date(format, origin));
            default -> options.text("type").flatMap(t -> type(t, e.line(), where)).map(t -> Steps.type(t, origin));
        };
    }

    private Optional<DateTimeFormatter> dateFormat(String pattern, int line, String where) {
        try {
            return Optional.of(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(line, "format '" + pattern + "' in " + where + " is not a date pattern: " + e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Steps.Type> type(String name, int line, String where) {
        for (Steps.Type t : Steps.Type.values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(t);
            }
        }
        problems.add(line, where + " must be one of "
                + Arrays.stream(Steps.Type.values())
                        .map(t -> t.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "))
                + ", not '" + name + "'");
        return Optional.empty();
    }
}
