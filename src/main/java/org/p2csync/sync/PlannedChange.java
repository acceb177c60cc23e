package org.p2csync.sync;

import java.util.List;

/**
 * What a sync would do to one target record, as {@code plan} found it against the target's current copy, without
 * writing it.
 *
 * @param record the record's key as people know it (its source's natural key)
 * @param entitySet the target entity set
 * @param targetKey the target key as one string ({@link TargetRecord#keyString()})
 * @param fields for an update the fields whose value would change (current -&gt; planned); for a create every field
 *     written (current null); empty otherwise
 * @param notCompared fields written through a reference ({@code x@odata.bind}), which the target reads back as
 *     another property: planned, not compared
 * @param lines the document lines written with it (their values are not compared)
 */
public record PlannedChange(String area, String record, String entitySet, String targetKey, Kind kind,
        List<Field> fields, List<String> notCompared, int lines) {
    public PlannedChange {
        fields = List.copyOf(fields);
        notCompared = List.copyOf(notCompared);
    }

    public enum Kind {
        /** Not at the target: the write creates it. */
        CREATE,
        /** At the target with other values in the fields listed. */
        UPDATE,
        /** Due to be written (its payload differs from the last one written), but the target holds it already. */
        SAME,
        /** Deleted under the area's delete policy. */
        DELETE,
        /** An update-only write or a delete of a record the target does not have: the write would fail or do nothing. */
        NOT_THERE,
        /** Due to be written, not compared: beyond the records plan compares per area ({@code --limit}). */
        NOT_COMPARED
    }

    /** One field's value at the target now and the value a sync would write. */
    public record Field(String name, Object current, Object planned) {}
}
