package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingsTest {
    private static final Path FIXTURES = Path.of("src/test/resources/mappings");

    @Test
    void theShippedFolderServesEachAreasReadSpec() {
        Mappings mappings = Mappings.load(Path.of("mappings"));

        assertThat(mappings.areas()).containsExactly("accounts", "contacts", "erp-orders", "invoices", "order-status",
                "orders", "person-customers", "products", "quotes");
        assertThat(mappings.readSpec("products").entitySet()).isEqualTo("SellableReleasedProducts");
        assertThat(mappings.readSpec("accounts").entitySet()).isEqualTo("accounts");
        assertThat(mappings.mapping("accounts").target().entity()).isEqualTo("CustomersV3");
        assertThatThrownBy(() -> mappings.readSpec("payments"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no mapping for area 'payments'; mapped areas: [accounts, contacts, erp-orders, invoices, "
                        + "order-status, orders, person-customers, products, quotes]");
    }

    @Test
    void everyBrokenFileIsReportedAndAnAreaMustMatchItsFileName(@TempDir Path dir) throws Exception {
        Files.copy(FIXTURES.resolve("transforms.yaml"), dir.resolve("stuff.yaml"));
        Files.copy(FIXTURES.resolve("duplicate-key.yaml"), dir.resolve("things.yaml"));
        Files.writeString(dir.resolve("notes.txt"), "not a mapping");

        MappingException e = catchThrowableOfType(MappingException.class, () -> Mappings.load(dir));

        assertThat(e.problems()).containsExactly(dir.resolve("stuff.yaml")
                + ":2: area 'things' does not match the file name; expected area: stuff");
        assertThat(e.getSuppressed()).singleElement().asString()
                .contains(dir.resolve("things.yaml") + ":7: duplicate key 'Name'");
    }

    @Test
    void aLookupOfAnAreaWithoutMappingIsNamedWithItsLine(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("mappings/accounts.yaml"), dir.resolve("accounts.yaml"));
        Files.createDirectories(dir.resolve("shared"));
        Files.copy(Path.of("mappings/shared/value-maps.yaml"), dir.resolve("shared/value-maps.yaml"));
        Files.writeString(dir.resolve("quotes.yaml"), Files.readString(Path.of("src/test/resources/flow/quotes.yaml")));

        MappingException e = catchThrowableOfType(MappingException.class, () -> Mappings.load(dir));

        assertThat(e.problems()).containsExactly(dir.resolve("quotes.yaml")
                + ":10: lookup of area 'contacts' (from _contactid_value): no mapping defines that area;"
                + " mapped areas: [accounts, quotes]");
    }
}
