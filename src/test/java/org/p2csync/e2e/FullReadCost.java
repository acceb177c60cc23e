package org.p2csync.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The requests a full read of an ERP source costs, counted from the source's rows through its API: the pages of
 * the header set in the order the read takes them (its id fields), and for each page the reads of its headers'
 * lines, {@link #HEADERS_PER_LINE_READ} headers per request, each following nextLink (mappings/README.md, "lines").
 * Nothing else: a run that writes nothing sends exactly these.
 */
final class FullReadCost {
    /** Headers whose lines one request asks for (mappings/README.md: "50 headers per request"). */
    static final int HEADERS_PER_LINE_READ = 50;

    /**
     * An area's source as its mapping reads it.
     *
     * @param lineSet the set of its lines, which refer to their header by the header's id fields; null: no lines
     */
    record Source(String entitySet, List<String> idFields, String lineSet) {}

    private FullReadCost() {}

    static long requests(ODataProbe probe, Source source, int pageSize) {
        String ids = String.join(",", source.idFields());
        List<List<Object>> headers = probe.erp(source.entitySet(), "$select=" + ids, "$orderby="
                        + source.idFields().stream().map(f -> f + " asc").collect(Collectors.joining(",")))
                .stream().map(h -> values(h, source.idFields())).toList();
        long requests = Math.max(1, pages(headers.size(), pageSize));
        if (source.lineSet() == null) {
            return requests;
        }
        Map<List<Object>, Long> lines = probe.erp(source.lineSet(), "$select=" + ids).stream()
                .collect(Collectors.groupingBy(l -> values(l, source.idFields()), Collectors.counting()));
        for (int page = 0; page < headers.size(); page += pageSize) {
            List<List<Object>> ofPage = headers.subList(page, Math.min(headers.size(), page + pageSize));
            for (int chunk = 0; chunk < ofPage.size(); chunk += HEADERS_PER_LINE_READ) {
                long count = ofPage.subList(chunk, Math.min(ofPage.size(), chunk + HEADERS_PER_LINE_READ)).stream()
                        .mapToLong(h -> lines.getOrDefault(h, 0L)).sum();
                requests += Math.max(1, pages(count, pageSize));
            }
        }
        return requests;
    }

    private static long pages(long rows, int pageSize) {
        return (rows + pageSize - 1) / pageSize;
    }

    private static List<Object> values(Map<String, Object> row, List<String> fields) {
        List<Object> values = new ArrayList<>(fields.size());
        fields.forEach(f -> values.add(row.get(f)));
        return values;
    }
}
