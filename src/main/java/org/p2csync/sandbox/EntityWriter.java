package org.p2csync.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads, creates, updates and deletes single entities by key. Dataverse: PATCH is an upsert, {@code If-Match: *}
 * makes it update-only (404 when the record does not exist) and {@code If-None-Match: *} create-only (412 when it
 * does); a document's amounts are computed from its lines ({@link DocumentTotals}). F&amp;O: PATCH only updates
 * (404 for a missing record), POST creates, filling left-out fields with F&amp;O's defaults; PATCH and DELETE see
 * only the caller's default company unless the request says {@code cross-company=true} (a record of another company
 * is not found, 404). Bodies are read by {@link RequestBody}; ownership, assigned numbers and references by
 * {@link WriteRules}.
 */
final class EntityWriter {
    private final SimulatedService service;
    private final EntitySetDef set;
    private final EntityTable table;
    private final RequestBody body;
    private final WriteRules rules;
    private final DocumentTotals totals;

    EntityWriter(SimulatedService service, EntitySetDef set) {
        this.service = service;
        this.set = set;
        this.table = service.table(set.name());
        this.body = new RequestBody(service, set);
        this.rules = new WriteRules(service, set);
        this.totals = new DocumentTotals(service);
    }

    ODataResponse get(Map<String, Object> key, ODataRequest request) throws SQLException {
        Map<String, Object> row = table.find(service.connection(), key).orElseThrow(() -> notFound(key));
        QueryOptions options = QueryOptions.parse(request.rawQuery());
        String context = service.model().rootPath() + "$metadata#" + set.name() + EntityJson.contextSelect(set, options)
                + "/$entity";
        return entity(200, row, request, context, EntityJson.selection(set, options));
    }

    ODataResponse upsert(Map<String, Object> key, ODataRequest request) throws SQLException {
        key.forEach((k, v) -> body.checkLength(set.require(k), v));
        RequestBody.Parsed parsed = body.read(request);
        Map<String, Object> values = parsed.values();
        key.forEach((k, v) -> {
            Object given = values.get(k);
            if (given != null && !sameKeyValue(given, v)) {
                throw ODataError.badRequest("Property '" + k + "' in the body (" + given + ") differs from the key (" + v + ")");
            }
            values.put(k, v);
        });
        Optional<Map<String, Object>> existing = table.find(service.connection(), key);
        if (existing.isPresent() && !inCallersCompany(existing.get(), request)) {
            throw outsideCallersCompany(key);
        }
        if (existing.isPresent()) {
            if ("*".equals(trim(request.header("If-None-Match")))) {
                throw ODataError.preconditionFailed("A record with matching key values already exists in " + set.name());
            }
            Map<String, Object> primary = primaryKey(existing.get());
            refuseLocked(existing.get());
            set.key().forEach(values::remove);
            rules.onUpdate(existing.get(), values, parsed.binds());
            Map<String, Object> merged = new LinkedHashMap<>(existing.get());
            merged.putAll(values);
            requireHeader(merged);
            totals.line(set, merged, values);
            stamp(values, false);
            keyChecked(() -> table.update(service.connection(), primary, values));
            touchHeader(merged);
            if (set.parent() != null && !headerKey(existing.get()).equals(headerKey(merged))) {
                touchHeader(existing.get()); // the line moved: its old header's totals changed too
            }
            totals.document(set, primary);
            return written(200, primary, request);
        }
        if (!service.kind().patchCreates()) {
            // F&O's PATCH updates only: a record it does not have is created by POST to the entity set
            throw ODataError.notFound("No " + set.typeName() + " with key " + describe(key) + " exists in "
                    + set.name() + "; PATCH updates only, POST creates");
        }
        if ("*".equals(trim(request.header("If-Match")))) {
            // Dataverse answers an update-only PATCH of a missing record 404, not 412: nothing is created
            throw ODataError.notFound("No record with key " + describe(key) + " exists in " + set.name()
                    + " and If-Match: * allows only an update");
        }
        return create(values, parsed.binds(), request);
    }

    ODataResponse create(ODataRequest request) throws SQLException {
        RequestBody.Parsed parsed = body.read(request);
        return create(parsed.values(), parsed.binds(), request);
    }

    ODataResponse delete(Map<String, Object> key, ODataRequest request) throws SQLException {
        Map<String, Object> row = table.find(service.connection(), key).orElseThrow(() -> notFound(key));
        if (!inCallersCompany(row, request)) {
            throw outsideCallersCompany(key);
        }
        refuseLocked(row);
        table.delete(service.connection(), primaryKey(row));
        if (set.changeTracked()) {
            service.tombstones().record(service.connection(), set.name(), EntityJson.keyString(set, row),
                    service.nextStamp());
        }
        touchHeader(row);
        return ODataResponse.noContent(Map.of());
    }

    private ODataResponse create(Map<String, Object> values, List<RequestBody.Bound> binds, ODataRequest request)
            throws SQLException {
        if (set.generatedKey() && values.get(set.key().get(0)) == null) {
            values.put(set.key().get(0), UUID.randomUUID().toString());
        }
        for (Property p : set.properties()) {
            if (!p.nullable() && !p.serverManaged() && p.defaultValue() == null && values.get(p.name()) == null) {
                throw ODataError.badRequest("Property '" + p.name() + "' is required to create a record in " + set.name());
            }
        }
        rules.onCreate(values, binds);
        requireHeader(values);
        if (set.parent() != null) {
            refuseLocked(values);
        }
        totals.line(set, values, values);
        stamp(values, true);
        keyChecked(() -> table.insert(service.connection(), values));
        touchHeader(values);
        totals.document(set, primaryKey(values));
        return written(201, primaryKey(values), request);
    }

    private ODataResponse written(int statusWithBody, Map<String, Object> primary, ODataRequest request)
            throws SQLException {
        String entityId = request.baseUrl() + service.model().rootPath() + set.name() + KeyPredicate.format(set, primary);
        String prefer = request.header("Prefer");
        // F&O answers a POST 201 with the created entity; Dataverse sends it only when asked (else 204)
        boolean fnoCreate = statusWithBody == 201 && service.kind() == ServiceKind.FNO
                && (prefer == null || !prefer.contains("return=minimal"));
        if (fnoCreate || prefer != null && prefer.contains("return=representation")) {
            Map<String, Object> row = table.find(service.connection(), primary).orElseThrow();
            String context = service.model().rootPath() + "$metadata#" + set.name() + "/$entity";
            ODataResponse answer = entity(statusWithBody, row, request, context, set.properties())
                    .withHeader("OData-EntityId", entityId);
            if (statusWithBody == 201) {
                answer = answer.withHeader("Location", entityId);
            }
            return fnoCreate ? answer : answer.withHeader("Preference-Applied", "return=representation");
        }
        return ODataResponse.noContent(Map.of("OData-EntityId", entityId));
    }

    private ODataResponse entity(int status, Map<String, Object> row, ODataRequest request, String context,
                                 List<Property> selected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            EntityJson.writeRow(json, service, set, selected, row, request.baseUrl() + context);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        return ODataResponse.json(status, out.toByteArray(), Map.of(), false);
    }

    /** A document line needs its header: Dataverse and F&amp;O both refuse an orphan line. */
    private void requireHeader(Map<String, Object> line) throws SQLException {
        if (set.parent() == null) {
            return;
        }
        Map<String, Object> headerKey = headerKey(line);
        if (headerKey.containsValue(null) || service.table(set.parent().set()).find(service.connection(), headerKey).isEmpty()) {
            throw ODataError.writeRefused("A line of " + set.name() + " needs an existing header in "
                    + set.parent().set() + "; none has " + headerKey);
        }
    }

    /**
     * A read-only document (its state left the open one) and its lines refuse every change, as Dataverse refuses
     * updates of an activated quote or a submitted order; the state change that locks it is itself allowed.
     */
    private void refuseLocked(Map<String, Object> row) throws SQLException {
        Map<String, Object> document = row;
        EntitySetDef documentSet = set;
        if (set.parent() != null) {
            documentSet = service.model().requireEntitySet(set.parent().set());
            Map<String, Object> headerKey = headerKey(row);
            if (headerKey.containsValue(null)) {
                return;
            }
            document = service.table(documentSet.name()).find(service.connection(), headerKey).orElse(null);
        }
        EntitySetDef.Lock lock = documentSet.lock();
        Object state = document == null ? null : document.get(lock == null ? null : lock.property());
        if (lock == null || state == null || state.equals(lock.openValue())) {
            return;
        }
        throw ODataError.writeRefused("The " + documentSet.typeName() + " " + EntityJson.keyString(documentSet, document)
                + " is read-only in its state " + lock.property() + " = " + document.get(lock.property())
                + (set == documentSet ? "" : "; so are its lines"));
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
        ModificationClock.Stamp stamp = service.nextStamp();
        Map<String, Object> stampValues = new LinkedHashMap<>();
        header.set().properties().stream().filter(p -> p.stamp() == Property.Stamp.MODIFIED)
                .forEach(p -> stampValues.put(p.name(), stamp.at()));
        header.set().properties().stream().filter(p -> p.stamp() == Property.Stamp.VERSION)
                .forEach(p -> stampValues.put(p.name(), stamp.version()));
        header.update(service.connection(), headerKey, stampValues);
        totals.document(service.model().requireEntitySet(set.parent().set()), headerKey);
    }

    private Map<String, Object> headerKey(Map<String, Object> line) {
        Map<String, Object> key = new LinkedHashMap<>();
        set.parent().columns().forEach((lineColumn, headerColumn) -> key.put(headerColumn, line.get(lineColumn)));
        return key;
    }

    private void stamp(Map<String, Object> values, boolean creating) {
        ModificationClock.Stamp stamp = service.nextStamp();
        for (Property p : set.properties()) {
            if (p.stamp() == Property.Stamp.MODIFIED || (creating && p.stamp() == Property.Stamp.CREATED)) {
                values.put(p.name(), stamp.at());
            } else if (p.stamp() == Property.Stamp.VERSION) {
                values.put(p.name(), stamp.version());
            }
        }
    }

    /**
     * F&amp;O: a PATCH or DELETE addresses the caller's default company unless it says cross-company=true; community
     * reports say such writes fail otherwise (REAL-SERVICES.md, F&amp;O 6), the sandbox takes the stricter reading.
     */
    private boolean inCallersCompany(Map<String, Object> row, ODataRequest request) {
        String company = service.model().defaultCompany();
        if (company == null || set.companyProperty() == null) {
            return true;
        }
        return company.equalsIgnoreCase(String.valueOf(row.get(set.companyProperty())))
                || "true".equalsIgnoreCase(QueryOptions.parse(request.rawQuery()).get("cross-company"));
    }

    private ODataError outsideCallersCompany(Map<String, Object> key) {
        return ODataError.notFound("No " + set.typeName() + " with key " + describe(key) + " exists in the company "
                + service.model().defaultCompany() + "; a PATCH or DELETE of another company's record needs"
                + " cross-company=true");
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

    /**
     * Runs a write; a broken primary or alternate key answers as the service does: Dataverse 412 (duplicate record),
     * F&amp;O a refused write.
     */
    private void keyChecked(Write write) throws SQLException {
        try {
            write.run();
        } catch (SQLException e) {
            if (EntityTable.isDuplicateKey(e)) {
                String message = "A record with matching key values already exists in " + set.name() + " ("
                        + e.getMessage().split("\n")[0] + ")";
                throw service.kind() == ServiceKind.DATAVERSE ? ODataError.preconditionFailed(message)
                        : ODataError.writeRefused("Cannot create a record in " + set.typeName()
                                + ". The record already exists. " + message);
            }
            throw e;
        }
    }

    private static boolean sameKeyValue(Object given, Object key) {
        return given instanceof String g && key instanceof String k ? g.equalsIgnoreCase(k) : given.equals(key);
    }

    private static String describe(Map<String, Object> key) {
        return key.toString();
    }

    private static String trim(String header) {
        return header == null ? null : header.trim();
    }
}
