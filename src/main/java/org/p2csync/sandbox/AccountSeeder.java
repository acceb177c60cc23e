package org.p2csync.sandbox;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Deterministic CRM accounts with multilingual names and addresses, awkward account numbers, and blocks of rows
 * sharing one modifiedon so cursors meet ties. Address values fit the ERP's tight limits (zip and state 10
 * characters) and countries come only from the list the accounts mapping's value map covers. Each account is owned
 * by the default team of its unit (EUR accounts: demf, the others usmf).
 */
final class AccountSeeder {
    /** Every row of a block of this many shares one modifiedon second. */
    static final int TIE_BLOCK = 50;
    static final OffsetDateTime EPOCH = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private record Region(List<String> countries, String script, String currency, List<String> cities,
                          List<String> states, List<String> counties, String postalPattern) {}

    private static final List<Region> REGIONS = List.of(
            new Region(List.of("United States", "USA", ""), "latin", SandboxIds.CURRENCY_USD,
                    List.of("Seattle", "New York", "Chicago", "Austin"), List.of("WA", "NY", "IL", "TX"),
                    List.of("King", "Kings", "Cook", "Travis"), "#####"),
            new Region(List.of("Germany", "Deutschland"), "latin", SandboxIds.CURRENCY_EUR,
                    List.of("München", "Köln", "Düsseldorf", "Straße am Weiß"), List.of("BY", "NW", "BE"),
                    List.of("Oberbayern", "Rheinland"), "#####"),
            new Region(List.of("France"), "latin", SandboxIds.CURRENCY_EUR,
                    List.of("Paris", "Lyon", "Besançon", "Orléans"), List.of("IDF", "ARA", "BFC"),
                    List.of("Rhône", "Doubs"), "#####"),
            new Region(List.of("United Kingdom"), "latin", SandboxIds.CURRENCY_EUR,
                    List.of("London", "Manchester", "St Albans"), List.of("ENG", "SCT"),
                    List.of("Kent", "Herts"), "SW# #AA"),
            new Region(List.of("Russia", "Россия"), "cyrillic", SandboxIds.CURRENCY_USD,
                    List.of("Москва", "Санкт-Петербург", "Новосибирск"), List.of("MOW", "SPE", "NVS"),
                    List.of("ЦАО", "Невский"), "######"),
            new Region(List.of("Saudi Arabia", "المملكة العربية السعودية"), "arabic", SandboxIds.CURRENCY_USD,
                    List.of("الرياض", "جدة", "Riyadh"), List.of("01", "02"), List.of("العليا"), "#####"),
            new Region(List.of("China", "中国"), "chinese", SandboxIds.CURRENCY_USD,
                    List.of("北京", "上海", "深圳"), List.of("BJ", "SH", "GD"), List.of("朝阳区", "浦东"), "######"),
            new Region(List.of("Egypt"), "arabic", SandboxIds.CURRENCY_USD,
                    List.of("القاهرة", "Alexandria"), List.of("C", "ALX"), List.of("Giza"), "#####"),
            new Region(List.of("Japan"), "chinese", SandboxIds.CURRENCY_USD,
                    List.of("東京", "大阪", "Osaka"), List.of("13", "27"), List.of("港区"), "###-####"));

    private static final Map<String, List<String>> NAMES = Map.of(
            "latin", List.of("Müller & Söhne GmbH", "O'Brien \"Quality\" Ltd", "Café Crème SARL", "Łódź Trading Sp. z o.o.",
                    "Åkesson & Ødegård AB", "Núñez y Asociados S.A.", "Dupont Frères", "Contoso Ltd", "Fabrikam, Inc.",
                    "Adventure Works Cycles", "Northwind Traders", "Société Générale de Négoce", "Jürgen Weiß KG",
                    "Smith's \"Best\" Tools"),
            "cyrillic", List.of("ООО «Ромашка»", "АО «Северсталь Торг»", "Газпром Сбыт", "ИП Иванов И.И.", "ЗАО Вектор"),
            "arabic", List.of("شركة الأفق للتجارة", "مؤسسة النور", "الرياض للصناعات", "مجموعة الخليج"),
            "chinese", List.of("北京科技有限公司", "上海贸易集团", "深圳电子有限公司", "广州食品股份有限公司"));

    private static final int[] OTHER_TYPES = {1, 2, 4, 5, 6, 7, 9, 10, 11, 12};
    private static final String[] ODD_NUMBERS = {"O'NEIL-%04d", "A&B %d/3#?", "K&L %05d", "D'ARCY %d/7", "Q?%05d#X",
            "M&S %d #?"};

    private AccountSeeder() {}

    static void seed(SimulatedService crm, int accounts, long seed) throws SQLException {
        Random random = new Random(seed);
        crm.inTransaction(() -> {
            EntityTable table = crm.table("accounts");
            List<Map<String, Object>> chunk = new ArrayList<>();
            for (int i = 0; i < accounts; i++) {
                Map<String, Object> row = account(i, random);
                OffsetDateTime stamp = EPOCH.plusMinutes(i / TIE_BLOCK);
                row.put("createdon", stamp);
                row.put("modifiedon", stamp);
                chunk.add(row);
                if (chunk.size() == 1000) {
                    table.insertAll(crm.connection(), chunk);
                    chunk.clear();
                }
            }
            table.insertAll(crm.connection(), chunk);
            return null;
        });
    }

    /** One account's business fields (no server timestamps); {@code index} makes its account number unique. */
    static Map<String, Object> account(int index, Random random) {
        Region region = REGIONS.get(random.nextInt(REGIONS.size()));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("accountid", new UUID(random.nextLong(), random.nextLong()).toString());
        row.put("accountnumber", accountNumber(index, random));
        row.put("name", name(region, index, random));
        double type = random.nextDouble();
        row.put("customertypecode", type < 0.7 ? 3 : type < 0.9 ? 8 : OTHER_TYPES[random.nextInt(OTHER_TYPES.length)]);
        row.put("emailaddress1", "info" + index + "@example-" + (index % 97) + ".com");
        row.put("telephone1", "+1 555 " + String.format("%04d", random.nextInt(10000)));
        row.put("fax", random.nextInt(3) == 0 ? "+1 555 " + String.format("%04d", random.nextInt(10000)) : null);
        row.put("websiteurl", "https://www.example" + index + ".com");
        row.put("description", random.nextInt(4) == 0 ? null
                : "Key account since " + (2000 + random.nextInt(24)) + ".\nSays \"hello\" & waves; ümlauts, 中文.");
        row.put("creditlimit", random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(10_000_000), 2));
        row.put("numberofemployees", random.nextInt(5) == 0 ? null : 1 + random.nextInt(50_000));
        address(row, "address1", region, random);
        if (random.nextInt(10) < 6) {
            address(row, "address2", region, random);
        } else {
            for (String f : List.of("line1", "city", "postalcode", "stateorprovince", "county", "country")) {
                row.put("address2_" + f, null);
            }
        }
        row.put("_transactioncurrencyid_value", region.currency);
        // The company follows the currency (no draw from the random sequence, so seeds stay as they were).
        owned(row, businessUnitOf(region.currency));
        int state = random.nextInt(50) == 0 ? 1 : 0;
        row.put("statecode", state);
        row.put("statuscode", state + 1);
        return row;
    }

    private static String accountNumber(int index, Random random) {
        if (index % TIE_BLOCK == 17) {
            return String.format(ODD_NUMBERS[(index / TIE_BLOCK) % ODD_NUMBERS.length], index);
        }
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            letters.append((char) ('A' + random.nextInt(26)));
        }
        return String.format("ACC-%05d-%s", 1000 + index, letters);
    }

    private static String name(Region region, int index, Random random) {
        List<String> pool = NAMES.get(random.nextInt(8) == 0 ? "latin" : region.script);
        String name = pool.get(random.nextInt(pool.size())) + " " + (index + 1);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static void address(Map<String, Object> row, String prefix, Region region, Random random) {
        row.put(prefix + "_line1", (1 + random.nextInt(999)) + " " + pick(region.cities, random) + " Street");
        row.put(prefix + "_city", pick(region.cities, random));
        row.put(prefix + "_postalcode", postal(region.postalPattern, random));
        row.put(prefix + "_stateorprovince", pick(region.states, random));
        row.put(prefix + "_county", random.nextBoolean() ? pick(region.counties, random) : null);
        row.put(prefix + "_country", random.nextInt(40) == 0 ? null : pick(region.countries, random));
    }

    private static String postal(String pattern, Random random) {
        StringBuilder s = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            s.append(c == '#' ? (char) ('0' + random.nextInt(10)) : c);
        }
        return s.toString();
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    /** EUR records belong to the demf business unit, all others to usmf. */
    static String businessUnitOf(String currencyId) {
        return SandboxIds.CURRENCY_EUR.equals(currencyId) ? SandboxIds.BU_DEMF : SandboxIds.BU_USMF;
    }

    static String companyOf(String businessUnitId) {
        return SandboxIds.BU_DEMF.equals(businessUnitId) ? SandboxIds.COMPANY_DEMF : SandboxIds.DEFAULT_COMPANY;
    }

    static String teamOf(String businessUnitId) {
        return SandboxIds.BU_DEMF.equals(businessUnitId) ? SandboxIds.TEAM_DEMF : SandboxIds.TEAM_USMF;
    }

    /** Owned by the unit's default team, as Dataverse records it: owner, owning team and owning business unit. */
    static void owned(Map<String, Object> row, String businessUnitId) {
        row.put(WriteRules.OWNER_VALUE, teamOf(businessUnitId));
        row.put(WriteRules.OWNING_TEAM, teamOf(businessUnitId));
        row.put(WriteRules.OWNING_BUSINESS_UNIT, businessUnitId);
    }
}
