package org.p2csync.app;

import org.p2csync.schema.RealSchemas;

/**
 * The real schemas the jar ships, read once per process: they never change while it runs, and every start of a
 * runtime (each {@code sync --once}) needs their p2c_ column declaration for its set-up check.
 */
final class ShippedSchemas {
    private ShippedSchemas() {}

    private static final class Holder {
        static final RealSchemas SCHEMAS = RealSchemas.shipped();
    }

    static RealSchemas get() {
        return Holder.SCHEMAS;
    }
}
