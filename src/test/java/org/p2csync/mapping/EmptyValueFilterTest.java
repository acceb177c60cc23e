package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ~} (or {@code null}) in a filter means "empty", as the README says: {@code notEquals: ~} keeps only rows that
 * have the field; a quoted {@code "~"} is the text.
 */
class EmptyValueFilterTest {
    @Test
    void tildeAndNullMeanEmptyInEqualsNotEqualsAndIn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("invoices.yaml");
        Files.writeString(file, """
                area: invoices
                source: { system: erp, entity: SalesInvoiceHeadersV2, id: [dataAreaId, InvoiceNumber], key: InvoiceNumber, modified: ModifiedDateTime }
                target: { system: crm, entity: invoices, key: [invoicenumber] }
                filter:
                  - field: SalesOrderNumber
                    notEquals: ~
                  - not: { field: CurrencyCode, in: [XXX, null] }
                fields:
                  invoicenumber: { from: InvoiceNumber }
                """);
        Mapping mapping = new MappingLoader().load(file);

        assertThat(mapping.apply(row("SO-1", "USD"), Lookups.NONE)).isInstanceOf(MapResult.Mapped.class);
        assertThat(mapping.apply(row(null, "USD"), Lookups.NONE)).isEqualTo(new MapResult.Filtered("SalesOrderNumber is empty"));
        assertThat(mapping.apply(row("  ", "USD"), Lookups.NONE)).isInstanceOf(MapResult.Filtered.class);
        assertThat(mapping.apply(row("SO-1", null), Lookups.NONE)).isInstanceOf(MapResult.Filtered.class);
        assertThat(mapping.apply(row("SO-1", "XXX"), Lookups.NONE)).isInstanceOf(MapResult.Filtered.class);
    }

    @Test
    void aQuotedTildeIsText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("invoices.yaml");
        Files.writeString(file, """
                area: invoices
                source: { system: erp, entity: SalesInvoiceHeadersV2, id: [dataAreaId, InvoiceNumber], key: InvoiceNumber, modified: ModifiedDateTime }
                target: { system: crm, entity: invoices, key: [invoicenumber] }
                filter:
                  - field: SalesOrderNumber
                    notEquals: "~"
                fields:
                  invoicenumber: { from: InvoiceNumber }
                """);
        Mapping mapping = new MappingLoader().load(file);

        assertThat(mapping.apply(row(null, "USD"), Lookups.NONE)).isInstanceOf(MapResult.Mapped.class);
        assertThat(mapping.apply(row("~", "USD"), Lookups.NONE)).isInstanceOf(MapResult.Filtered.class);
    }

    private static Map<String, Object> row(String order, String currency) {
        Map<String, Object> row = new HashMap<>();
        row.put("dataAreaId", "usmf");
        row.put("InvoiceNumber", "CIV-1");
        row.put("SalesOrderNumber", order);
        row.put("CurrencyCode", currency);
        return row;
    }
}
