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
import java.util.UUID;

/**
 * The EDM primitive types the simulated entity sets use, with how each is stored in H2, read from JSON bodies and
 * filter literals, and written back. Values travel as String, Integer, BigDecimal, Boolean or OffsetDateTime (UTC).
 */
enum EdmType {
    GUID("Edm.Guid", "VARCHAR(36)"),
    STRING("Edm.String", "VARCHAR_IGNORECASE"),
    INT32("Edm.Int32", "INTEGER"),
    DECIMAL("Edm.Decimal", "DECIMAL(38,10)"),
    BOOLEAN("Edm.Boolean", "BOOLEAN"),
    DATETIME("Edm.DateTimeOffset", "TIMESTAMP(3) WITH TIME ZONE");

    // Strings compare case-insensitively, as SQL Server collations behind both real services do.

    /** Both services answer with millisecond precision in UTC. */
    static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX");

    private final String edmName;
    private final String sqlType;

    EdmType(String edmName, String sqlType) {
        this.edmName = edmName;
        this.sqlType = sqlType;
    }

    String edmName() {
        return edmName;
    }

    String sqlType() {
        return sqlType;
    }

    /** Converts a JSON body value; a value of the wrong JSON type is a 400 naming the property. */
    Object fromJson(JsonNode node, String property) {
        if (node == null || node.isNull()) {
            return null;
        }
        switch (this) {
            case STRING:
                if (node.isTextual()) return node.textValue();
                break;
            case GUID:
                if (node.isTextual()) return parseGuid(node.textValue(), property);
                break;
            case INT32:
                if (node.isIntegralNumber() && node.canConvertToInt()) return node.intValue();
                break;
            case DECIMAL:
                if (node.isNumber()) return node.decimalValue();
                break;
            case BOOLEAN:
                if (node.isBoolean()) return node.booleanValue();
                break;
            case DATETIME:
                if (node.isTextual()) return parseDateTime(node.textValue(), property);
                break;
        }
        throw ODataError.badRequest("Property '" + property + "' expects " + edmName + " but got " + describe(node));
    }

    /** Parses the canonical text form written by {@link #canonical}; used for skip tokens. */
    Object fromCanonical(String text) {
        if (text == null) {
            return null;
        }
        return switch (this) {
            case STRING -> text;
            case GUID -> parseGuid(text, "key");
            case INT32 -> Integer.valueOf(text);
            case DECIMAL -> new BigDecimal(text);
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

    Object read(ResultSet rs, int column) throws SQLException {
        Object v = switch (this) {
            case STRING, GUID -> rs.getString(column);
            case INT32 -> rs.getInt(column);
            case DECIMAL -> rs.getBigDecimal(column);
            case BOOLEAN -> rs.getBoolean(column);
            case DATETIME -> rs.getObject(column, OffsetDateTime.class);
        };
        return rs.wasNull() ? null : v;
    }

    void write(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString(canonical(value));
        }
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
        return node.getNodeType().name().toLowerCase() + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
}
