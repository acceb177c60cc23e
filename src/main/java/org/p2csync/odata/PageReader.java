package org.p2csync.odata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.UrlEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one page of an area's source at a URL. A page that stays malformed (a record the service cannot render as
 * JSON) is narrowed down: the same request with half the page size, then the smaller pages' nextLinks, halving again
 * whenever one stays malformed, until the one bad record is left; that record is read once more with only its
 * identity selected and marked {@link #MALFORMED}, so the rest of the area still flows. What comes back is one page:
 * the rows before the bad one, the bad one, and the link after it (with every field selected again).
 */
final class PageReader {
    private static final Logger LOG = LoggerFactory.getLogger(PageReader.class);
    /** Marks the isolated row of a page that stayed malformed; its value is the parser's message. */
    static final String MALFORMED = "@malformed";

    private final ODataClient client;
    private final String area;
    private final ReadSpec spec;
    private final int pageSize;

    PageReader(ODataClient client, String area, ReadSpec spec, int pageSize) {
        this.client = client;
        this.area = area;
        this.spec = spec;
        this.pageSize = pageSize;
    }

    Page read(String url, boolean tracked) {
        try {
            return client.read(area, url, pageSize, tracked, ODataClient.MALFORMED_ATTEMPTS);
        } catch (MalformedPageException malformed) {
            return narrowDown(url, tracked, malformed);
        }
    }

    private Page narrowDown(String url, boolean tracked, MalformedPageException first) {
        List<Map<String, Object>> rows = new ArrayList<>();
        MalformedPageException malformed = first;
        String at = url;
        int size = pageSize;
        while (size > 1) {
            size = Math.max(1, size / 2);
            LOG.warn("{}: page of {} stays malformed ({}); narrowing down with page size {}", area,
                    spec.entitySet(), malformed.parserMessage(), size);
            while (true) {
                Page page;
                try {
                    // known to stay malformed: one try per size is enough
                    page = client.read(area, at, size, tracked, 1);
                } catch (MalformedPageException again) {
                    malformed = again;
                    break;
                }
                rows.addAll(page.rows());
                if (page.nextLink() == null || rows.size() >= pageSize) {
                    // the bad record is gone, or lies beyond a full page: the run goes on from here
                    return new Page(rows, page.nextLink(), page.deltaLink());
                }
                at = page.nextLink();
            }
        }
        return isolate(at, tracked, rows, malformed);
    }

    /** Reads only the identity of the single bad row and appends it, marked, to the rows read before it. */
    private Page isolate(String url, boolean tracked, List<Map<String, Object>> before,
            MalformedPageException malformed) {
        LinkedHashSet<String> identity = new LinkedHashSet<>(spec.idFields());
        identity.add(spec.keyField());
        if (spec.modifiedField() != null) {
            identity.add(spec.modifiedField());
        }
        Page page = client.read(area, withSelect(url, List.copyOf(identity)), 1, tracked, 1);
        if (page.rows().isEmpty()) {
            throw malformed;
        }
        Map<String, Object> row = new LinkedHashMap<>(page.rows().get(0));
        row.put(MALFORMED, malformed.parserMessage());
        LOG.warn("{}: record {} of {} is malformed at the source; recorded as failed, moving on", area,
                row.getOrDefault(spec.keyField(), row.get(spec.idFields().get(0))), spec.entitySet());
        List<Map<String, Object>> rows = new ArrayList<>(before);
        rows.add(row);
        // links repeat the query they were made from: the rest of the read selects every field again
        String next = page.nextLink() == null ? null : withSelect(page.nextLink(), spec.select());
        String delta = page.deltaLink() == null ? null : withSelect(page.deltaLink(), spec.select());
        return new Page(rows, next, delta);
    }

    /** The URL with its $select replaced (or added). */
    static String withSelect(String url, List<String> fields) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        List<String> params = new ArrayList<>();
        if (q >= 0) {
            for (String p : url.substring(q + 1).split("&")) {
                String name = URLDecoder.decode(p.split("=", 2)[0], StandardCharsets.UTF_8);
                if (!p.isEmpty() && !name.equals("$select")) {
                    params.add(p);
                }
            }
        }
        params.add(0, "$select=" + UrlEncoding.encode(String.join(",", fields)));
        return path + "?" + String.join("&", params);
    }
}
