package org.p2csync.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.p2csync.schema.DataverseTable;

/**
 * The Dataverse metadata Web API of the simulated org, as far as creating p2c-sync's columns and keys needs it:
 * <ul>
 *   <li>{@code GET EntityDefinitions} and {@code GET EntityDefinitions(LogicalName='account')} (or by MetadataId),
 *       with {@code $select}, {@code $filter} and {@code $expand=Keys,Attributes} (nested {@code $select}, {@code
 *       $filter});</li>
 *   <li>{@code GET|POST .../Keys}, {@code GET|DELETE .../Keys(LogicalName='x')} (or MetadataId): EntityKeyMetadata
 *       with its EntityKeyIndexStatus;</li>
 *   <li>{@code GET|POST .../Attributes}, {@code GET .../Attributes(LogicalName='x')} (or MetadataId), and the cast
 *       {@code .../Attributes(LogicalName='x')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$expand=OptionSet}
 *       (also on the collection), the only way to expand an OptionSet, as in Dataverse.</li>
 * </ul>
 * Creates answer 204 with {@code OData-EntityId}; errors come in Dataverse's shape. Only the served tables exist.
 */
final class MetadataApi {
    static final String ROOT = "EntityDefinitions";
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z.]+)(?:\\((.*)\\))?");
    private static final Pattern BY_NAME = Pattern.compile("\\s*LogicalName\\s*=\\s*'([^']*)'\\s*");
    private static final Pattern GUID = Pattern.compile(
            "\\s*([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\s*");
    private static final Set<String> ENTITY_EXPANDS = Set.of("Keys", "Attributes");

    /** A parsed path: the table, then optionally Keys or Attributes, a member, a cast to a derived type. */
    private record Path(String tableId, String collection, String memberId, String cast) {}

    private final SimulatedService service;
    private final DataverseOrg org;

    MetadataApi(SimulatedService service) {
        this.service = service;
        this.org = service.org().orElseThrow(() -> new IllegalArgumentException("only Dataverse has a metadata API"));
    }

    static boolean handles(String resource) {
        return resource.equals(ROOT) || resource.startsWith(ROOT + "(") || resource.startsWith(ROOT + "/");
    }

    ODataResponse handle(ODataRequest request) throws SQLException {
        Path path = path(QueryOptions.decode(request.resource(), false));
        MetadataQuery query = MetadataQuery.parse(request.rawQuery());
        String method = request.method();
        if (path.tableId() == null) {
            require(method, "GET");
            return tables(request, query);
        }
        DataverseTable table = table(path.tableId());
        EntitySetDef set = service.model().requireEntitySet(table.entitySet());
        String tableUrl = request.baseUrl() + service.model().rootPath() + ROOT + "(LogicalName='" + table.logicalName() + "')";
        if (path.collection() == null) {
            require(method, "GET");
            return json(200, entity(table, set, query));
        }
        if (path.collection().equals("Keys")) {
            if (path.cast() != null) {
                throw ODataError.noSuchSegment(path.cast());
            }
            if (path.memberId() == null) {
                if (method.equals("POST")) {
                    MetadataRequests.KeyDefinition d = MetadataRequests.key(request);
                    EntityKey key = org.createKey(service, table, d.schemaName(), d.displayName(), d.attributes());
                    return created(tableUrl + "/Keys(" + key.metadataId() + ")");
                }
                require(method, "GET");
                return collection(request, table, "Keys", org.keys(table.logicalName()).stream().map(MetadataJson::key)
                        .toList(), query, "EntityKeyMetadata");
            }
            EntityKey key = member(org.keys(table.logicalName()), path.memberId(), EntityKey::metadataId,
                    EntityKey::logicalName, "entity key", table);
            if (method.equals("DELETE")) {
                org.deleteKey(service, key);
                service.refresh();
                return ODataResponse.noContent(Map.of());
            }
            require(method, "GET");
            return json(200, query.selected(MetadataJson.key(key), "EntityKeyMetadata"));
        }
        if (path.collection().equals("Attributes")) {
            AttributeKind cast = cast(path.cast());
            if (path.memberId() == null) {
                if (method.equals("POST") && cast == null) {
                    ColumnDefinition definition = MetadataRequests.column(request);
                    OrgMetadata.CreatedColumn column = org.createColumn(service, table, definition);
                    service.refresh();
                    return created(tableUrl + "/Attributes(" + column.metadataId() + ")");
                }
                require(method, "GET");
                boolean options = expandsOptionSet(query, cast);
                List<ObjectNode> attributes = org.attributes(table, service.model()).stream()
                        .filter(a -> cast == null || a.kind() == cast)
                        .map(a -> MetadataJson.attribute(a, table, set, options)).toList();
                return collection(request, table, "Attributes", attributes, query,
                        cast == null ? "AttributeMetadata" : cast.metadataType());
            }
            require(method, "GET");
            DataverseOrg.Attribute attribute = member(org.attributes(table, service.model()), path.memberId(),
                    DataverseOrg.Attribute::metadataId, DataverseOrg.Attribute::logicalName, "attribute", table);
            if (cast != null && attribute.kind() != cast) {
                throw ODataError.badRequest("The attribute '" + attribute.logicalName() + "' is a "
                        + attribute.kind().metadataType() + ", not a " + cast.metadataType());
            }
            ObjectNode o = MetadataJson.attribute(attribute, table, set, expandsOptionSet(query, cast));
            return json(200, query.selected(o, cast == null ? "AttributeMetadata" : cast.metadataType()));
        }
        throw ODataError.noSuchSegment(path.collection());
    }

    private ODataResponse tables(ODataRequest request, MetadataQuery query) {
        ArrayNode value = Json.MAPPER.createArrayNode();
        for (EntitySetDef set : service.model().entitySets()) {
            DataverseTable table = org.table(set.typeName(), service.model()).orElseThrow();
            ObjectNode entity = entity(table, set, query);
            if (query.matches(MetadataJson.entity(table, set))) {
                value.add(entity);
            }
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("@odata.context", request.baseUrl() + service.model().rootPath() + "$metadata#" + ROOT);
        root.set("value", value);
        return json(200, root);
    }

    private ObjectNode entity(DataverseTable table, EntitySetDef set, MetadataQuery query) {
        for (String name : query.expand().keySet()) {
            if (!ENTITY_EXPANDS.contains(name)) {
                throw ODataError.unknownProperty("Could not find a property named '" + name + "' on type '"
                        + AttributeKind.NAMESPACE + "EntityMetadata'. (the sandbox expands Keys and Attributes)");
            }
        }
        ObjectNode o = query.selected(MetadataJson.entity(table, set), "EntityMetadata");
        MetadataQuery keys = query.expand().get("Keys");
        if (keys != null) {
            o.set("Keys", filtered(org.keys(table.logicalName()).stream().map(MetadataJson::key).toList(), keys,
                    "EntityKeyMetadata"));
        }
        MetadataQuery attributes = query.expand().get("Attributes");
        if (attributes != null) {
            if (attributes.expand().containsKey("OptionSet")) {
                throw optionSetNeedsCast();
            }
            o.set("Attributes", filtered(org.attributes(table, service.model()).stream()
                    .map(a -> MetadataJson.attribute(a, table, set, false)).toList(), attributes, "AttributeMetadata"));
        }
        return o;
    }

    private ODataResponse collection(ODataRequest request, DataverseTable table, String name, List<ObjectNode> items,
                                     MetadataQuery query, String type) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("@odata.context", request.baseUrl() + service.model().rootPath() + "$metadata#" + ROOT + "('"
                + table.logicalName() + "')/" + name);
        root.set("value", filtered(items, query, type));
        return json(200, root);
    }

    private static ArrayNode filtered(List<ObjectNode> items, MetadataQuery query, String type) {
        ArrayNode value = Json.MAPPER.createArrayNode();
        for (ObjectNode item : items) {
            if (query.matches(item)) {
                value.add(query.selected(item, type));
            }
        }
        return value;
    }

    private static boolean expandsOptionSet(MetadataQuery query, AttributeKind cast) {
        for (String name : query.expand().keySet()) {
            if (!name.equals("OptionSet")) {
                throw ODataError.unknownProperty("Could not find a property named '" + name + "' on an attribute"
                        + " type (the sandbox expands OptionSet)");
            }
        }
        boolean wanted = query.expand().containsKey("OptionSet");
        if (wanted && (cast == null || !Set.of(AttributeKind.PICKLIST, AttributeKind.BOOLEAN, AttributeKind.STATE,
                AttributeKind.STATUS).contains(cast))) {
            throw optionSetNeedsCast();
        }
        return wanted;
    }

    private static ODataError optionSetNeedsCast() {
        return ODataError.unknownProperty("Could not find a property named 'OptionSet' on type '"
                + AttributeKind.NAMESPACE + "AttributeMetadata'. (cast to the attribute's type first, e.g."
                + " .../Attributes(LogicalName='x')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$expand=OptionSet)");
    }

    private DataverseTable table(String id) {
        Matcher name = BY_NAME.matcher(id);
        Matcher guid = GUID.matcher(id);
        Optional<DataverseTable> table = Optional.empty();
        if (name.matches()) {
            table = org.table(name.group(1), service.model());
        } else if (guid.matches()) {
            table = service.model().entitySets().stream().map(s -> org.table(s.typeName(), service.model()).orElseThrow())
                    .filter(t -> MetadataJson.tableMetadataId(t.logicalName()).equalsIgnoreCase(guid.group(1))).findFirst();
        }
        // the code and wording for a table the org lacks are unpublished: a 404 naming it
        return table.orElseThrow(() -> ODataError.notFound("Could not find an entity with " + id.trim()
                + "; the sandbox's org has " + service.model().entitySets().stream().map(EntitySetDef::typeName).toList()));
    }

    private static <T> T member(List<T> members, String id, Function<T, String> metadataId, Function<T, String> logical,
                                String what, DataverseTable table) {
        Matcher name = BY_NAME.matcher(id);
        Matcher guid = GUID.matcher(id);
        Optional<T> found = name.matches()
                ? members.stream().filter(m -> logical.apply(m).equals(name.group(1))).findFirst()
                : guid.matches() ? members.stream().filter(m -> metadataId.apply(m).equalsIgnoreCase(guid.group(1))).findFirst()
                : Optional.empty();
        return found.orElseThrow(() -> ODataError.notFound("Could not find an " + what + " with " + id.trim()
                + " on the entity '" + table.logicalName() + "'"));
    }

    private static AttributeKind cast(String cast) {
        if (cast == null) {
            return null;
        }
        return AttributeKind.ofMetadataType(cast).orElseThrow(() -> ODataError.noSuchSegment(cast));
    }

    private static Path path(String resource) {
        List<String> segments = segments(resource);
        Matcher root = SEGMENT.matcher(segments.get(0));
        if (!root.matches() || !root.group(1).equals(ROOT)) {
            throw ODataError.noSuchSegment(segments.get(0));
        }
        if (segments.size() == 1) {
            return new Path(root.group(2), null, null, null);
        }
        if (root.group(2) == null || segments.size() > 3) {
            throw ODataError.noSuchSegment(resource);
        }
        Matcher collection = SEGMENT.matcher(segments.get(1));
        if (!collection.matches() || !Set.of("Keys", "Attributes").contains(collection.group(1))) {
            throw ODataError.noSuchSegment(segments.get(1));
        }
        String cast = segments.size() == 3 ? segments.get(2) : null;
        return new Path(root.group(2), collection.group(1), collection.group(2), cast);
    }

    /** Splits at '/' outside parentheses and quotes. */
    private static List<String> segments(String resource) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (char c : resource.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
            if (c == '/' && depth == 0 && !quoted) {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        return out;
    }

    private static void require(String method, String expected) {
        if (!method.equals(expected)) {
            throw new ODataError(405, "MethodNotAllowed", method + " is not allowed here");
        }
    }

    private static ODataResponse created(String entityId) {
        return ODataResponse.noContent(Map.of("OData-EntityId", entityId));
    }

    private static ODataResponse json(int status, ObjectNode body) {
        return ODataResponse.json(status, body.toString().getBytes(StandardCharsets.UTF_8), Map.of(), false);
    }
}
