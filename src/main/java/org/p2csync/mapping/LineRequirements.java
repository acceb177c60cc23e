package org.p2csync.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code require:} of a lines section: conditions every line of a document must meet. A document with a line that
 * does not is <em>held</em>: written neither header nor lines, because a document the target receives without some
 * of its lines is a different document (Prospect to cash: a quote with a write-in line does not sync at all).
 *
 * @param requirements in declaration order; empty: every line is accepted
 * @param lineNumberFields the source fields that number the lines for people (the fields behind the line key that do
 *     not come from the header, e.g. sequencenumber); lines are named in their order. Empty: lines are named by id
 * @param entity the source line entity set, for naming a line by id
 * @param idFields the source line id fields, for naming a line by id
 * @param self a {@code source: self} section: its one line is the header's own row
 * @param targetEntity the target line entity set, for naming a self line
 */
record LineRequirements(
        List<Requirement> requirements, List<String> lineNumberFields, String entity, List<String> idFields,
        boolean self, String targetEntity) {

    /**
     * One condition; {@code reason} says for people why a line that fails it holds its document (null: derived from
     * the condition, e.g. "has no _productid_value").
     */
    record Requirement(Condition condition, String reason) {}

    LineRequirements {
        requirements = List.copyOf(requirements);
        lineNumberFields = List.copyOf(lineNumberFields);
        idFields = List.copyOf(idFields);
    }

    boolean isEmpty() {
        return requirements.isEmpty();
    }

    /**
     * Null when every line meets every requirement, else why the document is held: its first line (in line order)
     * that does not, with the reason, e.g. "line 4 (sequencenumber 4): write-in line (no product)", and how many
     * more lines do not.
     */
    String unmet(List<Map<String, Object>> rows) {
        if (requirements.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> ordered = inLineOrder(rows);
        String first = null;
        int more = 0;
        for (int i = 0; i < ordered.size(); i++) {
            String why = unmet(ordered.get(i));
            if (why == null) {
                continue;
            }
            if (first == null) {
                first = label(i + 1, ordered.get(i)) + why;
            } else {
                more++;
            }
        }
        if (first == null || more == 0) {
            return first;
        }
        return first + "; " + more + " more line" + (more == 1 ? " does" : "s do") + " not meet require either";
    }

    /** Why one line fails its first unmet requirement (starting with ": " or " has no"), or null. */
    private String unmet(Map<String, Object> row) {
        for (Requirement r : requirements) {
            String rejection = r.condition().rejection(row);
            if (rejection == null) {
                continue;
            }
            if (r.reason() != null) {
                return ": " + r.reason();
            }
            if (r.condition() instanceof Condition.NotEquals ne && ne.excluded() == null) {
                return " has no " + ne.field();
            }
            return ": " + rejection;
        }
        return null;
    }

    /** "line 4 (sequencenumber 4)", "line 2 (quotedetails 3f2a...)", or for a self section "the ... line". */
    private String label(int position, Map<String, Object> row) {
        if (self) {
            return "the " + targetEntity + " line";
        }
        String named = lineNumberFields.isEmpty()
                ? entity + " " + idFields.stream().map(f -> Values.text(row.get(f))).collect(Collectors.joining("|"))
                : lineNumberFields.stream().map(f -> f + " " + Values.text(row.get(f)))
                        .collect(Collectors.joining(", "));
        return "line " + position + " (" + named + ")";
    }

    /** The rows by their line number fields (numbers as numbers, missing last), else as read (by line id). */
    private List<Map<String, Object>> inLineOrder(List<Map<String, Object>> rows) {
        List<Map<String, Object>> ordered = new ArrayList<>(rows);
        if (!lineNumberFields.isEmpty()) {
            ordered.sort(byFields(lineNumberFields));
        }
        return ordered;
    }

    private static Comparator<Map<String, Object>> byFields(List<String> fields) {
        return (a, b) -> {
            for (String f : fields) {
                int c = compare(a.get(f), b.get(f));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    private static int compare(Object x, Object y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : 1) : -1;
        }
        BigDecimal dx = Values.decimal(x);
        BigDecimal dy = Values.decimal(y);
        return dx != null && dy != null ? dx.compareTo(dy) : Values.text(x).compareTo(Values.text(y));
    }
}
