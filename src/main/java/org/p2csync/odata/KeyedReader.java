package org.p2csync.odata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2csync.sync.Guids;

/**
 * Reads target records by their keys, a chunk per GET: {@code $filter=(k1 eq v1 and k2 eq v2) or ...} with
 * {@code $select} of the key and the fields asked for, {@code cross-company=true} where the endpoint reads across
 * companies, following nextLinks. Never one request per record. Transient failures are retried by the client; a read
 * that fails for good throws.
 */
final class KeyedReader {
    /** Records one GET asks for: keeps composite-key filters well under URL length limits. */
    static final int CHUNK = 20;

    private final ODataClient client;
    private final String area;
    private final String entitySet;
    private final boolean crossCompany;
    private final int pageSize;

    KeyedReader(ODataClient client, String area, String entitySet, boolean crossCompany, int pageSize) {
        this.client = client;
        this.area = area;
        this.entitySet = entitySet;
        this.crossCompany = crossCompany;
        this.pageSize = pageSize;
    }

    /**
     * The target's rows for these keys (at most {@link #CHUNK}, all of the same fields), in one GET plus its
     * nextLinks, each row with its key fields and those of {@code fields} it has: by position, null where the
     * target has no such record.
     *
     * @throws ODataException when the read fails for good
     */
    List<Map<String, Object>> readChunk(List<Map<String, Object>> keys, Collection<String> fields) {
        if (keys.size() > CHUNK) {
            throw new IllegalArgumentException(keys.size() + " keys in one read; at most " + CHUNK);
        }
        Set<String> select = new LinkedHashSet<>(keys.get(0).keySet());
        select.addAll(fields);
        StringBuilder filter = new StringBuilder();
        LiteralTypes types = client.literalTypes(entitySet);
        for (Map<String, Object> key : keys) {
            filter.append(filter.length() == 0 ? "" : " or ").append(condition(key, types));
        }
        Query query = new Query(List.copyOf(select), filter.toString(), null, pageSize, crossCompany);
        List<Map<String, Object>> rows = new ArrayList<>();
        Page page = client.readPage(area, entitySet, query);
        while (true) {
            rows.addAll(page.rows());
            if (!page.hasNextLink() || page.rows().isEmpty()) {
                break;
            }
            page = client.readNextLink(area, page.nextLink(), pageSize);
        }
        List<Map<String, Object>> byKey = new ArrayList<>(keys.size());
        for (Map<String, Object> key : keys) {
            byKey.add(rows.stream().filter(row -> isCopyOf(row, key)).findFirst().orElse(null));
        }
        return byKey;
    }

    /** {@code k eq v}, or for a composite key {@code (k1 eq v1 and k2 eq v2)}. */
    private String condition(Map<String, Object> key, LiteralTypes types) {
        List<String> terms = new ArrayList<>(key.size());
        key.forEach((field, value) -> terms.add(field + " eq " + types.literal(field, value, client.config().dialect())));
        return key.size() > 1 ? "(" + String.join(" and ", terms) + ")" : terms.get(0);
    }

    private static boolean isCopyOf(Map<String, Object> row, Map<String, Object> key) {
        for (Map.Entry<String, Object> k : key.entrySet()) {
            Object value = row.get(k.getKey());
            boolean same = Guids.isGuid(value) && Guids.isGuid(k.getValue())
                    ? value.toString().equalsIgnoreCase(k.getValue().toString())
                    : FieldValues.same(value, k.getValue());
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
