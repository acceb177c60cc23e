package org.p2csync.odata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.DeltaLinkExpired;
import org.p2csync.sync.Item;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.SourcePage;
import org.p2csync.sync.SourceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OData reads of one area's source entity set for one run: the first request of each kind of read, links as the
 * service gave them, records by id, document lines attached to each page of headers (see {@link LineReader}), and a
 * page that stays malformed narrowed down to its one bad record (see {@link PageReader}). Rows become items with
 * their source id (a composite id as a JSON array, see {@link SourceId}); change tracking's deleted rows become items
 * deleted at the source.
 */
final class ODataSource implements SourceReader {
    private static final Logger LOG = LoggerFactory.getLogger(ODataSource.class);
    /** The key inside an OData 4.01 {@code @id}, e.g. accounts(1f0c...) or accounts(accountid=1f0c...). */
    private static final Pattern ID_IN_PARENS = Pattern.compile("\\(([^()=]*=)?'?([^()']*)'?\\)\\s*$");
    /** Dataverse's error code for an expired change-tracking token (ExpiredVersionStamp); its HTTP status varies. */
    private static final String EXPIRED_VERSION_STAMP = "0x80044352";

    private final ODataClient client;
    private final String area;
    private final ReadSpec spec;
    private final int pageSize;
    private final boolean crossCompany;
    private final Duration overlap;
    private final LiteralTypes types;
    private final KeysetQuery queries;
    private final PageReader pages;
    private final LineReader lines;
    private long headersRead;
    private long linesRead;
    private long lineRequests;

    /**
     * @param crossCompany read every company (F&amp;O), lines and records by id too
     * @param overlap how far before a stored watermark a timestamp read starts
     */
    ODataSource(ODataClient client, String area, ReadSpec spec, int pageSize, boolean crossCompany, Duration overlap) {
        this.client = client;
        this.area = area;
        this.spec = spec;
        this.pageSize = pageSize;
        this.crossCompany = crossCompany;
        this.overlap = overlap;
        this.types = client.literalTypes(spec.entitySet());
        this.queries = new KeysetQuery(spec, crossCompany);
        this.pages = new PageReader(client, area, spec, pageSize);
        this.lines = spec.lines() == null ? null
                : new LineReader(client, area, spec, client.config().dialect(), crossCompany, pageSize);
    }

    @Override
    public SourcePage readAfter(Cursor from) {
        return read(counted(client.url(spec.entitySet(), queries.after(KeysetQuery.startOf(from, overlap),
                pageSize))), false);
    }

    @Override
    public SourcePage readAll() {
        return read(counted(client.url(spec.entitySet(), queries.everything(pageSize))), false);
    }

    /** No $filter or $orderby: the service refuses them with change tracking. */
    @Override
    public SourcePage readTracked() {
        return read(client.url(spec.entitySet(), new Query(spec.select(), null, null, pageSize, false)), true);
    }

    @Override
    public SourcePage readDelta(String deltaLink) {
        try {
            return read(resolve(deltaLink), true);
        } catch (ODataException e) {
            // known by its code whatever the status (Dataverse publishes none for it); 410 is what OData says
            if (e.status() == 410 || String.valueOf(e.getMessage()).contains(EXPIRED_VERSION_STAMP)) {
                throw new DeltaLinkExpired(e.status() + " " + e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public SourcePage readNext(String nextLink, boolean tracked) {
        return read(nextLink, tracked);
    }

    @Override
    public int idsPerRead() {
        return IdFilter.IDS_PER_REQUEST;
    }

    /**
     * A composite (F&amp;O) id is read back by all its fields, across companies as the area reads (see
     * {@link IdFilter}); ids are matched to rows as the services compare keys, without case.
     */
    @Override
    public ReadBack readByIds(List<String> ids) {
        List<String> readable = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String id : ids) {
            (IdFilter.readable(id, spec) ? readable : unreadable).add(id);
        }
        if (readable.isEmpty()) {
            return new ReadBack(List.of(), List.of(), unreadable);
        }
        String filter = IdFilter.of(readable, spec, client.config().dialect(), types);
        Page page = client.readPage(area, spec.entitySet(),
                new Query(spec.select(), filter, null, IdFilter.IDS_PER_REQUEST, crossCompany));
        List<Map<String, Object>> rows = new ArrayList<>(page.rows());
        while (page.nextLink() != null && !page.rows().isEmpty()) {
            page = client.readNextLink(area, page.nextLink(), IdFilter.IDS_PER_REQUEST);
            rows.addAll(page.rows());
        }
        List<Item> found = items(new Page(rows, null));
        Set<String> foundIds = new HashSet<>();
        found.forEach(item -> foundIds.add(IdFilter.matchKey(item.sourceId())));
        List<String> gone = readable.stream().filter(id -> !foundIds.contains(IdFilter.matchKey(id))).toList();
        return new ReadBack(found, gone, unreadable);
    }

    private SourcePage read(String url, boolean tracked) {
        Page page = pages.read(url, tracked);
        return new SourcePage(items(page), page.nextLink(), page.deltaLink() == null ? null : relative(page.deltaLink()),
                page.count());
    }

    /**
     * A first page that also counts the whole read ({@code $count=true}), for the progress of a long read: no
     * request of its own. Change-tracking reads are not counted: the services refuse query options with them.
     */
    private static String counted(String url) {
        return url + (url.contains("?") ? "&" : "?") + "$count=true";
    }

    /** Rows as items: read (documents with their lines), deleted at the source, or failed as malformed. */
    private List<Item> items(Page page) {
        List<Map<String, Object>> plain = page.rows().stream()
                .filter(row -> !Page.isDeleted(row) && !row.containsKey(PageReader.MALFORMED))
                .toList();
        List<Map<String, Object>> withLines = withLines(plain);
        List<Item> items = new ArrayList<>(page.rows().size());
        int next = 0;
        for (Map<String, Object> row : page.rows()) {
            if (Page.isDeleted(row)) {
                items.add(Item.deletedAtSource(deletedId(row), null));
            } else if (row.containsKey(PageReader.MALFORMED)) {
                Map<String, Object> identity = new LinkedHashMap<>(row);
                Object message = identity.remove(PageReader.MALFORMED);
                items.add(Item.read(id(identity), text(identity.get(spec.keyField())), identity)
                        .failed("read", "malformed JSON from the source: " + message));
            } else {
                Map<String, Object> read = withLines.get(next++);
                items.add(Item.read(id(read), text(read.get(spec.keyField())), read));
            }
        }
        return items;
    }

    /** Documents get their lines attached, whether read as a page or re-read by id. */
    private List<Map<String, Object>> withLines(List<Map<String, Object>> rows) {
        if (lines == null || rows.isEmpty()) {
            return rows;
        }
        LineReader.Tally[] tally = new LineReader.Tally[1];
        List<Map<String, Object>> attached = lines.attach(rows, tally);
        linesRead += tally[0].lines();
        lineRequests += tally[0].requests();
        headersRead += tally[0].headers();
        LOG.debug("{}: {} lines of {} headers read in {} requests ({} lines of {} headers in {} requests so far)",
                area, tally[0].lines(), tally[0].headers(), tally[0].requests(), linesRead, headersRead,
                lineRequests);
        return attached;
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

    /** The row's id: the id field's value, or a composite id's values as a JSON array (see {@link SourceId}). */
    private String id(Map<String, Object> row) {
        for (String field : spec.idFields()) {
            if (row.get(field) == null) {
                throw new ODataException(area + ": a row of " + spec.entitySet() + " has no " + field
                        + " (is it in the mapping's select?): " + row.keySet(), 200);
            }
        }
        return SourceId.of(row, spec);
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
