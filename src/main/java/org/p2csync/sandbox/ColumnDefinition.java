package org.p2csync.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A column created through the metadata Web API ({@code POST EntityDefinitions(LogicalName='x')/Attributes}), as
 * its AttributeMetadata declared it: the sandbox serves it typed so.
 *
 * @param maxLength String and Memo only
 * @param format DateTime only: DateOnly or DateAndTime
 * @param options Picklist only: value -> label
 * @param trueLabel Boolean only, with {@code falseLabel}: the labels of its two options
 * @param solution the MSCRM.SolutionUniqueName the column was created in, or null
 */
record ColumnDefinition(String logicalName, String schemaName, AttributeKind kind, Integer maxLength, String format,
                        Map<Integer, String> options, String trueLabel, String falseLabel, String displayName,
                        String description, String requiredLevel, String solution) {
    ColumnDefinition {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
    }

    /** The property the Web API serves for it. */
    Property property() {
        Property p = Property.of(logicalName, kind.edmType());
        if (maxLength != null) {
            p = p.withMaxLength(maxLength);
        }
        return options.isEmpty() ? p : p.withOptions(options);
    }
}
