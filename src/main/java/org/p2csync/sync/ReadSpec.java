package org.p2csync.sync;

import java.util.List;

/**
 * What a source endpoint must read for an area, as its mapping file declares it. The read strategy follows from it:
 * change tracking when {@link #changeTracking()}, else a timestamp watermark when {@link #modifiedField()} is set,
 * else a full read.
 *
 * @param entitySet the source entity set, e.g. accounts
 * @param idField the primary id, always present; the pages' order after the timestamp (e.g. accountid). A source without a
 *     single-field id (F&amp;O) names several fields joined by commas, e.g. {@code dataAreaId,ProductNumber}: see
 *     {@link #idFields()}
 * @param keyField the natural key (e.g. accountnumber)
 * @param modifiedField the server-maintained modification time a timestamp read follows (e.g. modifiedon), or null
 *     when the source has none (F&amp;O entities): without change tracking such a source is read in full every run
 * @param select every field the mapping reads, id/key/modified included
 * @param changeTracking read with the source's change tracking (Dataverse delta links), which also reports deletes
 * @param lines for documents: the line entity set read with each page of headers, else null
 */
public record ReadSpec(
        String entitySet, String idField, String keyField, String modifiedField, List<String> select,
        boolean changeTracking, LinesSpec lines) {
    public ReadSpec {
        select = List.copyOf(select);
    }

    /** The id's fields in the order pages are sorted by after the timestamp: one for a Dataverse GUID id, several for a composite (F&amp;O) id. */
    public List<String> idFields() {
        return List.of(idField.split(","));
    }

    /** True when the id has several fields: a record's source id then holds their values as a JSON array. */
    public boolean compositeId() {
        return idField.indexOf(',') >= 0;
    }

    public ReadSpec(String entitySet, String idField, String keyField, String modifiedField, List<String> select) {
        this(entitySet, idField, keyField, modifiedField, select, false, null);
    }

    /**
     * The lines of a document as the source keeps them.
     *
     * @param idField the line id, or its fields joined by commas (F&amp;O), e.g. quotedetailid
     * @param parentField the line's reference to its header's id, e.g. _quoteid_value; for a composite header id
     *     the fields (joined by commas) matching the header's id fields in order
     * @param select every line field the mapping reads
     */
    public record LinesSpec(String entitySet, String idField, String parentField, List<String> select) {
        /**
         * The reserved key under which the source endpoint attaches a header's line rows (a list ordered by line id)
         * to the header's row, where the mapping reads them. No OData property name starts with '@'.
         */
        public static final String ROWS = "@lines";

        /**
         * The reserved key under which the source endpoint says why it could not read all of a header's lines (the
         * row then has no {@link #ROWS}): such a document fails rather than being written without some of them.
         */
        public static final String UNREAD = "@lines-unread";

        public LinesSpec {
            select = List.copyOf(select);
        }
    }
}
