package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.p2csync.sync.FieldInfo;
import org.p2csync.sync.ReadSpec;
import org.p2csync.sync.TargetRecord;

/**
 * A document with several lines sections: an ERP invoice writes its invoice lines (read from the ERP) and marks its
 * sales order invoiced (a self section), all in one change set, hashed as one.
 */
class DocumentSectionsTest {
    private static final Path DIR = Path.of("src/test/resources/mappings");
    private static final Path INVOICES = DIR.resolve("invoices-sections.yaml");
    private final Mapping invoices = new MappingLoader().load(INVOICES);

    /** The order SO-1 came from the CRM (area orders); products are synced, except "P-MISSING". */
    private final Lookups synced = (area, ref) -> switch (area) {
        case "orders" -> ref.equals("SO-1") ? Optional.of(Map.of("ordernumber", "SO-1"))
                : Optional.<Map<String, Object>>empty();
        case "products" -> ref.equals("P-MISSING") ? Optional.<Map<String, Object>>empty()
                : Optional.of(Map.of("productnumber", ref));
        default -> Optional.<Map<String, Object>>empty();
    };

    private static Map<String, Object> line(int number, String product, String quantity) {
        Map<String, Object> line = new HashMap<>();
        line.put("dataAreaId", "usmf");
        line.put("InvoiceNumber", "INV-1");
        line.put("LineNumber", number);
        line.put("ProductNumber", product);
        line.put("InvoicedQuantity", new BigDecimal(quantity));
        return line;
    }

    private static Map<String, Object> invoice(List<Map<String, Object>> lines) {
        Map<String, Object> row = new HashMap<>();
        row.put("dataAreaId", "usmf");
        row.put("InvoiceNumber", "INV-1");
        row.put("SalesOrderNumber", "SO-1");
        row.put("InvoiceDate", "2026-11-20T00:00:00Z");
        row.put("@lines", lines);
        return row;
    }

    private TargetRecord mapped(Map<String, Object> row) {
        MapResult result = invoices.apply(row, synced);
        assertThat(result).isInstanceOf(MapResult.Mapped.class);
        return ((MapResult.Mapped) result).record();
    }

    @Test
    void theDocumentsLinesAreEachSectionsLinesInDeclarationOrderEachSortedByKey() {
        TargetRecord doc = mapped(invoice(List.of(line(10, "P-2", "1"), line(2, "P-1", "3"))));

        assertThat(doc.payload()).containsEntry("ordernumber", "SO-1");
        assertThat(doc.lines()).extracting(TargetRecord::entitySet)
                .containsExactly("invoicedetails", "invoicedetails", "salesorders");
        assertThat(doc.lines().get(0).key()).containsExactly(Map.entry("invoicenumber", "INV-1"),
                Map.entry("lineitemnumber", 2L));
        assertThat(doc.lines().get(1).payload()).containsEntry("productnumber", "P-2")
                .containsEntry("quantity", new BigDecimal("1.00"));
        TargetRecord order = doc.lines().get(2);
        assertThat(order.key()).containsExactly(Map.entry("ordernumber", "SO-1"));
        assertThat(order.payload()).containsEntry("p2c_processingstatus", 916800006L).containsEntry("invoicedon", "2026-11-20");
    }

    @Test
    void onlyTheReadingSectionsLinesAreOnesAVanishedSourceLineDeletes() {
        assertThat(invoices.sourceLinesTarget()).as("never the self section's salesorders").isEqualTo("invoicedetails");
        assertThat(Mappings.load(Path.of("mappings")).mapping("products").sourceLinesTarget())
                .as("a product's price-list item is a self section").isNull();
    }

    @Test
    void anInvoiceWithoutLinesStillMarksItsOrder() {
        assertThat(mapped(invoice(List.of())).lines()).singleElement()
                .satisfies(order -> assertThat(order.entitySet()).isEqualTo("salesorders"));
    }

    @Test
    void theReadSpecReadsTheOneReadingSectionsLinesAndTheSelfSectionsFieldsWithTheHeader() {
        ReadSpec spec = invoices.readSpec();

        assertThat(spec.lines()).isEqualTo(new ReadSpec.LinesSpec("SalesInvoiceLines",
                "dataAreaId,InvoiceNumber,LineNumber", "dataAreaId,InvoiceNumber",
                List.of("InvoiceNumber", "InvoicedQuantity", "LineNumber", "ProductNumber", "dataAreaId")));
        assertThat(spec.select()).contains("InvoiceDate", "SalesOrderNumber").doesNotContain("LineNumber");
    }

    @Test
    void referencesAndLookupsCoverTheHeaderEveryAreaOfALookupAndEverySection() {
        assertThat(invoices.lookups()).containsExactly(new LookupRef("orders", "SalesOrderNumber"),
                new LookupRef("erp-orders", "SalesOrderNumber"), new LookupRef("products", "ProductNumber"));
        assertThat(invoices.references(invoice(List.of(line(1, "P-1", "1"), line(2, "P-2", "1"))))).containsOnly(
                Map.entry("orders", Set.of("SO-1")), Map.entry("erp-orders", Set.of("SO-1")),
                Map.entry("products", Set.of("P-1", "P-2")));
    }

    @Test
    void theHashCoversEverySectionButNotTheReadOrder() {
        Map<String, Object> a = line(1, "P-1", "1");
        Map<String, Object> b = line(2, "P-2", "2");
        String hash = hash(invoice(List.of(a, b)));

        assertThat(hash(invoice(List.of(b, a)))).isEqualTo(hash);
        Map<String, Object> otherDate = invoice(List.of(a, b));
        otherDate.put("InvoiceDate", "2026-11-21");
        assertThat(hash(otherDate)).as("only the self section changes").isNotEqualTo(hash);
        assertThat(hash(invoice(List.of(a)))).isNotEqualTo(hash);
    }

    @Test
    void aWaitingLineMakesTheDocumentWaitAndAFailingSectionFailsIt() {
        MapResult waiting = invoices.apply(invoice(List.of(line(1, "P-MISSING", "1"))), synced);
        assertThat(waiting).isInstanceOf(MapResult.Waiting.class);
        assertThat(((MapResult.Waiting) waiting).reference()).contains("products record P-MISSING");

        Map<String, Object> badDate = invoice(List.of(line(1, "P-MISSING", "1")));
        badDate.put("InvoiceDate", "not a date");
        MapResult failed = invoices.apply(badDate, synced);
        assertThat(failed).as("a document that would fail anyway fails now").isInstanceOf(MapResult.Failed.class);
        assertThat(((MapResult.Failed) failed).field()).isEqualTo("line invoicedon");
    }

    @Test
    void aSecondSectionReadingSourceLinesIsAnErrorAtItsLine() {
        Path file = DIR.resolve("lines-two-reading.yaml");
        MappingException e = catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(file));

        assertThat(e.problems()).containsExactly(file + ":15: a second lines section reads source lines (the first"
                + " is at line 7); only one section may have source: {entity, id, parent}, the others must be"
                + " source: self");
    }

    @Test
    void anEmptyListOfSectionsIsAnError() {
        Path file = DIR.resolve("lines-empty.yaml");
        MappingException e = catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(file));

        assertThat(e.problems()).containsExactly(file + ":6: lines is an empty list; give one section or a list of"
                + " sections");
    }

    @Test
    void everySectionIsCheckedAgainstTheCatalogs() {
        TestCatalog erp = TestCatalog.of("SalesInvoiceHeaders", TestCatalog.text("dataAreaId", 4),
                TestCatalog.text("InvoiceNumber", 20), TestCatalog.typed("ModifiedDateTime", "Edm.DateTimeOffset"),
                TestCatalog.text("SalesOrderNumber", 20), TestCatalog.typed("InvoiceDate", "Edm.DateTimeOffset"));
        TestCatalog erpLines = TestCatalog.of("SalesInvoiceLines", TestCatalog.text("dataAreaId", 4),
                TestCatalog.text("InvoiceNumber", 20), TestCatalog.typed("LineNumber", "Edm.Int32"),
                TestCatalog.text("ProductNumber", 20), TestCatalog.typed("InvoicedQuantity", "Edm.Decimal"));
        TestCatalog crm = TestCatalog.of("invoices", TestCatalog.text("invoicenumber", 100),
                TestCatalog.text("ordernumber", 100));
        TestCatalog crmLines = TestCatalog.of("invoicedetails", TestCatalog.text("invoicenumber", 100),
                TestCatalog.typed("lineitemnumber", "Edm.Int32"), TestCatalog.text("productnumber", 100),
                TestCatalog.typed("quantity", "Edm.Decimal"));
        TestCatalog orders = TestCatalog.of("salesorders", TestCatalog.text("ordernumber", 100),
                TestCatalog.typed("p2c_processingstatus", "Edm.Int32"), TestCatalog.typed("datefulfilled", "Edm.DateTimeOffset"));

        invoices.validate(new Catalogs(erp, erpLines), new Catalogs(crm, crmLines,
                TestCatalog.of("salesorders", TestCatalog.text("ordernumber", 100),
                        TestCatalog.typed("p2c_processingstatus", "Edm.Int32"), TestCatalog.typed("invoicedon", "Edm.Date"))));
        MappingException e = catchThrowableOfType(MappingException.class,
                () -> invoices.validate(new Catalogs(erp, erpLines), new Catalogs(crm, crmLines, orders)));

        assertThat(e.problems()).containsExactly(INVOICES + ":30: unknown target field 'invoicedon' in salesorders");
    }

    /** Several entity sets of one service. */
    private record Catalogs(TestCatalog... sets) implements org.p2csync.sync.FieldCatalog {
        @Override
        public Optional<Map<String, FieldInfo>> fields(String set) {
            for (TestCatalog c : sets) {
                Optional<Map<String, FieldInfo>> fields = c.fields(set);
                if (fields.isPresent()) {
                    return fields;
                }
            }
            return Optional.empty();
        }
    }

    private String hash(Map<String, Object> row) {
        MapResult result = invoices.apply(row, synced);
        assertThat(result).isInstanceOf(MapResult.Mapped.class);
        return ((MapResult.Mapped) result).hash();
    }
}
