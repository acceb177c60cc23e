package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target.assigned}: fields the target service assigns (F&amp;O's PartyNumber) are never written by the mapping,
 * are checked against $metadata like other target fields, and can be named by other areas' lookups, which wait while
 * the value is not known.
 */
class AssignedFieldsTest {
    private static final Path DIR = Path.of("src/test/resources/mappings");

    @Test
    void theAssignedFieldsAreTheTargetsAndNeverInThePayload() {
        Mapping customers = new MappingLoader().load(DIR.resolve("assigned.yaml"));

        assertThat(customers.target().assigned()).containsExactly("PartyNumber");
        MapResult mapped = customers.apply(Map.of("accountid", "g1", "accountnumber", "A-1", "name", "Acme"),
                Lookups.NONE);
        assertThat(((MapResult.Mapped) mapped).record().payload()).doesNotContainKey("PartyNumber");
        assertThat(new MappingLoader().load(DIR.resolve("transforms.yaml")).target().assigned()).isEmpty();
    }

    @Test
    void aRuleWritingAnAssignedFieldAKeyFieldNamedAsAssignedAndRepeatsAreErrorsAtTheirLines() {
        Path file = DIR.resolve("assigned-problems.yaml");

        MappingException e = catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(file));

        assertThat(e.problems()).containsExactly(
                file + ":9: target key field CustomerAccount cannot be assigned by the target: the mapping writes the"
                        + " key to address the record",
                file + ":10: target assigned names PartyNumber twice",
                file + ":12: company field CompanyId is assigned by the target (target assigned): the mapping reads it"
                        + " back and cannot write it; remove the rule or the name from target assigned",
                file + ":16: field PartyNumber is assigned by the target (target assigned): the mapping reads it back"
                        + " and cannot write it; remove the rule or the name from target assigned");
    }

    @Test
    void anEmptyListIsAnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("customers.yaml");
        Files.writeString(file, Files.readString(DIR.resolve("assigned.yaml")).replace("[PartyNumber]", "[]"));

        MappingException e = catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(file));

        assertThat(e.problems()).containsExactly(
                file + ":8: target assigned lists no field; e.g. assigned: [PartyNumber]");
    }

    @Test
    void assignedFieldsAreCheckedAgainstTheTargetsMetadataWithTheirLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("customers.yaml");
        Files.writeString(file, Files.readString(DIR.resolve("assigned.yaml"))
                .replace("[PartyNumber]", "[PartyNumber, PartyNumbr]"));
        Mapping customers = new MappingLoader().load(file);
        TestCatalog erp = TestCatalog.of("CustomersV3", TestCatalog.text("dataAreaId", 4),
                TestCatalog.text("CustomerAccount", 20), TestCatalog.text("OrganizationName", 100),
                TestCatalog.text("PartyNumber", 20));

        MappingException e = catchThrowableOfType(MappingException.class,
                () -> customers.validate(TestCatalog.crmAccounts(), erp));

        assertThat(e.problems()).containsExactly(
                file + ":8: unknown target field 'PartyNumbr' (target.assigned) in CustomersV3; did you mean PartyNumber?");
    }

    @Test
    void theAreasOfAFolderTellWhichFieldsTheirTargetsAssign(@TempDir Path dir) throws Exception {
        Files.copy(DIR.resolve("assigned.yaml"), dir.resolve("customers.yaml"));
        Files.copy(DIR.resolve("contact-persons.yaml"), dir.resolve("people.yaml"));

        Mappings mappings = Mappings.load(dir);

        assertThat(mappings.assignedFields("customers")).containsExactly("PartyNumber");
        assertThat(mappings.assignedFields("people")).isEmpty();
    }

    // --- lookups of an assigned field ---

    private final Mapping people = new MappingLoader().load(DIR.resolve("contact-persons.yaml"));

    private static Map<String, Object> contact(String parent) {
        Map<String, Object> row = new HashMap<>();
        row.put("contactid", "c1");
        row.put("contactnumber", "CP-1");
        row.put("_parentcustomerid_value", parent);
        return row;
    }

    /** The customers area synced g1 (PartyNumber known), g2 (written, PartyNumber not read back yet). */
    private static final Lookups SYNCED = new Lookups() {
        @Override
        public Optional<Map<String, Object>> targetKey(String area, String ref) {
            if (!area.equals("customers") || !ref.matches("g[12]")) {
                return Optional.empty();
            }
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("dataAreaId", "usmf");
            key.put("CustomerAccount", "A-" + ref);
            return Optional.of(key);
        }

        @Override
        public Map<String, Object> assignedValues(String area, String ref) {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("PartyNumber", ref.equals("g1") ? "000042" : null);
            return values;
        }
    };

    @Test
    void aLookupOfAnAssignedFieldResolvesToTheValueReadBack() {
        MapResult result = people.apply(contact("g1"), SYNCED);

        assertThat(((MapResult.Mapped) result).record().payload())
                .containsEntry("AssociatedPartyNumber", "000042")
                .containsEntry("CustomerAccount", "A-g1");
    }

    @Test
    void aRecordWrittenWhoseAssignedValueIsNotKnownYetMakesTheReferringRecordWait() {
        assertThat(people.apply(contact("g2"), SYNCED)).isEqualTo(new MapResult.Waiting(
                "customers record g2 (from _parentcustomerid_value) is synced but its PartyNumber is not known yet"));
        assertThat(people.apply(contact("g3"), SYNCED)).isEqualTo(new MapResult.Waiting(
                "customers record g3 (from _parentcustomerid_value) not synced yet"));
    }

    @Test
    void aFieldNeitherInTheKeyNorAssignedFailsTheRecordNamingBoth(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("people.yaml");
        Files.writeString(file, Files.readString(DIR.resolve("contact-persons.yaml"))
                .replace("field: PartyNumber", "field: PartyNumbr"));

        MapResult result = new MappingLoader().load(file).apply(contact("g1"), SYNCED);

        assertThat(result).isEqualTo(new MapResult.Failed("AssociatedPartyNumber", "the target key"
                + " {dataAreaId=usmf, CustomerAccount=A-g1} that customers wrote for g1 has no field PartyNumbr, nor is"
                + " it one of the fields its target assigns [PartyNumber]"));
    }
}
