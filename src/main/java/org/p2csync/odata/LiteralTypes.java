package org.p2csync.odata;

import java.util.Map;
import org.p2csync.sync.FieldInfo;

/**
 * The EDM types of one entity set's fields as its {@code $metadata} declares them, so values built into a
 * {@code $filter} are literals of their property's type: F&amp;O refuses a quoted string compared with a
 * DateTimeOffset (an invoice's InvoiceDate is part of its key) and wants {@code Namespace.Type'Member'} for an enum.
 * Unknown fields (or no metadata at all) fall back to the value's own shape ({@link ODataLiteral#of(Object, Dialect)}).
 */
record LiteralTypes(Map<String, FieldInfo> fields) {
    static final LiteralTypes NONE = new LiteralTypes(Map.of());

    LiteralTypes {
        fields = Map.copyOf(fields);
    }

    /** The value as a URL literal of the field's type. */
    String literal(String field, Object value, Dialect dialect) {
        FieldInfo info = fields.get(field);
        return info == null ? ODataLiteral.of(value, dialect) : ODataLiteral.of(value, dialect, info);
    }
}
