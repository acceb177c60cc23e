package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables of mappings/shared/value-maps.yaml serve every mapping file by name; a file's own table wins. */
class SharedValueMapsTest {
    private static final String SHARED = """
            valueMaps:
              currencyCode:
                entries:
                  guid-usd: USD
                  guid-eur: EUR
                fallback: error
              country:
                entries: { Germany: DE }
                blank: US
            """;

    private static final String ACCOUNTS = """
            area: accounts
            source: { system: crm, entity: accounts, id: accountid, key: accountnumber, modified: modifiedon }
            target: { system: erp, entity: CustomersV3, key: [dataAreaId, CustomerAccount] }
            company: { field: dataAreaId, default: usmf }
            %s
            fields:
              CustomerAccount: { from: accountnumber }
              SalesCurrencyCode: { from: _transactioncurrencyid_value, valueMap: currencyCode }
              DeliveryAddressCountryRegionISOCode: { from: address1_country, valueMap: country }
            """;

    @TempDir
    Path dir;

    private void write(String shared, String ownTables) throws Exception {
        Files.createDirectories(dir.resolve("shared"));
        Files.writeString(dir.resolve("shared/value-maps.yaml"), shared);
        Files.writeString(dir.resolve("accounts.yaml"), ACCOUNTS.formatted(ownTables));
    }

    private static Map<String, Object> payload(Mapping mapping, String currency, String country) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("accountid", "a-1");
        row.put("accountnumber", "ACC-1");
        row.put("_transactioncurrencyid_value", currency);
        row.put("address1_country", country);
        return ((MapResult.Mapped) mapping.apply(row, Lookups.NONE)).record().payload();
    }

    @Test
    void aMappingUsesSharedTablesByNameAndItsOwnTableWins() throws Exception {
        write(SHARED, """
                valueMaps:
                  country:
                    entries: { Germany: DEU }
                """);

        Mapping accounts = Mappings.load(dir).mapping("accounts");

        assertThat(payload(accounts, "guid-eur", "Germany"))
                .containsEntry("SalesCurrencyCode", "EUR")
                .containsEntry("DeliveryAddressCountryRegionISOCode", "DEU");
        assertThat(Mappings.load(dir).areas()).as("shared/ holds no area").containsExactly("accounts");
    }

    @Test
    void aBrokenSharedFileIsReportedWithItsOwnPathAndLine() throws Exception {
        write(SHARED.replace("fallback: error", "fallbak: error"), "");

        MappingException e = catchThrowableOfType(MappingException.class, () -> Mappings.load(dir));

        assertThat(e.problems()).singleElement().asString()
                .startsWith(dir.resolve("shared/value-maps.yaml") + ":6: unknown key 'fallbak'");
    }

    @Test
    void aSharedValueTooLongForTheTargetFieldIsNamedWhereItIsUsedAndWhereItIsWritten() throws Exception {
        write(SHARED.replace("guid-eur: EUR", "guid-eur: EURO"), "");
        Mapping accounts = Mappings.load(dir).mapping("accounts");

        MappingException e = catchThrowableOfType(MappingException.class,
                () -> accounts.validate(TestCatalog.crmAccounts(), TestCatalog.erpCustomers()));

        assertThat(e.problems()).singleElement().asString()
                .startsWith(dir.resolve("accounts.yaml") + ":8: ")
                .contains("(" + dir.resolve("shared/value-maps.yaml") + ":5)")
                .contains("'EURO' is 4 characters, longer than SalesCurrencyCode's MaxLength 3");
    }

    @Test
    void companyBusinessUnitsMayNameASharedTable() throws Exception {
        write(SHARED + """
                  companyOfBusinessUnit:
                    entries: { bu-1: usmf, bu-2: demf }
                """, "");
        Files.writeString(dir.resolve("accounts.yaml"), ACCOUNTS.formatted("").replace(
                "company: { field: dataAreaId, default: usmf }",
                "company: { field: dataAreaId, from: _owningbusinessunit_value, businessUnits: companyOfBusinessUnit }"));
        Mapping accounts = Mappings.load(dir).mapping("accounts");
        Map<String, Object> row = new java.util.HashMap<>();
        row.put("accountid", "a-1");
        row.put("accountnumber", "ACC-1");
        row.put("_owningbusinessunit_value", "bu-2");

        assertThat(((MapResult.Mapped) accounts.apply(row, Lookups.NONE)).record().key())
                .containsEntry("dataAreaId", "demf");
        row.put("_owningbusinessunit_value", "bu-mars");
        assertThat(accounts.apply(row, Lookups.NONE)).isInstanceOfSatisfying(MapResult.Failed.class,
                f -> assertThat(f.reason()).contains("'bu-mars'").contains("companyOfBusinessUnit"));

        Files.writeString(dir.resolve("accounts.yaml"), Files.readString(dir.resolve("accounts.yaml"))
                .replace("businessUnits: companyOfBusinessUnit", "businessUnits: companyOfBusinesUnit"));
        MappingException e = catchThrowableOfType(MappingException.class, () -> Mappings.load(dir));
        assertThat(e.problems()).singleElement().asString().contains(
                "company businessUnits names no value map 'companyOfBusinesUnit'; did you mean companyOfBusinessUnit?");
    }

    @Test
    void aTableNoFileDefinesIsUnknownWithAHint() throws Exception {
        Files.writeString(dir.resolve("accounts.yaml"), ACCOUNTS.formatted(""));

        MappingException e = catchThrowableOfType(MappingException.class, () -> Mappings.load(dir));

        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("unknown value map 'currencyCode'"));
    }
}
