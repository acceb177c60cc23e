package org.p2csync.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The sellable products both seeders agree on: numbers, units, prices per company. The ERP has all of them (in one or
 * both companies); the CRM has every second one already, flagged externally maintained, so seeded CRM quotes and
 * orders can reference products the products flow would otherwise create.
 */
final class SeedCatalog {
    /** ERP sales unit symbol -> CRM unit (uoms.name). */
    static final List<String[]> UNITS = List.of(
            new String[] {"ea", "Each"}, new String[] {"box", "Box"}, new String[] {"kg", "kg"},
            new String[] {"h", "Hour"}, new String[] {"dz", "Dozen"});

    record Product(String number, String name, String description, int unit, BigDecimal usdPrice,
                   BigDecimal cost, boolean service, int decimals, Set<String> companies, boolean inCrm) {
        String crmId() {
            return guid("product:" + number);
        }

        String unitSymbol() {
            return UNITS.get(unit)[0];
        }

        String unitName() {
            return UNITS.get(unit)[1];
        }

        String unitId() {
            return uomId(unitName());
        }

        /** EUR prices are the USD price times 0.92, rounded to cents: a fixed sandbox rate. */
        BigDecimal price(String company) {
            return company.equals(SandboxIds.COMPANY_DEMF)
                    ? usdPrice.multiply(new BigDecimal("0.92")).setScale(2, RoundingMode.HALF_UP)
                    : usdPrice;
        }

        boolean soldIn(String company) {
            return companies.contains(company);
        }
    }

    private static final String[] NOUNS = {"Speaker", "Cable", "Projector", "Desk", "Chair", "Monitor", "Router",
            "Lamp", "Camera", "Headset", "Printer", "Scanner", "Drill", "Saw", "Glue", "Paint"};
    private static final String[] ADJECTIVES = {"Standard", "Premium", "Compact", "Outdoor", "Wireless", "Heavy-duty",
            "Eco", "Mini"};
    private static final String[] COLOURS = {"BLK", "WHT", "RED"};

    private final List<Product> products;

    private SeedCatalog(List<Product> products) {
        this.products = List.copyOf(products);
    }

    List<Product> products() {
        return products;
    }

    /**
     * {@code size} catalogue entries; every sixth comes in three colours, each a product of its own number
     * ({@code D1005-BLK}): sellable released products have no master number.
     */
    static SeedCatalog generate(int size, long seed) {
        Random random = new Random(seed ^ 0x9a7a1L);
        List<Product> products = new ArrayList<>();
        int i = 0;
        while (products.size() < size) {
            String name = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + NOUNS[random.nextInt(NOUNS.length)];
            String base = String.format("D%04d", 1000 + i);
            boolean service = random.nextInt(10) == 0;
            int unit = service ? 3 : random.nextInt(3);
            BigDecimal price = BigDecimal.valueOf(500 + random.nextInt(200_000), 2);
            BigDecimal cost = price.multiply(BigDecimal.valueOf(40 + random.nextInt(40), 2)).setScale(2, RoundingMode.HALF_UP);
            double where = random.nextDouble();
            Set<String> companies = where < 0.7 ? Set.of(SandboxIds.DEFAULT_COMPANY, SandboxIds.COMPANY_DEMF)
                    : where < 0.85 ? Set.of(SandboxIds.DEFAULT_COMPANY) : Set.of(SandboxIds.COMPANY_DEMF);
            int decimals = unit == 2 ? 3 : 0;
            if (i % 6 == 5 && !service) {
                for (String colour : COLOURS) {
                    if (products.size() < size) {
                        products.add(new Product(base + "-" + colour, name + " " + colour,
                                name + " in " + colour.toLowerCase(), unit, price, cost, false, decimals, companies,
                                products.size() % 2 == 0));
                    }
                }
            } else {
                products.add(new Product(base, name, "The " + name.toLowerCase() + " (" + base + ")", unit, price,
                        cost, service, decimals, companies, products.size() % 2 == 0));
            }
            i++;
        }
        return new SeedCatalog(products);
    }

    static String guid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String uomId(String name) {
        return guid("uom:" + name);
    }
}
