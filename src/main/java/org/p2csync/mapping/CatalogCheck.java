package org.p2csync.mapping;

import java.util.Map;
import java.util.Optional;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.FieldInfo;

/** Checks a mapping's names and literals against the source and target $metadata. */
final class CatalogCheck {
    private final References refs;
    private final Problems problems;

    CatalogCheck(References refs, Problems problems) {
        this.refs = refs;
        this.problems = problems;
    }

    void run(FieldCatalog sourceCatalog, FieldCatalog targetCatalog) {
        fields(sourceCatalog, "source", refs.sourceEntity()).ifPresent(known -> {
            for (References.Name f : refs.sourceFields()) {
                unknownField(known, "source", refs.sourceEntity().name(), f);
            }
        });
        fields(targetCatalog, "target", refs.targetEntity()).ifPresent(known -> {
            for (References.Name f : refs.targetFields()) {
                unknownField(known, "target", refs.targetEntity().name(), f);
            }
            for (References.Name f : refs.assignedFields()) {
                unknownField(known, "target", refs.targetEntity().name(), f);
            }
            for (References.Literal l : refs.literals()) {
                tooLong(known.get(l.targetField()), l);
            }
        });
        for (References.Name bound : refs.bindEntities()) {
            if (targetCatalog.fields(bound.name()).isEmpty()) {
                problems.add(bound.line(), "unknown target entity set '" + bound.name() + "' in bind");
            }
        }
    }

    /** The entity set's fields, or empty after reporting it unknown (its fields are then not checked one by one). */
    private Optional<Map<String, FieldInfo>> fields(FieldCatalog catalog, String side, References.Name entity) {
        Optional<Map<String, FieldInfo>> known = catalog.fields(entity.name());
        if (known.isEmpty()) {
            problems.add(entity.line(), "unknown " + side + " entity set '" + entity.name() + "'");
        }
        return known;
    }

    private void unknownField(Map<String, FieldInfo> known, String side, String entity, References.Name field) {
        if (known.containsKey(field.name())) {
            return;
        }
        String hint = Suggestions.closest(field.name(), known.keySet())
                .map(s -> "; did you mean " + s + "?")
                .orElse("");
        problems.add(field.line(), "unknown " + side + " field '" + field.name() + "' in " + entity + hint);
    }

    private void tooLong(FieldInfo info, References.Literal literal) {
        if (info == null || info.maxLength() == null) {
            return;
        }
        String text = Values.text(literal.value());
        if (text.length() > info.maxLength()) {
            problems.add(
                    literal.line(),
                    literal.what() + " " + Values.show(literal.value()) + " is " + text.length()
                            + " characters, longer than " + info.name() + "'s MaxLength " + info.maxLength());
        }
    }
}
