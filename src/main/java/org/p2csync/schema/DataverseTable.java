package org.p2csync.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Dataverse table as the Web API serves it.
 *
 * @param logicalName e.g. salesorder
 * @param entitySet e.g. salesorders
 * @param primaryId e.g. salesorderid
 * @param columns by logical name; lookups included (their property is {@code _<name>_value})
 * @param navigation single-valued navigation properties by name
 */
public record DataverseTable(String logicalName, String entitySet, String primaryId, String primaryName,
                             Map<String, DataverseColumn> columns, Map<String, DataverseNavigation> navigation) {
    public DataverseTable {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        navigation = Collections.unmodifiableMap(new LinkedHashMap<>(navigation));
    }

    public Optional<DataverseColumn> column(String logicalName) {
        return Optional.ofNullable(columns.get(logicalName));
    }

    /** The column behind a Web API property name: {@code _customerid_value} or {@code name}. */
    public Optional<DataverseColumn> byProperty(String property) {
        if (property.startsWith("_") && property.endsWith("_value") && property.length() > "__value".length()) {
            return column(property.substring(1, property.length() - "_value".length())).filter(DataverseColumn::isLookup);
        }
        return column(property).filter(c -> !c.isLookup());
    }

    public Optional<DataverseNavigation> navigation(String name) {
        return Optional.ofNullable(navigation.get(name));
    }

    DataverseTable withColumn(DataverseColumn column) {
        Map<String, DataverseColumn> more = new LinkedHashMap<>(columns);
        more.put(column.logicalName(), column);
        return new DataverseTable(logicalName, entitySet, primaryId, primaryName, more, navigation);
    }
}
