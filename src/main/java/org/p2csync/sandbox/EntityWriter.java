package org.p2csync.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads, creates, upserts and deletes single entities by key with the semantics both real services share: PATCH is an
 * upsert, {@code If-Match: *} makes it update-only (404 when the record does not exist) and {@code If-None-Match: *}
 * create-only (412 when it does), POST creates.
 */
final class EntityWriter {
    private final SimulatedService service;
    private final EntitySetDef set;
    private final EntityTable table;

    EntityWriter(SimulatedService service, EntitySetDef set) {
        this.service = service;
        this.set = set;
        this.table = service.table(set.name());
    }

    ODataResponse get(Map<String, Object> key, ODataRequest request) throws SQLException {
        Map<String, Object> row = table.find(service.connection(), key).orElseThrow(() -> notFound(key));
        QueryOptions options = QueryOptions.parse(request.rawQuery());
        String context = service.model().rootPath() + "$metadata#" + set.name() + EntityJson.contextSelect(set, options)
                + "/$entity";
        return entity(200, row, request, context, EntityJson.selection(set, options));
    }

    ODataResponse upsert(Map<String, Object> key, ODataRequest request) throws SQLException {
        key.forEach((k, v) -> checkLength(set.require(k), v));
        Map<String, Object> values = bodyValues(request);
        key.forEach((k, v) -> {
            Object given = values.get(k);
            if (given != null && !given.toString().equalsIgnoreCase(v.toString())) {
                throw ODataError.badRequest("Property '" + k + "' in the body (" + given + ") differs from the key (" + v + ")");
            }
            values.put(k, v);
        });
        Optional<Map<String, Object>> existing = table.find(service.connection(), key);
        if (existing.isPresent()) {
            if ("*".equals(trim(request.header("If-None-Match")))) {
                throw ODataError.preconditionFailed("A record with matching key values already exists in " + set.name());
            }
            Map<String, Object> primary = primaryKey(existing.get());
            set.key().forEach(values::remove);
            Map<String, Object> merged = new LinkedHashMap<>(existing.get());
            merged.putAll(values);
            requireHeader(merged);
            stamp(values, false);
            keyChecked(() -> table.update(service.connection(), primary, values));
            touchHeader(merged);
            if (set.parent() != null && !headerKey(existing.get()).equals(headerKey(merged))) {
                touchHeader(existing.get()); // the line moved: its old header's totals changed too
            }
            return written(200, primary, request);
        }
        if ("*".equals(trim(request.header("If-Match")))) {
            // Dataverse and F&O answer an update-only PATCH of a missing record 404, not 412: nothing is created
            throw ODataError.notFound("No record with key " + describe(key) + " exists in " + set.name()
                    + " and If-Match: * allows only an update");
        }
        return create(values, request);
    }

    ODataResponse create(ODataRequest request) throws SQLException {
        return create(bodyValues(request), request);
    }

    ODataResponse delete(Map<String, Object> key) throws SQLException {
        Map<String, Object> row = table.find(service.connection(), key).orElseThrow(() -> notFound(key));
        table.delete(service.connection(), primaryKey(row));
        if (set.changeTracked()) {
            service.tombstones().record(service.connection(), set.name(), EntityJson.keyString(set, row),
                    service.nextTimestamp());
        }
        touchHeader(row);
        return ODataResponse.noContent(Map.of());
    }

    private ODataResponse create(Map<String, Object> values, ODataRequest request) throws SQLException {
        if (set.generatedKey() && values.get(set.key().get(0)) == null) {
            values.put(set.key().get(0), UUID.randomUUID().toString());
        }
        for (Property p : set.properties()) {
            if (!p.nullable() && !p.serverManaged() && values.get(p.name()) == null) {
                throw ODataError.badRequest("Property '" + p.name() + "' is required to create a record in " + set.name());
            }
        }
        requireHeader(values);
        stamp(values, true);
        keyChecked(() -> table.insert(service.connection(), values));
        touchHeader(values);
        return written(201, primaryKey(values), request);
    }

    private ODataResponse written(int statusWithBody, Map<String, Object> primary, ODataRequest request)
            throws SQLException {
        String entityId = request.baseUrl() + service.model().rootPath() + set.name() + KeyPredicate.format(set, primary);
        String prefer = request.header("Prefer");
        if (prefer != null && prefer.contains("return=representation")) {
            Map<String, Object> row = table.find(service.connection(), primary).orElseThrow();
            String context = service.model().rootPath() + "$metadata#" + set.name() + "/$entity";
            return entity(statusWithBody, row, request, context, set.properties())
                    .withHeader("OData-EntityId", entityId)
                    .withHeader("Preference-Applied", "return=representation");
        }
        return ODataResponse.noContent(Map.of("OData-EntityId", entityId));
    }

    private ODataResponse entity(int status, Map<String, Object> row, ODataRequest request, String context,
                                 java.util.List<Property> selected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            EntityJson.writeRow(json, service, set, selected, row, request.baseUrl() + context);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        return ODataResponse.json(status, out.toByteArray(), Map.of(), false);
    }

    /** The body's properties, typed and checked against the declaration (names, types, lengths). */
    private Map<String, Object> bodyValues(ODataRequest request) throws SQLException {
        JsonNode body;
        try {
            body = request.body().length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(request.body());
        } catch (IOException e) {
            throw ODataError.badRequest("The request body is not valid JSON: " + e.getMessage().split("\n")[0]);
        }
        if (body == null || !body.isObject()) {
            throw ODataError.badRequest("The request body must be a JSON object");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.endsWith("@odata.bind")) {
                bind(name.substring(0, name.length() - "@odata.bind".length()), field.getValue(), values);
                continue;
            }
            if (name.startsWith("@") || name.contains("@")) {
                continue; // instance annotations such as @odata.type or @odata.etag carry no data
            }
            Property p = set.property(name).orElseThrow(() -> ODataError.badRequest(
                    "The property '" + name + "' does not exist on type '" + set.typeName() + "'"));
            if (p.serverManaged()) {
                continue;
            }
            Object value = p.type().fromJson(field.getValue(), name);
            if (value == null && !p.nullable()) {
                throw ODataError.badRequest("Property '" + name + "' cannot be null");
            }
            checkLength(p, value);
            values.put(name, value);
        }
        return values;
    }

    /** Strings longer than the declared MaxLength are refused, in keys as in bodies, as both services do. */
    private void checkLength(Property p, Object value) {
        if (value instanceof String s && p.maxLength() != null && s.length() > p.maxLength()) {
            throw ODataError.badRequest("The length of the '" + p.name() + "' attribute of the '" + set.typeName()
                    + "' entity exceeded the maximum allowed length of '" + p.maxLength() + "' (was " + s.length() + ")");
        }
    }

    /**
     * Dataverse lookups: {@code "transactioncurrencyid@odata.bind": "/transactioncurrencies(<guid>)"} or by alternate
     * key, {@code "/accounts(accountnumber='A-1')"}. A polymorphic lookup may name the target type as Dataverse
     * requires ({@code parentcustomerid_account@odata.bind}). The target must exist, as Dataverse checks.
     */
    private void bind(String navigation, JsonNode target, Map<String, Object> values) throws SQLException {
        Property p = lookupProperty(navigation);
        if (target.isNull()) {
            values.put(p.name(), null);
            return;
        }
        String ref = target.asText();
        int open = ref.indexOf('(');
        if (open < 0 || !ref.endsWith(")")) {
            throw ODataError.badRequest("Cannot read the reference '" + ref + "' bound to '" + navigation + "'");
        }
        String path = ref.substring(0, open);
        String targetSetName = path.substring(path.lastIndexOf('/') + 1);
        EntitySetDef targetSet = service.model().entitySet(targetSetName).orElseThrow(() -> ODataError.badRequest(
                "The reference '" + ref + "' bound to '" + navigation + "' names no entity set of this service"));
        Map<String, Object> targetKey = KeyPredicate.parse(targetSet, ref.substring(open + 1, ref.length() - 1));
        Map<String, Object> row = service.table(targetSetName).find(service.connection(), targetKey)
                .orElseThrow(() -> ODataError.notFound("The record " + ref + " bound to '" + navigation
                        + "' does not exist"));
        values.put(p.name(), row.get(targetSet.key().get(0)));
    }

    private Property lookupProperty(String navigation) {
        Optional<Property> direct = set.property("_" + navigation + "_value");
        int typed = navigation.lastIndexOf('_');
        Optional<Property> p = direct.isPresent() || typed < 0 ? direct
                : set.property("_" + navigation.substring(0, typed) + "_value");
        return p.orElseThrow(() -> ODataError.badRequest(
                "The navigation property '" + navigation + "' does not exist on type '" + set.typeName() + "'"));
    }

    /** A document line needs its header: Dataverse and F&O both refuse an orphan line. */
    private void requireHeader(Map<String, Object> line) throws SQLException {
        if (set.parent() == null) {
            return;
        }
        Map<String, Object> headerKey = headerKey(line);
        if (headerKey.containsValue(null) || service.table(set.parent().set()).find(service.connection(), headerKey).isEmpty()) {
            throw ODataError.badRequest("A line of " + set.name() + " needs an existing header in " + set.parent().set()
                    + "; none has " + headerKey);
        }
    }

    /** Re-stamps the header of a written or deleted line, so header cursors see line changes. */
    private void touchHeader(Map<String, Object> line) throws SQLException {
        if (set.parent() == null) {
            return;
        }
        Map<String, Object> headerKey = headerKey(line);
        if (headerKey.containsValue(null)) {
            return;
        }
        EntityTable header = service.table(set.parent().set());
        Optional<Property> modified = header.set().modifiedProperty();
        if (modified.isPresent()) {
            Map<String, Object> stampValue = new LinkedHashMap<>();
            stampValue.put(modified.get().name(), service.nextTimestamp());
            header.update(service.connection(), headerKey, stampValue);
        }
    }

    private Map<String, Object> headerKey(Map<String, Object> line) {
        Map<String, Object> key = new LinkedHashMap<>();
        set.parent().columns().forEach((lineColumn, headerColumn) -> key.put(headerColumn, line.get(lineColumn)));
        return key;
    }

    private void stamp(Map<String, Object> values, boolean creating) {
        OffsetDateTime now = service.nextTimestamp();
        for (Property p : set.properties()) {
            if (p.stamp() == Property.Stamp.MODIFIED || (creating && p.stamp() == Property.Stamp.CREATED)) {
                values.put(p.name(), now);
            }
        }
    }

    private Map<String, Object> primaryKey(Map<String, Object> row) {
        Map<String, Object> key = new LinkedHashMap<>();
        set.key().forEach(k -> key.put(k, row.get(k)));
        return key;
    }

    private ODataError notFound(Map<String, Object> key) {
        return ODataError.notFound(set.typeName() + " with key " + describe(key) + " does not exist");
    }

    private interface Write {
        void run() throws SQLException;
    }

    /** Runs a write; a broken primary or alternate key answers 412 DuplicateRecord, as Dataverse does. */
    private void keyChecked(Write write) throws SQLException {
        try {
            write.run();
        } catch (SQLException e) {
            if (EntityTable.isDuplicateKey(e)) {
                throw new ODataError(412, "DuplicateRecord", "A record with matching key values already exists in "
                        + set.name() + " (" + e.getMessage().split("\n")[0] + ")");
            }
            throw e;
        }
    }

    private static String describe(Map<String, Object> key) {
        return key.toString();
    }

    private static String trim(String header) {
        return header == null ? null : header.trim();
    }
}
