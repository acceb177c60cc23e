package org.p2csync.odata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Item;
import org.p2csync.sync.ItemStatus;
import org.p2csync.sync.ReadBack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For an area whose target assigns fields (mapping {@code target.assigned}, e.g. F&amp;O's PartyNumber): after a page's
 * writes, reads the assigned fields of the records the page asks for ({@link Batch#readBack()}) back from the target
 * by key, {@link KeyedReader#CHUNK} records per GET. What to ask for is the engine's decision; this side only leaves
 * out a record of the page whose write failed (it may not exist) and adds one the write just created (on F&amp;O the
 * client creates a missing record with POST): a record created again has new values.
 */
final class AssignedReader {
    private static final Logger LOG = LoggerFactory.getLogger(AssignedReader.class);

    private final KeyedReader reader;
    private final String area;
    private final String entitySet;
    private final List<String> fields;

    AssignedReader(ODataClient client, String area, String entitySet, boolean crossCompany, int pageSize,
            List<String> fields) {
        this.reader = new KeyedReader(client, area, entitySet, crossCompany, pageSize);
        this.area = area;
        this.entitySet = entitySet;
        this.fields = List.copyOf(fields);
    }

    /**
     * The page with what the target holds in the assigned fields of each record read back; a record the target does
     * not have is logged and found with no values.
     *
     * @param created the record keys of the page's records the write created ({@link WriteResult#created()}), each
     *     with the entity the service returned: a POST's answer that carries every assigned field costs no read
     * @throws ODataException when a read fails for good: the page must not be committed without its values
     */
    Batch readBack(Batch batch, Map<String, Map<String, Object>> created) {
        Map<String, Map<String, Object>> wanted = new LinkedHashMap<>(batch.readBack().wanted());
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        Set<String> notWritten = new HashSet<>();
        for (Item item : batch.items()) {
            if (item.target() == null || !(item.target().entitySet() == null
                    || item.target().entitySet().equals(entitySet))) {
                continue;
            }
            String key = item.target().stateKey();
            if (created.containsKey(key)) {
                Map<String, Object> returned = created.get(key);
                if (fields.stream().allMatch(f -> returned.get(f) != null && !returned.get(f).toString().isBlank())) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    fields.forEach(f -> values.put(f, returned.get(f)));
                    found.put(key, values);
                    wanted.remove(key);
                } else {
                    wanted.putIfAbsent(key, item.target().key());
                }
            } else if (item.status() != ItemStatus.WRITTEN && item.status() != ItemStatus.UNCHANGED) {
                notWritten.add(key);
            }
        }
        notWritten.forEach(wanted::remove);
        if (wanted.isEmpty()) {
            return found.isEmpty() ? batch : batch.withReadBack(batch.readBack().withFound(found));
        }
        List<String> keys = new ArrayList<>(wanted.keySet());
        int missing = 0;
        for (int from = 0; from < keys.size(); from += KeyedReader.CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KeyedReader.CHUNK));
            List<Map<String, Object>> rows = read(chunk.stream().map(wanted::get).toList(), keys.size());
            for (int i = 0; i < chunk.size(); i++) {
                Map<String, Object> row = rows.get(i);
                Map<String, Object> values = new LinkedHashMap<>();
                if (row == null) {
                    missing++;
                    LOG.warn("{}: {} {} is not at the target when reading back {}; it has no assigned values until"
                            + " written again", area, entitySet, chunk.get(i), fields);
                } else {
                    fields.forEach(f -> values.put(f, row.get(f)));
                }
                found.put(chunk.get(i), values);
            }
        }
        LOG.info("{}: read back {} of {} records from {} in {} chunk(s) of up to {}, {} not found", area, fields,
                keys.size(), entitySet, (keys.size() + KeyedReader.CHUNK - 1) / KeyedReader.CHUNK, KeyedReader.CHUNK,
                missing);
        return batch.withReadBack(batch.readBack().withFound(found));
    }

    /** One chunk; a failure for good says what was being read and that the page is done again, not lost. */
    private List<Map<String, Object>> read(List<Map<String, Object>> keys, int ofRecords) {
        try {
            return reader.readChunk(keys, fields);
        } catch (ODataException e) {
            throw new ODataException(area + ": reading back " + fields + " of " + ofRecords + " records of "
                    + entitySet + " failed, so the page is not committed (its records are written and read back"
                    + " again on the next run): " + e.getMessage(), e.status(), e);
        }
    }
}
