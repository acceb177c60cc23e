package org.p2csync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.p2csync.schema.ColumnType;
import org.p2csync.schema.P2cColumn;
import org.p2csync.schema.RealSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the sandbox's fresh org to what the shipped mappings need, through its own metadata Web API (the requests
 * p2c-sync's {@code setup} sends): every p2c_ column of p2c-columns.yaml and the alternate keys the shipped mappings
 * address records by (ISSUE8 / AREAS.md: products [productnumber], productpricelevels [pricelevelid, productid],
 * salesorders [ordernumber], salesorderdetails [salesorderid, sequencenumber], invoices [invoicenumber],
 * invoicedetails [invoiceid, sequencenumber], accounts [accountnumber]), then waits for the key indexes as an
 * administrator would (they are built at once). What exists is left alone, so a restart changes nothing. A
 * convenience for tests and the demo ({@link SandboxOptions#withSetUp()}) until they run {@code setup} itself.
 */
final class OrgSetUp {
    private static final Logger LOG = LoggerFactory.getLogger(OrgSetUp.class);
    /** Table -> key columns (logical names; a lookup by its column). */
    static final List<Map.Entry<String, List<String>>> KEYS = List.of(
            Map.entry("account", List.of("accountnumber")),
            Map.entry("product", List.of("productnumber")),
            Map.entry("productpricelevel", List.of("pricelevelid", "productid")),
            Map.entry("salesorder", List.of("ordernumber")),
            Map.entry("salesorderdetail", List.of("salesorderid", "sequencenumber")),
            Map.entry("invoice", List.of("invoicenumber")),
            Map.entry("invoicedetail", List.of("invoiceid", "sequencenumber")));
    static final String SOLUTION = "p2csync";

    private OrgSetUp() {}

    /** Runs the set-up against the CRM endpoint, as a client of its metadata API. */
    static void run(ServiceEndpoint crm, RealSchemas schemas) {
        int created = 0;
        for (P2cColumn column : schemas.p2cColumns()) {
            String table = "EntityDefinitions(LogicalName='" + column.table() + "')";
            if (send(crm, "GET", table + "/Attributes(LogicalName='" + column.column().logicalName() + "')", null)
                    .status() == 404) {
                expect(send(crm, "POST", table + "/Attributes", attributeBody(column)), 204, column.column().logicalName());
                created++;
            }
        }
        for (Map.Entry<String, List<String>> key : KEYS) {
            String keys = "EntityDefinitions(LogicalName='" + key.getKey() + "')/Keys";
            if (!hasKey(send(crm, "GET", keys, null), key.getValue())) {
                ObjectNode body = Json.MAPPER.createObjectNode();
                body.put("@odata.type", AttributeKind.NAMESPACE + "EntityKeyMetadata");
                body.put("SchemaName", keySchemaName(key.getKey(), key.getValue()));
                body.set("DisplayName", MetadataJson.label(keyDisplayName(key.getValue()), "setup"));
                ArrayNode attributes = body.putArray("KeyAttributes");
                key.getValue().forEach(attributes::add);
                expect(send(crm, "POST", keys, body), 204, key.getKey() + " key " + key.getValue());
                created++;
            }
        }
        SimulatedService service = crm.service();
        service.lock().lock();
        try {
            if (service.org().orElseThrow().advance(service, true)) {
                service.refresh();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot build the key indexes of the sandbox's org", e);
        } finally {
            service.lock().unlock();
        }
        LOG.info("sandbox: set up as after p2c-sync's setup ({} columns and keys created)", created);
    }

    /** The schema name setup gives a key: the publisher prefix, the table and its columns. */
    static String keySchemaName(String table, List<String> attributes) {
        return P2cColumn.PREFIX + table + "_" + String.join("_", attributes);
    }

    static String keyDisplayName(List<String> attributes) {
        return "p2c-sync key " + String.join(", ", attributes);
    }

    /** The definition a p2c_ column has once created, as its declaration says. */
    static ColumnDefinition definition(P2cColumn column) {
        ColumnType type = column.column().type();
        AttributeKind kind = AttributeKind.of(type);
        // the declaration names columns by logical name; the schema name keeps it (Dataverse lowers it again)
        return new ColumnDefinition(column.column().logicalName(), column.column().logicalName(), kind,
                column.column().maxLength(), column.format(), column.column().options(),
                kind == AttributeKind.BOOLEAN ? "Yes" : null, kind == AttributeKind.BOOLEAN ? "No" : null,
                column.label(), column.description(), "None", SOLUTION);
    }

    /** The AttributeMetadata body that creates a p2c_ column. */
    static ObjectNode attributeBody(P2cColumn column) {
        ColumnDefinition d = definition(column);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("@odata.type", AttributeKind.NAMESPACE + d.kind().metadataType());
        body.put("AttributeType", d.kind().attributeType());
        body.putObject("AttributeTypeName").put("Value", d.kind().attributeTypeName());
        body.put("SchemaName", d.schemaName());
        body.set("DisplayName", MetadataJson.label(d.displayName(), "setup"));
        body.set("Description", MetadataJson.label(d.description().isEmpty() ? d.displayName() : d.description(), "setup"));
        body.putObject("RequiredLevel").put("Value", "None");
        switch (d.kind()) {
            case STRING -> body.put("MaxLength", d.maxLength());
            case DATETIME -> body.put("Format", d.format());
            case BOOLEAN -> {
                ObjectNode set = body.putObject("OptionSet");
                set.put("OptionSetType", "Boolean");
                set.putObject("TrueOption").put("Value", 1).set("Label", MetadataJson.label(d.trueLabel(), "setup"));
                set.putObject("FalseOption").put("Value", 0).set("Label", MetadataJson.label(d.falseLabel(), "setup"));
            }
            case PICKLIST -> {
                ObjectNode set = body.putObject("OptionSet");
                set.put("IsGlobal", false);
                set.put("OptionSetType", "Picklist");
                ArrayNode options = set.putArray("Options");
                d.options().forEach((value, label) -> options.addObject().put("Value", value)
                        .set("Label", MetadataJson.label(label, "setup")));
            }
            default -> { }
        }
        return body;
    }

    private static boolean hasKey(ODataResponse keys, List<String> attributes) {
        try {
            for (JsonNode key : Json.MAPPER.readTree(keys.body()).path("value")) {
                List<String> named = new java.util.ArrayList<>();
                key.path("KeyAttributes").forEach(a -> named.add(a.asText()));
                if (java.util.Set.copyOf(named).equals(java.util.Set.copyOf(attributes))) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the sandbox's Keys answer is no JSON", e);
        }
    }

    private static ODataResponse send(ServiceEndpoint crm, String method, String resource, ObjectNode body) {
        byte[] bytes = body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
        return crm.handle(new ODataRequest(method, resource, "", Map.of("MSCRM.SolutionUniqueName", SOLUTION,
                "Content-Type", "application/json"), bytes, "http://sandbox-setup"));
    }

    private static void expect(ODataResponse response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException("the sandbox's set-up could not create " + what + ": " + response.status()
                    + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
    }
}
