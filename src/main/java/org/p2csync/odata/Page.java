package org.p2csync.odata;

import java.util.List;
import java.util.Map;

/**
 * One page of rows as the service returned them, fields in the order sent.
 *
 * @param nextLink the URL of the next page when the service announced more rows (the page was cut at the page
 *     size), else null
 */
public record Page(List<Map<String, Object>> rows, String nextLink) {
    public Page {
        rows = List.copyOf(rows);
    }

    /** A page whose next link's URL does not matter (keyset reads ask their own next query). */
    public Page(List<Map<String, Object>> rows, boolean hasNextLink) {
        this(rows, hasNextLink ? "" : null);
    }

    public boolean hasNextLink() {
        return nextLink != null;
    }
}
