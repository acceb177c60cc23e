package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bind: on a header field, by primary id: a value that is not a GUID fails the record, naming the field. */
class BindFieldTest {
    @TempDir
    Path dir;

    private Mapping load() throws IOException {
        Path file = dir.resolve("lines.yaml");
        Files.writeString(file, """
                area: invoices
                source: { system: erp, entity: SalesInvoiceHeadersV2, id: [dataAreaId, InvoiceNumber], key: InvoiceNumber, modified: ModifiedDateTime }
                target: { system: crm, entity: invoices, key: [invoicenumber] }
                fields:
                  invoicenumber: { from: InvoiceNumber }
                  "salesorderid@odata.bind": { from: OrderGuid, bind: { entity: salesorders } }
                """);
        return new MappingLoader().load(file);
    }

    @Test
    void aGuidBindsByIdAndAnEmptyValueClearsTheLookup() throws IOException {
        Mapping mapping = load();
        Map<String, Object> row = new HashMap<>(Map.of("InvoiceNumber", "CIV-1", "OrderGuid",
                "0b7b8c8e-1f2a-4c3d-9e4f-5a6b7c8d9e0f"));
        assertThat(((MapResult.Mapped) mapping.apply(row, Lookups.NONE)).record().payload())
                .containsEntry("salesorderid@odata.bind", "/salesorders(0b7b8c8e-1f2a-4c3d-9e4f-5a6b7c8d9e0f)");
        row.put("OrderGuid", null);
        assertThat(((MapResult.Mapped) mapping.apply(row, Lookups.NONE)).record().payload())
                .containsEntry("salesorderid@odata.bind", null);
        assertThat(mapping.readSpec().idFields()).containsExactly("dataAreaId", "InvoiceNumber");
    }

    @Test
    void aValueThatIsNotAGuidFailsTheRecordNamingTheField() throws IOException {
        MapResult result = load().apply(Map.of("InvoiceNumber", "CIV-1", "OrderGuid", "SO-1"), Lookups.NONE);
        assertThat(result).isInstanceOf(MapResult.Failed.class);
        assertThat(((MapResult.Failed) result).field()).isEqualTo("salesorderid@odata.bind");
        assertThat(((MapResult.Failed) result).reason()).contains("'SO-1' is not a GUID").contains("salesorders");
    }
}
