package org.p2csync.odata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.p2csync.sync.ReadSpec;

/**
 * A source record's id as one string: the id field's value, or for a composite id (F&amp;O has no single-field id:
 * [dataAreaId, ProductNumber]) the values as a JSON array, e.g. {@code ["usmf","P-0001"]}. The same string is the
 * Item's sourceId and what waiting records are re-read by, field by field.
 */
final class SourceId {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceId() {}

    /** @return null when the row lacks (one of) the id field(s) */
    static String of(Map<String, Object> row, ReadSpec spec) {
        if (!spec.compositeId()) {
            Object value = row.get(spec.idField());
            return value == null ? null : value.toString();
        }
        List<Object> values = new ArrayList<>();
        for (String field : spec.idFields()) {
            Object value = row.get(field);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("id values of a JSON row are JSON", e);
        }
    }

    /** The values of a composite id written by {@link #of}, one per id field. */
    static List<Object> values(String compositeId, ReadSpec spec) {
        try {
            List<Object> values = JSON.readValue(compositeId, new TypeReference<List<Object>>() {});
            if (values.size() == spec.idFields().size()) {
                return values;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalArgumentException("source id " + compositeId + " is not a JSON array of the "
                + spec.idFields().size() + " id values " + spec.idFields() + " of " + spec.entitySet()
                + " (was the source id changed in the mapping file?)");
    }
}
