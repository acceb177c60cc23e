package org.p2csync.odata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.p2csync.sync.Conflict;
import org.p2csync.sync.Item;
import org.p2csync.sync.TargetRecord;
import org.p2csync.sync.WrittenPayloads;

/**
 * For an area with {@code conflicts: detect}: before records written before are written again, reads their current
 * target copies in bulk and compares, field by field, what the target holds with what the area wrote last time. A
 * difference means the other side changed the record too: the write still goes ahead (the area's source owns the
 * fields it writes), and the difference is reported as a {@link Conflict}.
 *
 * <p>Economy: no request when no record of the page has a stored payload (never written before, or the area does not
 * detect); else one GET per {@link KeyedReader#CHUNK} records, {@code $filter=(k1 eq v1 and k2 eq v2) or ...} with
 * {@code $select} of the keys and compared fields only. Lines are not compared.
 */
final class ConflictDetector {
    private final KeyedReader reader;
    private final String area;
    private final String entitySet;
    private final List<String> fields;
    private final WrittenPayloads payloads;

    /** @param fields the header fields compared (mapping order), never key or {@code @odata.bind} fields */
    ConflictDetector(ODataClient client, String area, String entitySet, boolean crossCompany, int pageSize,
            List<String> fields, WrittenPayloads payloads) {
        this.reader = new KeyedReader(client, area, entitySet, crossCompany, pageSize);
        this.area = area;
        this.entitySet = entitySet;
        this.fields = List.copyOf(fields);
        this.payloads = payloads;
    }

    /**
     * The conflicts among the given items, by their index in {@code items}.
     *
     * @param ready indexes of the items about to be written
     */
    Map<Integer, Conflict> detect(List<Item> items, List<Integer> ready) {
        return detect(items, ready, Map.of());
    }

    /**
     * The same, using the target copies already read for some of the items (by index; a null copy: the target has
     * none), so a record read for another reason ({@link ReadOnlyTargets}) costs no second GET.
     */
    Map<Integer, Conflict> detect(List<Item> items, List<Integer> ready, Map<Integer, Map<String, Object>> read) {
        Map<String, Integer> byKey = new LinkedHashMap<>();
        for (int i : ready) {
            TargetRecord target = items.get(i).target();
            if (target.operation() != TargetRecord.Operation.DELETE
                    && (target.entitySet() == null || target.entitySet().equals(entitySet))) {
                byKey.put(target.stateKey(), i);
            }
        }
        if (byKey.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, Object>> lastWritten = payloads.lastWritten(area, byKey.keySet());
        List<Integer> known = byKey.entrySet().stream()
                .filter(e -> lastWritten.containsKey(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
        Map<Integer, Map<String, Object>> copies = new HashMap<>();
        List<Integer> unread = known.stream().filter(i -> !read.containsKey(i)).toList();
        known.stream().filter(read::containsKey).forEach(i -> copies.put(i, read.get(i)));
        for (int from = 0; from < unread.size(); from += KeyedReader.CHUNK) {
            List<Integer> chunk = unread.subList(from, Math.min(unread.size(), from + KeyedReader.CHUNK));
            List<Map<String, Object>> rows = readCopies(chunk.stream().map(i -> items.get(i).target()).toList());
            for (int c = 0; c < chunk.size(); c++) {
                copies.put(chunk.get(c), rows.get(c));
            }
        }
        Map<Integer, Conflict> conflicts = new LinkedHashMap<>();
        for (int index : known) {
            Item item = items.get(index);
            TargetRecord target = item.target();
            Optional.ofNullable(copies.get(index))
                    .map(row -> compare(lastWritten.get(target.stateKey()), row, target.payload()))
                    .filter(differences -> !differences.isEmpty())
                    .ifPresent(differences -> conflicts.put(index,
                            new Conflict(item.displayKey(), target.keyString(), differences)));
        }
        return conflicts;
    }

    /** The header fields compared, for a reader that reads the copies for this detector too. */
    List<String> fields() {
        return fields;
    }

    /** The target's current copies of these records (null where it has none), with the compared fields written. */
    private List<Map<String, Object>> readCopies(List<TargetRecord> records) {
        Set<String> select = new LinkedHashSet<>();
        for (TargetRecord record : records) {
            fields.stream().filter(record.payload()::containsKey).forEach(select::add);
        }
        return reader.readChunk(records.stream().map(TargetRecord::key).toList(), select);
    }

    /**
     * The compared fields whose target value is neither the one last written nor the one written now; fields not
     * written both times are skipped.
     */
    private List<Conflict.Field> compare(Map<String, Object> lastWritten, Map<String, Object> found,
            Map<String, Object> now) {
        List<Conflict.Field> differences = new ArrayList<>();
        for (String field : fields) {
            if (!lastWritten.containsKey(field) || !now.containsKey(field)) {
                continue;
            }
            Object last = lastWritten.get(field);
            Object current = found.get(field);
            // the target already holding the value written now overwrites nothing: e.g. another area of ours (an
            // invoice marking its order Invoiced) got there first
            if (!FieldValues.same(last, current) && !FieldValues.same(current, now.get(field))) {
                differences.add(new Conflict.Field(field, last, current, now.get(field)));
            }
        }
        return differences;
    }
}
