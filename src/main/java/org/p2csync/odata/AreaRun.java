package org.p2csync.odata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.p2csync.sync.Batch;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.Item;
import org.p2csync.sync.ReadSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of an area over a source: reads page after page from a cursor with keyset queries and hands each page to
 * a sink as a {@link Batch}, until a page comes without nextLink. A page that stays malformed is narrowed down by
 * halving the page size until the one bad record is found; that record is handed on as a read failure (with its
 * real identity) so the rest of the area still flows.
 */
final class AreaRun {
    private static final Logger LOG = LoggerFactory.getLogger(AreaRun.class);
    /** Ids per re-read of waiting records: keeps the $filter (and URL) well under the services' limits. */
    static final int PENDING_CHUNK = 50;

    /** Receives each page; throwing stops the run, and the cursor stays where the last accepted page left it. */
    @FunctionalInterface
    interface BatchSink {
        void accept(Batch batch) throws Exception;
    }

    private final ODataClient client;
    private final String area;
    private final String runId;
    private final ReadSpec spec;
    private final KeysetQuery keyset;
    private final int fullPageSize;
    private final LineReader lines;
    private long headersRead;
    private long linesRead;
    private long lineRequests;

    AreaRun(ODataClient client, String area, String runId, ReadSpec spec, KeysetQuery keyset, int pageSize) {
        this(client, area, runId, spec, keyset, pageSize, false);
    }

    /** @param crossCompany read the lines of every company too (F&amp;O), as the headers are read */
    AreaRun(ODataClient client, String area, String runId, ReadSpec spec, KeysetQuery keyset, int pageSize,
            boolean crossCompany) {
        this.client = client;
        this.area = area;
        this.runId = runId;
        this.spec = spec;
        this.keyset = keyset;
        this.fullPageSize = pageSize;
        this.lines = spec.lines() == null ? null
                : new LineReader(client, area, spec, client.config().dialect(), crossCompany, pageSize);
    }

    /** Reads from {@code start} to the end; returns the number of records handed on. */
    long execute(Cursor start, BatchSink sink) throws Exception {
        Cursor cursor = start;
        int pageSize = fullPageSize;
        long pages = 0;
        long rows = 0;
        long began = System.nanoTime();
        while (true) {
            Batch batch;
            try {
                // While narrowing down, the page is known to stay malformed: one try per size is enough.
                int tries = pageSize == fullPageSize ? ODataClient.MALFORMED_ATTEMPTS : 1;
                Page page = client.readPage(area, spec.entitySet(), keyset.after(cursor, pageSize), tries);
                batch = toBatch(page, cursor);
            } catch (MalformedPageException malformed) {
                if (pageSize > 1) {
                    pageSize = Math.max(1, pageSize / 2);
                    LOG.warn("{}: page after {} stays malformed ({}); narrowing down with page size {}", area,
                            describe(cursor), malformed.parserMessage(), pageSize);
                    continue;
                }
                batch = isolate(cursor, malformed);
                pageSize = fullPageSize;
            }
            sink.accept(batch);
            pages++;
            rows += batch.items().size();
            double seconds = Math.max(1e-3, (System.nanoTime() - began) / 1e9);
            LOG.info("{}: page {}: {} rows, {} in total, {} rows/s", area, pages, batch.items().size(), rows,
                    Math.round(rows / seconds));
            if (batch.last()) {
                if (lines != null) {
                    LOG.info("{}: {} lines of {} headers read in {} requests", area, linesRead, headersRead,
                            lineRequests);
                }
                return rows;
            }
            cursor = batch.end();
        }
    }

    private Batch toBatch(Page page, Cursor from) {
        List<Map<String, Object>> rows = withLines(page.rows());
        List<Item> items = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            items.add(Item.read(id(row), text(row.get(spec.keyField())), row));
        }
        Cursor end = page.rows().isEmpty() ? from : cursorAfter(page.rows().get(page.rows().size() - 1));
        // an empty page ends the run even if the service (wrongly) announces more: it would be asked the same again
        boolean last = !page.hasNextLink() || page.rows().isEmpty();
        return new Batch(area, runId, items, end, last);
    }

    /** Documents get their lines attached, whether read as a page or re-read while waiting. */
    private List<Map<String, Object>> withLines(List<Map<String, Object>> rows) {
        if (lines == null || rows.isEmpty()) {
            return rows;
        }
        LineReader.Tally[] tally = new LineReader.Tally[1];
        List<Map<String, Object>> attached = lines.attach(rows, tally);
        linesRead += tally[0].lines();
        lineRequests += tally[0].requests();
        headersRead += tally[0].headers();
        LOG.info("{}: {} lines of {} headers read in {} requests ({} requests per 1000 headers so far)", area,
                tally[0].lines(), tally[0].headers(), tally[0].requests(),
                Math.round(lineRequests * 1000.0 / headersRead));
        return attached;
    }

    /**
     * Re-reads records that wait for a reference, by id, in chunks, and hands them on as pages that end at
     * {@code cursor}: the cursor does not move, the normal pages follow. A composite (F&amp;O) id is read back by
     * all its fields, across companies as the area reads (see {@link IdFilter}). Ids the source no longer returns
     * were deleted there; they are returned so the caller drops them from pending, and so are ids that are not ids
     * of this source at all (the mapping's source id changed since they started waiting).
     *
     * @return the ids the source did not return
     */
    List<String> retryPending(List<String> ids, Cursor cursor, BatchSink sink) throws Exception {
        List<String> gone = new ArrayList<>();
        List<String> readable = new ArrayList<>();
        for (String id : ids) {
            if (IdFilter.readable(id, spec)) {
                readable.add(id);
            } else {
                LOG.warn("{}: waiting record {} has no id of the form {} of {}; it cannot be read again", area, id,
                        spec.idFields(), spec.entitySet());
                gone.add(id);
            }
        }
        for (int from = 0; from < readable.size(); from += PENDING_CHUNK) {
            List<String> chunk = readable.subList(from, Math.min(readable.size(), from + PENDING_CHUNK));
            String filter = IdFilter.of(chunk, spec, client.config().dialect());
            Page page = client.readPage(area, spec.entitySet(),
                    new Query(spec.select(), filter, null, PENDING_CHUNK, keyset.crossCompany()));
            List<Item> items = new ArrayList<>(page.rows().size());
            Set<String> found = new HashSet<>();
            for (Map<String, Object> row : withLines(page.rows())) {
                String id = id(row);
                found.add(IdFilter.matchKey(id));
                items.add(Item.read(id, text(row.get(spec.keyField())), row));
            }
            chunk.stream().filter(id -> !found.contains(IdFilter.matchKey(id))).forEach(gone::add);
            LOG.info("{}: re-read {} of {} waiting records", area, items.size(), chunk.size());
            if (!items.isEmpty()) {
                sink.accept(new Batch(area, runId, items, cursor, false));
            }
        }
        return gone;
    }

    /** Reads only the identity of the single bad row, and reports it as failed at the read stage. */
    private Batch isolate(Cursor cursor, MalformedPageException malformed) {
        LinkedHashSet<String> identityFields = new LinkedHashSet<>(spec.idFields());
        identityFields.add(spec.keyField());
        identityFields.add(spec.modifiedField());
        List<String> identity = new ArrayList<>(identityFields);
        Page page = client.readPage(area, spec.entitySet(), keyset.after(cursor, 1).withSelect(identity));
        if (page.rows().isEmpty()) {
            throw malformed;
        }
        Map<String, Object> row = page.rows().get(0);
        Item item = Item.read(id(row), text(row.get(spec.keyField())), row)
                .failed("read", "malformed JSON from the source: " + malformed.parserMessage());
        LOG.warn("{}: record {} after {} is malformed at the source; recorded as failed, moving on", area,
                item.displayKey(), describe(cursor));
        return new Batch(area, runId, List.of(item), cursorAfter(row), !page.hasNextLink());
    }

    private Cursor cursorAfter(Map<String, Object> row) {
        return new Cursor(required(row, spec.modifiedField()), id(row));
    }

    /** The row's id: the id field's value, or a composite id's values as a JSON array (see {@link SourceId}). */
    private String id(Map<String, Object> row) {
        if (!spec.compositeId()) {
            return required(row, spec.idField());
        }
        spec.idFields().forEach(field -> required(row, field));
        return SourceId.of(row, spec);
    }

    private String required(Map<String, Object> row, String field) {
        Object value = row.get(field);
        if (value == null) {
            throw new ODataException(area + ": a row of " + spec.entitySet() + " has no " + field
                    + " (is it in the mapping's select?): " + row.keySet(), 200);
        }
        return value.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String describe(Cursor cursor) {
        return cursor.isStart() ? "the start" : "(" + cursor.watermark() + ", " + cursor.tieBreaker() + ")";
    }

}
