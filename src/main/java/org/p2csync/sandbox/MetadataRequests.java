package org.p2csync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the bodies of the metadata Web API's creates as Dataverse takes them ("Create columns using the Web API",
 * "Define alternate keys"): an AttributeMetadata of a creatable derived type, or an EntityKeyMetadata. A definition
 * Dataverse would refuse is a 400 naming what is wrong.
 */
final class MetadataRequests {
    /**
     * A customization prefix (2 to 8 letters or digits, starting with a letter, not mscrm), an underscore, a name.
     * The sandbox has no publishers: any such prefix is taken, whatever MSCRM.SolutionUniqueName says.
     */
    private static final Pattern SCHEMA_NAME = Pattern.compile("(?!mscrm_)[A-Za-z][A-Za-z0-9]{1,7}_[A-Za-z0-9_]+");
    private static final Set<String> REQUIRED_LEVELS = Set.of("None", "Recommended", "ApplicationRequired");
    private static final int MAX_STRING = 4000;
    private static final int MAX_MEMO = 1048576;

    /** A key to create: its names and its columns' logical names. */
    record KeyDefinition(String schemaName, String displayName, List<String> attributes) {}

    private MetadataRequests() {}

    static ColumnDefinition column(ODataRequest request) {
        JsonNode body = body(request);
        String type = text(body, "@odata.type");
        if (type == null) {
            throw ODataError.badRequest("The attribute definition needs an @odata.type, e.g."
                    + " Microsoft.Dynamics.CRM.StringAttributeMetadata");
        }
        AttributeKind kind = AttributeKind.ofMetadataType(type).orElseThrow(() -> ODataError.badRequest(
                "The type '" + type + "' is no AttributeMetadata type the sandbox knows"));
        if (!kind.creatable()) {
            throw ODataError.badRequest("Attribute of type " + kind.metadataType() + " cannot be created through the SDK"
                    + (kind == AttributeKind.LOOKUP ? "; a lookup is created with its relationship (RelationshipDefinitions)" : ""));
        }
        String attributeType = text(body, "AttributeType");
        if (attributeType != null && !attributeType.equals(kind.attributeType())) {
            throw ODataError.badRequest("AttributeType " + attributeType + " does not match " + kind.metadataType()
                    + " (AttributeType " + kind.attributeType() + ")");
        }
        String schemaName = schemaName(body, "attribute");
        String logicalName = logicalName(body, schemaName);
        String displayName = label(body.get("DisplayName"));
        if (displayName == null) {
            throw ODataError.badRequest("The attribute " + schemaName + " needs a DisplayName (a Label with a"
                    + " LocalizedLabel)");
        }
        String requiredLevel = body.path("RequiredLevel").path("Value").asText("None");
        if (!REQUIRED_LEVELS.contains(requiredLevel)) {
            throw ODataError.badRequest("RequiredLevel " + requiredLevel + " is not one of " + REQUIRED_LEVELS
                    + " for a custom attribute");
        }
        Integer maxLength = null;
        String format = null;
        Map<Integer, String> options = new LinkedHashMap<>();
        String trueLabel = null;
        String falseLabel = null;
        switch (kind) {
            case STRING, MEMO -> {
                int max = kind == AttributeKind.STRING ? MAX_STRING : MAX_MEMO;
                JsonNode length = body.get("MaxLength");
                if (length == null || !length.canConvertToInt() || length.asInt() < 1 || length.asInt() > max) {
                    throw ODataError.badRequest("The " + kind.metadataType() + " " + schemaName + " needs a MaxLength"
                            + " from 1 to " + max);
                }
                maxLength = length.asInt();
            }
            case DATETIME -> {
                format = body.path("Format").asText("DateAndTime");
                if (!Set.of("DateOnly", "DateAndTime").contains(format)) {
                    throw ODataError.badRequest("The Format of DateTimeAttributeMetadata " + schemaName
                            + " is DateOnly or DateAndTime, not " + format);
                }
            }
            case BOOLEAN -> {
                JsonNode set = body.get("OptionSet");
                trueLabel = set == null ? null : label(set.path("TrueOption").get("Label"));
                falseLabel = set == null ? null : label(set.path("FalseOption").get("Label"));
                if (trueLabel == null || falseLabel == null) {
                    throw ODataError.badRequest("The BooleanAttributeMetadata " + schemaName + " needs an OptionSet with"
                            + " a labelled TrueOption and FalseOption");
                }
            }
            case PICKLIST -> options = picklist(body, schemaName);
            default -> { }
        }
        return new ColumnDefinition(logicalName, schemaName, kind, maxLength, format, options, trueLabel, falseLabel,
                displayName, label(body.get("Description")), requiredLevel, request.header("MSCRM.SolutionUniqueName"));
    }

    static KeyDefinition key(ODataRequest request) {
        JsonNode body = body(request);
        String type = text(body, "@odata.type");
        if (type != null && !type.replace("#", "").equals(AttributeKind.NAMESPACE + "EntityKeyMetadata")) {
            throw ODataError.badRequest("A key definition is a Microsoft.Dynamics.CRM.EntityKeyMetadata, not " + type);
        }
        String schemaName = schemaName(body, "key");
        JsonNode attributes = body.get("KeyAttributes");
        if (attributes == null || !attributes.isArray() || attributes.isEmpty()) {
            throw ODataError.badRequest("The key " + schemaName + " needs KeyAttributes: the logical names of its columns");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode a : attributes) {
            if (!a.isTextual() || a.asText().isBlank()) {
                throw ODataError.badRequest("KeyAttributes of " + schemaName + " must be logical names, found " + a);
            }
            names.add(a.asText().toLowerCase(Locale.ROOT));
        }
        String displayName = label(body.get("DisplayName"));
        return new KeyDefinition(schemaName, displayName == null ? schemaName : displayName, names);
    }

    private static Map<Integer, String> picklist(JsonNode body, String schemaName) {
        JsonNode set = body.get("OptionSet");
        if (body.has("GlobalOptionSet") || body.has("GlobalOptionSet@odata.bind")) {
            throw ODataError.badRequest("The sandbox serves no global option sets: give " + schemaName
                    + " a local OptionSet with its Options");
        }
        JsonNode given = set == null ? null : set.get("Options");
        if (given == null || !given.isArray() || given.isEmpty()) {
            throw ODataError.badRequest("The PicklistAttributeMetadata " + schemaName + " needs an OptionSet with"
                    + " Options (Value and Label each)");
        }
        Map<Integer, String> options = new LinkedHashMap<>();
        for (JsonNode option : given) {
            JsonNode value = option.get("Value");
            String label = label(option.get("Label"));
            if (value == null || !value.canConvertToInt() || label == null) {
                throw ODataError.badRequest("Each option of " + schemaName + " needs a Value (a number) and a Label,"
                        + " found " + option);
            }
            if (options.put(value.asInt(), label) != null) {
                throw ODataError.badRequest("The option value " + value.asInt() + " of " + schemaName + " is used twice");
            }
        }
        return options;
    }

    private static String schemaName(JsonNode body, String what) {
        String schemaName = text(body, "SchemaName");
        if (schemaName == null || !SCHEMA_NAME.matcher(schemaName).matches()) {
            throw ODataError.badRequest("The " + what + " needs a SchemaName that starts with a customization prefix"
                    + " (2 to 8 letters or digits) and an underscore, e.g. p2c_Origin; got " + schemaName);
        }
        return schemaName;
    }

    private static String logicalName(JsonNode body, String schemaName) {
        String logicalName = text(body, "LogicalName");
        String derived = schemaName.toLowerCase(Locale.ROOT);
        if (logicalName != null && !logicalName.equals(derived)) {
            throw ODataError.badRequest("The LogicalName " + logicalName + " must be the SchemaName in lower case ("
                    + derived + ")");
        }
        return derived;
    }

    /** The first localized label's text, or null. */
    private static String label(JsonNode label) {
        if (label == null || label.isNull()) {
            return null;
        }
        JsonNode first = label.path("LocalizedLabels").path(0).get("Label");
        if (first != null && first.isTextual() && !first.asText().isBlank()) {
            return first.asText();
        }
        JsonNode user = label.path("UserLocalizedLabel").get("Label");
        return user != null && user.isTextual() && !user.asText().isBlank() ? user.asText() : null;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static JsonNode body(ODataRequest request) {
        try {
            JsonNode body = request.body().length == 0 ? null : Json.MAPPER.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw ODataError.badRequest("The request body must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw ODataError.badRequest("The request body is not valid JSON: " + e.getMessage().split("\n")[0]);
        }
    }
}
