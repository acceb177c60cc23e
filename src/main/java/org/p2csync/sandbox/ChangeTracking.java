package org.p2csync.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Dataverse change tracking. A collection GET with {@code Prefer: odata.track-changes} pages through the rows as
 * usual and ends with an {@code @odata.deltaLink}; GET of that link returns the rows changed since (current state,
 * selected fields) and the rows deleted since ({@code $deletedEntity}), then a new delta link. No $filter, $orderby,
 * $top or $skip with it (400), as Dataverse. A token older than the service's delta token TTL answers 410 Gone.
 */
final class ChangeTracking {
    static final String PREFERENCE = "odata.track-changes";
    private static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private ChangeTracking() {}

    /** True when the request starts or continues change tracking, i.e. this class must answer it. */
    static boolean applies(SimulatedService service, ODataRequest request, QueryOptions options) {
        if (service.kind() != ServiceKind.DATAVERSE) {
            return false; // F&O ignores the preference: it has no delta links
        }
        String prefer = request.header("Prefer");
        return (prefer != null && prefer.contains(PREFERENCE)) || options.has("$deltatoken")
                || (options.has("$skiptoken") && options.get("$skiptoken").contains("."));
    }

    static void check(EntitySetDef set, QueryOptions options) {
        if (!set.changeTracked()) {
            throw ODataError.badRequest("Change tracking is not enabled for the entity set '" + set.name() + "'");
        }
        for (String refused : List.of("$filter", "$orderby", "$top", "$skip")) {
            if (options.has(refused)) {
                throw ODataError.badRequest("The query option " + refused + " is not supported with change tracking ("
                        + PREFERENCE + " or $deltatoken)");
            }
        }
    }

    /** A new token: every change after the last timestamp the service handed out is still to come. */
    static DeltaToken startNow(SimulatedService service, EntitySetDef set) {
        OffsetDateTime last = service.lastTimestamp();
        return new DeltaToken(set.name(), last.isBefore(BEGINNING) ? BEGINNING : last, Instant.now());
    }

    static String deltaLink(ODataRequest request, ServiceModel model, EntitySetDef set, DeltaToken token) {
        String kept = java.util.Arrays.stream(request.rawQuery().split("&"))
                .filter(p -> !p.isEmpty())
                .filter(p -> {
                    String name = QueryOptions.decode(p.split("=", 2)[0], true);
                    return !name.equals("$skiptoken") && !name.equals("$deltatoken");
                })
                .collect(Collectors.joining("&"));
        return request.baseUrl() + model.rootPath() + set.name() + "?" + (kept.isEmpty() ? "" : kept + "&")
                + "$deltatoken=" + token.encode();
    }

    /** Serves GET of a delta link: changes and deletes after the token's timestamp, paged by timestamp. */
    static ODataResponse readDelta(SimulatedService service, EntitySetDef set, ODataRequest request,
                                   QueryOptions options, int pageSize, Map<String, String> headers) throws SQLException {
        DeltaToken token = DeltaToken.decode(options.get("$deltatoken"), set.name());
        Duration age = Duration.between(token.issued(), Instant.now());
        if (age.compareTo(service.deltaTokenTtl()) > 0) {
            // 0x80044352 ExpiredVersionStamp; its HTTP status is unconfirmed (REAL-SERVICES.md): 410 Gone here
            throw new ODataError(410, "0x80044352", "Version stamp associated with the client has expired"
                    + " (delta token older than " + service.deltaTokenTtl() + "). Please perform a full sync.");
        }
        Property modified = set.modifiedProperty().orElseThrow();
        List<Property> selected = EntityJson.selection(set, options);
        List<Property> columns = new ArrayList<>(selected);
        if (!columns.contains(modified)) {
            columns.add(modified);
        }
        List<Map<String, Object>> rows = service.table(set.name()).select(service.connection(), columns,
                SqlFragment.of(modified.column() + " > ?", token.since()),
                modified.column() + " ASC, " + set.key().stream().map(k -> '"' + k + '"').collect(Collectors.joining(", ")),
                pageSize + 1, 0);
        List<Tombstones.Tombstone> deleted = service.tombstones().since(service.connection(), set.name(), token.since());
        record Change(OffsetDateTime at, Map<String, Object> row, String deletedId) {}
        List<Change> changes = new ArrayList<>();
        rows.forEach(r -> changes.add(new Change((OffsetDateTime) r.get(modified.name()), r, null)));
        deleted.forEach(d -> changes.add(new Change(d.deletedOn(), null, d.id())));
        changes.sort(Comparator.comparing(Change::at));
        boolean more = changes.size() > pageSize;
        List<Change> page = more ? changes.subList(0, pageSize) : changes;
        DeltaToken next = more
                ? new DeltaToken(set.name(), page.get(page.size() - 1).at(), token.issued())
                : startNow(service, set);
        String root = request.baseUrl() + service.model().rootPath();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("@odata.context", root + "$metadata#" + set.name()
                    + EntityJson.contextSelect(set, options) + "/$delta");
            json.writeArrayFieldStart("value");
            for (Change c : page) {
                if (c.row() != null) {
                    EntityJson.writeRow(json, service, set, selected, c.row());
                } else {
                    json.writeStartObject();
                    json.writeStringField("@odata.context", root + "$metadata#" + set.name() + "/$deletedEntity");
                    json.writeStringField("id", c.deletedId());
                    json.writeStringField("reason", "deleted");
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            json.writeStringField(more ? "@odata.nextLink" : "@odata.deltaLink",
                    deltaLink(request, service.model(), set, next));
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.merge("Preference-Applied", PREFERENCE, (a, b) -> a + "," + b);
        return ODataResponse.json(200, out.toByteArray(), h, true);
    }
}
