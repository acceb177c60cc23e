package org.p2csync.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One typed property of a simulated entity set, as the real schema declares it.
 *
 * @param maxLength the longest string the service accepts, or null when it publishes none
 * @param stamp whether the service sets it itself on writes
 * @param access whether a client may write it in a request body
 * @param options a Dataverse choice's option values -> labels; empty when any value of the type is accepted
 * @param defaultValue what F&amp;O stores when a create leaves the property out (or sets it null), else null
 */
record Property(String name, EdmType type, Integer maxLength, boolean nullable, Stamp stamp, Access access,
                Map<Integer, String> options, Object defaultValue) {
    /**
     * Server-maintained values: CREATED is set once, MODIFIED on every write (timestamps); VERSION is Dataverse's
     * row version (versionnumber), a per-system counter that grows with every write.
     */
    enum Stamp { NONE, CREATED, MODIFIED, VERSION }

    /** Who writes the property. */
    enum Access {
        WRITABLE,
        /** No client writes it (Dataverse read-only columns, or what the service maintains). */
        READ_ONLY,
        /** A Dataverse lookup ({@code _x_value}): read-only as a property, written through its navigation property. */
        LOOKUP,
        /** A Dataverse state (statecode, statuscode) that only the table's state messages change, no PATCH. */
        STATE_MESSAGES
    }

    Property {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    static Property of(String name, EdmType type) {
        return new Property(name, type, null, true, Stamp.NONE, Access.WRITABLE, Map.of(), null);
    }

    Property withMaxLength(Integer length) {
        return new Property(name, type, length, nullable, stamp, access, options, defaultValue);
    }

    Property withNullable(boolean value) {
        return new Property(name, type, maxLength, value, stamp, access, options, defaultValue);
    }

    Property withStamp(Stamp value) {
        return new Property(name, type, maxLength, nullable, value, access, options, defaultValue);
    }

    Property withAccess(Access value) {
        return new Property(name, type, maxLength, nullable, stamp, value, options, defaultValue);
    }

    Property withOptions(Map<Integer, String> values) {
        return new Property(name, type, maxLength, nullable, stamp, access, values, defaultValue);
    }

    Property withDefault(Object value) {
        return new Property(name, type, maxLength, nullable, stamp, access, options, value);
    }

    /** The option value of a choice label, e.g. 916800000 for p2c_origin "CRM". */
    int option(String label) {
        return options.entrySet().stream().filter(e -> e.getValue().equals(label)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no option " + label + "; it has " + options));
    }

    boolean serverManaged() {
        return stamp != Stamp.NONE;
    }

    boolean isLookup() {
        return access == Access.LOOKUP;
    }

    /** SQL column names are quoted so mixed-case ERP names survive as declared. */
    String column() {
        return '"' + name + '"';
    }

    /**
     * The SQL expression that sorts and compares as the service does: the column, or for an enum the member's
     * numeric value (stored values are member names).
     */
    String sortExpression() {
        if (!type.isEnum()) {
            return column();
        }
        return type.enumType().members().entrySet().stream()
                .map(m -> "WHEN '" + m.getKey().replace("'", "''") + "' THEN " + m.getValue())
                .collect(Collectors.joining(" ", "(CASE " + column() + " ", " END)"));
    }
}
