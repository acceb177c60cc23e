package org.p2csync.mapping;

import java.util.List;
import java.util.Optional;
import org.p2csync.schema.DataverseStateMessages;
import org.p2csync.sync.Access;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.NavigationInfo;

/**
 * Checks what a section writes: no read-only target field, and every {@code nav@odata.bind} through a writable
 * single-valued navigation property of the target, into the entity set that property leads to, by a field of that
 * set. Where the catalog does not know access or navigation (a live $metadata), nothing is claimed.
 */
final class WriteCheck {
    private static final String BIND = "@odata.bind";

    private final References refs;
    private final Problems problems;
    private final CatalogCheck.Sides sides;

    WriteCheck(References refs, Problems problems, CatalogCheck.Sides sides) {
        this.refs = refs;
        this.problems = problems;
        this.sides = sides;
    }

    /** @param target the target entity set, or null when it is unknown (reported already) */
    void run(EntitySetInfo target, FieldCatalog targetCatalog) {
        if (target != null) {
            for (References.Name field : refs.targetFields()) {
                written(target, field);
            }
            if (sides.erpTarget()) {
                refs.mayBeEmpty().forEach(field -> nonNullable(target, field));
            }
        }
        for (References.Bind bind : refs.binds()) {
            Optional<NavigationInfo> nav = target == null ? Optional.empty() : navigation(target, bind);
            Optional<EntitySetInfo> bound = targetCatalog.entitySet(bind.entity().name());
            if (bound.isEmpty()) {
                problems.add(bind.entity().line(), "unknown target entity set '" + bind.entity().name() + "' in bind");
                continue;
            }
            nav.filter(n -> !n.targets().isEmpty() && !n.targets().contains(bind.entity().name()))
                    .ifPresent(n -> problems.add(bind.entity().line(), "bind entity '" + bind.entity().name()
                            + "' is not where " + n.name() + " leads: " + String.join(", ", n.targets())));
            if (bind.key() != null && !bound.get().fields().containsKey(bind.key().name())) {
                problems.add(bind.key().line(), "bind key '" + bind.key().name() + "' is no field of "
                        + bound.get().name() + Suggestions.didYouMean(bind.key().name(), bound.get().fields().keySet()));
            }
        }
    }

    private void written(EntitySetInfo target, References.Name field) {
        // Dataverse takes a record's key from the URL: key fields are never sent in the body (ODataClient)
        if (!sides.erpTarget() && refs.targetKey().contains(field.name())) {
            return;
        }
        if (!sides.erpTarget() && DataverseStateMessages.STATE_COLUMNS.contains(field.name())) {
            Optional<List<String>> messages = DataverseStateMessages.of(target.name());
            if (messages.isPresent()) {
                problems.add(field.line(), "target field " + field.name() + " of " + target.name() + " changes only"
                        + " through the service's messages (" + String.join(", ", messages.get()) + "): Dataverse"
                        + " refuses a write naming it; keep the record's own state alone and write the progress to a"
                        + " column of its own (e.g. p2c_processingstatus)");
                return;
            }
        }
        target.field(field.name()).ifPresent(info -> {
            if (info.access() == Access.READ_ONLY) {
                problems.add(field.line(), "target field " + field.name() + " of " + target.name()
                        + " is read-only: the service refuses a write naming it" + lookupHint(target, field.name()));
            } else if (info.access() == Access.CREATE_ONLY && sides.updateOnly()) {
                problems.add(field.line(), "target field " + field.name() + " of " + target.name() + " is set only"
                        + " when a record is created, and this area only updates (target write: update)");
            }
        });
    }

    /**
     * F&amp;O refuses a null for a property its $metadata declares non-nullable (most numbers and dates): a rule that
     * can give an empty value needs a default (F&amp;O's own "none" is 0, 1900-01-01T00:00:00Z or "") or required.
     */
    private void nonNullable(EntitySetInfo target, References.Name field) {
        if (refs.targetKey().contains(field.name())) {
            return; // a key field is never empty: the record fails without it (Mapping)
        }
        target.field(field.name()).filter(info -> !info.nullable()).ifPresent(info ->
                problems.add(field.line(), "target field " + field.name() + " of " + target.name() + " is not"
                        + " nullable (" + info.type() + "): an empty value would be refused; give it a default"
                        + " (F&O's own empty value is " + emptyValueOf(info.type()) + ") or make it required"));
    }

    private static String emptyValueOf(String edmType) {
        return switch (edmType) {
            case "Edm.DateTimeOffset", "Edm.Date" -> "1900-01-01T00:00:00Z";
            case "Edm.String" -> "\"\"";
            default -> "0";
        };
    }

    /** For a lookup's value property {@code _x_value}: the writable navigation properties that set it. */
    private static String lookupHint(EntitySetInfo target, String field) {
        if (!field.startsWith("_") || !field.endsWith("_value")) {
            return "";
        }
        String lookup = field.substring(1, field.length() - "_value".length());
        List<String> navs = target.navigation().values().stream()
                .filter(n -> n.access() != Access.READ_ONLY)
                .map(NavigationInfo::name)
                .filter(n -> n.equalsIgnoreCase(lookup) || n.toLowerCase(java.util.Locale.ROOT).startsWith(lookup + "_"))
                .map(n -> n + BIND)
                .toList();
        return navs.isEmpty() ? "" : "; write the lookup as " + String.join(" or ", navs);
    }

    /** The navigation property a bind field writes through, or empty after reporting why it cannot. */
    private Optional<NavigationInfo> navigation(EntitySetInfo target, References.Bind bind) {
        if (!target.navigationKnown() || !bind.field().endsWith(BIND)) {
            return Optional.empty();
        }
        String name = bind.field().substring(0, bind.field().length() - BIND.length());
        Optional<NavigationInfo> nav = target.navigation(name);
        if (nav.isEmpty()) {
            problems.add(bind.line(), "unknown navigation property '" + name + "' of " + target.name() + " in "
                    + bind.field() + Suggestions.didYouMean(name, target.navigation().keySet()));
        } else if (nav.get().access() == Access.READ_ONLY) {
            problems.add(bind.line(), "navigation property " + name + " of " + target.name() + " is read-only: the"
                    + " service refuses " + bind.field());
        }
        return nav;
    }
}
