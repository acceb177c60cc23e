package org.p2csync.odata;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.p2csync.sync.ReadSpec;

/**
 * Reads records back by their source ids (waiting records): the {@code $filter} that selects them and the form in
 * which a read row's id is matched to a requested one. A single-field id gives {@code accountid eq G1 or ...}; a
 * composite (F&amp;O) id, held as a JSON array by {@link SourceId}, gives one conjunction per record,
 * {@code (dataAreaId eq 'usmf' and InvoiceNumber eq 'CIV-000001') or (...)}: F&amp;O has no {@code in}.
 */
final class IdFilter {
    /** Ids per read by id: keeps the $filter (and URL) well under the services' limits. */
    static final int IDS_PER_REQUEST = 50;

    private IdFilter() {}

    /**
     * The filter selecting exactly these ids.
     *
     * @throws IllegalArgumentException when a composite id is not a JSON array of the id fields' values
     */
    static String of(List<String> ids, ReadSpec spec, Dialect dialect) {
        return of(ids, spec, dialect, LiteralTypes.NONE);
    }

    /** As {@link #of(List, ReadSpec, Dialect)}, each value a literal of its id field's type. */
    static String of(List<String> ids, ReadSpec spec, Dialect dialect, LiteralTypes types) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no ids to read");
        }
        if (!spec.compositeId()) {
            return ids.stream().map(id -> spec.idField() + " eq " + types.literal(spec.idField(), id, dialect))
                    .collect(Collectors.joining(" or "));
        }
        List<String> fields = spec.idFields();
        return ids.stream().map(id -> {
            List<Object> values = SourceId.values(id, spec);
            StringBuilder all = new StringBuilder("(");
            for (int i = 0; i < fields.size(); i++) {
                all.append(i == 0 ? "" : " and ").append(fields.get(i)).append(" eq ")
                        .append(types.literal(fields.get(i), values.get(i), dialect));
            }
            return all.append(')').toString();
        }).collect(Collectors.joining(" or "));
    }

    /** True when {@code id} can be read back by {@link #of}: every single-field id, a composite one when well formed. */
    static boolean readable(String id, ReadSpec spec) {
        if (!spec.compositeId()) {
            return true;
        }
        try {
            SourceId.values(id, spec);
            return true;
        } catch (IllegalArgumentException notAnIdOfThisSource) {
            return false;
        }
    }

    /**
     * How a requested id and a read row's id are compared: without case, as the services compare keys (a Dataverse
     * GUID may come back in another case; F&amp;O compares dataAreaId and numbers case-insensitively).
     */
    static String matchKey(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
