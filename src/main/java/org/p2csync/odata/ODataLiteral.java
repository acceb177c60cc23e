package org.p2csync.odata;

import java.math.BigDecimal;
import java.util.UUID;
import org.p2csync.sync.FieldInfo;
import org.p2csync.sync.Guids;

/** Writes values as OData URL literals: strings quoted with inner quotes doubled; GUIDs, numbers, dates bare. */
final class ODataLiteral {
    private ODataLiteral() {}

    static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A key or id value: GUIDs are bare on Dataverse (its ids are Edm.Guid); everything textual elsewhere is quoted. */
    static String of(Object value, Dialect dialect) {
        if (value == null) {
            return "null";
        }
        if (value instanceof UUID uuid) {
            return uuid.toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        }
        String text = value.toString();
        if (dialect == Dialect.DATAVERSE && Guids.isGuid(text)) {
            return text;
        }
        return string(text);
    }

    /**
     * A value as a literal of its property's type: date-times, numbers, Booleans and GUIDs bare; an F&amp;O enum as
     * {@code Microsoft.Dynamics.DataEntities.SalesStatus'Invoiced'}; strings quoted.
     */
    static String of(Object value, Dialect dialect, FieldInfo field) {
        if (value == null) {
            return "null";
        }
        if (field.isEnum()) {
            return field.enumType().name() + string(value.toString());
        }
        return switch (field.type()) {
            case "Edm.String" -> string(value.toString());
            case "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Guid", "Edm.Int16", "Edm.Int32", "Edm.Int64",
                    "Edm.Decimal", "Edm.Double", "Edm.Single", "Edm.Byte", "Edm.Boolean" ->
                    value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            default -> of(value, dialect);
        };
    }
}
