package org.p2csync.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.p2csync.odata.ODataClient;
import org.p2csync.odata.Page;
import org.p2csync.odata.Query;

/**
 * Why a key's index failed, in the terms an administrator acts on: the records that share a value of the key's
 * columns (Dataverse builds the unique index in a system job and fails it on duplicates; nulls never collide). Reads
 * the key's columns of every record whose key is complete, page by page: a cost paid only after a failure.
 */
final class DuplicateValues {
    private static final int PAGE_SIZE = 5000;
    private static final int SHOWN = 3;

    private final ODataClient client;
    private final String area;

    DuplicateValues(ODataClient client, String area) {
        this.client = client;
        this.area = area;
    }

    /** E.g. "2 account records share accountnumber = 'DUP-1'"; empty when no two records share a value now. */
    Optional<String> describe(String table, CrmNeeds.Key key) {
        List<String> properties = key.properties();
        String filter = String.join(" and ", properties.stream().map(p -> p + " ne null").toList());
        Map<List<Object>, Integer> counts = new LinkedHashMap<>();
        Page page = client.readPage(area, key.entitySet(), new Query(properties, filter, null, PAGE_SIZE, false));
        while (true) {
            for (Map<String, Object> row : page.rows()) {
                List<Object> value = new ArrayList<>();
                properties.forEach(p -> value.add(row.get(p)));
                counts.merge(value, 1, Integer::sum);
            }
            if (!page.hasNextLink()) {
                break;
            }
            page = client.readNextLink(area, page.nextLink(), PAGE_SIZE);
        }
        List<String> shared = new ArrayList<>();
        int values = 0;
        for (Map.Entry<List<Object>, Integer> e : counts.entrySet()) {
            if (e.getValue() > 1) {
                values++;
                if (shared.size() < SHOWN) {
                    shared.add(e.getValue() + " " + table + " records share " + render(key.columns(), e.getKey()));
                }
            }
        }
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("; ", shared) + (values > SHOWN ? "; and " + (values - SHOWN) + " more values"
                : ""));
    }

    private static String render(List<String> columns, List<Object> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Object v = values.get(i);
            parts.add(columns.get(i) + " = " + (v instanceof String s ? "'" + s + "'" : String.valueOf(v)));
        }
        return String.join(", ", parts);
    }
}
