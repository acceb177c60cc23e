package org.p2csync.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The state-change messages of Dataverse documents, as unbound Web API actions ({@code POST <root>/FulfillSalesOrder}):
 * <ul>
 *   <li>{@code FulfillSalesOrder} / {@code CancelSalesOrder} with {@code {"OrderClose": {"salesorderid@odata.bind":
 *       "/salesorders(<id>)", "subject": ...}, "Status": <statuscode>}}: an Active or Submitted order becomes
 *       Fulfilled (statecode 3) or Canceled (2) with that status;</li>
 *   <li>{@code WinQuote} / {@code CloseQuote} with {@code {"QuoteClose": {"quoteid@odata.bind": ...}, "Status": n}}:
 *       an Active quote becomes Won (2) or Closed (3: Lost, Canceled, Revised);</li>
 *   <li>{@code ReviseQuote} with {@code {"QuoteId": "<id>", "ColumnSet": {"AllColumns": true}}}: a new draft quote
 *       with the same quotenumber, the next revisionnumber and copies of the lines; the revised quote, if Active, is
 *       closed as Revised (a closed one stays as it is). Answers the new quote (200).</li>
 * </ul>
 * The Status must be one of the target state's status values. A document's state changes this way only (a PATCH of
 * statecode is refused, {@link RequestBody}); the message works on a document that is otherwise read-only. The
 * OrderClose and QuoteClose activities themselves are not kept (the sandbox serves no activity tables); the codes of
 * the refusals are unpublished (0x80060888).
 */
final class DocumentMessages {
    private record Message(String closeEntity, String bind, String set, Set<Integer> from, int to) {}

    private static final Map<String, Message> STATE_CHANGES = Map.of(
            "FulfillSalesOrder", new Message("OrderClose", "salesorderid", "salesorders", Set.of(0, 1), 3),
            "CancelSalesOrder", new Message("OrderClose", "salesorderid", "salesorders", Set.of(0, 1), 2),
            "WinQuote", new Message("QuoteClose", "quoteid", "quotes", Set.of(1), 2),
            "CloseQuote", new Message("QuoteClose", "quoteid", "quotes", Set.of(1), 3));
    static final String REVISE_QUOTE = "ReviseQuote";
    private static final int QUOTE_ACTIVE = 1;
    private static final int QUOTE_CLOSED = 3;
    private static final int QUOTE_REVISED = 7;

    private final SimulatedService service;

    DocumentMessages(SimulatedService service) {
        this.service = service;
    }

    static boolean handles(String resource) {
        return STATE_CHANGES.containsKey(resource) || resource.equals(REVISE_QUOTE);
    }

    ODataResponse handle(ODataRequest request) throws SQLException {
        if (!request.method().equals("POST")) {
            throw new ODataError(405, "MethodNotAllowed", request.resource() + " is an action: POST it");
        }
        JsonNode body = body(request);
        if (request.resource().equals(REVISE_QUOTE)) {
            return revise(request, body);
        }
        Message message = STATE_CHANGES.get(request.resource());
        JsonNode close = body.get(message.closeEntity());
        JsonNode bind = close == null ? null : close.get(message.bind() + "@odata.bind");
        if (bind == null || !bind.isTextual()) {
            throw ODataError.badRequest(request.resource() + " needs " + message.closeEntity() + " with "
                    + message.bind() + "@odata.bind naming the " + message.set() + " record");
        }
        EntitySetDef set = service.model().requireEntitySet(message.set());
        Map<String, Object> document = find(set, bind.asText());
        JsonNode status = body.get("Status");
        if (status == null || !status.canConvertToInt()) {
            throw ODataError.badRequest(request.resource() + " needs Status, a status value of the state "
                    + message.to() + " of " + set.typeName());
        }
        int state = ((Number) document.get("statecode")).intValue();
        if (!message.from().contains(state)) {
            throw ODataError.writeRefused(request.resource() + " cannot change the " + set.typeName() + " "
                    + EntityJson.keyString(set, document) + ": it is in state " + state + ", the message takes "
                    + message.from());
        }
        setState(set, document, message.to(), statusOf(set, status.asInt(), message.to()));
        return ODataResponse.noContent(Map.of());
    }

    private ODataResponse revise(ODataRequest request, JsonNode body) throws SQLException {
        EntitySetDef quotes = service.model().requireEntitySet("quotes");
        String id = EdmType.parseGuid(body.path("QuoteId").asText(""), "QuoteId");
        EntityTable table = service.table(quotes.name());
        Map<String, Object> quote = table.find(service.connection(), Map.of("quoteid", id))
                .orElseThrow(() -> ODataError.notFound("quote With Id = " + id + " Does Not Exist"));
        int state = ((Number) quote.get("statecode")).intValue();
        if (state != QUOTE_ACTIVE && state != QUOTE_CLOSED) {
            throw ODataError.writeRefused("ReviseQuote cannot revise the quote " + id + ": it is in state " + state
                    + "; only an active or closed quote can be revised");
        }
        ModificationClock.Stamp stamp = service.nextStamp();
        Map<String, Object> revision = new LinkedHashMap<>(quote);
        String revisionId = UUID.randomUUID().toString();
        revision.put("quoteid", revisionId);
        revision.put("statecode", 0);
        revision.put("statuscode", 1);
        Object number = quote.get("revisionnumber");
        revision.put("revisionnumber", (number instanceof Number n ? n.intValue() : 0) + 1);
        stamps(quotes, revision, stamp, true);
        if (state == QUOTE_ACTIVE) {
            setState(quotes, quote, QUOTE_CLOSED, QUOTE_REVISED);
        }
        try {
            table.insert(service.connection(), revision);
        } catch (SQLException e) {
            if (EntityTable.isDuplicateKey(e)) {
                // an Active key on quotenumber refuses the revision, which shares the number
                throw ODataError.preconditionFailed("A record with matching key values already exists in quotes ("
                        + e.getMessage().split("\n")[0] + ")");
            }
            throw e;
        }
        EntitySetDef lines = service.model().requireEntitySet("quotedetails");
        EntityTable lineTable = service.table(lines.name());
        List<Map<String, Object>> copies = new ArrayList<>();
        for (Map<String, Object> line : lineTable.select(service.connection(),
                lineTable.matching(Map.of("_quoteid_value", id)), "", Integer.MAX_VALUE, 0)) {
            Map<String, Object> copy = new LinkedHashMap<>(line);
            copy.put("quotedetailid", UUID.randomUUID().toString());
            copy.put("_quoteid_value", revisionId);
            stamps(lines, copy, stamp, true);
            copies.add(copy);
        }
        lineTable.insertAll(service.connection(), copies);
        new DocumentTotals(service).document(quotes, Map.of("quoteid", revisionId));
        Map<String, Object> row = table.find(service.connection(), Map.of("quoteid", revisionId)).orElseThrow();
        return entity(request, quotes, row, columns(quotes, body.get("ColumnSet")));
    }

    private void setState(EntitySetDef set, Map<String, Object> document, int state, int status) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("statecode", state);
        values.put("statuscode", status);
        stamps(set, values, service.nextStamp(), false);
        Map<String, Object> key = new LinkedHashMap<>();
        set.key().forEach(k -> key.put(k, document.get(k)));
        service.table(set.name()).update(service.connection(), key, values);
    }

    private static void stamps(EntitySetDef set, Map<String, Object> values, ModificationClock.Stamp stamp,
                               boolean creating) {
        for (Property p : set.properties()) {
            switch (p.stamp()) {
                case MODIFIED -> values.put(p.name(), stamp.at());
                case CREATED -> {
                    if (creating) {
                        values.put(p.name(), stamp.at());
                    }
                }
                case VERSION -> values.put(p.name(), stamp.version());
                default -> { }
            }
        }
    }

    private Map<String, Object> find(EntitySetDef set, String reference) throws SQLException {
        String ref = reference.startsWith("/") ? reference.substring(1) : reference;
        int open = ref.indexOf('(');
        if (open < 0 || !ref.endsWith(")") || !ref.substring(0, open).equals(set.name())) {
            throw ODataError.badRequest("Cannot read the reference '" + reference + "': expected /" + set.name() + "(<id>)");
        }
        Map<String, Object> key = KeyPredicate.parse(ServiceKind.DATAVERSE, set, ref.substring(open + 1, ref.length() - 1));
        return service.table(set.name()).find(service.connection(), key)
                .orElseThrow(() -> ODataError.notFound("The record " + reference + " does not exist"));
    }

    /** The status value, which must belong to the state (its option label says "(state n)"). */
    private static int statusOf(EntitySetDef set, int status, int state) {
        String label = set.require("statuscode").options().get(status);
        if (label == null || !label.endsWith("(state " + state + ")")) {
            throw ODataError.writeRefused("The status " + status + " is not a status of the state " + state + " of "
                    + set.typeName() + "; it takes " + set.require("statuscode").options().entrySet().stream()
                            .filter(e -> e.getValue().endsWith("(state " + state + ")")).map(Map.Entry::getKey).toList());
        }
        return status;
    }

    private static List<Property> columns(EntitySetDef set, JsonNode columnSet) {
        if (columnSet == null || columnSet.path("AllColumns").asBoolean(false) || !columnSet.has("Columns")) {
            return set.properties();
        }
        List<String> names = new ArrayList<>();
        columnSet.get("Columns").forEach(c -> names.add(c.asText()));
        names.forEach(set::require);
        return set.properties().stream().filter(p -> names.contains(p.name()) || set.key().contains(p.name())).toList();
    }

    private ODataResponse entity(ODataRequest request, EntitySetDef set, Map<String, Object> row, List<Property> columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            EntityJson.writeRow(json, service, set, columns, row, request.baseUrl() + service.model().rootPath()
                    + "$metadata#" + set.name() + "/$entity");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
        return ODataResponse.json(200, out.toByteArray(), Map.of(), false);
    }

    private static JsonNode body(ODataRequest request) {
        try {
            JsonNode body = request.body().length == 0 ? null : Json.MAPPER.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw ODataError.badRequest("The request body must be a JSON object with the action's parameters");
            }
            return body;
        } catch (IOException e) {
            throw ODataError.badRequest("The request body is not valid JSON: " + e.getMessage().split("\n")[0]);
        }
    }
}
