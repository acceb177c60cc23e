package org.p2csync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.p2csync.mapping.LookupRef;
import org.p2csync.mapping.Mapping;
import org.p2csync.mapping.MappingLoader;

class AreaOrderTest {
    @Test
    void areasRunAfterTheAreasTheyLookUpThenInFlowOrderThenByName() {
        Map<String, Set<String>> lookups = Map.of(
                "quotes", Set.of("accounts", "products"),
                "contacts", Set.of("accounts"),
                "accounts", Set.of(),
                "products", Set.of(),
                "zz-own", Set.of(),
                "aa-own", Set.of("quotes"));

        List<String> order = AreaOrder.sort(List.of("aa-own", "quotes", "zz-own", "contacts", "products", "accounts"),
                a -> lookups.getOrDefault(a, Set.of()));

        assertThat(order).containsExactly("products", "accounts", "contacts", "quotes", "aa-own", "zz-own");
    }

    @Test
    void aLookupCycleStillOrdersEveryAreaOnce() {
        Map<String, Set<String>> lookups = Map.of("a", Set.of("b"), "b", Set.of("a"), "c", Set.of());

        assertThat(AreaOrder.sort(List.of("b", "a", "c"), lookups::get)).containsExactlyInAnyOrder("a", "b", "c")
                .startsWith("c");
    }

    @Test
    void anAreaLookingUpItselfIsNotBlockedByIt() {
        assertThat(AreaOrder.sort(List.of("orders", "accounts"), a -> Set.of(a)))
                .containsExactly("accounts", "orders");
    }

    @Test
    void anAreaLookingUpSeveralAreasRunsAfterAllOfThem() {
        Mapping invoices = new MappingLoader().load(Path.of("src/test/resources/mappings/invoices-sections.yaml"));
        Set<String> looksUp = invoices.lookups().stream().map(LookupRef::area).collect(Collectors.toSet());

        assertThat(AreaOrder.sort(List.of("invoices", "erp-orders", "orders", "products"),
                a -> a.equals("invoices") ? looksUp : Set.of()))
                .containsExactly("products", "orders", "erp-orders", "invoices");
    }
}
