package org.p2csync.mapping;

import java.nio.file.Path;
import java.util.List;

/**
 * A key a mapping addresses records of a service by: the target key of the header or of a lines section
 * ({@code salesorders(ordernumber='ORD-01000')}), or the key of a bind by alternate key
 * ({@code bind: {entity: accounts, key: accountnumber}}). On Dataverse such a key must exist as an Active alternate key
 * unless it is the table's primary id.
 *
 * @param system "crm" or "erp"
 * @param fields the key's properties as the mapping names them, in key order (a lookup part as {@code _x_value})
 */
public record KeyUse(String system, String entitySet, List<String> fields, Kind kind, Path file, int line) {
    /** Why the mapping needs the key. */
    public enum Kind {
        /** records are written by it (PATCH entitySet(key)) */
        TARGET,
        /** another record refers to records by it ({@code nav@odata.bind: /entitySet(key='...')}) */
        BIND
    }

    public KeyUse {
        fields = List.copyOf(fields);
    }

    /** {@code invoices.yaml:37}, for messages that point at the mapping. */
    public String where() {
        return file.getFileName() + ":" + line;
    }
}
