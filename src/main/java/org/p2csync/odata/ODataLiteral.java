package org.p2csync.odata;

import java.math.BigDecimal;
import java.util.UUID;
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
}
