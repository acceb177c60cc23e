package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lookup: {area: [orders, erp-orders], ...}}: a reference that any of several areas may have synced. */
class LookupAreasTest {
    private static final Path DIR = Path.of("src/test/resources/mappings");
    private static final Path INVOICES = DIR.resolve("invoices-sections.yaml");
    private final Mapping invoices = new MappingLoader().load(INVOICES);

    private static Lookups syncedBy(Map<String, Map<String, Map<String, Object>>> byArea) {
        return (area, ref) -> Optional.ofNullable(byArea.getOrDefault(area, Map.of()).get(ref));
    }

    private static Map<String, Object> invoice(String order) {
        Map<String, Object> row = new HashMap<>();
        row.put("dataAreaId", "usmf");
        row.put("InvoiceNumber", "INV-1");
        row.put("SalesOrderNumber", order);
        row.put("@lines", List.of());
        return row;
    }

    private MapResult map(String order, Lookups lookups) {
        return invoices.apply(invoice(order), lookups);
    }

    private static Object orderNumber(MapResult result) {
        assertThat(result).isInstanceOf(MapResult.Mapped.class);
        return ((MapResult.Mapped) result).record().payload().get("ordernumber");
    }

    @Test
    void theReferenceIsFoundInAnyListedArea() {
        assertThat(orderNumber(map("SO-1", syncedBy(Map.of("orders", Map.of("SO-1", Map.of("ordernumber", "SO-1")))))))
                .isEqualTo("SO-1");
        assertThat(orderNumber(map("SO-9", syncedBy(Map.of("erp-orders",
                Map.of("SO-9", Map.of("ordernumber", "SO-9-CRM"))))))).isEqualTo("SO-9-CRM");
    }

    @Test
    void theFirstAreaInListOrderThatHasItWins() {
        Lookups both = syncedBy(Map.of("orders", Map.of("SO-1", Map.of("ordernumber", "from-orders")),
                "erp-orders", Map.of("SO-1", Map.of("ordernumber", "from-erp-orders"))));

        assertThat(orderNumber(map("SO-1", both))).isEqualTo("from-orders");
    }

    @Test
    void aReferenceNoAreaHasMakesTheRecordWaitNamingEveryArea() {
        MapResult result = map("SO-1", Lookups.NONE);

        assertThat(result).isEqualTo(new MapResult.Waiting(
                "orders or erp-orders record SO-1 (from SalesOrderNumber) not synced yet"));
    }

    @Test
    void anEmptyReferenceStaysEmptyWithoutAskingAnyArea() {
        MapResult result = map(null, (area, ref) -> {
            throw new AssertionError("asked " + area + " for " + ref);
        });

        // nothing to wait for: the header's ordernumber is empty, so the order section has no key and fails
        assertThat(result).isEqualTo(new MapResult.Failed("line ordernumber", "target key field ordernumber is empty"));
    }

    @Test
    void aNamedKeyFieldIsTakenFromTheAreaThatHasTheRecord(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("invoices.yaml");
        Files.writeString(file, Files.readString(INVOICES).replace(
                "{ area: [orders, erp-orders], from: SalesOrderNumber }",
                "{ area: [orders, erp-orders, quotes], from: SalesOrderNumber, field: SalesId }"));
        Mapping mapping = new MappingLoader().load(file);

        MapResult found = mapping.apply(invoice("SO-1"), syncedBy(Map.of("erp-orders",
                Map.of("SO-1", Map.of("dataAreaId", "usmf", "SalesId", "SO-1")))));
        assertThat(orderNumber(found)).isEqualTo("SO-1");
        MapResult wrongKey = mapping.apply(invoice("SO-1"), syncedBy(Map.of("orders",
                Map.of("SO-1", Map.of("ordernumber", "SO-1")))));
        assertThat(wrongKey).isInstanceOf(MapResult.Failed.class);
        assertThat(((MapResult.Failed) wrongKey).reason()).contains("that orders wrote for SO-1 has no field SalesId");
        assertThat(mapping.apply(invoice("SO-1"), Lookups.NONE)).isEqualTo(new MapResult.Waiting(
                "orders, erp-orders or quotes record SO-1 (from SalesOrderNumber) not synced yet"));
    }

    @Test
    void anEmptyAreaListAndAnAreaListedTwiceAreErrors() {
        Path file = DIR.resolve("lookup-areas-problems.yaml");
        MappingException e = catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(file));

        assertThat(e.problems()).containsExactly(
                file + ":6: area in lookup in field ordernumber lists no area; give one area or a list, e.g."
                        + " [orders, erp-orders]",
                file + ":7: area 'accounts' is listed twice in lookup in field customer");
    }

    @Test
    void everyListedAreaMustHaveAMappingEachNamedWithItsLine(@TempDir Path dir) throws Exception {
        Files.copy(INVOICES, dir.resolve("invoices.yaml"));

        MappingException e = catchThrowableOfType(MappingException.class, () -> Mappings.load(dir));

        assertThat(e.problems()).containsExactly(
                dir.resolve("invoices.yaml") + ":16: lookup of area 'orders' (from SalesOrderNumber): no mapping"
                        + " defines that area; mapped areas: [invoices]",
                dir.resolve("invoices.yaml") + ":16: lookup of area 'erp-orders' (from SalesOrderNumber): no mapping"
                        + " defines that area; mapped areas: [invoices]",
                dir.resolve("invoices.yaml") + ":23: lookup of area 'products' (from ProductNumber): no mapping"
                        + " defines that area; mapped areas: [invoices]");
    }
}
