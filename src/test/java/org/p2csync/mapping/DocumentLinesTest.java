package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.p2csync.sync.FieldInfo;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.TargetRecord;

/** Documents: a header mapped with its lines, failing and waiting as one, hashed as one. */
class DocumentLinesTest {
    private static final Path QUOTES = Path.of("src/test/resources/mappings/quotes-doc.yaml");
    private final Mapping quotes = new MappingLoader().load(QUOTES);

    /** Accounts and products are synced, except the product "p-missing". */
    private final Lookups synced = new Lookups() {
        @Override
        public Optional<Map<String, Object>> targetKey(String area, String sourceKey) {
            return sourceKey.equals("p-missing") ? Optional.empty() : Optional.of(Map.of("key", area + ":" + sourceKey));
        }
    };

    private static Map<String, Object> line(String id, int sequence, String product, String price) {
        Map<String, Object> line = new HashMap<>();
        line.put("quotedetailid", id);
        line.put("_quoteid_value", "q-1");
        line.put("sequencenumber", sequence);
        line.put("_productid_value", product);
        line.put("quantity", new BigDecimal("3"));
        line.put("priceperunit", price == null ? null : new BigDecimal(price));
        line.put("iswriteinproduct", false);
        return line;
    }

    private static Map<String, Object> quote(List<Map<String, Object>> lines) {
        Map<String, Object> row = new HashMap<>();
        row.put("quoteid", "q-1");
        row.put("quotenumber", "QUO-01001");
        row.put("statecode", 1);
        row.put("_customerid_value", "acc-1");
        row.put("@lines", lines);
        return row;
    }

    @Test
    void aRowsReferencesAreItsHeadersLookupsAndEachLinesLookupsByArea() {
        Map<String, Object> row = quote(List.of(line("d-1", 1, "p-1", "1"), line("d-2", 2, "p-2", "2")));

        assertThat(quotes.references(row)).containsOnly(
                Map.entry("accounts", java.util.Set.of("acc-1")), Map.entry("products", java.util.Set.of("p-1", "p-2")));
        assertThat(quotes.references(quote(List.of()))).containsOnly(Map.entry("accounts", java.util.Set.of("acc-1")));
    }

    @Test
    void theReadSpecAsksForTheLinesWithEveryLineFieldTheFileUses() {
        ReadSpec.LinesSpec lines = quotes.readSpec().lines();
        assertThat(lines).isEqualTo(new ReadSpec.LinesSpec("quotedetails", "quotedetailid", "_quoteid_value",
                List.of("_productid_value", "_quoteid_value", "iswriteinproduct", "priceperunit", "quantity",
                        "quotedetailid", "sequencenumber")));
        assertThat(quotes.readSpec().select()).doesNotContain("@lines", "sequencenumber");
    }

    @Test
    void linesAreMappedWithHeaderValuesAndSortedByLineKey() {
        Map<String, Object> writeIn = line("d-3", 5, null, "1");
        writeIn.put("iswriteinproduct", true);
        MapResult result = quotes.apply(quote(List.of(line("d-1", 10, "p-1", "9.5"), line("d-2", 2, "p-2", "4"),
                writeIn)), synced);

        assertThat(result).isInstanceOf(MapResult.Mapped.class);
        TargetRecord doc = ((MapResult.Mapped) result).record();
        assertThat(doc.payload()).containsEntry("RequestingCustomerAccountNumber", "accounts:acc-1");
        assertThat(doc.lines()).hasSize(2); // the write-in line is filtered out, the document goes without it
        TargetRecord first = doc.lines().get(0);
        assertThat(first.entitySet()).isEqualTo("SalesQuotationLines");
        assertThat(first.key()).containsExactly(Map.entry("dataAreaId", "usmf"),
                Map.entry("SalesQuotationNumber", "QUO-01001"), Map.entry("LineCreationSequenceNumber", 2L));
        assertThat(first.payload()).containsEntry("ProductNumber", "products:p-2")
                .containsEntry("SalesPrice", new BigDecimal("4.00"));
        assertThat(doc.lines().get(1).key().get("LineCreationSequenceNumber")).isEqualTo(10L);
    }

    @Test
    void aLineThatFailsFailsTheDocumentNamingTheLineAndField() {
        MapResult result = quotes.apply(quote(List.of(line("d-1", 1, "p-1", "1"), line("d-2", 2, "p-2", null))),
                synced);
        assertThat(result).isInstanceOf(MapResult.Failed.class);
        MapResult.Failed failed = (MapResult.Failed) result;
        assertThat(failed.field()).isEqualTo("line quotedetails d-2 SalesPrice");
        assertThat(failed.reason()).contains("priceperunit");
    }

    @Test
    void aLineWhoseReferenceIsMissingMakesTheDocumentWait() {
        MapResult result = quotes.apply(quote(List.of(line("d-1", 1, "p-1", "1"), line("d-2", 2, "p-missing", "2"))),
                synced);
        assertThat(result).isInstanceOf(MapResult.Waiting.class);
        assertThat(((MapResult.Waiting) result).reference())
                .contains("line quotedetails d-2").contains("products record p-missing");
    }

    @Test
    void aDocumentWhoseLinesWereNotReadFailsRatherThanBeingWrittenWithoutThem() {
        Map<String, Object> row = quote(List.of());
        row.remove("@lines");
        assertThat(quotes.apply(row, synced)).isInstanceOf(MapResult.Failed.class);
    }

    @Test
    void theHashCoversTheLinesButNotTheOrderTheyWereReadIn() {
        Map<String, Object> a = line("d-1", 1, "p-1", "1");
        Map<String, Object> b = line("d-2", 2, "p-2", "2");
        String hash = hash(quote(List.of(a, b)));
        assertThat(hash(quote(List.of(b, a)))).isEqualTo(hash);
        Map<String, Object> changed = new HashMap<>(b);
        changed.put("quantity", new BigDecimal("4"));
        assertThat(hash(quote(List.of(a, changed)))).isNotEqualTo(hash);
        assertThat(hash(quote(List.of(a)))).isNotEqualTo(hash);
    }

    @Test
    void aSelfLineIsComputedFromTheHeadersOwnRowWithBindReferences() {
        Mapping products = new MappingLoader().load(Path.of("src/test/resources/mappings/products-self.yaml"));
        assertThat(products.readSpec().lines()).isNull();
        assertThat(products.readSpec().idFields()).containsExactly("dataAreaId", "ProductNumber");
        assertThat(products.readSpec().select()).contains("SalesPrice", "dataAreaId", "ProductNumber");
        Map<String, Object> row = new HashMap<>();
        row.put("dataAreaId", "usmf");
        row.put("ProductNumber", "D'0001/A");
        row.put("ProductName", "Speaker");
        row.put("SalesUnitSymbol", "ea");
        row.put("SalesPrice", new BigDecimal("12.5"));
        MapResult result = products.apply(row, Lookups.NONE);
        assertThat(result).isInstanceOf(MapResult.Mapped.class);
        TargetRecord product = ((MapResult.Mapped) result).record();
        assertThat(product.payload()).containsEntry("defaultuomid@odata.bind", "/uoms(name='ea')");
        assertThat(product.lines()).singleElement().satisfies(line -> {
            assertThat(line.entitySet()).isEqualTo("productpricelevels");
            assertThat(line.payload()).containsEntry("productid@odata.bind",
                    "/products(productnumber='D%27%270001%2FA')").containsEntry("amount", new BigDecimal("12.50"));
        });
    }

    @Test
    void lineMistakesAreReportedWithTheirLines() {
        Path file = Path.of("src/test/resources/mappings/lines-problems.yaml");
        assertThatThrownBy(() -> new MappingLoader().load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(file + ":8: line key field LineNumber is not set by lines fields")
                .hasMessageContaining(file + ":10: header field 'SalesQuotationNumbr' is not set by the header's "
                        + "fields; did you mean SalesQuotationNumber?")
                .hasMessageContaining(file + ":11: line field ProductNumber uses from and header")
                .hasMessageContaining(file + ":12: line field productid@odata.bind is an @odata.bind reference");
    }

    @Test
    void lineEntitySetsAndFieldsAreCheckedAgainstBothCatalogs() {
        CatalogPair catalogs = new CatalogPair(
                TestCatalog.of("quotes", TestCatalog.typed("quoteid", "Edm.Guid"), TestCatalog.text("quotenumber", 20),
                        TestCatalog.typed("modifiedon", "Edm.DateTimeOffset"), TestCatalog.typed("statecode", "Edm.Int32"),
                        TestCatalog.typed("_customerid_value", "Edm.Guid")),
                TestCatalog.of("quotedetails", TestCatalog.typed("quotedetailid", "Edm.Guid"),
                        TestCatalog.typed("_quoteid_value", "Edm.Guid"), TestCatalog.typed("sequencenumber", "Edm.Int32"),
                        TestCatalog.typed("quantity", "Edm.Decimal"), TestCatalog.typed("priceperunit", "Edm.Decimal"),
                        TestCatalog.typed("iswriteinproduct", "Edm.Boolean")));
        CatalogPair erp = new CatalogPair(
                TestCatalog.of("SalesQuotationHeadersV2", TestCatalog.text("dataAreaId", 4),
                        TestCatalog.text("SalesQuotationNumber", 20), TestCatalog.text("RequestingCustomerAccountNumber", 20)),
                TestCatalog.of("SalesQuotationLinesV2", TestCatalog.text("dataAreaId", 4)));
        assertThatThrownBy(() -> quotes.validate(catalogs, erp))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(QUOTES + ":24: unknown target entity set 'SalesQuotationLines'")
                .hasMessageContaining(QUOTES + ":32: unknown source field '_productid_value' in quotedetails");
    }

    /** Two entity sets of one service. */
    private record CatalogPair(TestCatalog a, TestCatalog b) implements org.p2csync.sync.FieldCatalog {
        @Override
        public Optional<Map<String, FieldInfo>> fields(String set) {
            return a.fields(set).or(() -> b.fields(set));
        }
    }

    private String hash(Map<String, Object> row) {
        MapResult result = quotes.apply(row, synced);
        assertThat(result).isInstanceOf(MapResult.Mapped.class);
        return ((MapResult.Mapped) result).hash();
    }

}
