package org.p2csync.mapping;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.TargetRecord;

/**
 * One area's compiled mapping file: which records cross over and how each target field is computed. Immutable and
 * thread-safe; {@link #apply} only runs the field rules built at load time.
 */
public final class Mapping {
    private final Path file;
    private final String version;
    private final String area;
    private final SourceSpec source;
    private final TargetSpec target;
    private final Condition filter;
    private final List<FieldRule> rules;
    private final References references;
    private final ReadSpec readSpec;
    private final DocumentSections lines;
    private final DeletePolicy onDelete;
    private final boolean detectConflicts;
    private final List<String> conflictFields;

    Mapping(
            Path file,
            String version,
            String area,
            SourceSpec source,
            TargetSpec target,
            Condition filter,
            List<FieldRule> rules,
            References references,
            DocumentSections lines,
            boolean changeTracking,
            DeletePolicy onDelete,
            boolean detectConflicts) {
        this.file = file;
        this.version = version;
        this.area = area;
        this.source = source;
        this.target = target;
        this.filter = filter;
        this.rules = List.copyOf(rules);
        this.references = references;
        this.lines = lines;
        TreeSet<String> select = new TreeSet<>(List.of(source.key()));
        if (source.modified() != null) {
            select.add(source.modified());
        }
        select.addAll(List.of(source.id().split(",")));
        references.sourceFields().forEach(n -> select.add(n.name()));
        select.addAll(lines.headerSelect());
        this.readSpec = new ReadSpec(source.entity(), source.id(), source.key(), source.modified(), List.copyOf(select),
                changeTracking, lines.readSpec());
        this.onDelete = onDelete;
        this.detectConflicts = detectConflicts;
        this.conflictFields = detectConflicts ? conflictFields(rules, target.key()) : List.of();
    }

    /**
     * The header fields compared with the target's copy before a record is written again: every field written but
     * the key (it addresses the record, it cannot differ) and {@code @odata.bind} references (write-only: a service
     * reads them back as {@code _x_value} ids, not as the URL written).
     */
    private static List<String> conflictFields(List<FieldRule> rules, List<String> key) {
        return rules.stream().map(FieldRule::target)
                .filter(f -> !key.contains(f) && !f.endsWith("@odata.bind"))
                .toList();
    }

    /** With {@code conflicts: detect}, the fields compared before writing (see {@link #conflictFields}); else empty. */
    public List<String> conflictFields() {
        return conflictFields;
    }

    /** True when the mapping says {@code conflicts: detect}. */
    public boolean detectsConflicts() {
        return detectConflicts;
    }

    /** The file this mapping was loaded from. */
    public Path file() {
        return file;
    }

    public String area() {
        return area;
    }

    /**
     * A digest of the text this mapping was compiled from (its file and the shared value maps): any edit changes it,
     * so a record that failed under the mapping before is mapped again, even with its source row unchanged.
     */
    public String version() {
        return version;
    }

    /** The line declaring the area, for messages about the file as a whole. */
    int areaLine() {
        return references.area().line();
    }

    /** What the source endpoint reads: the entity set, id/key/modified and every field the mapping uses, sorted. */
    public ReadSpec readSpec() {
        return readSpec;
    }

    /**
     * The references a source row holds, by the area they refer to: the header's lookups read on the row, each lines
     * section's lookups on each of its lines. A lookup in several areas asks each of them for the reference. A route
     * asks the areas for a whole page of them at once.
     */
    public Map<String, Set<String>> references(Map<String, Object> row) {
        Map<String, Set<String>> byArea = new LinkedHashMap<>();
        collect(references.lookups().keySet(), row, byArea);
        for (DocumentLines section : lines.sections()) {
            for (Map<String, Object> line : section.rowsOf(row)) {
                collect(section.refs().lookups().keySet(), line, byArea);
            }
        }
        return byArea;
    }

    private static void collect(Collection<LookupRef> lookups, Map<String, Object> row,
            Map<String, Set<String>> byArea) {
        for (LookupRef lookup : lookups) {
            lookup.refIn(row).ifPresent(ref -> byArea.computeIfAbsent(lookup.area(), a -> new LinkedHashSet<>()).add(ref));
        }
    }

    /** Every (area, source field) pair the mapping looks up, so a route can prefetch a page's references at once. */
    public List<LookupRef> lookups() {
        Set<LookupRef> all = new LinkedHashSet<>(references.lookups().keySet());
        // a document's lines look up too (a quote line's product): the area needs both before it can write
        lines.refs().forEach(r -> all.addAll(r.lookups().keySet()));
        return List.copyOf(all);
    }

    /** The line declaring a lookup of this mapping (header or any lines section), for messages about it. */
    int lookupLine(LookupRef lookup) {
        Integer line = references.lookups().get(lookup);
        for (int i = 0; line == null && i < lines.sections().size(); i++) {
            line = lines.sections().get(i).refs().lookups().get(lookup);
        }
        return line == null ? 0 : line;
    }

    public SourceSpec source() {
        return source;
    }

    /**
     * Every field of either service the mapping names, header and lines sections: on the source every field it reads
     * (id, key, modified, filters, values, lookups), on the target every field it writes or reads back. Binds are not
     * fields ({@link #keyUses()} has their keys).
     */
    public List<FieldUse> fieldUses() {
        List<FieldUse> uses = new java.util.ArrayList<>();
        addFieldUses(references, uses);
        lines.refs().forEach(r -> addFieldUses(r, uses));
        return List.copyOf(uses);
    }

    private void addFieldUses(References refs, List<FieldUse> uses) {
        if (refs.sourceEntity() != null) {
            refs.sourceFields().forEach(f -> uses.add(new FieldUse(source.system(), refs.sourceEntity().name(), f.name(),
                    file, f.line())));
        }
        if (refs.targetEntity() != null) {
            refs.targetFields().forEach(f -> uses.add(new FieldUse(target.system(), refs.targetEntity().name(), f.name(),
                    file, f.line())));
            refs.assignedFields().forEach(f -> uses.add(new FieldUse(target.system(), refs.targetEntity().name(),
                    f.name(), file, f.line())));
            refs.readOnlyWhen().forEach(c -> uses.add(new FieldUse(target.system(), refs.targetEntity().name(),
                    c.field(), file, c.line())));
        }
    }

    /**
     * The keys the mapping addresses target records by: the target key of the header and of each lines section, and
     * the key of every bind by alternate key (header and lines). Binds by id name no key and are left out.
     */
    public List<KeyUse> keyUses() {
        List<KeyUse> uses = new java.util.ArrayList<>();
        addKeyUses(references, uses);
        lines.refs().forEach(r -> addKeyUses(r, uses));
        return List.copyOf(uses);
    }

    private void addKeyUses(References refs, List<KeyUse> uses) {
        if (refs.targetEntity() != null && !refs.targetKey().isEmpty()) {
            uses.add(new KeyUse(target.system(), refs.targetEntity().name(), refs.targetKey(), KeyUse.Kind.TARGET, file,
                    refs.targetKeyLine()));
        }
        for (References.Bind bind : refs.binds()) {
            if (bind.key() != null) {
                uses.add(new KeyUse(target.system(), bind.entity().name(), List.of(bind.key().name()), KeyUse.Kind.BIND,
                        file, bind.key().line()));
            }
        }
    }

    public TargetSpec target() {
        return target;
    }

    /**
     * Checks the mapping against the services' catalogs (a live $metadata, or the real schemas) before any record
     * moves: entity sets, every field named, the source id and modified fields, the target key, enum members and
     * choice options of literals, navigation properties of binds, read-only target fields, MaxLength.
     *
     * @throws MappingException listing every problem, each with file:line and, when a known name is close, "did you
     *     mean X?"
     */
    public void validate(FieldCatalog sourceCatalog, FieldCatalog targetCatalog) {
        Problems problems = new Problems(file);
        new CatalogCheck(references, problems, new CatalogCheck.Sides(source.system(), target.system(),
                target.write() == TargetSpec.Write.UPDATE)).run(sourceCatalog, targetCatalog);
        // lines are upserts even when their header is only updated
        CatalogCheck.Sides lineSides = new CatalogCheck.Sides(source.system(), target.system(), false);
        lines.refs().forEach(r -> new CatalogCheck(r, problems, lineSides).run(sourceCatalog, targetCatalog));
        problems.throwIfAny();
    }

    /**
     * Maps one source row (JSON values as read): Filtered by the filter, else Held when a line fails its section's
     * {@code require}, else Failed, Waiting or Mapped. Never throws for bad data: that is a {@link MapResult.Failed}.
     */
    public MapResult apply(Map<String, Object> sourceRow, Lookups lookups) {
        String rejection = filter.rejection(sourceRow);
        if (rejection != null) {
            return new MapResult.Filtered(rejection);
        }
        // before the header's fields: a held document will not be written whatever its references, so it never waits
        String held = lines.held(sourceRow);
        if (held != null) {
            return new MapResult.Held(held);
        }
        Map<String, Object> payload = new LinkedHashMap<>(rules.size() * 2);
        String waitingFor = null;
        for (FieldRule rule : rules) {
            try {
                payload.put(rule.target(), StorableText.require(rule.compute(sourceRow, lookups)));
            } catch (FieldFailure failure) {
                // a record that would fail anyway fails now, rather than waiting first and failing later
                return new MapResult.Failed(rule.target(), failure.getMessage());
            } catch (ReferenceMissing missing) {
                waitingFor = waitingFor == null ? missing.reference() : waitingFor;
            }
        }
        if (waitingFor != null) {
            return new MapResult.Waiting(waitingFor);
        }
        Map<String, Object> key = new LinkedHashMap<>();
        for (String field : target.key()) {
            Object value = payload.get(field);
            if (Values.isEmpty(value)) {
                return new MapResult.Failed(field, "target key field " + field + " is empty");
            }
            key.put(field, value);
        }
        if (lines.isEmpty()) {
            return new MapResult.Mapped(new TargetRecord(null, key, payload, List.of(), headerOperation()),
                    PayloadHash.of(payload));
        }
        DocumentLines.Outcome outcome = lines.apply(sourceRow, payload, lookups);
        if (outcome.problem() != null) {
            return outcome.problem();
        }
        List<TargetRecord> documentLines = outcome.lines();
        return new MapResult.Mapped(
                new TargetRecord(null, key, payload, documentLines, headerOperation()),
                PayloadHash.ofDocument(payload, documentLines));
    }

    /**
     * The target entity set of the lines this document reads from the source (quote lines, order lines, ...), or null
     * for records without such lines. A line of that set written before and gone from the source since is deleted at
     * the target with the document's next write; lines of {@code source: self} sections never are.
     */
    public String sourceLinesTarget() {
        return lines.sourceLinesTarget();
    }

    /** What happens to the target record when the source deletes a record ({@code onDelete:}). */
    public DeletePolicy onDelete() {
        return onDelete;
    }

    /**
     * Maps a record deleted at the source under the delete policy.
     *
     * @param targetKey the key this area wrote for it, or null when it was never synced
     * @return Filtered for policy ignore or a record never synced; else Mapped: the key plus the {@code set} fields
     *     to upsert (deactivate), or the key to delete (operation DELETE)
     */
    public MapResult mapDeleted(Map<String, Object> targetKey) {
        if (onDelete.kind() == DeletePolicy.Kind.IGNORE) {
            return new MapResult.Filtered("deleted at source; policy ignore");
        }
        if (targetKey == null) {
            return new MapResult.Filtered("deleted at source; never synced, nothing to " + (onDelete.kind()
                    == DeletePolicy.Kind.DELETE ? "delete" : "deactivate"));
        }
        if (onDelete.kind() == DeletePolicy.Kind.DELETE) {
            Map<String, Object> marker = new LinkedHashMap<>(targetKey);
            marker.put("@deleted", true);
            return new MapResult.Mapped(new TargetRecord(null, targetKey, targetKey, List.of(),
                    TargetRecord.Operation.DELETE), PayloadHash.of(marker));
        }
        Map<String, Object> payload = new LinkedHashMap<>(targetKey);
        payload.putAll(onDelete.set());
        return new MapResult.Mapped(new TargetRecord(null, targetKey, payload, List.of(), headerOperation()),
                PayloadHash.of(payload));
    }

    /**
     * How the header (the record itself) is written: {@code target.write: update} never creates it. Lines stay
     * upserts: an existing document may gain lines.
     */
    private TargetRecord.Operation headerOperation() {
        return target.write() == TargetSpec.Write.UPDATE ? TargetRecord.Operation.UPDATE
                : TargetRecord.Operation.UPSERT;
    }

    @Override
    public String toString() {
        return "Mapping[" + area + ": " + source.entity() + " -> " + target.entity() + ", " + file + "]";
    }
}
