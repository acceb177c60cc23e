package org.p2csync.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.TargetRecord;

/**
 * The compiled {@code lines:} section of a document mapping (quote, order, invoice): how each source line becomes a
 * target line. Lines travel with their header, so they are mapped together: one line that fails fails the document,
 * one line that waits makes the document wait, one line that fails {@code require} holds the document, and a document
 * is never written with some of its lines.
 *
 * @param self true for {@code source: self}: exactly one line computed from the header's own row (a product's
 *     price-list item); else the lines are the rows the source endpoint attached under {@link #ROWS}
 * @param entity the source line entity set (the header's for self)
 * @param id the source line id (null for self)
 * @param parent the line's reference to its header's id (null for self)
 * @param targetEntity the target line entity set
 * @param targetKey the target line key fields in key order
 * @param require what every line must meet, else the document is held
 */
record DocumentLines(
        boolean self, String entity, String id, String parent, String targetEntity, List<String> targetKey,
        LineRequirements require, List<FieldRule> rules, References refs) {

    /** Where the source endpoint attaches a header's line rows (ordered by line id): reserved, no field has '@'. */
    static final String ROWS = ReadSpec.LinesSpec.ROWS;

    DocumentLines {
        targetKey = List.copyOf(targetKey);
        rules = List.copyOf(rules);
    }

    /** What the source reads for the lines, or null for self (the header's own row holds every field). */
    ReadSpec.LinesSpec readSpec() {
        if (self) {
            return null;
        }
        TreeSet<String> select = new TreeSet<>(List.of(id.split(",")));
        select.addAll(List.of(parent.split(",")));
        refs.sourceFields().forEach(n -> select.add(n.name()));
        return new ReadSpec.LinesSpec(entity, id, parent, List.copyOf(select));
    }

    /** Source fields the header must read for self lines. */
    List<String> headerSelect() {
        return self ? refs.sourceFields().stream().map(References.Name::name).toList() : List.of();
    }

    /** The mapped lines sorted by line key, or (lines null) why the document cannot be written: Failed or Waiting. */
    record Outcome(List<TargetRecord> lines, MapResult problem) {
        static Outcome of(MapResult problem) {
            return new Outcome(null, problem);
        }
    }

    /**
     * Why the document is held (a line fails {@code require}), or null. Null too when the lines were not read:
     * {@link #apply} fails such a document.
     */
    String held(Map<String, Object> headerRow) {
        List<Map<String, Object>> rows = rows(headerRow);
        return rows == null ? null : require.unmet(rows);
    }

    /** Maps the lines of one document. */
    Outcome apply(Map<String, Object> headerRow, Map<String, Object> headerPayload, Lookups lookups) {
        List<Map<String, Object>> rows = rows(headerRow);
        if (rows == null) {
            Object unread = headerRow.get(ReadSpec.LinesSpec.UNREAD);
            return Outcome.of(new MapResult.Failed(targetEntity, unread != null ? unread.toString()
                    : "the document's lines were not read (no " + ROWS + " on the row)"));
        }
        List<TargetRecord> lines = new ArrayList<>(rows.size());
        String waitingFor = null;
        for (Map<String, Object> row : rows) {
            Map<String, Object> view = new LinkedHashMap<>(row);
            view.put(ValueSource.HEADER, headerPayload);
            Map<String, Object> payload = new LinkedHashMap<>(rules.size() * 2);
            for (FieldRule rule : rules) {
                try {
                    payload.put(rule.target(), StorableText.require(rule.compute(view, lookups)));
                } catch (FieldFailure failure) {
                    return Outcome.of(new MapResult.Failed(name(row) + " " + rule.target(), failure.getMessage()));
                } catch (ReferenceMissing missing) {
                    waitingFor = waitingFor == null ? name(row) + ": " + missing.reference() : waitingFor;
                }
            }
            if (waitingFor != null) {
                continue;
            }
            Map<String, Object> key = new LinkedHashMap<>();
            for (String field : targetKey) {
                Object value = payload.get(field);
                if (Values.isEmpty(value)) {
                    return Outcome.of(new MapResult.Failed(name(row) + " " + field,
                            "target key field " + field + " is empty"));
                }
                key.put(field, value);
            }
            lines.add(new TargetRecord(targetEntity, key, payload, List.of(), TargetRecord.Operation.UPSERT));
        }
        if (waitingFor != null) {
            return Outcome.of(new MapResult.Waiting(waitingFor));
        }
        lines.sort(BY_KEY);
        for (int i = 1; i < lines.size(); i++) {
            if (BY_KEY.compare(lines.get(i - 1), lines.get(i)) == 0) {
                return Outcome.of(new MapResult.Failed(targetEntity, "two lines have the key "
                        + lines.get(i).keyString()));
            }
        }
        return new Outcome(List.copyOf(lines), null);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(Map<String, Object> headerRow) {
        if (self) {
            return List.of(headerRow);
        }
        Object rows = headerRow.get(ROWS);
        return rows instanceof List<?> list ? (List<Map<String, Object>>) list : null;
    }

    /** The line rows of a header row, for the lookups they hold; none when the lines were not read. */
    List<Map<String, Object>> rowsOf(Map<String, Object> headerRow) {
        List<Map<String, Object>> rows = rows(headerRow);
        return rows == null ? List.of() : rows;
    }

    /** How messages name a line: "line quotedetails 3f2a..." (or "line" for self). */
    private String name(Map<String, Object> row) {
        if (self) {
            return "line";
        }
        StringBuilder name = new StringBuilder("line ").append(entity).append(' ');
        String[] fields = id.split(",");
        for (int i = 0; i < fields.length; i++) {
            name.append(i == 0 ? "" : "|").append(row.get(fields[i]));
        }
        return name.toString();
    }

    /** Line order: by key, field by field, numbers as numbers (sequence 2 before 10), else as text. */
    private static final Comparator<TargetRecord> BY_KEY = (a, b) -> {
        List<Object> x = new ArrayList<>(a.key().values());
        List<Object> y = new ArrayList<>(b.key().values());
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            BigDecimal dx = Values.decimal(x.get(i));
            BigDecimal dy = Values.decimal(y.get(i));
            int c = dx != null && dy != null ? dx.compareTo(dy) : Values.text(x.get(i)).compareTo(Values.text(y.get(i)));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    };
}
