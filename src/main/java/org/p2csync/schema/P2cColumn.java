package org.p2csync.schema;

/**
 * A column p2c-sync adds to a Sales org (p2c-columns.yaml): what the sandbox serves and {@code setup} creates.
 *
 * @param table the table's logical name, e.g. salesorder
 * @param column the column as the table carries it once created
 * @param label its display name
 * @param description what it is for
 * @param format for a DateTime: DateOnly or DateAndTime; else null
 */
public record P2cColumn(String table, DataverseColumn column, String label, String description, String format) {
    /** The publisher prefix every p2c-sync column starts with. */
    public static final String PREFIX = "p2c_";
}
