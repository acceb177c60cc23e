package org.p2csync.mapping;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints how long mapping one run's worth of accounts takes with the shipped accounts.yaml. A program, not a test:
 * run it with {@code java -cp target/classes:target/test-classes:<deps> org.p2csync.mapping.MappingBenchmark}.
 */
public final class MappingBenchmark {
    private static final int RECORDS = 20_000;

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "mappings/accounts.yaml");
        // through its folder, so the shared value maps it names are there
        Mapping mapping = Mappings.load(file.getParent()).mapping(file.getFileName().toString().replace(".yaml", ""));
        List<Map<String, Object>> rows = new ArrayList<>(RECORDS);
        String[] countries = {"United States", "Россия", "中国", "المملكة العربية السعودية", "Germany", null};
        for (int i = 0; i < RECORDS; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("accountid", "id-" + i);
            row.put("accountnumber", "ACC-" + i);
            row.put("name", "Customer " + i);
            row.put("customertypecode", i % 10 == 0 ? 8 : 3);
            row.put("emailaddress1", "c" + i + "@example.com");
            row.put("creditlimit", BigDecimal.valueOf(i * 10L));
            row.put("numberofemployees", i % 500);
            row.put("address1_line1", i + " Main Street");
            row.put("address1_city", "City " + (i % 100));
            row.put("address1_country", countries[i % countries.length]);
            row.put("_transactioncurrencyid_value", "5c5a9f3e-0000-4000-8000-000000000840");
            rows.add(row);
        }
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            int mapped = 0;
            for (Map<String, Object> row : rows) {
                if (mapping.apply(row, Lookups.NONE) instanceof MapResult.Mapped) {
                    mapped++;
                }
            }
            long micros = (System.nanoTime() - start) / 1_000;
            System.out.printf("round %d: %d records (%d mapped) in %d ms, %.1f us/record%n",
                    round, RECORDS, mapped, micros / 1_000, (double) micros / RECORDS);
        }
    }
}
