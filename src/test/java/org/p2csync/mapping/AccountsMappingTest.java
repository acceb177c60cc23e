package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.p2csync.schema.RealSchemaCatalog;
import org.p2csync.schema.RealSchemas;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.FieldInfo;
import org.p2csync.sync.TargetRecord;

/** The shipped mappings/accounts.yaml, loaded and applied as the accounts route will. */
class AccountsMappingTest {
    private static final Path FILE = Path.of("mappings/accounts.yaml");
    private static final String USD = "5c5a9f3e-0000-4000-8000-000000000840";
    private static final String EUR = "5c5a9f3e-0000-4000-8000-000000000978";

    /** Dataverse and F&O as their published schemas describe them (with p2c-sync's own CRM columns). */
    private static final FieldCatalog CRM = RealSchemaCatalog.crm(RealSchemas.shipped());
    private static final FieldCatalog ERP = RealSchemaCatalog.erp(RealSchemas.shipped());

    private final Mapping mapping = Mappings.load(FILE.getParent()).mapping("accounts");

    private static Map<String, Object> customer(String number, String name) {
        Map<String, Object> row = new HashMap<>();
        row.put("accountid", "0d1c7a52-0000-4000-8000-000000000001");
        row.put("accountnumber", number);
        row.put("name", name);
        row.put("customertypecode", 3);
        row.put("emailaddress1", "info@example.com");
        row.put("telephone1", "+1 425 555 0100");
        row.put("fax", null);
        row.put("websiteurl", "https://example.com");
        row.put("description", "Key account");
        row.put("creditlimit", new BigDecimal("25000"));
        row.put("numberofemployees", 120);
        row.put("address1_line1", "1 Main Street");
        row.put("address1_city", "Redmond");
        row.put("address1_postalcode", "98052");
        row.put("address1_stateorprovince", "WA");
        row.put("address1_county", "King");
        row.put("address1_country", "United States");
        row.put("address2_country", "USA");
        row.put("_transactioncurrencyid_value", USD);
        row.put("modifiedon", "2026-11-20T10:00:00Z");
        return row;
    }

    private TargetRecord mapped(Map<String, Object> row) {
        MapResult result = mapping.apply(row, Lookups.NONE);
        assertThat(result).isInstanceOf(MapResult.Mapped.class);
        return ((MapResult.Mapped) result).record();
    }

    @Test
    void customerBecomesAnExternallyMaintainedOrganisationOfTheDefaultCompany() {
        TargetRecord record = mapped(customer("ACC-01000-BVRCPS", "Contoso Ltd"));

        assertThat(record.key()).containsExactly(
                Map.entry("dataAreaId", "usmf"), Map.entry("CustomerAccount", "ACC-01000-BVRCPS"));
        assertThat(record.keyString()).isEqualTo("usmf|ACC-01000-BVRCPS");
        Map<String, Object> p = record.payload();
        assertThat(p).containsEntry("OrganizationName", "Contoso Ltd")
                .containsEntry("PartyType", "Organization")
                .containsEntry("CustomerGroupId", "10")
                .containsEntry("LanguageId", "en-us")
                .containsEntry("IsExternallyMaintained", "Yes")
                .containsEntry("SalesCurrencyCode", "USD")
                .containsEntry("PrimaryContactEmail", "info@example.com")
                .containsEntry("PrimaryContactPhone", "+1 425 555 0100")
                .containsEntry("PrimaryContactFax", null)
                .containsEntry("PrimaryContactURL", "https://example.com")
                .containsEntry("SalesMemo", "Key account")
                .containsEntry("CreditLimit", new BigDecimal("25000.00"))
                .containsEntry("OrganizationNumberOfEmployees", 120L)
                .containsEntry("DeliveryAddressStreet", "1 Main Street")
                .containsEntry("DeliveryAddressCity", "Redmond")
                .containsEntry("DeliveryAddressZipCode", "98052")
                .containsEntry("DeliveryAddressState", "WA")
                .containsEntry("DeliveryAddressCounty", "King")
                .containsEntry("DeliveryAddressCountryRegionISOCode", "US")
                .containsEntry("InvoiceAddressCountryRegionISOCode", "US")
                .containsEntry("InvoiceAddressStreet", null);
        assertThat(p.keySet()).hasSize(27).first().isEqualTo("dataAreaId");
    }

    static Stream<Arguments> multilingualCustomers() {
        return Stream.of(
                arguments("ACC-RU-1", "ООО «Ромашка»", "Россия", "RU"),
                arguments("ACC-SA-1", "شركة الاتصالات السعودية", "المملكة العربية السعودية", "SA"),
                arguments("ACC-CN-1", "北京测试有限公司", "中国", "CN"),
                arguments("ACC-DE-1", "Müller & Söhne GmbH", "Deutschland", "DE"),
                arguments("O'BRIEN-1", "O'Brien's \"Best\" Pub", "United Kingdom", "GB"),
                arguments("ACC-EG-1", "Cairo Trading", "Egypt", "EG"),
                arguments("ACC-JP-1", "株式会社テスト", "Japan", "JP"),
                arguments("ACC-FR-1", "L'Oréal Distribution", "France", "FR"),
                arguments("ACC-SA-2", "Saudi Trading", "Saudi Arabia", "SA"),
                arguments("ACC-RU-2", "Moscow Trading", "Russia", "RU"),
                arguments("ACC-CN-2", "Shanghai Trading", "China", "CN"),
                arguments("ACC-DE-2", "Berlin Trading", "Germany", "DE"));
    }

    @ParameterizedTest
    @MethodSource("multilingualCustomers")
    void namesInAnyScriptArriveByteExactAndCountriesBecomeIsoCodes(
            String number, String name, String country, String iso) {
        Map<String, Object> row = customer(number, name);
        row.put("address1_country", country);

        TargetRecord record = mapped(row);

        assertThat(record.payload().get("OrganizationName")).isEqualTo(name);
        assertThat(record.payload().get("CustomerAccount")).isEqualTo(number);
        assertThat(record.payload().get("DeliveryAddressCountryRegionISOCode")).isEqualTo(iso);
    }

    @Test
    void prospectsAndOtherRelationshipTypesAreFilteredWithTheReason() {
        Map<String, Object> prospect = customer("ACC-P", "Prospect Inc");
        prospect.put("customertypecode", 8);
        Map<String, Object> untyped = customer("ACC-U", "Untyped Inc");
        untyped.put("customertypecode", null);

        assertThat(mapping.apply(prospect, Lookups.NONE))
                .isEqualTo(new MapResult.Filtered("customertypecode is 8, not 3"));
        assertThat(mapping.apply(untyped, Lookups.NONE))
                .isEqualTo(new MapResult.Filtered("customertypecode is empty, not 3"));
    }

    @Test
    void accountWithoutNumberFailsNamingCustomerAccount() {
        for (String missing : new String[] {null, "", "   "}) {
            MapResult result = mapping.apply(customer(missing, "No Number Ltd"), Lookups.NONE);

            assertThat(result).isEqualTo(
                    new MapResult.Failed("CustomerAccount", "required, but accountnumber is empty"));
        }
    }

    @Test
    void unknownCountryFailsNamingFieldValueAndTable() {
        Map<String, Object> row = customer("ACC-X", "Atlantis Corp");
        row.put("address1_country", "Atlantis");

        MapResult result = mapping.apply(row, Lookups.NONE);

        assertThat(result).isInstanceOf(MapResult.Failed.class);
        MapResult.Failed failed = (MapResult.Failed) result;
        assertThat(failed.field()).isEqualTo("DeliveryAddressCountryRegionISOCode");
        assertThat(failed.reason()).isEqualTo("value 'Atlantis' of address1_country is not in value map 'countryIso2'");
    }

    @Test
    void countryKeysCompareExactlySoAnotherSpellingFails() {
        Map<String, Object> row = customer("ACC-X", "Lowercase Corp");
        row.put("address1_country", "germany");

        assertThat(mapping.apply(row, Lookups.NONE)).isInstanceOf(MapResult.Failed.class);
    }

    @Test
    void blankCountryBecomesUs() {
        for (String blank : new String[] {null, "", "  "}) {
            Map<String, Object> row = customer("ACC-B", "Blank Country Ltd");
            row.put("address1_country", blank);

            assertThat(mapped(row).payload()).containsEntry("DeliveryAddressCountryRegionISOCode", "US");
        }
    }

    @Test
    void surroundingSpacesAreTrimmedBeforeTheCountryIsLookedUp() {
        Map<String, Object> row = customer("  ACC-T  ", "  Trimmed Ltd ");
        row.put("address1_country", " Japan ");

        Map<String, Object> p = mapped(row).payload();

        assertThat(p).containsEntry("CustomerAccount", "ACC-T")
                .containsEntry("OrganizationName", "Trimmed Ltd")
                .containsEntry("DeliveryAddressCountryRegionISOCode", "JP");
    }

    @Test
    void currencyIdBecomesIsoCodeAndAnUnknownCurrencyFails() {
        Map<String, Object> euro = customer("ACC-E", "Euro GmbH");
        euro.put("_transactioncurrencyid_value", EUR);
        Map<String, Object> odd = customer("ACC-O", "Odd Currency");
        odd.put("_transactioncurrencyid_value", "11111111-0000-4000-8000-000000000000");

        assertThat(mapped(euro).payload()).containsEntry("SalesCurrencyCode", "EUR");
        assertThat(mapping.apply(odd, Lookups.NONE)).isEqualTo(new MapResult.Failed("SalesCurrencyCode",
                "value '11111111-0000-4000-8000-000000000000' of _transactioncurrencyid_value is not in value map"
                        + " 'currencyCode'"));
    }

    @Test
    void hashIsStableAcrossLoadsAndSourceFieldOrder() {
        Map<String, Object> row = customer("ACC-H", "Hash Ltd");
        List<String> reversed = new ArrayList<>(row.keySet());
        Collections.reverse(reversed);
        Map<String, Object> reordered = new LinkedHashMap<>();
        reversed.forEach(k -> reordered.put(k, row.get(k)));

        String first = hash(mapping, row);
        String again = hash(Mappings.load(FILE.getParent()).mapping("accounts"), reordered);

        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(again);
    }

    @Test
    void hashIgnoresTrailingZerosButChangesWithAnyField() {
        Map<String, Object> row = customer("ACC-H", "Hash Ltd");
        Map<String, Object> sameAmount = customer("ACC-H", "Hash Ltd");
        sameAmount.put("creditlimit", 25000.0);
        Map<String, Object> renamed = customer("ACC-H", "Hash Ltd.");
        Map<String, Object> moved = customer("ACC-H", "Hash Ltd");
        moved.put("address1_city", "Seattle");

        assertThat(hash(mapping, sameAmount)).isEqualTo(hash(mapping, row));
        assertThat(hash(mapping, renamed)).isNotEqualTo(hash(mapping, row));
        assertThat(hash(mapping, moved)).isNotEqualTo(hash(mapping, row)).isNotEqualTo(hash(mapping, renamed));
    }

    private static String hash(Mapping m, Map<String, Object> row) {
        return ((MapResult.Mapped) m.apply(row, Lookups.NONE)).hash();
    }

    @Test
    void readSpecSelectsEveryFieldTheMappingReadsSorted() {
        assertThat(mapping.area()).isEqualTo("accounts");
        assertThat(mapping.source()).isEqualTo(
                new SourceSpec("crm", "accounts", "accountid", "accountnumber", "modifiedon"));
        assertThat(mapping.target()).isEqualTo(new TargetSpec("erp", "CustomersV3", List.of("dataAreaId",
                "CustomerAccount"), null, TargetSpec.Write.UPSERT, List.of("PartyNumber"), false));
        assertThat(mapping.readSpec().entitySet()).isEqualTo("accounts");
        assertThat(mapping.readSpec().idField()).isEqualTo("accountid");
        assertThat(mapping.readSpec().keyField()).isEqualTo("accountnumber");
        assertThat(mapping.readSpec().modifiedField()).isEqualTo("modifiedon");
        assertThat(mapping.readSpec().select()).containsExactly(
                "_owningbusinessunit_value", "_transactioncurrencyid_value", "accountid", "accountnumber",
                "address1_city", "address1_country", "address1_county", "address1_line1", "address1_postalcode",
                "address1_stateorprovince",
                "address2_city", "address2_country", "address2_county", "address2_line1", "address2_postalcode",
                "address2_stateorprovince",
                "creditlimit", "customertypecode", "description", "emailaddress1", "fax", "modifiedon", "name",
                "numberofemployees", "telephone1", "websiteurl");
    }

    @Test
    void validatesAgainstTheServicesMetadata() {
        mapping.validate(CRM, ERP);
    }

    @Test
    void validationNamesATargetFieldTheErpDoesNotHave() throws Exception {
        FieldCatalog older = without(ERP, "CustomersV3", "SalesMemo");
        int line = lineOf("SalesMemo:");

        assertThatThrownBy(() -> mapping.validate(CRM, older))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.problems()).containsExactly(
                        FILE + ":" + line + ": unknown target field 'SalesMemo' in CustomersV3"));
    }

    /** The catalog as an older service version would describe it: one entity set lacks one field. */
    private static FieldCatalog without(FieldCatalog catalog, String entitySet, String field) {
        return new FieldCatalog() {
            @Override
            public Optional<EntitySetInfo> entitySet(String name) {
                return catalog.entitySet(name).map(set -> {
                    if (!name.equals(entitySet)) {
                        return set;
                    }
                    Map<String, FieldInfo> fields = new LinkedHashMap<>(set.fields());
                    fields.remove(field);
                    return new EntitySetInfo(name, set.keys(), fields, set.navigation(), set.navigationKnown());
                });
            }

            @Override
            public Optional<Map<String, FieldInfo>> fields(String name) {
                return entitySet(name).map(EntitySetInfo::fields);
            }
        };
    }

    /** The line of the shipped file a text first appears on, so edits above it do not break the test. */
    private static int lineOf(String text) throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(FILE);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + FILE);
    }
}
