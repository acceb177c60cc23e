package org.p2csync.odata;

import java.util.List;
import java.util.Map;

/**
 * One page of rows as the service returned them, fields in the order sent.
 *
 * @param hasNextLink true when the service announced more rows (the page was cut at the page size)
 */
public record Page(List<Map<String, Object>> rows, boolean hasNextLink) {
    public Page {
        rows = List.copyOf(rows);
    }
}
