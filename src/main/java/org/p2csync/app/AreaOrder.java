package org.p2csync.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The order in which `sync --once` runs areas: every area after the areas its mapping looks up (so a quote's
 * customer is synced before the quote, and nothing waits that need not), ties in the prospect-to-cash order
 * (master data before documents), then by name. A cycle of lookups cannot be ordered; its areas keep the tie order
 * and their records wait for one another across runs.
 */
public final class AreaOrder {
    private static final List<String> FLOW = List.of("products", "accounts", "contacts", "quotes", "orders", "invoices");
    private static final Comparator<String> TIES = Comparator
            .comparingInt((String a) -> FLOW.contains(a) ? FLOW.indexOf(a) : FLOW.size())
            .thenComparing(Comparator.naturalOrder());

    private AreaOrder() {}

    /** Areas in tie order only, for listings where no mapping is at hand. */
    public static List<String> sort(Collection<String> areas) {
        return sort(areas, a -> Set.of());
    }

    /** @param dependsOn the areas an area looks up */
    public static List<String> sort(Collection<String> areas, Function<String, Set<String>> dependsOn) {
        List<String> waiting = new ArrayList<>(areas);
        waiting.sort(TIES);
        Set<String> placed = new LinkedHashSet<>();
        while (!waiting.isEmpty()) {
            String next = waiting.stream()
                    .filter(a -> dependsOn.apply(a).stream().noneMatch(d -> !d.equals(a) && waiting.contains(d)))
                    .findFirst()
                    .orElse(waiting.get(0));
            placed.add(next);
            waiting.remove(next);
        }
        return List.copyOf(placed);
    }
}
