package org.p2csync.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic ERP data: the sellable released products of the catalogue per company (USD in usmf, EUR in demf),
 * confirmed sales orders that originate in the ERP (numbers {@code SO-E-000001}, never overlapping the CRM's
 * {@code ORD-...}), invoices of half of them (then Invoiced/Invoice) and a few free-text invoices without a sales
 * order. Customers are the seeded CRM customer accounts of the order's company, by account number.
 */
final class ErpSalesSeeder {
    /** Account addresses use country names; F&O sales documents want the ISO code (at most 10 characters). */
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
        erp.inTransaction(() -> {
            new ErpSalesSeeder(erp, catalog, seed).run(accounts, scale);
            return null;
        });
    }

    private void run(List<SeedAccount> accounts, int scale) throws SQLException {
        OffsetDateTime epoch = AccountSeeder.EPOCH;
        List<Map<String, Object>> products = new ArrayList<>();
        for (SeedCatalog.Product p : catalog.products()) {
            for (String company : List.of(SandboxIds.DEFAULT_COMPANY, SandboxIds.COMPANY_DEMF)) {
                if (!p.soldIn(company)) {
                    continue;
                }
                products.add(CrmSalesSeeder.row("dataAreaId", company, "ProductNumber", p.number(),
                        "ProductMasterNumber", p.master(), "ProductName", p.name(), "ProductDescription", p.description(),
                        "SalesUnitSymbol", p.unitSymbol(), "SalesPrice", p.price(company), "UnitCost", p.cost(),
                        "CurrencyCode", currency(company), "ProductType", p.service() ? "Service" : "Item",
                        "SalesUnitDecimalPrecision", p.decimals(),
                        "ModifiedDateTime", epoch.plusMinutes(products.size() / AccountSeeder.TIE_BLOCK)));
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
            OffsetDateTime stamp = epoch.plusMinutes(i / AccountSeeder.TIE_BLOCK);
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
            h.put("SalesOrderStatus", invoiced ? "Invoiced" : "Open");
            h.put("DocumentStatus", invoiced ? "Invoice" : "Confirmation");
            h.put("SalesOrderOriginCode", "ERP");
            h.put("IsExternallyMaintained", "No");
            List<Map<String, Object>> lines = new ArrayList<>();
            int lineCount = 1 + random.nextInt(5);
            for (int n = 1; n <= lineCount; n++) {
                SeedCatalog.Product p = sold.get(random.nextInt(sold.size()));
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(20));
                BigDecimal price = p.price(company);
                lines.add(CrmSalesSeeder.row("dataAreaId", company, "SalesOrderNumber", number,
                        "LineCreationSequenceNumber", n, "ProductNumber", p.number(), "OrderedSalesQuantity", quantity,
                        "SalesPrice", price, "SalesUnitSymbol", p.unitSymbol(), "LineDiscountAmount", BigDecimal.ZERO,
                        "LineAmount", quantity.multiply(price), "ModifiedDateTime", stamp));
            }
            totals(h, lines, "LineAmount", "TotalAmount");
            h.put("ModifiedDateTime", stamp);
            orders.add(h);
            orderLines.addAll(lines);
            if (invoiced) {
                invoices.add(invoiceOf(h, lines, String.format("CIV-%06d", invoices.size() + 1), invoiceLines, stamp));
            }
        }
        int freeText = Math.max(1, scale / 50);
        for (int i = 0; i < freeText; i++) {
            SeedAccount customer = customers.get(random.nextInt(customers.size()));
            String company = customer.company();
            String number = String.format("FTI-%06d", i + 1);
            BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(40));
            BigDecimal rate = company.equals(SandboxIds.COMPANY_DEMF) ? new BigDecimal("110.00") : new BigDecimal("120.00");
            OffsetDateTime stamp = epoch.plusMinutes(i);
            Map<String, Object> line = CrmSalesSeeder.row("dataAreaId", company, "InvoiceNumber", number,
                    "LineCreationSequenceNumber", 1, "ProductNumber", null, "LineDescription", "Consulting hours",
                    "InvoicedQuantity", hours, "SalesPrice", rate, "SalesUnitSymbol", "h",
                    "LineDiscountAmount", BigDecimal.ZERO, "LineAmount", hours.multiply(rate), "ModifiedDateTime", stamp);
            Map<String, Object> h = CrmSalesSeeder.row("dataAreaId", company, "InvoiceNumber", number,
                    "SalesOrderNumber", null, "InvoiceCustomerAccountNumber", customer.number(),
                    "InvoiceDate", stamp, "CurrencyCode", currency(company));
            totals(h, List.of(line), "LineAmount", "TotalInvoiceAmount");
            h.put("ModifiedDateTime", stamp);
            invoices.add(h);
            invoiceLines.add(line);
        }
        insert("SalesOrderHeadersV2", orders);
        insert("SalesOrderLines", orderLines);
        insert("SalesInvoiceHeadersV2", invoices);
        insert("SalesInvoiceLines", invoiceLines);
    }

    /** An invoice of the whole order: every line invoiced in full. Also used by the activity simulator. */
    static Map<String, Object> invoiceOf(Map<String, Object> order, List<Map<String, Object>> orderLines,
                                         String invoiceNumber, List<Map<String, Object>> linesOut,
                                         OffsetDateTime stamp) {
        String company = (String) order.get("dataAreaId");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> l : orderLines) {
            lines.add(CrmSalesSeeder.row("dataAreaId", company, "InvoiceNumber", invoiceNumber,
                    "LineCreationSequenceNumber", l.get("LineCreationSequenceNumber"), "ProductNumber", l.get("ProductNumber"),
                    "LineDescription", l.get("LineDescription"), "InvoicedQuantity", l.get("OrderedSalesQuantity"),
                    "SalesPrice", l.get("SalesPrice"), "SalesUnitSymbol", l.get("SalesUnitSymbol"),
                    "LineDiscountAmount", l.get("LineDiscountAmount"), "LineAmount", l.get("LineAmount"),
                    "ModifiedDateTime", stamp));
        }
        Map<String, Object> h = CrmSalesSeeder.row("dataAreaId", company, "InvoiceNumber", invoiceNumber,
                "SalesOrderNumber", order.get("SalesOrderNumber"),
                "InvoiceCustomerAccountNumber", order.get("InvoiceCustomerAccountNumber"),
                "InvoiceDate", stamp, "CurrencyCode", order.get("CurrencyCode"));
        totals(h, lines, "LineAmount", "TotalInvoiceAmount");
        h.put("ModifiedDateTime", stamp);
        linesOut.addAll(lines);
        return h;
    }

    /** Net of the lines, 8% tax, a 25.00 charge on larger documents; total = net + tax + charge. */
    static void totals(Map<String, Object> header, List<Map<String, Object>> lines, String amount, String total) {
        BigDecimal net = lines.stream().map(l -> (BigDecimal) l.get(amount)).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = net.multiply(new BigDecimal("0.08")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal charge = net.compareTo(new BigDecimal("1000")) > 0 ? new BigDecimal("25.00") : BigDecimal.ZERO;
        header.put("TotalTaxAmount", tax);
        header.put("TotalChargeAmount", charge);
        header.put(total, net.add(tax).add(charge));
    }

    private static void address(Map<String, Object> h, String prefix, SeedAccount account, String from) {
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
        EntityTable table = erp.table(set);
        for (int i = 0; i < rows.size(); i += 1000) {
            table.insertAll(erp.connection(), rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }
}
