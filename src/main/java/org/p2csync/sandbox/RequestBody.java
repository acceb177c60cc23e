package org.p2csync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A write's JSON body read against one set, refused as the real service refuses it: a property the entity lacks, a
 * Dataverse read-only column or lookup property ({@code _x_value}: written through its navigation property), a
 * bind that is no writable single-valued navigation property or points at another table than its target, a value of
 * the wrong JSON type, an unknown enum member, a choice value outside the column's options, a string over its
 * length. Binds resolve to their target row (it must exist: 404).
 */
final class RequestBody {
    /** A resolved {@code x@odata.bind}: the navigation, the set it points into and the row it names. */
    record Bound(EntitySetDef.Navigation navigation, EntitySetDef targetSet, Map<String, Object> target) {}

    /** @param values typed property values, lookups set by binds included */
    record Parsed(Map<String, Object> values, List<Bound> binds) {}

    private static final String BIND = "@odata.bind";

    private final SimulatedService service;
    private final EntitySetDef set;

    RequestBody(SimulatedService service, EntitySetDef set) {
        this.service = service;
        this.set = set;
    }

    Parsed read(ODataRequest request) throws SQLException {
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
        List<Bound> binds = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (name.endsWith(BIND) && service.kind() == ServiceKind.DATAVERSE) {
                bind(name.substring(0, name.length() - BIND.length()), field.getValue(), values, binds);
                continue;
            }
            if (name.contains("@") && !name.endsWith(BIND)) {
                continue; // instance annotations such as @odata.type or @odata.etag carry no data
            }
            Property p = set.property(name).orElseThrow(() -> unknown(name));
            switch (p.access()) {
                case LOOKUP -> throw ODataError.badRequest("CRM do not support direct update of Entity Reference"
                        + " properties, Use Navigation properties instead. ('" + name + "' of " + set.typeName()
                        + " is written as <navigation>@odata.bind)");
                case READ_ONLY -> throw ODataError.badRequest("The property '" + name + "' of " + set.typeName()
                        + " is read-only: no client may set it");
                case STATE_MESSAGES -> throw ODataError.badRequest("The property '" + name + "' of " + set.typeName()
                        + " changes only through the " + set.typeName() + "'s state messages (e.g. FulfillSalesOrder,"
                        + " CancelSalesOrder), not by an update");
                default -> { }
            }
            if (p.serverManaged()) {
                continue; // F&O sets its edit timestamp itself, whatever the client sent
            }
            Object value = p.type().fromJson(field.getValue(), name);
            if (value instanceof java.time.OffsetDateTime t && service.kind() == ServiceKind.DATAVERSE) {
                value = t.truncatedTo(service.rules().timestampPrecision()); // Dataverse keeps whole seconds
            }
            if (value == null && !p.nullable()) {
                // the OData library both services use refuses it before the entity sees it
                throw ODataError.badRequest("A null value was found for the property named '" + name + "', which has"
                        + " the expected type '" + p.type().edmName() + "[Nullable=False]'. The expected type '"
                        + p.type().edmName() + "[Nullable=False]' does not allow null values.");
            }
            checkOption(p, value);
            checkLength(p, value);
            values.put(name, value);
        }
        return new Parsed(values, binds);
    }

    /** Strings longer than the MaxLength are refused, in keys as in bodies, as both services do. */
    void checkLength(Property p, Object value) {
        if (value instanceof String s && p.maxLength() != null && s.length() > p.maxLength()) {
            throw ODataError.writeRefused("The length of the '" + p.name() + "' attribute of the '" + set.typeName()
                    + "' entity exceeded the maximum allowed length of '" + p.maxLength() + "' (was " + s.length() + ")");
        }
    }

    private void checkOption(Property p, Object value) {
        if (value instanceof Integer i && !p.options().isEmpty() && !p.options().containsKey(i)) {
            throw ODataError.writeRefused("A validation error occurred. The value " + i + " of '" + p.name()
                    + "' on record of type '" + set.typeName() + "' is outside the valid range. Accepted values: "
                    + p.options().keySet());
        }
    }

    private ODataError unknown(String name) {
        String type = service.model().namespace() + "." + set.typeName();
        return service.kind() == ServiceKind.DATAVERSE
                ? ODataError.badRequest("Invalid property '" + name + "' was found in entity '" + type + "'.")
                : ODataError.badRequest("The property '" + name + "' does not exist on type '" + type
                        + "'. Make sure to only use property names that are defined by the type.");
    }

    /**
     * Dataverse lookups: {@code "transactioncurrencyid@odata.bind": "/transactioncurrencies(<guid>)"} or by an Active
     * alternate key, {@code "/accounts(accountnumber='A-1')"}, through a writable single-valued navigation property
     * pointing at a set of its target table (a polymorphic lookup names its target: {@code customerid_account}). A
     * key value with characters that cannot travel in a URL is refused as in a request's URL.
     */
    private void bind(String navigationName, JsonNode target, Map<String, Object> values, List<Bound> binds)
            throws SQLException {
        EntitySetDef.Navigation navigation = set.navigations().get(navigationName);
        if (navigation == null) {
            throw ODataError.badRequest("An undeclared property '" + navigationName + "' which only has property"
                    + " annotations in the payload but no property value was found in the payload. In OData, only"
                    + " declared navigation properties and declared named streams can be represented as properties"
                    + " without values. (" + set.typeName() + " has no single-valued navigation property "
                    + navigationName + ")");
        }
        if (!navigation.writable()) {
            throw ODataError.badRequest("The navigation property '" + navigationName + "' of " + set.typeName()
                    + " sets " + navigation.lookupProperty() + ", which is read-only: no client may set it");
        }
        if (target.isNull()) {
            values.put(navigation.lookupProperty(), null);
            return;
        }
        String ref = target.asText();
        int open = ref.indexOf('(');
        if (!target.isTextual() || open < 0 || !ref.endsWith(")")) {
            throw ODataError.badRequest("Cannot read the reference '" + ref + "' bound to '" + navigationName + "'");
        }
        String path = ref.substring(0, open);
        String targetSetName = path.substring(path.lastIndexOf('/') + 1);
        if (!navigation.targetSets().contains(targetSetName)) {
            throw ODataError.badRequest("The reference '" + ref + "' bound to '" + navigationName + "' points at "
                    + targetSetName + "; " + navigationName + " takes "
                    + (navigation.targetSets().isEmpty() ? "a table the sandbox does not serve"
                            : String.join(" or ", navigation.targetSets())));
        }
        EntitySetDef targetSet = service.model().requireEntitySet(targetSetName);
        Map<String, Object> targetKey = KeyPredicate.parse(ServiceKind.DATAVERSE, targetSet,
                ref.substring(open + 1, ref.length() - 1));
        Map<String, Object> row = service.table(targetSetName).find(service.connection(), targetKey)
                .orElseThrow(() -> ODataError.notFound("The record " + ref + " bound to '" + navigationName
                        + "' does not exist"));
        values.put(navigation.lookupProperty(), row.get(targetSet.key().get(0)));
        binds.add(new Bound(navigation, targetSet, row));
    }
}
