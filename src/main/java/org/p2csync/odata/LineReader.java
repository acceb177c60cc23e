package org.p2csync.odata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.p2csync.sync.ReadSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the lines of one page of document headers and attaches them to each header row as a list under
 * {@link #ROWS}, ordered by line id, so the mapping sees a document whole. Asks for the lines of {@link #CHUNK}
 * headers per request ({@code $filter=parent eq id1 or parent eq id2 ...}, following nextLink): for 1000 headers
 * that is about 20 requests instead of 1000, while the URL stays well under the services' length limits. A header
 * whose lines may not all have been read gets no {@link #ROWS} but the reason under {@link #UNREAD}, so it is never
 * written (nor its target lines deleted) as if it had fewer lines.
 */
final class LineReader {
    private static final Logger LOG = LoggerFactory.getLogger(LineReader.class);
    /** Where the mapping finds a header's lines. */
    static final String ROWS = ReadSpec.LinesSpec.ROWS;
    /** Where the mapping finds why a header's lines were not all read. */
    static final String UNREAD = ReadSpec.LinesSpec.UNREAD;
    /** Headers whose lines one request asks for. */
    static final int CHUNK = 50;

    /** What reading the lines of one page took, for the log. */
    record Tally(int headers, int lines, int requests) {}

    private final ODataClient client;
    private final String area;
    private final ReadSpec spec;
    private final Dialect dialect;
    /** The line set's field types: a header reference may be a date-time (an invoice's InvoiceDate). */
    private final LiteralTypes types;
    private final boolean crossCompany;
    private final int pageSize;

    LineReader(ODataClient client, String area, ReadSpec spec, Dialect dialect, boolean crossCompany, int pageSize) {
        this.client = client;
        this.area = area;
        this.spec = spec;
        this.dialect = dialect;
        this.types = client.literalTypes(spec.lines().entitySet());
        this.crossCompany = crossCompany;
        this.pageSize = pageSize;
    }

    /** The header rows, each a copy holding its lines (an empty list for a document without lines). */
    List<Map<String, Object>> attach(List<Map<String, Object>> headers, Tally[] tally) {
        ReadSpec.LinesSpec lines = spec.lines();
        List<String> parentFields = List.of(lines.parentField().split(","));
        List<String> idFields = spec.idFields();
        if (parentFields.size() != idFields.size()) {
            throw new IllegalStateException(area + ": lines of " + lines.entitySet() + " refer to their header by "
                    + parentFields + " but the header's id is " + idFields);
        }
        Map<List<String>, List<Map<String, Object>>> byParent = new HashMap<>();
        Map<List<String>, String> unread = new HashMap<>();
        int requests = 0;
        int count = 0;
        List<List<Object>> ids = new ArrayList<>();
        for (Map<String, Object> header : headers) {
            List<Object> id = values(header, idFields);
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        StringBuilder orderBy = new StringBuilder();
        for (String field : lines.idField().split(",")) {
            orderBy.append(orderBy.length() == 0 ? "" : ",").append(field).append(" asc");
        }
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<List<Object>> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            StringBuilder filter = new StringBuilder();
            for (List<Object> id : chunk) {
                filter.append(filter.length() == 0 ? "" : " or ").append(condition(parentFields, id));
            }
            Query query = new Query(lines.select(), filter.toString(), orderBy.toString(), pageSize, crossCompany);
            Page page = client.readPage(area, lines.entitySet(), query);
            requests++;
            int chunkLines = 0;
            while (true) {
                for (Map<String, Object> line : page.rows()) {
                    byParent.computeIfAbsent(key(values(line, parentFields)), k -> new ArrayList<>()).add(line);
                    chunkLines++;
                }
                if (!page.hasNextLink()) {
                    break;
                }
                if (page.rows().isEmpty()) {
                    // more announced, none sent: following could loop, stopping could lose lines of any header of the
                    // chunk (lines come by line id, not by header), so none of them counts as read whole
                    String why = "the lines in " + lines.entitySet() + " were not all read: after " + chunkLines
                            + " lines the service sent an empty page that announced more (nextLink)";
                    LOG.warn("{}: {}; the {} documents of that request fail instead of being written without them",
                            area, why, chunk.size());
                    chunk.forEach(id -> unread.put(key(id), why));
                    break;
                }
                page = client.readNextLink(area, page.nextLink(), pageSize);
                requests++;
            }
            count += chunkLines;
        }
        List<Map<String, Object>> out = new ArrayList<>(headers.size());
        for (Map<String, Object> header : headers) {
            Map<String, Object> row = new LinkedHashMap<>(header);
            List<String> id = key(values(header, idFields));
            if (unread.containsKey(id)) {
                row.put(UNREAD, unread.get(id));
            } else {
                row.put(ROWS, List.copyOf(byParent.getOrDefault(id, List.of())));
            }
            out.add(row);
        }
        tally[0] = new Tally(headers.size(), count, requests);
        return out;
    }

    /** {@code parent eq id}, or for a composite reference {@code (dataAreaId eq 'usmf' and InvoiceNumber eq 'X')}. */
    private String condition(List<String> fields, List<Object> values) {
        StringBuilder out = new StringBuilder(fields.size() > 1 ? "(" : "");
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : " and ").append(fields.get(i)).append(" eq ")
                    .append(types.literal(fields.get(i), values.get(i), dialect));
        }
        return out.append(fields.size() > 1 ? ")" : "").toString();
    }

    /** The row's values of these fields, or null when one is missing. */
    private static List<Object> values(Map<String, Object> row, List<String> fields) {
        List<Object> values = new ArrayList<>(fields.size());
        for (String field : fields) {
            Object value = row.get(field);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    /** GUIDs compare case-insensitively: a lookup column may spell the header's id in another case. */
    private static List<String> key(List<Object> values) {
        if (values == null) {
            return null;
        }
        return values.stream().map(v -> v.toString().toLowerCase(Locale.ROOT)).toList();
    }
}
