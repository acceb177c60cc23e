package org.p2csync.odata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.p2csync.sync.UrlEncoding;

/**
 * The Dataverse metadata Web API as far as creating columns and alternate keys needs it ("Create and update column
 * definitions using the Web API", "Work with alternate keys"): reads table definitions, their keys with the state of
 * their index ({@code EntityKeyIndexStatus}) and single columns, and creates columns ({@code POST
 * EntityDefinitions(LogicalName='x')/Attributes}, an AttributeMetadata of its derived type) and keys ({@code POST
 * .../Keys}, an EntityKeyMetadata), in the solution named by {@code MSCRM.SolutionUniqueName} when one is given.
 * Requests go through the service's {@link ODataClient}: its token, retries and throttle gate. A refused request is
 * a {@link ServiceRefusal} carrying the status and Dataverse's message.
 */
public final class MetadataClient {
    private static final String NAMESPACE = "Microsoft.Dynamics.CRM.";
    private static final int ENGLISH = 1033;
    private static final Pattern ENTITY_ID = Pattern.compile("\\(([0-9a-fA-F-]{36})\\)\\s*$");

    /** A table as {@code EntityDefinitions} describes it. */
    public record Table(String logicalName, String entitySet, String primaryId) {}

    /** An alternate key and how far its index is built (Pending, InProgress, Active or Failed). */
    public record Key(String metadataId, String logicalName, String schemaName, List<String> attributes,
                      String indexStatus) {
        public Key {
            attributes = List.copyOf(attributes);
        }

        public boolean active() {
            return "Active".equals(indexStatus);
        }

        public boolean failed() {
            return "Failed".equals(indexStatus);
        }
    }

    /** A column as far as setup compares it: its logical name and attribute type (String, Picklist, ...). */
    public record Attribute(String logicalName, String attributeType) {}

    /**
     * A column to create.
     *
     * @param attributeType String, Boolean, Picklist, DateTime, Decimal or Integer (AttributeMetadata's AttributeType)
     * @param maxLength String only
     * @param format DateTime only: DateOnly or DateAndTime
     * @param options Picklist only: value -> label
     */
    public record AttributeDefinition(String schemaName, String attributeType, String displayName, String description,
                                      Integer maxLength, String format, Map<Integer, String> options) {
        public AttributeDefinition {
            options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
        }
    }

    /** An alternate key to create: its names and its columns' logical names (a lookup by its column, not _x_value). */
    public record KeyDefinition(String schemaName, String displayName, List<String> attributes) {
        public KeyDefinition {
            attributes = List.copyOf(attributes);
        }
    }

    private final ODataClient client;
    private final String area;
    private final Optional<String> solution;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param area the name requests are counted under
     * @param solution the unique name of the solution created components go into, sent as MSCRM.SolutionUniqueName
     */
    public MetadataClient(ODataClient client, String area, Optional<String> solution) {
        this.client = client;
        this.area = area;
        this.solution = solution;
    }

    /** The table behind an entity set, e.g. salesorders -> salesorder; empty when the org has no such set. */
    public Optional<Table> table(String entitySet) {
        JsonNode answer = get("EntityDefinitions?$select=LogicalName,EntitySetName,PrimaryIdAttribute&$filter="
                + UrlEncoding.encode("EntitySetName eq " + literal(entitySet)));
        for (JsonNode t : answer.path("value")) {
            if (entitySet.equals(t.path("EntitySetName").asText())) {
                return Optional.of(new Table(t.path("LogicalName").asText(), entitySet,
                        t.path("PrimaryIdAttribute").asText()));
            }
        }
        return Optional.empty();
    }

    /** Every alternate key of the table with the state of its index. */
    public List<Key> keys(String table) {
        JsonNode answer = get(tablePath(table) + "/Keys?$select=LogicalName,SchemaName,KeyAttributes,EntityKeyIndexStatus");
        List<Key> keys = new ArrayList<>();
        answer.path("value").forEach(k -> keys.add(key(k)));
        return keys;
    }

    /** One key by its metadata id, as its index stands now. */
    public Key key(String table, String metadataId) {
        return key(get(tablePath(table) + "/Keys(" + metadataId
                + ")?$select=LogicalName,SchemaName,KeyAttributes,EntityKeyIndexStatus"));
    }

    /** The column of that logical name, or empty when the table has none. */
    public Optional<Attribute> attribute(String table, String logicalName) {
        JsonNode answer = get(tablePath(table) + "/Attributes?$select=LogicalName,AttributeType&$filter="
                + UrlEncoding.encode("LogicalName eq " + literal(logicalName)));
        for (JsonNode a : answer.path("value")) {
            if (logicalName.equals(a.path("LogicalName").asText())) {
                return Optional.of(new Attribute(logicalName, a.path("AttributeType").asText()));
            }
        }
        return Optional.empty();
    }

    /** Creates a column; Dataverse answers 204 with the new column's URL. */
    public void createAttribute(String table, AttributeDefinition definition) {
        post(tablePath(table) + "/Attributes", attributeBody(definition));
    }

    /**
     * Creates an alternate key; its index is built afterwards (Pending, then InProgress, then Active or Failed).
     *
     * @return the new key's metadata id, from the answer's OData-EntityId, or empty when the service named none
     */
    public Optional<String> createKey(String table, KeyDefinition definition) {
        ObjectNode body = json.createObjectNode();
        body.put("@odata.type", NAMESPACE + "EntityKeyMetadata");
        body.put("SchemaName", definition.schemaName());
        body.set("DisplayName", label(definition.displayName()));
        ArrayNode attributes = body.putArray("KeyAttributes");
        definition.attributes().forEach(attributes::add);
        return post(tablePath(table) + "/Keys", body).map(ENTITY_ID::matcher).filter(Matcher::find)
                .map(m -> m.group(1));
    }

    /** Deletes an alternate key (a pending index build is cancelled, a built or failed index dropped). */
    public void deleteKey(String table, String metadataId) {
        URI uri = URI.create(client.baseUrl() + tablePath(table) + "/Keys(" + metadataId + ")");
        client.call(area, () -> client.request(uri).DELETE(), response -> {
            requireSuccess(response, "DELETE " + uri);
            return null;
        });
    }

    private ObjectNode attributeBody(AttributeDefinition d) {
        ObjectNode body = json.createObjectNode();
        String type = d.attributeType();
        body.put("@odata.type", NAMESPACE + type + "AttributeMetadata");
        body.put("AttributeType", type);
        body.putObject("AttributeTypeName").put("Value", type + "Type");
        body.put("SchemaName", d.schemaName());
        body.set("DisplayName", label(d.displayName()));
        body.set("Description", label(d.description() == null || d.description().isBlank() ? d.displayName()
                : d.description()));
        ObjectNode required = body.putObject("RequiredLevel");
        required.put("Value", "None");
        required.put("CanBeChanged", true);
        required.put("ManagedPropertyLogicalName", "canmodifyrequirementlevelsettings");
        switch (type) {
            case "String" -> {
                body.put("MaxLength", d.maxLength());
                body.putObject("FormatName").put("Value", "Text");
            }
            case "DateTime" -> body.put("Format", d.format());
            case "Boolean" -> {
                body.put("DefaultValue", false);
                ObjectNode set = body.putObject("OptionSet");
                set.put("OptionSetType", "Boolean");
                set.putObject("TrueOption").put("Value", 1).set("Label", label("Yes"));
                set.putObject("FalseOption").put("Value", 0).set("Label", label("No"));
            }
            case "Picklist" -> {
                ObjectNode set = body.putObject("OptionSet");
                set.put("@odata.type", NAMESPACE + "OptionSetMetadata");
                set.put("IsGlobal", false);
                set.put("OptionSetType", "Picklist");
                ArrayNode options = set.putArray("Options");
                d.options().forEach((value, text) -> options.addObject().put("Value", value).set("Label", label(text)));
            }
            case "Decimal" -> {
                // Dataverse's own bounds for a decimal column, at the precision of money
                body.put("Precision", 2);
                body.put("MinValue", -100_000_000_000L);
                body.put("MaxValue", 100_000_000_000L);
            }
            case "Integer" -> {
                body.put("Format", "None");
                body.put("MinValue", Integer.MIN_VALUE);
                body.put("MaxValue", Integer.MAX_VALUE);
            }
            default -> throw new IllegalArgumentException("cannot create a column of type " + type + " ("
                    + d.schemaName() + "); p2c-sync creates String, Boolean, Picklist, DateTime, Decimal and Integer");
        }
        return body;
    }

    private ObjectNode label(String text) {
        ObjectNode localized = json.createObjectNode();
        localized.put("@odata.type", NAMESPACE + "LocalizedLabel");
        localized.put("Label", text);
        localized.put("LanguageCode", ENGLISH);
        ObjectNode label = json.createObjectNode();
        label.put("@odata.type", NAMESPACE + "Label");
        label.putArray("LocalizedLabels").add(localized);
        return label;
    }

    private Key key(JsonNode k) {
        List<String> attributes = new ArrayList<>();
        k.path("KeyAttributes").forEach(a -> attributes.add(a.asText()));
        return new Key(k.path("MetadataId").asText(null), k.path("LogicalName").asText(), k.path("SchemaName").asText(),
                attributes, k.path("EntityKeyIndexStatus").asText());
    }

    private JsonNode get(String path) {
        URI uri = URI.create(client.baseUrl() + path);
        return client.call(area, () -> client.request(uri).GET(), response -> {
            requireSuccess(response, "GET " + uri);
            try (InputStream body = response.body()) {
                return json.readTree(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new RetryingSender.TransientResponseException("GET " + uri + ": " + e.getOriginalMessage(), e);
            }
        });
    }

    /** POSTs a definition; returns the OData-EntityId header of the answer, when there is one. */
    private Optional<String> post(String path, ObjectNode body) {
        URI uri = URI.create(client.baseUrl() + path);
        byte[] bytes = body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return client.call(area, () -> {
            HttpRequest.Builder request = client.request(uri).header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
            solution.ifPresent(s -> request.header("MSCRM.SolutionUniqueName", s));
            return request;
        }, response -> {
            requireSuccess(response, "POST " + uri);
            return response.headers().firstValue("OData-EntityId");
        });
    }

    private void requireSuccess(HttpResponse<InputStream> response, String request) throws IOException {
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            String message = new BatchResponse.Part(null, status, RetryingSender.text(response), null).errorMessage();
            throw new ServiceRefusal(client.config().system() + " " + request + " failed: " + status + " " + message,
                    status, message);
        }
    }

    private static String tablePath(String table) {
        return "EntityDefinitions(LogicalName=" + literal(table) + ")";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
