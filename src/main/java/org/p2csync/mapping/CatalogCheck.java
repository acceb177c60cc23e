package org.p2csync.mapping;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.FieldInfo;

/**
 * Checks one section of a mapping (the header, or one lines section) against the source and target catalogs: entity
 * sets, every field named, the source id, key and modified fields, the target key; then its values
 * ({@link ValueCheck}) and its writes ({@link WriteCheck}). Each problem goes to {@link Problems} with its line.
 */
final class CatalogCheck {
    /**
     * What some checks depend on beyond the names: which systems the section reads and writes, and whether its
     * records are only ever updated ({@code target.write: update}).
     */
    record Sides(String sourceSystem, String targetSystem, boolean updateOnly) {
        boolean erpSource() {
            return sourceSystem.equals("erp");
        }

        boolean erpTarget() {
            return targetSystem.equals("erp");
        }
    }

    private final References refs;
    private final Problems problems;
    private final Sides sides;

    CatalogCheck(References refs, Problems problems, Sides sides) {
        this.refs = refs;
        this.problems = problems;
        this.sides = sides;
    }

    void run(FieldCatalog sourceCatalog, FieldCatalog targetCatalog) {
        Optional<EntitySetInfo> source = entitySet(sourceCatalog, "source", refs.sourceEntity());
        Optional<EntitySetInfo> target = entitySet(targetCatalog, "target", refs.targetEntity());
        source.ifPresent(set -> {
            for (References.Name f : refs.sourceFields()) {
                if (!f.equals(refs.modified())) {
                    unknownField(set, "source", f, "");
                }
            }
            modified(set);
            sourceId(set);
            new ValueCheck(problems).comparisons(refs.comparisons(), set);
        });
        target.ifPresent(set -> {
            for (References.Name f : refs.targetFields()) {
                unknownField(set, "target", f, "");
            }
            for (References.Name f : refs.assignedFields()) {
                unknownField(set, "target", f, " (target.assigned)");
            }
            for (References.Comparison c : refs.readOnlyWhen()) {
                unknownField(set, "target", new References.Name(c.field(), c.line()), " (target.readOnlyWhen)");
            }
            new ValueCheck(problems).comparisons(refs.readOnlyWhen(), set);
            targetKey(set);
            new ValueCheck(problems).literals(refs.literals(), set);
        });
        new WriteCheck(refs, problems, sides).run(target.orElse(null), targetCatalog);
    }

    /** The entity set, or empty after reporting it unknown (its fields are then not checked one by one). */
    private Optional<EntitySetInfo> entitySet(FieldCatalog catalog, String side, References.Name entity) {
        if (entity == null) {
            return Optional.empty(); // a section whose entity is missing, reported when it was loaded
        }
        Optional<EntitySetInfo> known = catalog.entitySet(entity.name());
        if (known.isEmpty()) {
            problems.add(entity.line(), "unknown " + side + " entity set '" + entity.name() + "'");
        }
        return known;
    }

    private void unknownField(EntitySetInfo set, String side, References.Name field, String where) {
        if (set.fields().containsKey(field.name())) {
            return;
        }
        String hint = Suggestions.didYouMean(field.name(), set.fields().keySet());
        if (hint.isEmpty() && side.equals("target") && set.navigation(field.name()).isPresent()) {
            hint = "; it is a navigation property: write " + field.name() + "@odata.bind with bind: {entity: ...}";
        }
        problems.add(field.line(), "unknown " + side + " field '" + field.name() + "'" + where + " in " + set.name()
                + hint);
    }

    /** The field the incremental read follows must exist and be a point in time. */
    private void modified(EntitySetInfo set) {
        References.Name modified = refs.modified();
        if (modified == null) {
            return;
        }
        Optional<FieldInfo> field = set.field(modified.name());
        if (field.isEmpty() && sides.erpSource()) {
            problems.add(modified.line(), "modified: " + set.name() + " has no field '" + modified.name() + "'; F&O"
                    + " entities have no modification timestamp out of the box: leave modified: out to read the set"
                    + " in full, or name a timestamp field an extension added");
        } else if (field.isEmpty()) {
            unknownField(set, "source", modified, " (modified)");
        } else if (!field.get().type().equals("Edm.DateTimeOffset")) {
            problems.add(modified.line(), "modified: " + modified.name() + " of " + set.name() + " is "
                    + field.get().type() + ", not a point in time (Edm.DateTimeOffset) the incremental read can follow");
        }
    }

    /** A source id names one record: it must be the entity's key (F&amp;O: composite; Dataverse: the primary id). */
    private void sourceId(EntitySetInfo set) {
        List<References.Name> id = refs.sourceId();
        if (id.isEmpty() || set.keys().isEmpty() || sameFields(id.stream().map(References.Name::name).toList(),
                set.keys())) {
            return;
        }
        problems.add(id.get(0).line(), "source id " + id.stream().map(References.Name::name).toList()
                + " is not the key of " + set.name() + " " + set.keys() + "; the id must name exactly one record");
    }

    /** F&amp;O addresses a record by its entity key only (Dataverse also by alternate keys, which no catalog lists). */
    private void targetKey(EntitySetInfo set) {
        List<String> key = refs.targetKey();
        if (!sides.erpTarget() || key.isEmpty() || set.keys().isEmpty() || sameFields(key, set.keys())) {
            return;
        }
        problems.add(refs.targetKeyLine(), "target key " + key + " is not the key of " + set.name() + " "
                + set.keys() + "; F&O addresses records by their entity key only");
    }

    private static boolean sameFields(List<String> a, List<String> b) {
        return new HashSet<>(a).equals(new HashSet<>(b));
    }
}
