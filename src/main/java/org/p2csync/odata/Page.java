package org.p2csync.odata;

import java.util.List;
import java.util.Map;

/**
 * One page of rows as the service returned them, fields in the order sent.
 *
 * @param nextLink the URL of the next page when the service announced more rows (the page was cut at the page
 *     size), else null
 * @param deltaLink with change tracking, on the last page: the URL that returns what changed since, or null
 * @param count the service's {@code @odata.count}: rows matching the whole read, when asked for ({@code $count=true})
 *     and known (Dataverse stops counting at 5000 and says so); else null
 */
public record Page(List<Map<String, Object>> rows, String nextLink, String deltaLink, Long count) {
    /** Marks a row of a change-tracking response that reports a deleted record rather than its data. */
    public static final String DELETED = "@deleted";

    public Page {
        rows = List.copyOf(rows);
    }

    public Page(List<Map<String, Object>> rows, String nextLink, String deltaLink) {
        this(rows, nextLink, deltaLink, null);
    }

    public Page(List<Map<String, Object>> rows, String nextLink) {
        this(rows, nextLink, null);
    }

    /** A page whose next link's URL does not matter, only whether there is one. */
    public Page(List<Map<String, Object>> rows, boolean hasNextLink) {
        this(rows, hasNextLink ? "" : null, null);
    }

    public boolean hasNextLink() {
        return nextLink != null;
    }

    /** True for a row that reports a deleted record ({@code $deletedEntity} or {@code @removed}). */
    public static boolean isDeleted(Map<String, Object> row) {
        return Boolean.TRUE.equals(row.get(DELETED));
    }
}
