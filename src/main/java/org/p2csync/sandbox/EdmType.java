package org.p2csync.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.p2csync.schema.EnumType;

/**
 * The EDM type of one property: a primitive, or an F&amp;O enum type that knows its members. Says how values are
 * stored in H2, read from JSON bodies, key and filter literals, and written back. Values travel as String, Integer,
 * Long, BigDecimal, Double, Boolean or OffsetDateTime (UTC); enum values as their member name.
 *
 * @param enumType the enum type when {@code kind} is ENUM, else null
 */
record EdmType(Kind kind, EnumType enumType) {
    /** The primitive kinds; ENUM values are stored as their member name (old sandbox data keeps reading). */
    enum Kind {
        GUID("Edm.Guid", "VARCHAR(36)"),
        // Strings compare case-insensitively, as SQL Server collations behind both real services do.
        STRING("Edm.String", "VARCHAR_IGNORECASE"),
        INT32("Edm.Int32", "INTEGER"),
        INT64("Edm.Int64", "BIGINT"),
        DECIMAL("Edm.Decimal", "DECIMAL(38,10)"),
        DOUBLE("Edm.Double", "DOUBLE PRECISION"),
        BOOLEAN("Edm.Boolean", "BOOLEAN"),
        DATETIME("Edm.DateTimeOffset", "TIMESTAMP(3) WITH TIME ZONE"),
        ENUM(null, "VARCHAR(128)");

        private final String edmName;
        private final String sqlType;

        Kind(String edmName, String sqlType) {
            this.edmName = edmName;
            this.sqlType = sqlType;
        }
    }

    static final EdmType GUID = new EdmType(Kind.GUID, null);
    static final EdmType STRING = new EdmType(Kind.STRING, null);
    static final EdmType INT32 = new EdmType(Kind.INT32, null);
    static final EdmType INT64 = new EdmType(Kind.INT64, null);
    static final EdmType DECIMAL = new EdmType(Kind.DECIMAL, null);
    static final EdmType DOUBLE = new EdmType(Kind.DOUBLE, null);
    static final EdmType BOOLEAN = new EdmType(Kind.BOOLEAN, null);
    static final EdmType DATETIME = new EdmType(Kind.DATETIME, null);

    /** F&amp;O answers with millisecond precision in UTC; so do skip tokens. */
    static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX");

    EdmType {
        if ((kind == Kind.ENUM) != (enumType != null)) {
            throw new IllegalArgumentException("an enum type needs its EnumType, a primitive none: " + kind);
        }
    }

    /** The primitive of an EDM name such as {@code Edm.Int64}. */
    static EdmType primitive(String edmName) {
        for (EdmType t : new EdmType[] {GUID, STRING, INT32, INT64, DECIMAL, DOUBLE, BOOLEAN, DATETIME}) {
            if (t.kind.edmName.equals(edmName)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no primitive EDM type " + edmName);
    }

    static EdmType enumOf(EnumType type) {
        return new EdmType(Kind.ENUM, type);
    }

    boolean isEnum() {
        return kind == Kind.ENUM;
    }

    /** The type as $metadata names it: {@code Edm.String}, or the qualified enum type name. */
    String edmName() {
        return isEnum() ? enumType.name() : kind.edmName;
    }

    String sqlType() {
        return kind.sqlType;
    }

    /** Converts a JSON body value; a value of the wrong JSON type (or an unknown enum member) is a 400. */
    Object fromJson(JsonNode node, String property) {
        if (node == null || node.isNull()) {
            return null;
        }
        switch (kind) {
            case STRING:
                if (node.isTextual()) return node.textValue();
                break;
            case GUID:
                if (node.isTextual()) return parseGuid(node.textValue(), property);
                break;
            case INT32:
                if (node.isIntegralNumber() && node.canConvertToInt()) return node.intValue();
                break;
            case INT64:
                if (node.isIntegralNumber() && node.canConvertToLong()) return node.longValue();
                break;
            case DECIMAL:
                if (node.isNumber()) return node.decimalValue();
                break;
            case DOUBLE:
                if (node.isNumber()) return node.doubleValue();
                break;
            case BOOLEAN:
                if (node.isBoolean()) return node.booleanValue();
                break;
            case DATETIME:
                if (node.isTextual()) return parseDateTime(node.textValue(), property);
                break;
            case ENUM:
                if (node.isTextual()) return member(node.textValue(), property);
                break;
        }
        throw ODataError.badRequest("Property '" + property + "' expects " + expected() + " but got " + describe(node));
    }

    /** An enum member by name, exactly as the type declares it; anything else is a 400 listing the members. */
    String member(String name, String property) {
        if (!enumType.hasMember(name)) {
            throw ODataError.badRequest("The value '" + name + "' of property '" + property + "' is not a member of "
                    + enumType.name() + " (members: " + String.join(", ", enumType.members().keySet()) + ")");
        }
        return name;
    }

    /** Parses the canonical text form written by {@link #canonical}; used for skip tokens. */
    Object fromCanonical(String text) {
        if (text == null) {
            return null;
        }
        return switch (kind) {
            case STRING, ENUM -> text;
            case GUID -> parseGuid(text, "key");
            case INT32 -> Integer.valueOf(text);
            case INT64 -> Long.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
            case DOUBLE -> Double.valueOf(text);
            case BOOLEAN -> Boolean.valueOf(text);
            case DATETIME -> parseDateTime(text, "key");
        };
    }

    String canonical(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return ISO_MILLIS.format(t.withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    /**
     * The value in the service's sort order: enums sort by their numeric value, as F&amp;O stores them; every other
     * type by itself.
     */
    Object sortValue(Object value) {
        return isEnum() && value != null ? enumType.members().get((String) value) : value;
    }

    Object read(ResultSet rs, int column) throws SQLException {
        Object v = switch (kind) {
            case STRING, GUID, ENUM -> rs.getString(column);
            case INT32 -> rs.getInt(column);
            case INT64 -> rs.getLong(column);
            case DECIMAL -> rs.getBigDecimal(column);
            case DOUBLE -> rs.getDouble(column);
            case BOOLEAN -> rs.getBoolean(column);
            case DATETIME -> rs.getObject(column, OffsetDateTime.class);
        };
        return rs.wasNull() ? null : v;
    }

    void write(JsonGenerator json, Object value) throws IOException {
        write(json, value, ISO_MILLIS);
    }

    /** Writes a value as JSON; date-times in the service's format (Dataverse: whole seconds). */
    void write(JsonGenerator json, Object value, DateTimeFormatter dateTimes) throws IOException {
        if (value instanceof OffsetDateTime t) {
            json.writeString(dateTimes.format(t.withOffsetSameInstant(ZoneOffset.UTC)));
            return;
        }
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Double d) {
            json.writeNumber(d);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(canonical(value));
        }
    }

    private String expected() {
        return isEnum() ? "a member name of " + enumType.name() : kind.edmName;
    }

    static String parseGuid(String text, String property) {
        try {
            UUID uuid = UUID.fromString(text);
            if (text.length() == 36) {
                return uuid.toString();
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw ODataError.badRequest("Property '" + property + "' expects Edm.Guid but got '" + text + "'");
    }

    static OffsetDateTime parseDateTime(String text, String property) {
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ODataError.badRequest(
                    "Property '" + property + "' expects Edm.DateTimeOffset (e.g. 2024-01-01T10:00:00Z) but got '" + text + "'");
        }
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        return node.getNodeType().name().toLowerCase(Locale.ROOT) + " "
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
