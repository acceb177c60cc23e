package org.p2csync.odata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2csync.sync.Item;
import org.p2csync.sync.ReadOnlyWhen;
import org.p2csync.sync.TargetRecord;

/**
 * For an area whose target refuses updates of records in some states (mapping {@code target.readOnlyWhen}, e.g. a
 * Dataverse order submitted, fulfilled, invoiced or canceled in the CRM): before a page's records are written, reads
 * the current target copies of those that may exist there and names the ones in a read-only state, which the
 * producer then holds instead of sending a write the service would refuse every run.
 *
 * <p>Which records are read: those about to be updated or upserted that p2c-sync wrote before, and every record of an
 * update-only target (another side created it). An upsert p2c-sync never wrote is a create: there is no copy to
 * lock. Economy: one GET per {@link KeyedReader#CHUNK} such records, {@code $select} of the key, the
 * {@code readOnlyWhen} fields and the fields {@code conflicts: detect} compares, whose copies are handed on so the
 * conflict check reads nothing twice; none for a page without such records.
 */
final class ReadOnlyTargets {
    /** What the read found, both by the item's index in the page. */
    record Found(Map<Integer, String> readOnly, Map<Integer, Map<String, Object>> copies) {}

    private final KeyedReader reader;
    private final String entitySet;
    private final ReadOnlyWhen when;
    private final List<String> alsoRead;

    /** @param alsoRead further header fields to read with the copies (those the conflict check compares) */
    ReadOnlyTargets(ODataClient client, String area, String entitySet, boolean crossCompany, int pageSize,
            ReadOnlyWhen when, Collection<String> alsoRead) {
        this.reader = new KeyedReader(client, area, entitySet, crossCompany, pageSize);
        this.entitySet = entitySet;
        this.when = when;
        this.alsoRead = List.copyOf(alsoRead);
    }

    /**
     * @param ready indexes of the items about to be written
     * @throws ODataException when the read fails for good (the page then fails and its cursor stays)
     */
    Found check(List<Item> items, List<Integer> ready) {
        List<Integer> asked = ready.stream().filter(i -> mayExist(items.get(i).target())).toList();
        Map<Integer, String> readOnly = new LinkedHashMap<>();
        Map<Integer, Map<String, Object>> copies = new HashMap<>();
        for (int from = 0; from < asked.size(); from += KeyedReader.CHUNK) {
            List<Integer> chunk = asked.subList(from, Math.min(asked.size(), from + KeyedReader.CHUNK));
            List<TargetRecord> records = chunk.stream().map(i -> items.get(i).target()).toList();
            List<Map<String, Object>> rows = reader.readChunk(records.stream().map(TargetRecord::key).toList(),
                    select(records));
            for (int c = 0; c < chunk.size(); c++) {
                int index = chunk.get(c);
                Map<String, Object> copy = rows.get(c);
                copies.put(index, copy);
                String key = records.get(c).keyString();
                when.reason(copy).ifPresent(why -> readOnly.put(index, entitySet + " " + key
                        + " is read-only at the target (" + why + "; target readOnlyWhen): not written while it is"));
            }
        }
        return new Found(readOnly, copies);
    }

    private boolean mayExist(TargetRecord target) {
        boolean here = target.entitySet() == null || target.entitySet().equals(entitySet);
        return here && switch (target.operation()) {
            case UPDATE -> true;
            case UPSERT -> !target.neverWritten();
            case DELETE -> false;
        };
    }

    private Set<String> select(List<TargetRecord> records) {
        Set<String> select = new LinkedHashSet<>(when.fields());
        List<String> compared = new ArrayList<>();
        for (TargetRecord record : records) {
            alsoRead.stream().filter(record.payload()::containsKey).forEach(compared::add);
        }
        select.addAll(compared);
        return select;
    }
}
