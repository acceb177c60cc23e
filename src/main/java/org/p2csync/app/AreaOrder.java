package org.p2csync.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which `sync --once` runs areas: the prospect-to-cash dependency order (master data before the
 * documents that refer to it), then any area of the integrator's own, by name.
 */
public final class AreaOrder {
    private static final List<String> FLOW = List.of("products", "accounts", "contacts", "quotes", "orders", "invoices");

    private AreaOrder() {}

    public static List<String> sort(Collection<String> areas) {
        List<String> sorted = new ArrayList<>(areas);
        sorted.sort(Comparator.comparingInt((String a) -> FLOW.contains(a) ? FLOW.indexOf(a) : FLOW.size())
                .thenComparing(Comparator.naturalOrder()));
        return sorted;
    }
}
