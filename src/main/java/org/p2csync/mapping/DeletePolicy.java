package org.p2csync.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a mapping does with a record deleted at its source (reported by change tracking, or missing from a complete
 * full read and confirmed gone): {@code onDelete:} in the file.
 *
 * @param set for DEACTIVATE: the target fields written to the record to block or deactivate it
 */
public record DeletePolicy(Kind kind, Map<String, Object> set) {
    public enum Kind {
        /** Write {@link #set} to the target record (e.g. OnHoldStatus: All): the ERP keeps its history. */
        DEACTIVATE,
        /** Delete the target record. */
        DELETE,
        /** Leave the target record alone. */
        IGNORE
    }

    /** Without onDelete in the file: nothing is done, and a full read spends no request looking for deletes. */
    public static final DeletePolicy NONE = new DeletePolicy(Kind.IGNORE, Map.of());

    public DeletePolicy {
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }
}
