package org.p2csync.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.EnumInfo;
import org.p2csync.sync.FieldInfo;

/**
 * Checks the literals of a mapping against the fields they meet: a literal written to a target field (constant,
 * default, blank, value-map value, company default, onDelete set) must fit its MaxLength, be a member name of an
 * F&amp;O enum or an option value of a Dataverse choice; a literal a condition compares a source field with must be
 * a member or option of that field, else the condition could never hold as meant.
 */
final class ValueCheck {
    /** Enough members to recognise the type; the rest are counted. */
    private static final int LISTED = 30;

    private final Problems problems;

    ValueCheck(Problems problems) {
        this.problems = problems;
    }

    void literals(List<References.Literal> literals, EntitySetInfo target) {
        for (References.Literal literal : literals) {
            target.field(literal.targetField()).ifPresent(info -> {
                String shown = literal.what() + " " + Values.show(literal.value());
                tooLong(info, literal, shown);
                notAllowed(info, literal.value()).ifPresent(why -> problems.add(literal.line(), shown + why));
            });
        }
    }

    void comparisons(List<References.Comparison> comparisons, EntitySetInfo source) {
        for (References.Comparison comparison : comparisons) {
            source.field(comparison.field()).ifPresent(info -> {
                for (Object value : comparison.values()) {
                    if (value != null) { // empty is a value every field can have
                        notAllowed(info, value).ifPresent(why -> problems.add(comparison.line(),
                                "condition value " + Values.show(value) + " compared with " + info.name() + why));
                    }
                }
            });
        }
    }

    private void tooLong(FieldInfo info, References.Literal literal, String shown) {
        if (info.maxLength() == null) {
            return;
        }
        String text = Values.text(literal.value());
        if (text.length() > info.maxLength()) {
            problems.add(literal.line(), shown + " is " + text.length() + " characters, longer than " + info.name()
                    + "'s MaxLength " + info.maxLength());
        }
    }

    /** Why the value cannot be one of the field's (" is not a member of ..."), or empty when it can. */
    private static Optional<String> notAllowed(FieldInfo info, Object value) {
        String text = Values.text(value);
        if (info.isEnum() && !(value instanceof String && info.enumType().hasMember(text))) {
            EnumInfo type = info.enumType();
            String of = type.shortName().equals(info.name()) ? "enum " + type.shortName()
                    : info.name() + "'s enum " + type.shortName();
            return Optional.of(" is not a member of " + of + " (F&O takes member names); members: "
                    + listed(type.members().keySet().stream()) + Suggestions.didYouMean(text, type.members().keySet()));
        }
        if (info.isChoice() && !info.options().containsKey(number(value))) {
            // a label written for its value: "Invoiced" for 916800006
            String hint = info.options().entrySet().stream()
                    .filter(o -> o.getValue().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT)))
                    .map(o -> "; did you mean " + o.getKey() + " (" + o.getValue() + ")?")
                    .findFirst().orElse("");
            return Optional.of(" is not an option value of " + info.name() + "; options: "
                    + listed(info.options().entrySet().stream().map(ValueCheck::option)) + hint);
        }
        return Optional.empty();
    }

    /** A whole number as the option value it would be written as, else null (no option). */
    private static Long number(Object value) {
        try {
            return Long.valueOf(Values.text(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String option(Map.Entry<Long, String> option) {
        return option.getKey() + " " + option.getValue();
    }

    private static String listed(Stream<String> items) {
        List<String> all = items.toList();
        String shown = all.stream().limit(LISTED).collect(Collectors.joining(", "));
        return all.size() > LISTED ? shown + ", ... (" + (all.size() - LISTED) + " more)" : shown;
    }
}
