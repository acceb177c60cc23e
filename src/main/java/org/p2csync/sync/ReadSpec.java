package org.p2csync.sync;

import java.util.List;

/**
 * What a source endpoint must read for an area, as its mapping file declares it.
 *
 * @param entitySet the source entity set, e.g. accounts
 * @param idField the primary id, always present; the cursor's tie-breaker (e.g. accountid)
 * @param keyField the natural key (e.g. accountnumber)
 * @param modifiedField the server-maintained modification time the cursor follows (e.g. modifiedon)
 * @param select every field the mapping reads, id/key/modified included
 */
public record ReadSpec(String entitySet, String idField, String keyField, String modifiedField, List<String> select) {
    public ReadSpec {
        select = List.copyOf(select);
    }
}
