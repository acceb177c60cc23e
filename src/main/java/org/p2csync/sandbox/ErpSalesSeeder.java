package org.p2csync.sandbox;

import static org.p2csync.sandbox.CrmSalesSeeder.row;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic ERP data: the sellable released products of the catalogue per company (USD in usmf, EUR in demf),
 * orders that originate in the ERP (CDSSalesOrderHeaders, origin code ERP, numbers {@code SO-E-000001}, never
 * overlapping the CRM's {@code ORD-...}): Confirmed, or Invoiced with an invoice (SalesInvoiceHeadersV2, a
 * LedgerVoucher of its own); and a few free-text invoices without a sales order. Customers are the seeded CRM
 * customer accounts of the order's company, by account number. Rows go only into sets that are new.
 */
final class ErpSalesSeeder {
    /** The sets this seeder fills. */
    static final List<String> SETS = List.of("SellableReleasedProducts", "CDSSalesOrderHeaders", "CDSSalesOrderLines",
            "SalesInvoiceHeadersV2", "SalesInvoiceV2Lines");
    /** The ERP's sales origin codes (set up by hand in F&amp;O) for orders from the ERP and from the CRM. */
    static final String ORIGIN_ERP = "ERP";
    static final String ORIGIN_CRM = "CRM";

    /** Account addresses use country names; F&amp;O sales documents want the ISO code (at most 10 characters). */
    private static final Map<String, String> COUNTRY_CODES = Map.ofEntries(
            Map.entry("United States", "USA"), Map.entry("USA", "USA"), Map.entry("Germany", "DEU"),
            Map.entry("Deutschland", "DEU"), Map.entry("France", "FRA"), Map.entry("United Kingdom", "GBR"),
            Map.entry("Russia", "RUS"), Map.entry("Россия", "RUS"), Map.entry("China", "CHN"), Map.entry("中国", "CHN"),
            Map.entry("Saudi Arabia", "SAU"), Map.entry("Egypt", "EGY"), Map.entry("Japan", "JPN"));

    private final SimulatedService erp;
    private final SeedCatalog catalog;
    private final Random random;

    private ErpSalesSeeder(SimulatedService erp, SeedCatalog catalog, long seed) {
        this.erp = erp;
        this.catalog = catalog;
        this.random = new Random(seed ^ 0xe4bL);
    }

    static void seed(SimulatedService erp, SeedCatalog catalog, List<SeedAccount> accounts, int scale, long seed)
            throws SQLException {
        if (!needed(erp)) {
            return;
        }
        erp.inTransaction(() -> {
            new ErpSalesSeeder(erp, catalog, seed).run(accounts, scale);
            return null;
        });
    }

    static boolean needed(SimulatedService erp) {
        return SETS.stream().anyMatch(erp::isNew);
    }

    private void run(List<SeedAccount> accounts, int scale) throws SQLException {
        List<Map<String, Object>> products = new ArrayList<>();
        for (SeedCatalog.Product p : catalog.products()) {
            for (String company : List.of(SandboxIds.DEFAULT_COMPANY, SandboxIds.COMPANY_DEMF)) {
                if (p.soldIn(company)) {
                    products.add(product(p, company));
                }
            }
        }
        insert("SellableReleasedProducts", products);
        List<SeedAccount> customers = accounts.stream()
                .filter(a -> a.customer() && a.number() != null && a.number().length() <= 20).toList();
        if (customers.isEmpty()) {
            return;
        }
        List<Map<String, Object>> orders = new ArrayList<>();
        List<Map<String, Object>> orderLines = new ArrayList<>();
        List<Map<String, Object>> invoices = new ArrayList<>();
        List<Map<String, Object>> invoiceLines = new ArrayList<>();
        int orderCount = scale / 5;
        for (int i = 0; i < orderCount; i++) {
            SeedAccount customer = customers.get(random.nextInt(customers.size()));
            String company = customer.company();
            OffsetDateTime stamp = AccountSeeder.EPOCH.plusMinutes(i / AccountSeeder.TIE_BLOCK);
            String number = String.format("SO-E-%06d", i + 1);
            List<SeedCatalog.Product> sold = catalog.products().stream().filter(p -> p.soldIn(company)).toList();
            if (sold.isEmpty()) {
                continue;
            }
            boolean invoiced = random.nextBoolean();
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("dataAreaId", company);
            h.put("SalesOrderNumber", number);
            h.put("OrderingCustomerAccountNumber", customer.number());
            h.put("InvoiceCustomerAccountNumber", customer.number());
            h.put("SalesOrderName", "Phone order " + (i + 1));
            h.put("CurrencyCode", currency(company));
            address(h, "DeliveryAddress", customer, "address1");
            address(h, "InvoiceAddress", customer, "address2");
            h.put("RequestedShippingDate", stamp.plusDays(7 + random.nextInt(30)));
            h.put("OrderCreationDateTime", stamp);
            h.put("SalesOrderOriginCode", ORIGIN_ERP);
            h.put("SalesOrderProcessingStatus", invoiced ? "Invoiced" : "Confirmed");
            h.put("SalesOrderStatus", invoiced ? "Invoiced" : "Backorder");
            List<Map<String, Object>> lines = new ArrayList<>();
            int lineCount = 1 + random.nextInt(5);
            for (int n = 1; n <= lineCount; n++) {
                SeedCatalog.Product p = sold.get(random.nextInt(sold.size()));
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(20));
                lines.add(orderLine(company, number, n, p.number(), p.name(), p.unitSymbol(), quantity,
                        p.price(company), invoiced ? "Invoiced" : "Backorder"));
            }
            totals(h, lines);
            orders.add(h);
            orderLines.addAll(lines);
            if (invoiced) {
                invoices.add(invoiceOf(h, lines, String.format("CIV-%06d", invoices.size() + 1),
                        voucher(invoices.size() + 1), invoiceLines, stamp.truncatedTo(ChronoUnit.DAYS)));
            }
        }
        int freeText = Math.max(1, scale / 50);
        for (int i = 0; i < freeText; i++) {
            SeedAccount customer = customers.get(random.nextInt(customers.size()));
            String company = customer.company();
            String number = String.format("FTI-%06d", i + 1);
            BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(40));
            BigDecimal rate = company.equals(SandboxIds.COMPANY_DEMF) ? new BigDecimal("110.00") : new BigDecimal("120.00");
            OffsetDateTime date = AccountSeeder.EPOCH.plusDays(i);
            String voucher = voucher(invoices.size() + 1);
            Map<String, Object> line = row("dataAreaId", company, "InvoiceNumber", number,
                    "LineCreationSequenceNumber", 1, "InvoiceDate", date, "LedgerVoucher", voucher,
                    "ProductNumber", null, "ProductDescription", "Consulting hours", "InvoicedQuantity", hours,
                    "SalesPrice", rate, "SalesUnitSymbol", "h", "LineTotalDiscountAmount", BigDecimal.ZERO,
                    "LineAmount", hours.multiply(rate), "CurrencyCode", currency(company));
            Map<String, Object> h = row("dataAreaId", company, "InvoiceNumber", number, "InvoiceDate", date,
                    "LedgerVoucher", voucher, "SalesOrderNumber", null,
                    "InvoiceCustomerAccountNumber", customer.number(), "CurrencyCode", currency(company));
            invoiceTotals(h, List.of(line));
            invoices.add(h);
            invoiceLines.add(line);
        }
        insert("CDSSalesOrderHeaders", orders);
        insert("CDSSalesOrderLines", orderLines);
        insert("SalesInvoiceHeadersV2", invoices);
        insert("SalesInvoiceV2Lines", invoiceLines);
    }

    private static Map<String, Object> product(SeedCatalog.Product p, String company) {
        return row("dataAreaId", company, "ProductNumber", p.number(), "ProductName", p.name(),
                "ProductDescription", p.description(), "SalesUnitSymbol", p.unitSymbol(),
                "InventoryUnitSymbol", p.unitSymbol(), "SalesPrice", p.price(company), "UnitCost", p.cost(),
                "CurrencyCode", currency(company), "ProductType", p.service() ? "Service" : "Item",
                "FieldServiceProductType", p.service() ? "Service" : "Inventory",
                "IsStockedProduct", p.service() ? "No" : "Yes", "IsSalesStopped", "No",
                "SalesUnitDecimalPrecision", p.decimals(), "InventoryUnitDecimalPrecision", p.decimals());
    }

    /** One order line; used by the seed and by the simulated ERP users taking orders. */
    static Map<String, Object> orderLine(String company, String number, int sequence, Object productNumber,
                                         Object productName, Object unitSymbol, BigDecimal quantity, BigDecimal price,
                                         String status) {
        return row("dataAreaId", company, "SalesOrderNumber", number, "LineCreationSequenceNumber", sequence,
                "ProductNumber", productNumber, "ProductName", productName, "OrderedSalesQuantity", quantity,
                "SalesPrice", price, "SalesUnitSymbol", unitSymbol, "LineDiscountAmount", BigDecimal.ZERO,
                "LineAmount", quantity.multiply(price), "CurrencyCode", currency(company),
                "SalesOrderLineStatus", status);
    }

    /**
     * An invoice of the whole order: every line invoiced in full, posted on {@code date} with the voucher the ERP
     * assigns. Also used by the simulated ERP users.
     */
    static Map<String, Object> invoiceOf(Map<String, Object> order, List<Map<String, Object>> orderLines,
                                         String invoiceNumber, String voucher, List<Map<String, Object>> linesOut,
                                         OffsetDateTime date) {
        String company = (String) order.get("dataAreaId");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> l : orderLines) {
            lines.add(row("dataAreaId", company, "InvoiceNumber", invoiceNumber,
                    "LineCreationSequenceNumber", l.get("LineCreationSequenceNumber"), "InvoiceDate", date,
                    "LedgerVoucher", voucher, "ProductNumber", l.get("ProductNumber"),
                    "ProductName", l.get("ProductName"), "InvoicedQuantity", l.get("OrderedSalesQuantity"),
                    "SalesPrice", l.get("SalesPrice"), "SalesUnitSymbol", l.get("SalesUnitSymbol"),
                    "LineTotalDiscountAmount", l.get("LineDiscountAmount"), "LineAmount", l.get("LineAmount"),
                    "CurrencyCode", order.get("CurrencyCode")));
        }
        Map<String, Object> h = row("dataAreaId", company, "InvoiceNumber", invoiceNumber, "InvoiceDate", date,
                "LedgerVoucher", voucher, "SalesOrderNumber", order.get("SalesOrderNumber"),
                "SalesOrderOriginCode", order.get("SalesOrderOriginCode"),
                "InvoiceCustomerAccountNumber", order.get("InvoiceCustomerAccountNumber"),
                "CurrencyCode", order.get("CurrencyCode"));
        copy(order, h, "InvoiceAddressStreet", "InvoiceAddressCity", "InvoiceAddressZipCode",
                "InvoiceAddressCountryRegionId");
        h.put("InvoiceAddressState", order.get("InvoiceAddressStateId")); // the invoice entity names it State
        invoiceTotals(h, lines);
        linesOut.addAll(lines);
        return h;
    }

    /** The ERP's voucher numbers of posted sales invoices. */
    static String voucher(long n) {
        return String.format("ARI-%06d", n);
    }

    /** Order totals: net of the lines, 8% tax, a 25.00 charge above 1000; F&amp;O has them up to date. */
    static void totals(Map<String, Object> header, List<Map<String, Object>> lines) {
        BigDecimal[] t = totals(lines);
        header.put("OrderTotalTaxAmount", t[1]);
        header.put("OrderTotalChargesAmount", t[2]);
        header.put("OrderTotalAmount", t[0].add(t[1]).add(t[2]));
        header.put("AreTotalsUpdated", "Yes");
    }

    private static void invoiceTotals(Map<String, Object> header, List<Map<String, Object>> lines) {
        BigDecimal[] t = totals(lines);
        header.put("TotalTaxAmount", t[1]);
        header.put("TotalChargeAmount", t[2]);
        header.put("TotalInvoiceAmount", t[0].add(t[1]).add(t[2]));
    }

    /** net, tax, charge. */
    private static BigDecimal[] totals(List<Map<String, Object>> lines) {
        BigDecimal net = lines.stream().map(l -> (BigDecimal) l.get("LineAmount")).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = net.multiply(new BigDecimal("0.08")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal charge = net.compareTo(new BigDecimal("1000")) > 0 ? new BigDecimal("25.00") : BigDecimal.ZERO;
        return new BigDecimal[] {net, tax, charge};
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String... fields) {
        for (String f : fields) {
            to.put(f, from.get(f));
        }
    }

    static void address(Map<String, Object> h, String prefix, SeedAccount account, String from) {
        h.put(prefix + "Street", account.field(from + "_line1"));
        h.put(prefix + "City", truncate((String) account.field(from + "_city"), 60));
        h.put(prefix + "ZipCode", truncate((String) account.field(from + "_postalcode"), 10));
        h.put(prefix + "StateId", truncate((String) account.field(from + "_stateorprovince"), 10));
        Object country = account.field(from + "_country");
        h.put(prefix + "CountryRegionId", country == null ? null : COUNTRY_CODES.get(country.toString()));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static String currency(String company) {
        return company.equals(SandboxIds.COMPANY_DEMF) ? "EUR" : "USD";
    }

    private void insert(String set, List<Map<String, Object>> rows) throws SQLException {
        if (!erp.isNew(set)) {
            return;
        }
        EntityTable table = erp.table(set);
        for (int i = 0; i < rows.size(); i += 1000) {
            table.insertAll(erp.connection(), rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }
}
