package org.p2csync.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.UrlEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an area read with Dataverse change tracking. Without a delta link yet it reads everything with
 * {@code Prefer: odata.track-changes} (following nextLink; no $filter or $orderby, the service does not allow them
 * there); later runs GET the stored delta link and get what changed since, deleted records included. The last page's
 * {@code @odata.deltaLink} becomes the cursor ({@code watermark} = the link, {@code tieBreaker} = "delta").
 *
 * <p>Pages before the last end at the cursor the run started from, so an interrupted run starts over from there (a
 * full read again, or the same delta link): nextLinks are not a stable resume point. Re-read records cost nothing
 * to write, their hashes are unchanged. A delta link the service no longer knows (410 Gone: its token expired) is
 * logged and the run restarts with a full read.
 */
final class DeltaRun {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaRun.class);
    static final String DELTA = "delta";
    /** Marks the one row of an isolated malformed page; its value is the parser's message. */
    private static final String MALFORMED = "@malformed";
    /** The key inside an OData 4.01 {@code @id}, e.g. accounts(1f0c...) or accounts(accountid=1f0c...). */
    private static final Pattern ID_IN_PARENS = Pattern.compile("\\(([^()=]*=)?'?([^()']*)'?\\)\\s*$");

    private final ODataClient client;
    private final String area;
    private final String runId;
    private final ReadSpec spec;
    private final int pageSize;

    DeltaRun(ODataClient client, String area, String runId, ReadSpec spec, int pageSize) {
        if (spec.compositeId()) {
            // Dataverse change tracking names records by one GUID; the mapping loader allows it for crm sources only
            throw new IllegalArgumentException(area + ": change tracking needs a single-field source id, not "
                    + spec.idFields());
        }
        this.client = client;
        this.area = area;
        this.runId = runId;
        this.spec = spec;
        this.pageSize = pageSize;
    }

    static boolean isDelta(Cursor cursor) {
        return !cursor.isStart() && DELTA.equals(cursor.tieBreaker());
    }

    /**
     * A delta link as the cursor keeps it: relative to the service root, so it survives a new host name, port or
     * proxy in front of the same organisation (the token in it is what the service knows).
     */
    private String relative(String deltaLink) {
        String root = client.baseUrl();
        return deltaLink.startsWith(root) ? deltaLink.substring(root.length()) : deltaLink;
    }

    /** The stored delta link against today's service root; an absolute link (stored by an older version) as is. */
    private String resolve(String stored) {
        return stored.startsWith("http://") || stored.startsWith("https://") ? stored : client.baseUrl() + stored;
    }

    /** Reads from the stored cursor to the end; returns the number of records (deleted ones included) handed on. */
    long execute(Cursor stored, AreaRun.BatchSink sink) throws Exception {
        boolean fromDelta = isDelta(stored);
        Cursor resume = fromDelta ? stored : Cursor.START;
        String url = fromDelta ? resolve(stored.watermark()) : initialUrl();
        long pages = 0;
        long rows = 0;
        int size = pageSize;
        while (true) {
            Page page;
            try {
                // While narrowing down, the page is known to stay malformed: one try per size is enough.
                page = client.readTracked(area, url, size, size == pageSize ? ODataClient.MALFORMED_ATTEMPTS : 1);
            } catch (MalformedPageException malformed) {
                if (size > 1) {
                    size = Math.max(1, size / 2);
                    LOG.warn("{}: change-tracking page stays malformed ({}); narrowing down with page size {}", area,
                            malformed.parserMessage(), size);
                    continue;
                }
                page = isolate(url, malformed);
                size = pageSize;
            } catch (ODataException e) {
                if (e.status() != 410 || !fromDelta || pages > 0) {
                    throw e;
                }
                LOG.warn("{}: the service no longer knows the stored delta link (410 Gone, its change-tracking token"
                        + " expired); reading {} in full again, unchanged records cost no write", area,
                        spec.entitySet());
                fromDelta = false;
                resume = Cursor.START;
                url = initialUrl();
                continue;
            }
            List<Item> items = new ArrayList<>(page.rows().size());
            long deleted = 0;
            for (Map<String, Object> row : page.rows()) {
                if (row.containsKey(MALFORMED)) {
                    items.add(Item.read(required(row), text(row.get(spec.keyField())), row)
                            .failed("read", "malformed JSON from the source: " + row.get(MALFORMED)));
                } else if (Page.isDeleted(row)) {
                    items.add(Item.deletedAtSource(deletedId(row), null));
                    deleted++;
                } else {
                    items.add(Item.read(required(row), text(row.get(spec.keyField())), row));
                }
            }
            boolean last = page.nextLink() == null;
            Cursor end = resume;
            if (last) {
                if (page.deltaLink() == null) {
                    throw new ODataException(area + ": the last page of the change-tracking read of "
                            + spec.entitySet() + " has no @odata.deltaLink; is change tracking enabled for this"
                            + " table?", 200);
                }
                end = new Cursor(relative(page.deltaLink()), DELTA);
            }
            sink.accept(new Batch(area, runId, items, end, last));
            pages++;
            rows += items.size();
            LOG.info("{}: {} page {}: {} rows ({} deleted at the source), {} in total", area,
                    fromDelta ? "delta" : "full read", pages, items.size(), deleted, rows);
            if (last) {
                return rows;
            }
            url = page.nextLink();
        }
    }

    /**
     * The single row that stays malformed, read again with only its identity selected, as a page of one row marked
     * malformed; its nextLink and deltaLink select every field again, so the run goes on after it.
     */
    private Page isolate(String url, MalformedPageException malformed) {
        List<String> identity = new ArrayList<>(new java.util.LinkedHashSet<>(
                List.of(spec.idField(), spec.keyField(), spec.modifiedField())));
        Page page = client.readTracked(area, withSelect(url, identity), 1, 1);
        if (page.rows().isEmpty()) {
            throw malformed;
        }
        Map<String, Object> row = new java.util.LinkedHashMap<>(page.rows().get(0));
        row.put(MALFORMED, malformed.parserMessage());
        LOG.warn("{}: record {} is malformed at the source; recorded as failed, moving on", area,
                row.getOrDefault(spec.keyField(), row.get(spec.idField())));
        String next = page.nextLink() == null ? null : withSelect(page.nextLink(), spec.select());
        String delta = page.deltaLink() == null ? null : withSelect(page.deltaLink(), spec.select());
        return new Page(List.of(row), next, delta);
    }

    /** The URL with its $select replaced (or added): links repeat the query they were made from. */
    static String withSelect(String url, List<String> fields) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        List<String> params = new ArrayList<>();
        if (q >= 0) {
            for (String p : url.substring(q + 1).split("&")) {
                String name = java.net.URLDecoder.decode(p.split("=", 2)[0], java.nio.charset.StandardCharsets.UTF_8);
                if (!p.isEmpty() && !name.equals("$select")) {
                    params.add(p);
                }
            }
        }
        params.add(0, "$select=" + UrlEncoding.encode(String.join(",", fields)));
        return path + "?" + String.join("&", params);
    }

    private String initialUrl() {
        String query = new Query(spec.select(), null, null, pageSize, false).toQueryString();
        return client.baseUrl() + spec.entitySet() + (query.isEmpty() ? "" : "?" + query);
    }

    private String required(Map<String, Object> row) {
        Object value = row.get(spec.idField());
        if (value == null) {
            throw new ODataException(area + ": a changed row of " + spec.entitySet() + " has no " + spec.idField()
                    + " (is it in the mapping's select?): " + row.keySet(), 200);
        }
        return value.toString();
    }

    /** Dataverse names a deleted record's id {@code id}; OData 4.01 gives its {@code @id} URL. */
    private String deletedId(Map<String, Object> row) {
        Object id = row.get("id");
        if (id == null) {
            id = row.get(spec.idField());
        }
        if (id == null && row.get("@id") != null) {
            Matcher m = ID_IN_PARENS.matcher(row.get("@id").toString());
            if (m.find()) {
                id = m.group(2);
            }
        }
        if (id == null) {
            throw new ODataException(area + ": a deleted-record row of " + spec.entitySet() + " names no id: "
                    + row.keySet(), 200);
        }
        return id.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
