package org.p2csync.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Serves a collection GET: $filter, $select, $orderby, $top, $skip, $count and keyset server-driven paging. */
final class CollectionReader {
    private static final Pattern MAX_PAGE_SIZE = Pattern.compile("odata\\.maxpagesize\\s*=\\s*(\\d+)");

    private record Order(Property property, boolean descending) {}

    private CollectionReader() {}

    static ODataResponse read(SimulatedService service, EntitySetDef set, ODataRequest request) throws SQLException {
        ServiceModel model = service.model();
        QueryOptions options = QueryOptions.parse(request.rawQuery());
        boolean tracking = ChangeTracking.applies(service, request, options);
        if (tracking) {
            ChangeTracking.check(set, options);
            if (options.has("$deltatoken")) {
                Map<String, String> headers = new LinkedHashMap<>();
                int pageSize = pageSize(model, request.header("Prefer"), headers);
                return ChangeTracking.readDelta(service, set, request, options, pageSize, headers);
            }
        }
        List<Property> selected = EntityJson.selection(set, options);
        SqlFragment where = options.has("$filter") ? FilterParser.compile(set, options.get("$filter")) : SqlFragment.TRUE;
        if (model.defaultCompany() != null && set.companyProperty() != null
                && !"true".equalsIgnoreCase(options.get("cross-company"))) {
            where = where.and(SqlFragment.of(set.require(set.companyProperty()).column() + " = ?", model.defaultCompany()));
        }
        Integer skip = options.nonNegative("$skip");
        if (skip != null && !model.skipAllowed()) {
            throw ODataError.badRequest("The query parameter $skip is not supported");
        }
        Integer top = options.nonNegative("$top");
        List<Order> order = orderBy(set, options.get("$orderby"));

        Map<String, String> headers = new LinkedHashMap<>();
        int pageSize = pageSize(model, request.header("Prefer"), headers);
        SqlFragment page = where;
        long offset = skip == null ? 0 : skip;
        Integer remaining = top;
        // A change-tracking read carries its delta token through the pages: "<skiptoken>.<deltatoken>".
        DeltaToken delta = tracking ? ChangeTracking.startNow(service, set) : null;
        if (options.has("$skiptoken")) {
            String skipToken = options.get("$skiptoken");
            if (tracking) {
                int dot = skipToken.indexOf('.');
                delta = DeltaToken.decode(skipToken.substring(dot + 1), set.name());
                skipToken = skipToken.substring(0, dot);
            }
            SkipToken token = SkipToken.decode(skipToken, order.size());
            page = where.and(after(order, token.values()));
            remaining = token.remainingTop();
            offset = 0; // the token already lies past the skipped rows
        }
        int limit = remaining == null ? pageSize : Math.min(pageSize, remaining);
        String orderSql = order.stream()
                .map(o -> o.property().sortExpression() + (o.descending() ? " DESC NULLS LAST" : " ASC NULLS FIRST"))
                .collect(Collectors.joining(", "));
        EntityTable table = service.table(set.name());
        // only the columns served and those the next link's token needs
        List<Property> columns = new ArrayList<>(selected);
        order.stream().map(Order::property).filter(p -> !columns.contains(p)).forEach(columns::add);
        List<Map<String, Object>> rows = table.select(service.connection(), columns, page, orderSql, limit + 1, offset);
        // With $top used up there is no next page, even when more rows match.
        boolean more = limit > 0 && rows.size() > limit && (remaining == null || remaining > limit);
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
        }
        Long count = "true".equalsIgnoreCase(options.get("$count")) ? table.count(service.connection(), where) : null;

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("@odata.context", request.baseUrl() + model.rootPath() + "$metadata#" + set.name()
                    + EntityJson.contextSelect(set, options));
            if (count != null) {
                json.writeNumberField("@odata.count", count);
            }
            json.writeArrayFieldStart("value");
            for (Map<String, Object> row : rows) {
                EntityJson.writeRow(json, service, set, selected, row);
            }
            json.writeEndArray();
            if (more) {
                Map<String, Object> last = rows.get(rows.size() - 1);
                List<String> values = order.stream()
                        .map(o -> o.property().type().canonical(last.get(o.property().name())))
                        .toList();
                Integer left = remaining == null ? null : remaining - rows.size();
                String skipToken = new SkipToken(left, values).encode() + (delta == null ? "" : "." + delta.encode());
                json.writeStringField("@odata.nextLink", nextLink(request, model, set, skipToken));
            } else if (delta != null) {
                json.writeStringField("@odata.deltaLink", ChangeTracking.deltaLink(request, model, set, delta));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        if (delta != null) {
            headers.merge("Preference-Applied", ChangeTracking.PREFERENCE, (a, b) -> a + "," + b);
        }
        return ODataResponse.json(200, out.toByteArray(), headers, true);
    }

    private static int pageSize(ServiceModel model, String prefer, Map<String, String> headers) {
        if (prefer != null) {
            Matcher m = MAX_PAGE_SIZE.matcher(prefer);
            if (m.find()) {
                long asked = Long.parseLong(m.group(1));
                if (asked < 1) {
                    throw ODataError.badRequest("odata.maxpagesize must be at least 1");
                }
                int size = (int) Math.min(asked, model.maxPageSize());
                headers.put("Preference-Applied", "odata.maxpagesize=" + size);
                return size;
            }
        }
        return model.defaultPageSize();
    }

    private static List<Order> orderBy(EntitySetDef set, String orderBy) {
        List<Order> order = new ArrayList<>();
        if (orderBy != null && !orderBy.isBlank()) {
            for (String item : orderBy.split(",")) {
                String[] words = item.trim().split("\\s+");
                if (words.length > 2 || (words.length == 2 && !words[1].matches("(?i)asc|desc"))) {
                    throw ODataError.badRequest("Invalid $orderby item '" + item.trim() + "': expected 'property [asc|desc]'");
                }
                order.add(new Order(set.require(words[0]), words.length == 2 && words[1].equalsIgnoreCase("desc")));
            }
        }
        // The key makes the order total, so each row has exactly one place and the keyset never repeats or skips.
        for (Property k : set.keyProperties()) {
            if (order.stream().noneMatch(o -> o.property().equals(k))) {
                order.add(new Order(k, false));
            }
        }
        return order;
    }

    /** Rows strictly after the token's row in the (total) sort order; nulls sort low, as ORDER BY says above. */
    private static SqlFragment after(List<Order> order, List<String> lastValues) {
        SqlFragment any = SqlFragment.of("1=0");
        SqlFragment equalSoFar = SqlFragment.TRUE;
        for (int i = 0; i < order.size(); i++) {
            Order o = order.get(i);
            String c = o.property().sortExpression();
            Object v = o.property().type().sortValue(o.property().type().fromCanonical(lastValues.get(i)));
            SqlFragment beyond;
            if (v == null) {
                beyond = o.descending() ? SqlFragment.of("1=0") : SqlFragment.of(c + " IS NOT NULL");
            } else {
                beyond = o.descending() ? SqlFragment.of("(" + c + " < ? OR " + c + " IS NULL)", v) : SqlFragment.of(c + " > ?", v);
            }
            any = any.or(equalSoFar.and(beyond));
            equalSoFar = equalSoFar.and(v == null ? SqlFragment.of(c + " IS NULL") : SqlFragment.of(c + " = ?", v));
        }
        return any;
    }

    private static String nextLink(ODataRequest request, ServiceModel model, EntitySetDef set, String token) {
        String kept = java.util.Arrays.stream(request.rawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !QueryOptions.decode(p.split("=", 2)[0], true).equals("$skiptoken"))
                .collect(Collectors.joining("&"));
        return request.baseUrl() + model.rootPath() + set.name() + "?" + (kept.isEmpty() ? "" : kept + "&")
                + "$skiptoken=" + token;
    }
}
