package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/** A broken mapping file stops start-up with file:line before any record moves. */
class MappingErrorsTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(50));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void unknownTargetFieldIsReportedWithFileAndLine() throws Exception {
        Path mappings = copyOfMappings("unknown-field");
        Path file = mappings.resolve("accounts.yaml");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int line = indexOfLineContaining(lines, "OrganizationName") ;
        lines.set(line, lines.get(line).replace("OrganizationName", "OrganisationName"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        SyncFixture.Result result = syncWith(mappings);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.printed()).contains("accounts.yaml:" + (line + 1) + ":").contains("OrganisationName");
        assertThat(new ODataProbe(sandbox).erp("CustomersV3")).as("no record moved").isEmpty();
    }

    @Test
    void yamlSyntaxErrorIsReportedWithFileAndLine() throws Exception {
        Path mappings = copyOfMappings("syntax");
        Path file = mappings.resolve("accounts.yaml");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int line = indexOfLineContaining(lines, "OrganizationName");
        lines.add(line + 1, "  broken: [unclosed");
        Files.write(file, lines, StandardCharsets.UTF_8);

        SyncFixture.Result result = syncWith(mappings);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.printed()).containsPattern("accounts\\.yaml:\\d+:");
    }

    @Test
    void aLinesFilterThatWouldHalfSyncDocumentsStopsStartUpNamingRequire() throws Exception {
        Path mappings = SyncFixture.shippedMappings(dir.resolve("lines-filter"), "accounts", "products", "quotes");
        Path file = mappings.resolve("quotes.yaml");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int line = indexOfLineContaining(lines, "  require:");
        // the format before require: a filter that left write-in lines out and sent the quote without them
        lines.set(line, "  filter:");
        lines.set(line + 1, "    - field: isproductoverridden");
        lines.set(line + 2, "      notEquals: true");
        lines.remove(line + 3);
        Files.write(file, lines, StandardCharsets.UTF_8);

        Path runDir = Files.createTempDirectory(dir, "run");
        SyncFixture.Result result = new SyncFixture(sandbox, runDir, Map.of("p2c.mappings", mappings.toString()))
                .syncOnce("products", "accounts", "quotes");

        assertThat(result.exitCode()).as(result.printed()).isEqualTo(1);
        assertThat(result.printed()).contains("quotes.yaml:" + (line + 1) + ": filter in lines would write the"
                + " document without the lines it leaves out").contains("use require: instead");
        assertThat(new ODataProbe(sandbox).erp("CDSSalesQuotationHeaders")).as("no record moved").isEmpty();
        assertThat(new ODataProbe(sandbox).erp("CDSSalesQuotationLines")).as("no line moved").isEmpty();
        assertThat(new ODataProbe(sandbox).erp("CustomersV3")).as("no area ran").isEmpty();
    }

    @Test
    void anEntitySetTheErpDoesNotServeStopsStartUpAtItsLine() throws Exception {
        Path mappings = SyncFixture.shippedMappings(dir.resolve("old-entity"), "accounts", "products", "quotes");
        Path file = mappings.resolve("quotes.yaml");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int line = indexOfLineContaining(lines, "entity: CDSSalesQuotationHeaders");
        // the quotation header entity earlier versions shipped, which F&O's CDS integration does not use
        lines.set(line, lines.get(line).replace("CDSSalesQuotationHeaders", "SalesQuotationHeadersV2"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        Path runDir = Files.createTempDirectory(dir, "run");
        SyncFixture.Result result = new SyncFixture(sandbox, runDir, Map.of("p2c.mappings", mappings.toString()))
                .syncOnce("products", "accounts", "quotes");

        assertThat(result.exitCode()).as(result.printed()).isEqualTo(1);
        assertThat(result.printed()).contains("quotes.yaml:" + (line + 1)
                + ": unknown target entity set 'SalesQuotationHeadersV2'");
        assertThat(new ODataProbe(sandbox).erp("CustomersV3")).as("no area ran").isEmpty();
    }

    private SyncFixture.Result syncWith(Path mappings) throws Exception {
        Path runDir = Files.createTempDirectory(dir, "run");
        SyncFixture sync = new SyncFixture(sandbox, runDir, Map.of("p2c.mappings", mappings.toString()));
        return sync.syncOnce("accounts");
    }

    private static Path copyOfMappings(String name) throws Exception {
        return SyncFixture.shippedMappings(dir.resolve(name), "accounts");
    }

    private static int indexOfLineContaining(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line contains " + text);
    }
}
