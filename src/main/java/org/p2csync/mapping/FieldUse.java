package org.p2csync.mapping;

import java.nio.file.Path;

/**
 * One field of a service that a mapping names, read or written, with where: what must exist in that service for the
 * mapping to run (setup creates the p2c_ columns among them).
 *
 * @param system "crm" or "erp"
 * @param entitySet the entity set the field belongs to (the header's, or a lines section's)
 * @param field the property name as the mapping writes it, e.g. p2c_processingstatus or _salesorderid_value
 */
public record FieldUse(String system, String entitySet, String field, Path file, int line) {
    /** {@code orders.yaml:31}, for messages that point at the mapping. */
    public String where() {
        return file.getFileName() + ":" + line;
    }
}
