package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plain {@code ~} is YAML's null, as {@code null} is: {@code notEquals: ~} keeps only records with a value. */
class NullLiteralTest {
    @TempDir
    Path dir;

    private Mapping load(String excluded) throws IOException {
        Path file = dir.resolve("invoices.yaml");
        Files.writeString(file, """
                area: invoices
                source: { system: erp, entity: SalesInvoiceHeadersV2, id: [dataAreaId, InvoiceNumber], key: InvoiceNumber, modified: ModifiedDateTime }
                target: { system: crm, entity: invoices, key: [invoicenumber] }
                filter:
                  - field: SalesOrderNumber
                    notEquals: %s
                fields:
                  invoicenumber: { from: InvoiceNumber }
                """.formatted(excluded));
        return new MappingLoader().load(file);
    }

    @Test
    void tildeAndNullExcludeAnEmptyValueWhileAQuotedTildeIsText() throws IOException {
        Map<String, Object> freeText = new HashMap<>(Map.of("InvoiceNumber", "FTI-1"));
        freeText.put("SalesOrderNumber", null);
        Map<String, Object> ofOrder = Map.of("InvoiceNumber", "CIV-1", "SalesOrderNumber", "SO-1");

        for (String empty : new String[] {"~", "null"}) {
            Mapping mapping = load(empty);
            assertThat(mapping.apply(freeText, Lookups.NONE)).as(empty).isInstanceOf(MapResult.Filtered.class);
            assertThat(mapping.apply(ofOrder, Lookups.NONE)).as(empty).isInstanceOf(MapResult.Mapped.class);
        }
        Mapping quoted = load("\"~\"");
        assertThat(quoted.apply(freeText, Lookups.NONE)).isInstanceOf(MapResult.Mapped.class);
        assertThat(quoted.apply(Map.of("InvoiceNumber", "X", "SalesOrderNumber", "~"), Lookups.NONE))
                .isInstanceOf(MapResult.Filtered.class);
    }
}
