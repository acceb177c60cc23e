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
 * Deterministic CRM sales data, scaled from the seeded accounts: the externally maintained half of the ERP's products
 * with their price-list items, contacts, quotes and orders with 1-5 lines each, every record owned by the default
 * team of its unit. Runs after {@link AccountSeeder} and {@link CrmReferenceSeeder}, inside one transaction; rows go
 * only into sets that are new (the whole stream is generated, so each set's rows are the same whatever else is new).
 */
final class CrmSalesSeeder {
    private static final String[] FIRST = {"Anna", "Jürgen", "Zoë", "Seán", "Олег", "Мария", "محمد", "فاطمة", "伟",
            "娜", "José", "Ægir", "Chloé", "Li"};
    private static final String[] LAST = {"Müller", "O'Connor", "Smith", "Иванова", "Петров", "العلي", "王", "李",
            "García", "Dupont", "Nørgaard", "D'Amico", "Nowak"};
    private static final String[] TITLES = {"Purchaser", "CFO", "Head of IT", "Buyer", "Office manager", null};
    private static final String[] DEPARTMENTS = {"Purchasing", "Finance", "IT", "Operations", null};

    private final SimulatedService crm;
    private final SeedCatalog catalog;
    private final Random random;
    private final List<SeedAccount> accounts;
    private final List<SeedAccount> customers;

    private CrmSalesSeeder(SimulatedService crm, SeedCatalog catalog, List<SeedAccount> accounts, long seed) {
        this.crm = crm;
        this.catalog = catalog;
        this.random = new Random(seed ^ 0xc4a1e5L);
        this.accounts = accounts;
        List<SeedAccount> onlyCustomers = accounts.stream().filter(SeedAccount::customer).toList();
        this.customers = onlyCustomers.isEmpty() ? accounts : onlyCustomers;
    }

    /** The sets this seeder fills. */
    static final List<String> SETS = List.of("products", "productpricelevels", "contacts", "quotes", "quotedetails",
            "salesorders", "salesorderdetails");

    static boolean needed(SimulatedService crm) {
        return SETS.stream().anyMatch(crm::isNew);
    }

    /** Seeds business data in proportion to {@code scale} (the account count, capped), into the sets that are new. */
    static void seed(SimulatedService crm, SeedCatalog catalog, List<SeedAccount> accounts, int scale, long seed)
            throws SQLException {
        if (!needed(crm)) {
            return;
        }
        crm.inTransaction(() -> {
            new CrmSalesSeeder(crm, catalog, accounts, seed).run(scale);
            return null;
        });
    }

    private void run(int scale) throws SQLException {
        OffsetDateTime epoch = AccountSeeder.EPOCH;
        List<Map<String, Object>> products = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (SeedCatalog.Product p : catalog.products()) {
            if (!p.inCrm()) {
                continue;
            }
            String company = p.soldIn(SandboxIds.DEFAULT_COMPANY) ? SandboxIds.DEFAULT_COMPANY : SandboxIds.COMPANY_DEMF;
            products.add(row("productid", p.crmId(), "productnumber", p.number(), "name", p.name(),
                    "description", p.description(), "_defaultuomid_value", p.unitId(),
                    "_defaultuomscheduleid_value", SandboxIds.UNIT_GROUP, "price", p.price(company),
                    "currentcost", p.cost(), "_transactioncurrencyid_value", currencyOf(company),
                    "producttypecode", p.service() ? 3 : 1, "productstructure", 1, "quantitydecimal", p.decimals(),
                    "p2c_externallymaintained", true, "statecode", 0, "statuscode", 1,
                    "createdon", epoch, "modifiedon", epoch));
            for (String c : p.companies()) {
                items.add(row("productpricelevelid", SeedCatalog.guid("ppl:" + p.number() + ":" + c),
                        "_pricelevelid_value", priceListOf(c), "_productid_value", p.crmId(), "productnumber", p.number(),
                        "_uomid_value", p.unitId(), "_uomscheduleid_value", SandboxIds.UNIT_GROUP, "amount", p.price(c),
                        "pricingmethodcode", 1, "quantitysellingcode", 1, "_transactioncurrencyid_value", currencyOf(c),
                        "createdon", epoch, "modifiedon", epoch));
            }
        }
        insert("products", products);
        insert("productpricelevels", items);
        if (accounts.isEmpty()) {
            return;
        }
        contacts(scale * 4 / 5);
        documents("quotes", "quotedetails", "quoteid", scale * 2 / 5);
        documents("salesorders", "salesorderdetails", "salesorderid", scale * 3 / 10);
    }

    private void contacts(int count) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double kind = random.nextDouble();
            SeedAccount parent = kind < 0.1 ? null : kind < 0.85 ? pick(customers) : pick(accounts);
            Map<String, Object> row = contact(i, parent, random);
            OffsetDateTime stamp = AccountSeeder.EPOCH.plusMinutes(i / AccountSeeder.TIE_BLOCK);
            row.put("createdon", stamp);
            row.put("modifiedon", stamp);
            rows.add(row);
        }
        insert("contacts", rows);
    }

    /**
     * One contact's fields. Without a parent it is an "active customer" person (p2c_isactivecustomer = true) of a
     * random company; otherwise a contact person of its parent account, in the account's company.
     */
    static Map<String, Object> contact(int index, SeedAccount parent, Random random) {
        String bu = parent != null ? parent.businessUnitId()
                : random.nextBoolean() ? SandboxIds.BU_USMF : SandboxIds.BU_DEMF;
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("contactid", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        row.put("p2c_contactnumber", String.format("CON-%06d", 1000 + index));
        row.put("firstname", first);
        row.put("middlename", random.nextInt(5) == 0 ? "J." : null);
        row.put("lastname", last);
        row.put("jobtitle", TITLES[random.nextInt(TITLES.length)]);
        row.put("department", DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
        row.put("emailaddress1", "person" + index + "@example-" + (index % 89) + ".com");
        row.put("telephone1", "+1 555 " + String.format("%04d", random.nextInt(10000)));
        if (parent != null) {
            for (String f : List.of("line1", "city", "postalcode", "stateorprovince", "county", "country")) {
                row.put("address1_" + f, parent.field("address1_" + f));
            }
        } else {
            row.put("address1_line1", (1 + random.nextInt(99)) + " Home Road");
            row.put("address1_city", bu.equals(SandboxIds.BU_DEMF) ? "Berlin" : "Redmond");
            row.put("address1_postalcode", String.format("%05d", random.nextInt(100000)));
            row.put("address1_stateorprovince", bu.equals(SandboxIds.BU_DEMF) ? "BE" : "WA");
            row.put("address1_county", null);
            row.put("address1_country", bu.equals(SandboxIds.BU_DEMF) ? "Germany" : "United States");
        }
        row.put("_parentcustomerid_value", parent == null ? null : parent.id());
        row.put("p2c_isactivecustomer", parent == null);
        row.put("_transactioncurrencyid_value", parent != null ? parent.currencyId()
                : bu.equals(SandboxIds.BU_DEMF) ? SandboxIds.CURRENCY_EUR : SandboxIds.CURRENCY_USD);
        AccountSeeder.owned(row, bu);
        row.put("statecode", 0);
        row.put("statuscode", 1);
        return row;
    }

    /**
     * Quotes (statecode 0 draft, 1 active, 2 won, 3 closed) or orders, with lines. Orders stay active (statecode 0):
     * their activation is p2c_processingstatus Draft or Active, as the Prospect-to-cash solution kept it.
     */
    private void documents(String headerSet, String lineSet, String idName, int count) throws SQLException {
        boolean quotes = headerSet.equals("quotes");
        // the p2c_ columns exist in the tables before the org creates them: seeds fill them as users would
        EntitySetDef orders = crm.storageModel().requireEntitySet("salesorders");
        int crmOrigin = orders.require("p2c_origin").option("CRM");
        int draft = orders.require("p2c_processingstatus").option("Draft");
        int active = orders.require("p2c_processingstatus").option("Active");
        List<Map<String, Object>> headers = new ArrayList<>();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SeedAccount customer = random.nextInt(7) == 0 ? pick(accounts) : pick(customers);
            String company = customer.company();
            OffsetDateTime stamp = AccountSeeder.EPOCH.plusMinutes(i / AccountSeeder.TIE_BLOCK);
            String id = SeedCatalog.guid(headerSet + ":" + i);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put(idName, id);
            if (quotes) {
                h.put("quotenumber", String.format("QUO-%05d", 1000 + i));
                h.put("name", "Quote for " + customer.number());
                double s = random.nextDouble();
                int state = s < 0.45 ? 1 : s < 0.85 ? 0 : s < 0.95 ? 2 : 3;
                h.put("statecode", state);
                h.put("statuscode", new int[] {1, 2, 4, 5}[state]);
            } else {
                h.put("ordernumber", String.format("ORD-%05d", 1000 + i));
                h.put("name", "Order for " + customer.number());
                boolean activated = random.nextDouble() < 0.6;
                h.put("statecode", 0);
                h.put("statuscode", 1);
                h.put("p2c_processingstatus", activated ? active : draft);
                h.put("p2c_origin", crmOrigin);
                h.put("ispricelocked", false);
            }
            h.put("_customerid_value", customer.id());
            h.put("_transactioncurrencyid_value", currencyOf(company));
            h.put("_pricelevelid_value", priceListOf(company));
            AccountSeeder.owned(h, customer.businessUnitId());
            for (String[] a : new String[][] {{"shipto", "address1"}, {"billto", "address2"}}) {
                for (String f : List.of("line1", "city", "postalcode", "stateorprovince", "country")) {
                    h.put(a[0] + "_" + f, customer.field(a[1] + "_" + f));
                }
            }
            h.put("requestdeliveryby", stamp.plusDays(14 + random.nextInt(60)));
            BigDecimal net = BigDecimal.ZERO;
            BigDecimal tax = BigDecimal.ZERO;
            BigDecimal discounts = BigDecimal.ZERO;
            int lineCount = 1 + random.nextInt(5);
            List<SeedCatalog.Product> offered = catalog.products().stream()
                    .filter(p -> p.inCrm() && p.soldIn(company)).toList();
            for (int n = 1; n <= lineCount && !offered.isEmpty(); n++) {
                Map<String, Object> line = new LinkedHashMap<>();
                String lineType = lineSet.substring(0, lineSet.length() - 1) + "id";
                line.put(lineType, SeedCatalog.guid(lineSet + ":" + i + ":" + n));
                line.put("_" + idName + "_value", id);
                line.put("sequencenumber", n);
                BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(20));
                BigDecimal discount = random.nextInt(8) == 0 ? new BigDecimal("10.00") : BigDecimal.ZERO;
                if (quotes && n == lineCount && random.nextInt(25) == 0) {
                    // A write-in line: no product, so the quotes flow must leave this quote in the CRM.
                    line.put("isproductoverridden", true);
                    line.put("productdescription", "Installation on site");
                    line.put("priceperunit", new BigDecimal("150.00"));
                    line.put("_uomid_value", SeedCatalog.uomId("Hour"));
                    line.put("_productid_value", null);
                } else {
                    SeedCatalog.Product p = offered.get(random.nextInt(offered.size()));
                    line.put("_productid_value", p.crmId());
                    line.put("isproductoverridden", false);
                    line.put("priceperunit", p.price(company));
                    line.put("_uomid_value", p.unitId());
                }
                line.put("quantity", quantity);
                line.put("manualdiscountamount", discount);
                BigDecimal base = quantity.multiply((BigDecimal) line.get("priceperunit"));
                BigDecimal lineNet = base.subtract(discount);
                BigDecimal lineTax = lineNet.multiply(new BigDecimal("0.08")).setScale(2, RoundingMode.HALF_UP);
                // the amounts Dataverse computes (DocumentTotals): the seeds are as the service would have them
                line.put("baseamount", base);
                line.put("tax", lineTax);
                line.put("extendedamount", lineNet.add(lineTax));
                line.put("_transactioncurrencyid_value", currencyOf(company));
                line.put("createdon", stamp);
                line.put("modifiedon", stamp);
                net = net.add(lineNet);
                tax = tax.add(lineTax);
                discounts = discounts.add(discount);
                lines.add(line);
            }
            BigDecimal freight = random.nextBoolean() ? new BigDecimal("25.00") : BigDecimal.ZERO;
            h.put("totallineitemamount", net);
            h.put("totallineitemdiscountamount", discounts);
            h.put("totaldiscountamount", discounts);
            h.put("totalamountlessfreight", net);
            h.put("totaltax", tax);
            h.put("freightamount", freight);
            h.put("totalamount", net.add(tax).add(freight));
            h.put("createdon", stamp);
            h.put("modifiedon", stamp);
            headers.add(h);
        }
        insert(headerSet, headers);
        insert(lineSet, lines);
    }

    static String currencyOf(String company) {
        return company.equals(SandboxIds.COMPANY_DEMF) ? SandboxIds.CURRENCY_EUR : SandboxIds.CURRENCY_USD;
    }

    static String priceListOf(String company) {
        return company.equals(SandboxIds.COMPANY_DEMF) ? SandboxIds.PRICE_LIST_EUR : SandboxIds.PRICE_LIST_USD;
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private void insert(String set, List<Map<String, Object>> rows) throws SQLException {
        if (!crm.isNew(set)) {
            return;
        }
        EntityTable table = crm.table(set);
        for (int i = 0; i < rows.size(); i += 1000) {
            table.insertAll(crm.connection(), rows.subList(i, Math.min(rows.size(), i + 1000)));
        }
    }

    static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
