package org.p2csync.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One column of a Dataverse table.
 *
 * @param logicalName e.g. accountnumber, transactioncurrencyid, p2c_processingstatus
 * @param maxLength the longest string the column takes, or null (non-strings; strings the schema gives no length)
 * @param required the column's required level is systemrequired or required
 * @param readOnly no client may write it (real-schemas' read-only list): a write naming it is refused
 * @param options a choice's (or state's, status') option values -> labels, else empty
 * @param origin REAL for the published schema, P2C for a column p2c-sync adds (p2c-columns.yaml)
 */
public record DataverseColumn(String logicalName, ColumnType type, Integer maxLength, boolean required,
                              boolean readOnly, Map<Integer, String> options, Origin origin) {
    /** Where a column comes from: the real service's published schema, or p2c-sync's own declaration. */
    public enum Origin { REAL, P2C }

    public DataverseColumn {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The Web API property name: {@code _<column>_value} for a lookup, the logical name otherwise. */
    public String property() {
        return type == ColumnType.LOOKUP ? "_" + logicalName + "_value" : logicalName;
    }

    public boolean isLookup() {
        return type == ColumnType.LOOKUP;
    }

    DataverseColumn withReadOnly(boolean value) {
        return new DataverseColumn(logicalName, type, maxLength, required, value, options, origin);
    }
}
