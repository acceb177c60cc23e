package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
                List.of("_productid_value", "_quoteid_value", "priceperunit", "quantity", "quotedetailid",
                        "sequencenumber")));
        assertThat(quotes.readSpec().select()).doesNotContain("@lines", "sequencenumber");
    }

    @Test
    void linesAreMappedWithHeaderValuesAndSortedByLineKey() {
        MapResult result = quotes.apply(quote(List.of(line("d-1", 10, "p-1", "9.5"), line("d-2", 2, "p-2", "4"))),
                synced);

        assertThat(result).isInstanceOf(MapResult.Mapped.class);
        TargetRecord doc = ((MapResult.Mapped) result).record();
        assertThat(doc.payload()).containsEntry("RequestingCustomerAccountNumber", "accounts:acc-1");
        assertThat(doc.lines()).hasSize(2);
        TargetRecord first = doc.lines().get(0);
        assertThat(first.entitySet()).isEqualTo("SalesQuotationLines");
        assertThat(first.key()).containsExactly(Map.entry("dataAreaId", "usmf"),
                Map.entry("SalesQuotationNumber", "QUO-01001"), Map.entry("LineCreationSequenceNumber", 2L));
        assertThat(first.payload()).containsEntry("ProductNumber", "products:p-2")
                .containsEntry("SalesPrice", new BigDecimal("4.00"));
        assertThat(doc.lines().get(1).key().get("LineCreationSequenceNumber")).isEqualTo(10L);
    }

    @Test
    void aDocumentWithALineThatFailsRequireIsHeldNamingThatLineByItsNumberInLineOrder() {
        MapResult result = quotes.apply(quote(List.of(line("d-1", 10, "p-1", "9.5"), line("d-3", 5, null, "1"),
                line("d-2", 2, "p-2", "4"))), synced);

        // no reason in the file: one is derived from the condition; line 2 because sequence numbers 2, 5, 10
        assertThat(result).isEqualTo(new MapResult.Held("line 2 (sequencenumber 5) has no _productid_value"));
    }

    @Test
    void linesWithoutANumberFieldBehindTheirKeyAreNamedByIdInReadOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("quotes.yaml");
        Files.writeString(file, Files.readString(QUOTES).replace(
                "LineCreationSequenceNumber: { from: sequencenumber, type: integer }",
                "LineCreationSequenceNumber: { concat: [quotedetailid, \"-\", sequencenumber] }"));
        Mapping byId = new MappingLoader().load(file);

        assertThat(byId.apply(quote(List.of(line("d-1", 9, "p-1", "1"), line("d-2", 1, null, "1"))), synced))
                .isEqualTo(new MapResult.Held("line 2 (quotedetails d-2) has no _productid_value"));
    }

    @Test
    void heldWinsOverWaitingAndFailingButNotOverTheHeadersFilter() {
        List<Map<String, Object>> lines = List.of(line("d-1", 1, "p-missing", "1"), line("d-2", 2, "p-2", null),
                line("d-3", 3, null, "1"), line("d-4", 4, "", "1"));

        MapResult held = quotes.apply(quote(lines), synced);
        assertThat(held).isEqualTo(new MapResult.Held("line 3 (sequencenumber 3) has no _productid_value; 1 more"
                + " line does not meet require either"));

        Map<String, Object> draft = quote(lines);
        draft.put("statecode", 0);
        assertThat(quotes.apply(draft, synced)).isInstanceOf(MapResult.Filtered.class);
    }

    @Test
    void onceEveryLineMeetsRequireTheDocumentIsMappedWithAllItsLines() {
        Map<String, Object> writeIn = line("d-3", 3, null, "1");
        assertThat(quotes.apply(quote(List.of(line("d-1", 1, "p-1", "1"), writeIn)), synced))
                .isInstanceOf(MapResult.Held.class);

        writeIn.put("_productid_value", "p-3");
        MapResult result = quotes.apply(quote(List.of(line("d-1", 1, "p-1", "1"), writeIn)), synced);

        assertThat(result).isInstanceOf(MapResult.Mapped.class);
        assertThat(((MapResult.Mapped) result).record().lines()).extracting(l -> l.payload().get("ProductNumber"))
                .containsExactly("products:p-1", "products:p-3");
    }

    @Test
    void theShippedQuotesAndOrdersHoldADocumentWithAWriteInLineWithTheirReason() {
        Mappings shipped = Mappings.load(Path.of("mappings"));
        // what lets each header past its filter: an activated quote; an order of the CRM a user activated
        Map<String, Map<String, Object>> activated = Map.of(
                "quotes", Map.of("statecode", 1),
                "orders", Map.of("p2c_origin", 916800000, "p2c_processingstatus", 916800001));
        for (String[] area : new String[][] {{"quotes", "quotedetailid", "_quoteid_value", "quoteid", "quotes"},
                {"orders", "salesorderdetailid", "_salesorderid_value", "salesorderid", "orders"}}) {
            Map<String, Object> product = new HashMap<>(Map.of(area[1], "l-1", area[2], "h-1", "sequencenumber", 1,
                    "_productid_value", "p-1"));
            Map<String, Object> writeIn = new HashMap<>(Map.of(area[1], "l-2", area[2], "h-1", "sequencenumber", 2,
                    "isproductoverridden", true, "productdescription", "Installation on site"));
            Map<String, Object> row = new HashMap<>(activated.get(area[0]));
            row.put(area[3], "h-1");
            row.put("@lines", List.of(product, writeIn));

            assertThat(shipped.mapping(area[0]).apply(row, synced)).as(area[0]).isEqualTo(new MapResult.Held(
                    "line 2 (sequencenumber 2): write-in line (no product); " + area[4]
                            + " with write-in lines stay in the CRM"));
        }
    }

    @Test
    void aSelfSectionsRequireHoldsItsRecordNamingTheSelfLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("products.yaml");
        Files.writeString(file, Files.readString(Path.of("src/test/resources/mappings/products-self.yaml")).replace(
                "  target: { entity: productpricelevels, key: [productnumber] }\n",
                "  target: { entity: productpricelevels, key: [productnumber] }\n"
                        + "  require: { field: SalesPrice, notEquals: ~, reason: no sales price to put on the price list }\n"));
        Mapping products = new MappingLoader().load(file);
        Map<String, Object> row = new HashMap<>(Map.of("dataAreaId", "usmf", "ProductNumber", "D1000"));

        assertThat(products.apply(row, Lookups.NONE)).isEqualTo(
                new MapResult.Held("the productpricelevels line: no sales price to put on the price list"));
        row.put("SalesPrice", new BigDecimal("12.5"));
        assertThat(products.apply(row, Lookups.NONE)).isInstanceOf(MapResult.Mapped.class);
    }

    @Test
    void aDocumentWhoseLinesWereNotAllReadFailsWithTheReadersReason() {
        Map<String, Object> row = quote(List.of());
        row.remove("@lines");
        row.put(ReadSpec.LinesSpec.UNREAD, "the lines in quotedetails were not all read: ...");

        assertThat(quotes.apply(row, synced)).isEqualTo(new MapResult.Failed("SalesQuotationLines",
                "the lines in quotedetails were not all read: ..."));
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
