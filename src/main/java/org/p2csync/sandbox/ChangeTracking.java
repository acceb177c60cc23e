package org.p2csync.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Dataverse change tracking. A collection GET with {@code Prefer: odata.track-changes} pages through the rows as
 * usual and ends with an {@code @odata.deltaLink}; GET of that link returns the rows changed since (current state,
 * selected fields) and the rows deleted since ({@code $deletedEntity}), then a new delta link. Changes are followed
 * by row version (versionnumber), as Dataverse's change tracking is, so writes that share one modifiedon second are
 * neither lost nor repeated. No $filter, $orderby, $top or $skip with it (400), as Dataverse. A token older than the
 * service's delta token TTL, or one the service can no longer follow, answers error code 0x80044352
 * (ExpiredVersionStamp) with the status the service's rules choose (400 unless set otherwise).
 */
final class ChangeTracking {
    static final String PREFERENCE = "odata.track-changes";
    static final String EXPIRED = "0x80044352";

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

    /** A new token: every change after the last row version the service handed out is still to come. */
    static DeltaToken startNow(SimulatedService service, EntitySetDef set) {
        return new DeltaToken(set.name(), service.lastVersion(), Instant.now());
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
        if (token.invalidated() || age.compareTo(service.deltaTokenTtl()) > 0) {
            // ExpiredVersionStamp; Dataverse publishes no status for it (REAL-SERVICES.md, Dataverse 8)
            throw new ODataError(service.rules().expiredDeltaTokenStatus(), EXPIRED, "Version stamp associated with"
                    + " the client has expired. Please perform a full sync. ("
                    + (token.invalidated() ? "the delta token predates this service's change tracking"
                            : "delta token older than " + service.deltaTokenTtl()) + ")");
        }
        Property version = set.properties().stream().filter(p -> p.stamp() == Property.Stamp.VERSION).findFirst()
                .orElseThrow(() -> new IllegalStateException(set.name() + " is change-tracked but has no versionnumber"));
        List<Property> selected = EntityJson.selection(set, options);
        List<Property> columns = new ArrayList<>(selected);
        if (!columns.contains(version)) {
            columns.add(version);
        }
        List<Map<String, Object>> rows = service.table(set.name()).select(service.connection(), columns,
                SqlFragment.of(version.column() + " > ?", token.version()), version.column() + " ASC", pageSize + 1, 0);
        List<Tombstones.Tombstone> deleted = service.tombstones().since(service.connection(), set.name(), token.version());
        record Change(long version, Map<String, Object> row, String deletedId) {}
        List<Change> changes = new ArrayList<>();
        rows.forEach(r -> changes.add(new Change(((Number) r.get(version.name())).longValue(), r, null)));
        deleted.forEach(d -> changes.add(new Change(d.version(), null, d.id())));
        changes.sort(Comparator.comparingLong(Change::version));
        boolean more = changes.size() > pageSize;
        List<Change> page = more ? changes.subList(0, pageSize) : changes;
        DeltaToken next = more
                ? new DeltaToken(set.name(), page.get(page.size() - 1).version(), token.issued())
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
