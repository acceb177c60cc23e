package org.p2csync.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record of a two-way area whose target copy was changed since this area last wrote it: the other side changed it
 * too. The area's source owns the fields it writes, so the write goes ahead and this is recorded in the run history.
 *
 * @param recordKey the record as people know it (the natural key, e.g. ORD-01001), as in errors
 * @param targetKey the target key as one string, e.g. {@code usmf|ORD-01001}
 * @param fields the header fields whose target value differs from the one last written, in mapping order
 */
public record Conflict(String recordKey, String targetKey, List<Field> fields) {
    public Conflict {
        fields = List.copyOf(fields);
    }

    /**
     * One field in conflict. Values are JSON values as read or written (String, Number, Boolean, null).
     *
     * @param lastWritten what this area wrote last time
     * @param found what the target held just before this write (the other side's change)
     * @param written what this area writes now (the owner's value, which wins)
     */
    public record Field(String name, Object lastWritten, Object found, Object written) {
        /** As a JSON-ready map: {@code {"field": F, "lastWritten": V, "found": V, "written": V}}. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("field", name);
            map.put("lastWritten", lastWritten);
            map.put("found", found);
            map.put("written", written);
            return Collections.unmodifiableMap(map);
        }
    }

    public List<String> fieldNames() {
        List<String> names = new ArrayList<>(fields.size());
        fields.forEach(f -> names.add(f.name()));
        return names;
    }
}
