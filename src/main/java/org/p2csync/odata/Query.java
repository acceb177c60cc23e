package org.p2csync.odata;

import java.util.ArrayList;
import java.util.List;
import org.p2csync.sync.UrlEncoding;

/**
 * One read request's query options. Null filter/orderBy are left out.
 *
 * @param maxPageSize sent as {@code Prefer: odata.maxpagesize}
 * @param crossCompany adds {@code cross-company=true} (F&amp;O reads every company, not only the caller's default)
 */
public record Query(List<String> select, String filter, String orderBy, int maxPageSize, boolean crossCompany) {
    public Query {
        select = List.copyOf(select);
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("maxPageSize must be at least 1, got " + maxPageSize);
        }
    }

    public Query withPageSize(int size) {
        return new Query(select, filter, orderBy, size, crossCompany);
    }

    public Query withSelect(List<String> fields) {
        return new Query(fields, filter, orderBy, maxPageSize, crossCompany);
    }

    /** The query string, each value percent-encoded, without the leading '?'. */
    public String toQueryString() {
        List<String> parts = new ArrayList<>();
        if (!select.isEmpty()) {
            parts.add("$select=" + UrlEncoding.encode(String.join(",", select)));
        }
        if (filter != null) {
            parts.add("$filter=" + UrlEncoding.encode(filter));
        }
        if (orderBy != null) {
            parts.add("$orderby=" + UrlEncoding.encode(orderBy));
        }
        if (crossCompany) {
            parts.add("cross-company=true");
        }
        return String.join("&", parts);
    }
}
