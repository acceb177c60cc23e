package org.p2csync.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where a target field's value starts: a source field, a constant, a concatenation or another area's key. */
@FunctionalInterface
interface ValueSource {
    /** @throws ReferenceMissing when a lookup's record has not been synced yet */
    Object read(Map<String, Object> row, Lookups lookups);

    static ValueSource field(String name) {
        return (row, lookups) -> row.get(name);
    }

    /**
     * The row key under which a document line sees its mapped header's payload. It starts with '@', which no
     * OData property name can, so it never hides a source field.
     */
    String HEADER = "@header";

    /** A value of the mapped header (for a document line), e.g. the header's SalesQuotationNumber. */
    static ValueSource header(String targetField) {
        return (row, lookups) -> row.get(HEADER) instanceof Map<?, ?> header ? header.get(targetField) : null;
    }

    static ValueSource constant(Object value) {
        return (row, lookups) -> value;
    }

    /** One part of a concatenation: a source field or literal text. */
    record Part(String field, String literal) {}

    /** Empty fields count as ""; when every field part is empty the result is null, so default/required apply. */
    static ValueSource concat(List<Part> parts) {
        List<Part> copy = List.copyOf(parts);
        return (row, lookups) -> {
            StringBuilder out = new StringBuilder();
            boolean anyValue = false;
            for (Part p : copy) {
                if (p.field() == null) {
                    out.append(p.literal());
                    continue;
                }
                Object v = row.get(p.field());
                if (!Values.isEmpty(v)) {
                    anyValue = true;
                    out.append(Values.text(v));
                }
            }
            return anyValue ? out.toString() : null;
        };
    }

    /**
     * The field {@code keyField} (null: the last) of the target key the first of {@code areas} (in list order) that
     * synced the record the row's {@code field} refers to wrote for it, or of the values the target assigned to that
     * record ({@code target.assigned} of the area). An empty reference stays empty (nothing to wait for); a reference
     * none of them has synced yet makes the record wait, naming every area, and so does an assigned value not read
     * back yet: a record is never written with an empty value where the target will have one.
     */
    static ValueSource lookup(List<String> areas, String field, String keyField) {
        List<String> copy = List.copyOf(areas);
        String names = copy.size() == 1 ? copy.get(0)
                : String.join(", ", copy.subList(0, copy.size() - 1)) + " or " + copy.get(copy.size() - 1);
        return (row, lookups) -> {
            Object ref = row.get(field);
            if (Values.isEmpty(ref)) {
                return null;
            }
            String sourceRef = Values.text(ref);
            for (String area : copy) {
                Optional<Map<String, Object>> key = lookups.targetKey(area, sourceRef);
                if (key.isPresent()) {
                    return keyField(key.get(), keyField, area, sourceRef, field, lookups);
                }
            }
            throw new ReferenceMissing(names + " record " + sourceRef + " (from " + field + ") not synced yet");
        };
    }

    private static Object keyField(Map<String, Object> key, String keyField, String area, String sourceRef,
            String field, Lookups lookups) {
        if (keyField == null) {
            Object last = null;
            for (Object v : key.values()) {
                last = v;
            }
            return last;
        }
        if (key.containsKey(keyField)) {
            return key.get(keyField);
        }
        Map<String, Object> assigned = lookups.assignedValues(area, sourceRef);
        if (assigned.containsKey(keyField)) {
            Object value = assigned.get(keyField);
            if (Values.isEmpty(value)) {
                throw new ReferenceMissing(area + " record " + sourceRef + " (from " + field + ") is synced but its "
                        + keyField + " is not known yet");
            }
            return value;
        }
        throw new FieldFailure("the target key " + key + " that " + area + " wrote for " + sourceRef
                + " has no field " + keyField + (assigned.isEmpty() ? "" : ", nor is it one of the fields its target"
                        + " assigns " + assigned.keySet()));
    }
}
