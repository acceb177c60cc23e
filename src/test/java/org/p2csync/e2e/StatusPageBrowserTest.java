package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * The status page in a real browser (headless Chromium over its DevTools protocol), as an operator meets it: a record
 * the ERP refused is listed with its stage and reason, its payload opens on demand; after the mapping is fixed and
 * the sync restarted, "retry" makes the next run write it, and the page shows the error gone.
 */
class StatusPageBrowserTest {
    private static final Duration RUN_WAIT = Duration.ofSeconds(30);
    /** Where the test leaves its screenshot; docs/status-page.png in the README is a copy of one. */
    private static final Path SCREENSHOT = Path.of("target", "status-page.png");

    @TempDir
    Path dir;

    @Test
    void aPersonSeesTheRefusedRecordWithItsReasonAndPayloadAndRetriesItAfterTheFix() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withTimestampPrecision(ChronoUnit.MILLIS).withSeedAccounts(6));
                ContinuousSync sync = new ContinuousSync(sandbox, dir, Map.of(), "accounts");
                HeadlessChromium browser = HeadlessChromium.start(dir.resolve("chromium"), 1000, 900)) {
            ODataProbe probe = new ODataProbe(sandbox);
            probe.postCrm("accounts", OperationsEndpointsTest.tooLongName("BAD-LONG-1"));
            sync.start();
            sync.awaitRun("accounts", r -> r.counts().failed() == 1, RUN_WAIT);

            browser.open(sync.url("/"));
            String area = browser.text("#area-accounts");
            assertThat(area).contains("accounts").contains("Open errors (1)").contains("BAD-LONG-1")
                    .contains("write").contains("OrganizationName").contains("Last runs").contains("cursor:");
            assertThat(browser.text("#area-accounts li.error")).as("the payload stays closed until asked for")
                    .doesNotContain("ЛЛЛЛЛ");
            browser.click("#area-accounts li.error summary");
            browser.awaitTrue("document.querySelector('#area-accounts li.error details').open", Duration.ofSeconds(5));
            assertThat(browser.text("#area-accounts li.error")).contains("\"OrganizationName\"").contains("ЛЛЛЛЛ");
            browser.screenshot(SCREENSHOT, 1000);
            assertThat(Files.size(SCREENSHOT)).isGreaterThan(10_000);

            // readable on a phone: nothing wider than the screen but the tables, which scroll inside their box
            browser.viewport(390, 844, true);
            browser.open(sync.url("/"));
            assertThat(browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean())
                    .as("no sideways scrolling at 390 px").isTrue();

            // the cause fixed: the mapping truncates to what CustomersV3 holds; the sync restarted with it
            sync.stop();
            Path mapping = dir.resolve("mappings/accounts.yaml");
            Files.writeString(mapping, Files.readString(mapping).replace("OrganizationName: { from: name, trim: true }",
                    "OrganizationName: { from: name, trim: true, truncate: 100 }"));
            sync.start();
            sync.awaitRun("accounts", r -> true, RUN_WAIT);
            browser.viewport(1000, 900, false);
            browser.open(sync.url("/"));
            assertThat(browser.text("#area-accounts")).as("its source did not change: still failed")
                    .contains("Open errors (1)").contains("BAD-LONG-1");

            // the run that re-reads it will be held at its end, so the page shows it as the newest
            sync.hold("accounts", r -> r.counts().written() == 1);
            browser.click("#area-accounts form[action$='/retry'] button");
            browser.awaitTrue("document.body.innerText.includes('will be re-read by the next run: BAD-LONG-1')",
                    Duration.ofSeconds(10));
            sync.awaitRun("accounts", r -> r.counts().written() == 1, RUN_WAIT);
            browser.open(sync.url("/"));
            assertThat(browser.text("#area-accounts")).contains("Open errors (0)").doesNotContain("BAD-LONG-1:");
            assertThat(browser.text("#area-accounts tbody tr")).as("the newest run read and wrote it")
                    .containsPattern("Completed\\s+1\\s+1\\s");
            assertThat(browser.holds("document.querySelector(\"#area-accounts form[action$='/retry']\") === null"))
                    .as("nothing left to retry").isTrue();
            sync.release();
            assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq 'BAD-LONG-1'")).singleElement()
                    .satisfies(c -> assertThat((String) c.get("OrganizationName")).hasSize(100));
        }
    }
}
