package org.p2csync.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a mapping does when its source reports a record deleted (change tracking): {@code onDelete:} in the file.
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

    /** Without onDelete in the file: nothing is done, as before change tracking existed. */
    public static final DeletePolicy NONE = new DeletePolicy(Kind.IGNORE, Map.of());

    public DeletePolicy {
        set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }
}
