package org.p2csync.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Every name and literal a mapping file mentions, with its line, kept after loading so {@link Mapping#validate} can
 * check them against the services' $metadata and point at the line to fix.
 */
final class References {
    record Name(String name, int line) {}

    /** A literal written to a target field: a constant, default, blank or value-map value. */
    record Literal(String targetField, String what, Object value, int line) {}

    /** A {@code nav@odata.bind} target field and its {@code bind:} (entity set, alternate key field or null). */
    record Bind(String field, int line, Name entity, Name key) {}

    /** Literals a condition (filter, or any condition list) compares a source field with; null stands for empty. */
    record Comparison(String field, List<Object> values, int line) {
        Comparison {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    private Name area;
    private Name sourceEntity;
    private Name targetEntity;
    private final List<Name> sourceFields = new ArrayList<>();
    private final List<Name> targetFields = new ArrayList<>();
    private final List<Name> assignedFields = new ArrayList<>();
    private final List<Name> mayBeEmpty = new ArrayList<>();
    private final List<Literal> literals = new ArrayList<>();
    private final List<Name> bindFields = new ArrayList<>();
    private final List<Bind> binds = new ArrayList<>();
    private final List<Comparison> comparisons = new ArrayList<>();
    private final List<Comparison> readOnlyWhen = new ArrayList<>();
    private List<Name> sourceId = List.of();
    private Name modified;
    private List<String> targetKey = List.of();
    private int targetKeyLine;
    private final List<Name> headerFields = new ArrayList<>();
    private final java.util.Map<LookupRef, Integer> lookups = new java.util.LinkedHashMap<>();

    void area(String name, int line) {
        area = new Name(name, line);
    }

    Name area() {
        return area;
    }

    void sourceEntity(String name, int line) {
        sourceEntity = new Name(name, line);
    }

    void targetEntity(String name, int line) {
        targetEntity = new Name(name, line);
    }

    void sourceField(String name, int line) {
        sourceFields.add(new Name(name, line));
    }

    void targetField(String name, int line) {
        targetFields.add(new Name(name, line));
    }

    /** A target field whose rule can give an empty value (no constant, default or required). */
    void mayBeEmpty(String name, int line) {
        mayBeEmpty.add(new Name(name, line));
    }

    List<Name> mayBeEmpty() {
        return List.copyOf(mayBeEmpty);
    }

    /** A target field the service assigns ({@code target.assigned}): read back, never written. */
    void assignedField(String name, int line) {
        assignedFields.add(new Name(name, line));
    }

    List<Name> assignedFields() {
        return List.copyOf(assignedFields);
    }

    /** A nav@odata.bind target field: not a property in $metadata, so not checked as one. */
    void bindField(String name, int line) {
        bindFields.add(new Name(name, line));
    }

    /** A bind of a nav@odata.bind field: its entity set is a set of the target service, its key a field of it. */
    void bind(Bind bind) {
        binds.add(bind);
    }

    /** The source id field(s), also recorded as source fields: the entity's key, checked against the catalog. */
    void sourceId(List<Name> fields) {
        sourceId = List.copyOf(fields);
    }

    /** The field the incremental read follows ({@code source.modified}), also recorded as a source field. */
    void modified(String name, int line) {
        modified = new Name(name, line);
    }

    /** The target key fields in key order, declared at {@code line}. */
    void targetKey(List<String> fields, int line) {
        targetKey = List.copyOf(fields);
        targetKeyLine = line;
    }

    /** A condition comparing a source field with literals. */
    void comparison(String field, List<Object> values, int line) {
        comparisons.add(new Comparison(field, values, line));
    }

    /** A {@code target.readOnlyWhen} entry: a target field read back and the values that make a record read-only. */
    void readOnlyWhen(String field, List<Object> values, int line) {
        readOnlyWhen.add(new Comparison(field, values, line));
    }

    List<Comparison> readOnlyWhen() {
        return List.copyOf(readOnlyWhen);
    }

    /** A document line's reference to a field of its mapped header. */
    void headerField(String name, int line) {
        headerFields.add(new Name(name, line));
    }

    List<Name> bindFields() {
        return List.copyOf(bindFields);
    }

    List<Bind> binds() {
        return List.copyOf(binds);
    }

    List<Name> sourceId() {
        return sourceId;
    }

    /** The modified field, or null when the section names none. */
    Name modified() {
        return modified;
    }

    List<String> targetKey() {
        return targetKey;
    }

    int targetKeyLine() {
        return targetKeyLine;
    }

    List<Comparison> comparisons() {
        return List.copyOf(comparisons);
    }

    List<Name> headerFields() {
        return List.copyOf(headerFields);
    }

    void literal(String targetField, String what, Object value, int line) {
        if (value != null) {
            literals.add(new Literal(targetField, what, value, line));
        }
    }

    /** A lookup of another area's synced keys, declared at {@code line}. */
    void lookup(LookupRef ref, int line) {
        lookups.putIfAbsent(ref, line);
    }

    /** Each distinct (area, source field) looked up, with the line of its first declaration. */
    java.util.Map<LookupRef, Integer> lookups() {
        return java.util.Collections.unmodifiableMap(lookups);
    }

    Name sourceEntity() {
        return sourceEntity;
    }

    Name targetEntity() {
        return targetEntity;
    }

    List<Name> sourceFields() {
        return List.copyOf(sourceFields);
    }

    List<Name> targetFields() {
        return List.copyOf(targetFields);
    }

    List<Literal> literals() {
        return List.copyOf(literals);
    }
}
