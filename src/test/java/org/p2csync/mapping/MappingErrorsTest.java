package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sync.FieldCatalog;

/** Every way a mapping file can be wrong is reported as file:line: message, all at once. */
class MappingErrorsTest {
    private static final Path DIR = Path.of("src/test/resources/mappings");

    private static MappingException loading(String name) {
        return catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(DIR.resolve(name)));
    }

    private static String at(String name, int line) {
        return DIR.resolve(name) + ":" + line + ": ";
    }

    @Test
    void unknownTopLevelKey() {
        MappingException e = loading("unknown-top-level-key.yaml");

        assertThat(e.problems()).containsExactly(at("unknown-top-level-key.yaml", 4)
                + "unknown key 'filters' in the mapping file; expected one of area, company, conflicts, fields, filter,"
                + " lines, onDelete, source, target, valueMaps");
        assertThat(e.file()).isEqualTo(DIR.resolve("unknown-top-level-key.yaml"));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).isEqualTo(e.problems().get(0));
    }

    @Test
    void unknownFieldOption() {
        assertThat(loading("unknown-field-option.yaml").problems()).containsExactly(
                at("unknown-field-option.yaml", 7) + "unknown key 'fromm' in field Name; expected one of bind, blank, case,"
                        + " concat, constant, date, default, from, guid, lookup, number, required, trim, truncate, type,"
                        + " valueMap");
    }

    @Test
    void yamlSyntaxError() {
        MappingException e = loading("syntax-error.yaml");

        assertThat(e.problems()).containsExactly(at("syntax-error.yaml", 6) + "YAML syntax error: while parsing a"
                + " flow mapping started at line 5; expected ',' or '}', but got :");
        assertThat(e.line()).isEqualTo(6);
    }

    @Test
    void duplicateKey() {
        assertThat(loading("duplicate-key.yaml").problems()).containsExactly(
                at("duplicate-key.yaml", 7) + "duplicate key 'Name' in fields (first at line 6)");
    }

    @Test
    void unknownValueMapNameWithSuggestion() {
        assertThat(loading("unknown-value-map.yaml").problems()).containsExactly(
                at("unknown-value-map.yaml", 9) + "unknown value map 'cuntry' in field Country; did you mean country?");
    }

    @Test
    void everyProblemOfAFileIsReportedAtOnceInLineOrder() {
        String f = "many-problems.yaml";
        assertThat(loading(f).problems()).containsExactly(
                at(f, 3) + "system in target must be one of crm, erp, not 'ERP'",
                at(f, 5) + "required in field Number must be true or false, not 'yes'",
                at(f, 6) + "case must be upper or lower, not 'title'",
                at(f, 7) + "field Amount uses number and type; use only one of number, date, type",
                at(f, 8) + "format 'yyyy-MM-dd bb' in date in field Day is not a date pattern: Unknown pattern letter:"
                        + " b",
                at(f, 9) + "field Both uses from and constant; use only one of from, constant, concat, lookup",
                at(f, 10) + "field Nothing needs one of from, constant, concat, lookup or default");
    }

    @Test
    void malformedSectionsFiltersValueMapsCompanyAndOptions() {
        String f = "more-problems.yaml";
        assertThat(loading(f).problems()).containsExactly(
                at(f, 2) + "entity in source must not be empty",
                at(f, 3) + "target key field Missing is not set by company or fields",
                at(f, 4) + "company businessUnits needs from: the business unit field",
                at(f, 4) + "company needs default (or from with businessUnits)",
                at(f, 7) + "unknown key 'equal' in condition in filter; expected one of all, any, equals, field, in,"
                        + " not, notEquals",
                at(f, 8) + "condition in filter needs exactly one of equals, notEquals, in",
                at(f, 14) + "fallback of value map colour must be error, keep or {value: X}, not 'ignore'",
                at(f, 16) + "missing key 'entries' in value map size",
                at(f, 19) + "field Company is already set by company",
                at(f, 20) + "missing key 'area' in lookup in field Parent",
                at(f, 21) + "concat in field Title must be a list, e.g. [firstname, \" \", lastname]",
                at(f, 22) + "truncate in field Short must be a whole number >= 0, not '-1'");
    }

    @Test
    void fileThatIsNotAMapping() {
        assertThat(loading("not-a-mapping.yaml").problems()).containsExactly(
                at("not-a-mapping.yaml", 1) + "the mapping file must be a mapping of key: value");
    }

    @Test
    void missingSectionsAndEmptyFile(@TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "# nothing yet\n");
        Path partial = Files.writeString(dir.resolve("partial.yaml"), "area: things\n");

        assertThat(catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(empty)).problems())
                .containsExactly(empty + ":1: the mapping file is empty");
        assertThat(catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(partial)).problems())
                .containsExactly(
                        partial + ":1: missing key 'source' in the mapping file",
                        partial + ":1: missing key 'target' in the mapping file",
                        partial + ":1: missing key 'fields' in the mapping file");
    }

    @Test
    void missingFileNamesTheFile(@TempDir Path dir) {
        Path absent = dir.resolve("absent.yaml");

        MappingException e = catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(absent));

        assertThat(e.problems()).singleElement().asString()
                .startsWith(absent + ": cannot read the mapping file: java.nio.file.NoSuchFileException");
        assertThat(e.line()).isZero();
    }

    @Test
    void aFilterInALinesSectionIsRefusedAtItsLineSayingToUseRequire() {
        assertThat(loading("lines-filter.yaml").problems()).containsExactly(at("lines-filter.yaml", 10)
                + "filter in lines would write the document without the lines it leaves out (a half-synced document);"
                + " use require: instead, the conditions every line must meet (a document with a line that does not is"
                + " held: neither header nor lines are written), e.g. require: [{field: _productid_value, notEquals: ~,"
                + " reason: write-in line (no product)}]");
    }

    @Test
    void requireConditionsAreCheckedAsFilterConditionsAndTheirReasonMustBeText() {
        String f = "lines-require-problems.yaml";
        assertThat(loading(f).problems()).containsExactly(
                at(f, 12) + "unknown key 'notEqual' in condition in require; expected one of all, any, equals, field,"
                        + " in, not, notEquals, reason",
                at(f, 15) + "reason in condition in require must be text, not the number 42 (quote it); e.g. reason:"
                        + " write-in line (no product)",
                at(f, 18) + "reason in condition in require must be text; e.g. reason: write-in line (no product)",
                at(f, 21) + "reason in condition in require must be text, not empty; e.g. reason: write-in line (no"
                        + " product)",
                at(f, 22) + "reason in condition in require must not be empty; e.g. reason: write-in line (no"
                        + " product)",
                // a reason belongs to a condition of require itself, not to one nested in any/all/not
                at(f, 22) + "unknown key 'reason' in condition in any; expected one of all, any, equals, field, in,"
                        + " not, notEquals",
                at(f, 23) + "condition in require needs exactly one of equals, notEquals, in");
    }

    @Test
    void anEmptyRequireIsAMistakeNotAnAcceptEverything(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("quotes.yaml");
        Files.writeString(file, Files.readString(DIR.resolve("lines-filter.yaml"))
                .replace("  filter:\n    - field: isproductoverridden\n      notEquals: true\n", "  require: []\n"));

        assertThat(catchThrowableOfType(MappingException.class, () -> new MappingLoader().load(file)).problems())
                .containsExactly(file + ":10: require is an empty list; give the conditions every line must meet, or"
                        + " leave require out");
    }

    @Test
    void targetSharedIsTrueOrFalseAndTheShippedProductsMappingSharesOneCrmProductAcrossCompanies(@TempDir Path dir)
            throws Exception {
        Path shipped = Path.of("mappings");
        assertThat(Mappings.load(shipped).mapping("products").target().shared())
                .as("a product released in usmf and demf is one CRM product").isTrue();
        assertThat(Mappings.load(shipped).mapping("accounts").target().shared()).as("the default").isFalse();

        Files.createDirectories(dir.resolve("shared"));
        Files.copy(shipped.resolve("shared/value-maps.yaml"), dir.resolve("shared/value-maps.yaml"));
        List<String> lines = Files.readAllLines(shipped.resolve("products.yaml"));
        int line = IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).trim().startsWith("shared: true")).findFirst().orElseThrow() + 1;
        lines.set(line - 1, lines.get(line - 1).replace("shared: true", "shared: yes"));
        Path file = Files.write(dir.resolve("products.yaml"), lines);

        assertThat(catchThrowableOfType(MappingException.class, () -> Mappings.load(dir)).problems())
                .containsExactly(file + ":" + line + ": shared in target must be true or false, not 'yes'");
    }

    private static final FieldCatalog THINGS = TestCatalog.of("things",
            TestCatalog.text("thingid", null), TestCatalog.text("number", 20), TestCatalog.text("name", 100),
            TestCatalog.text("first", 50), TestCatalog.text("lastname", 50), TestCatalog.typed("kind", "Edm.Int32"),
            TestCatalog.typed("modifiedon", "Edm.DateTimeOffset"));
    private static final FieldCatalog ERP_THINGS = TestCatalog.of("Things",
            TestCatalog.text("Company", 4), TestCatalog.text("Number", 20), TestCatalog.text("Name", 100),
            TestCatalog.text("Group", 10), TestCatalog.text("Title", 60), TestCatalog.text("Zzz", 5));

    @Test
    void validationListsUnknownSourceAndTargetFieldsWithSuggestionsAndOverlongLiterals() {
        String f = "validation.yaml";
        Mapping mapping = new MappingLoader().load(DIR.resolve(f));

        MappingException e = catchThrowableOfType(MappingException.class, () -> mapping.validate(THINGS, ERP_THINGS));

        assertThat(e.problems()).containsExactly(
                at(f, 6) + "unknown source field 'kindd' in things; did you mean kind?",
                at(f, 10) + "unknown target field 'Nmae' in Things; did you mean Name?",
                at(f, 11) + "default 'LONG-GROUP-ID' is 13 characters, longer than Group's MaxLength 10",
                at(f, 12) + "unknown source field 'lastnmae' in things; did you mean lastname?",
                at(f, 13) + "unknown source field 'qqqqqq' in things");
        assertThat(e.line()).isEqualTo(6);
    }

    @Test
    void validationReportsUnknownEntitySetsOnBothSides() {
        String f = "bad-entity.yaml";
        Mapping mapping = new MappingLoader().load(DIR.resolve(f));

        MappingException e = catchThrowableOfType(MappingException.class, () -> mapping.validate(THINGS, ERP_THINGS));

        assertThat(e.problems()).containsExactly(
                at(f, 2) + "unknown source entity set 'thingz'",
                at(f, 3) + "unknown target entity set 'Thingz'");
    }
}
