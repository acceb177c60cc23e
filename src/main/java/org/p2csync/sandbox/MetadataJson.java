package org.p2csync.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.p2csync.schema.DataverseTable;

/**
 * Renders the metadata Web API's definitions as Dataverse serves them: EntityMetadata, the derived types of
 * AttributeMetadata (with {@code @odata.type}), EntityKeyMetadata, OptionSetMetadata and Label. What the sandbox
 * does not know of a real column (its schema name, display name) is left out rather than made up.
 */
final class MetadataJson {
    /** The schema names of the served standard tables (Dataverse's own; the real schemas list logical names). */
    private static final Map<String, String> TABLE_SCHEMA_NAMES = Map.ofEntries(
            Map.entry("account", "Account"), Map.entry("contact", "Contact"),
            Map.entry("transactioncurrency", "TransactionCurrency"), Map.entry("businessunit", "BusinessUnit"),
            Map.entry("team", "Team"), Map.entry("uomschedule", "UoMSchedule"), Map.entry("uom", "UoM"),
            Map.entry("product", "Product"), Map.entry("pricelevel", "PriceLevel"),
            Map.entry("productpricelevel", "ProductPriceLevel"), Map.entry("quote", "Quote"),
            Map.entry("quotedetail", "QuoteDetail"), Map.entry("salesorder", "SalesOrder"),
            Map.entry("salesorderdetail", "SalesOrderDetail"), Map.entry("invoice", "Invoice"),
            Map.entry("invoicedetail", "InvoiceDetail"));
    private static final Pattern STATUS_LABEL = Pattern.compile("(.*)\\(state (\\d+)\\)\\s*");
    private static final int ENGLISH = 1033;

    private MetadataJson() {}

    static String tableMetadataId(String table) {
        return SeedCatalog.guid("entity:" + table);
    }

    static ObjectNode entity(DataverseTable table, EntitySetDef set) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("MetadataId", tableMetadataId(table.logicalName()));
        o.putNull("HasChanged");
        o.put("LogicalName", table.logicalName());
        o.put("SchemaName", TABLE_SCHEMA_NAMES.getOrDefault(table.logicalName(), table.logicalName()));
        o.put("EntitySetName", table.entitySet());
        o.put("LogicalCollectionName", table.entitySet());
        o.put("PrimaryIdAttribute", table.primaryId());
        o.put("PrimaryNameAttribute", table.primaryName());
        o.put("IsCustomEntity", false);
        o.put("ChangeTrackingEnabled", set.changeTracked());
        return o;
    }

    static ObjectNode key(EntityKey key) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("MetadataId", key.metadataId());
        o.putNull("HasChanged");
        o.put("LogicalName", key.logicalName());
        o.put("SchemaName", key.schemaName());
        o.put("EntityLogicalName", key.table());
        ArrayNode attributes = o.putArray("KeyAttributes");
        key.attributes().forEach(attributes::add);
        o.put("EntityKeyIndexStatus", key.status().name());
        o.putNull("AsyncJob");
        o.set("DisplayName", label(key.displayName(), key.metadataId() + ":display"));
        o.put("IsManaged", false);
        o.set("IsCustomizable", managed(true, "iscustomizable"));
        o.put("IntroducedVersion", "1.0");
        o.put("IsSecondaryKey", false);
        o.put("IsExportKey", false);
        o.put("IsSynchronous", false);
        return o;
    }

    /** The attribute as its derived type; {@code optionSet} adds the expanded OptionSet where the type has one. */
    static ObjectNode attribute(DataverseOrg.Attribute a, DataverseTable table, EntitySetDef set, boolean optionSet) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        AttributeKind kind = a.kind();
        ColumnDefinition created = a.created() == null ? null : a.created().definition();
        Property p = a.property();
        o.put("@odata.type", "#" + AttributeKind.NAMESPACE + kind.metadataType());
        o.put("MetadataId", a.metadataId());
        o.putNull("HasChanged");
        o.put("LogicalName", a.logicalName());
        if (created != null) {
            o.put("SchemaName", created.schemaName());
        }
        o.put("EntityLogicalName", table.logicalName());
        o.put("AttributeType", kind.attributeType());
        o.putObject("AttributeTypeName").put("Value", kind.attributeTypeName());
        o.put("IsCustomAttribute", created != null);
        o.put("IsPrimaryId", a.primaryId());
        o.put("IsPrimaryName", a.primaryName());
        boolean writable = p.access() == Property.Access.WRITABLE || p.access() == Property.Access.STATE_MESSAGES
                || p.isLookup() && set.navigations().values().stream()
                        .anyMatch(n -> n.lookupProperty().equals(p.name()) && n.writable());
        o.put("IsValidForCreate", writable);
        o.put("IsValidForUpdate", writable && !a.primaryId());
        o.put("IsValidForRead", true);
        o.put("IsValidODataAttribute", true);
        String required = created != null ? created.requiredLevel()
                : a.primaryId() ? "SystemRequired" : a.real() != null && a.real().required() ? "ApplicationRequired" : "None";
        ObjectNode level = managed(null, "canmodifyrequirementlevelsettings");
        level.put("Value", required);
        o.set("RequiredLevel", level);
        o.set("DisplayName", created == null ? emptyLabel() : label(created.displayName(), a.metadataId() + ":display"));
        o.set("Description", created == null || created.description() == null ? emptyLabel()
                : label(created.description(), a.metadataId() + ":description"));
        switch (kind) {
            case STRING -> {
                o.put("MaxLength", p.maxLength() == null ? 4000 : p.maxLength());
                o.putObject("FormatName").put("Value", "Text");
            }
            case MEMO -> {
                o.put("MaxLength", p.maxLength());
                o.put("Format", "TextArea");
            }
            case DATETIME -> {
                o.put("Format", created != null && created.format() != null ? created.format() : "DateAndTime");
                o.putObject("DateTimeBehavior").put("Value", "UserLocal");
            }
            case BOOLEAN -> o.put("DefaultValue", false);
            case LOOKUP -> {
                ArrayNode targets = o.putArray("Targets");
                set.navigations().values().stream().filter(n -> n.lookupProperty().equals(p.name()))
                        .map(n -> table.navigation(n.name()).map(d -> d.targetTable()).orElse(null))
                        .filter(t -> t != null).distinct().forEach(targets::add);
            }
            default -> { }
        }
        if (optionSet) {
            ObjectNode options = optionSet(a, table);
            if (options != null) {
                o.set("OptionSet", options);
            }
        }
        return o;
    }

    /** The OptionSetMetadata of a choice, state, status or boolean column; null for other kinds. */
    static ObjectNode optionSet(DataverseOrg.Attribute a, DataverseTable table) {
        String type = switch (a.kind()) {
            case PICKLIST -> "Picklist";
            case STATE -> "State";
            case STATUS -> "Status";
            case BOOLEAN -> "Boolean";
            default -> null;
        };
        if (type == null) {
            return null;
        }
        String id = a.metadataId() + ":options";
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("@odata.type", "#" + AttributeKind.NAMESPACE + (a.kind() == AttributeKind.BOOLEAN
                ? "BooleanOptionSetMetadata" : "OptionSetMetadata"));
        o.put("MetadataId", SeedCatalog.guid(id));
        o.putNull("HasChanged");
        o.put("Name", table.logicalName() + "_" + a.logicalName());
        o.put("IsGlobal", false);
        o.put("OptionSetType", type);
        if (a.kind() == AttributeKind.BOOLEAN) {
            ColumnDefinition created = a.created() == null ? null : a.created().definition();
            o.set("TrueOption", option(1, created == null ? "Yes" : created.trueLabel(), id, null));
            o.set("FalseOption", option(0, created == null ? "No" : created.falseLabel(), id, null));
            return o;
        }
        ArrayNode options = o.putArray("Options");
        a.property().options().forEach((value, label) -> {
            Matcher status = STATUS_LABEL.matcher(label);
            options.add(status.matches() ? option(value, status.group(1).trim(), id, Integer.valueOf(status.group(2)))
                    : option(value, label, id, null));
        });
        return o;
    }

    private static ObjectNode option(int value, String label, String set, Integer state) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("Value", value);
        o.set("Label", label(label, set + ":" + value));
        if (state != null) {
            o.put("State", state);
        }
        return o;
    }

    static ObjectNode label(String text, String seed) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ObjectNode localized = Json.MAPPER.createObjectNode();
        localized.put("Label", text);
        localized.put("LanguageCode", ENGLISH);
        localized.put("IsManaged", false);
        localized.put("MetadataId", SeedCatalog.guid("label:" + seed));
        localized.putNull("HasChanged");
        o.putArray("LocalizedLabels").add(localized);
        o.set("UserLocalizedLabel", localized.deepCopy());
        return o;
    }

    private static ObjectNode emptyLabel() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.putArray("LocalizedLabels");
        o.putNull("UserLocalizedLabel");
        return o;
    }

    private static ObjectNode managed(Boolean value, String property) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        if (value != null) {
            o.put("Value", value);
        }
        o.put("CanBeChanged", true);
        o.put("ManagedPropertyLogicalName", property);
        return o;
    }
}
