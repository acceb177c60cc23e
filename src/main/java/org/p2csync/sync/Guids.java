package org.p2csync.sync;

import java.util.UUID;
import java.util.regex.Pattern;

/** Recognises Dataverse ids (Edm.Guid), which URLs write bare where every other text value is quoted. */
public final class Guids {
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Guids() {}

    public static boolean isGuid(Object value) {
        return value instanceof UUID || (value != null && GUID.matcher(value.toString()).matches());
    }
}
