package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * The manual re-run: a record the ERP rejected stays failed while its source is unchanged, even after the mapping
 * was fixed; `retry` makes the next run re-read it by id, and it is written.
 */
class RetryFailedRecordsTest {
    @TempDir
    Path dir;

    @Test
    void aRecordRejectedByTheTargetIsWrittenByTheRunAfterRetryOnceTheMappingIsFixed() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(100))) {
            ODataProbe probe = new ODataProbe(sandbox);
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("accountnumber", "BAD-LONG-1");
            account.put("name", "Л".repeat(101) + " Ltd");
            account.put("customertypecode", 3);
            account.put("address1_country", "Russia");
            probe.postCrm("accounts", account);
            Path mappings = SyncFixture.shippedMappings(dir.resolve("mappings"), "accounts");
            Path routes = Files.createDirectories(dir.resolve("routes"));
            Files.copy(Path.of("routes/accounts.camel.yaml"), routes.resolve("accounts.camel.yaml"));
            SyncFixture sync = new SyncFixture(sandbox, dir, Map.of("p2c.mappings", mappings.toString(),
                    "p2c.routes", routes.toString()));

            SyncFixture.Result first = sync.syncOnce("accounts");
            assertThat(first.count("accounts", "failed")).as(first.printed()).isEqualTo(1);
            assertThat(sync.command("retry", "--area", "nosuch").printed()).contains("unknown area 'nosuch'");

            Path file = mappings.resolve("accounts.yaml");
            String fixed = Files.readString(file).replace("OrganizationName: { from: name, trim: true }",
                    "OrganizationName: { from: name, trim: true, truncate: 100 }");
            assertThat(fixed).contains("truncate: 100");
            Files.writeString(file, fixed);
            SyncFixture.Result unchangedSource = sync.syncOnce("accounts");
            assertThat(unchangedSource.count("accounts", "read")).as("nothing changed at the source").isZero();
            assertThat(sync.command("status", "--area", "accounts").printed()).contains("open errors: 1");

            SyncFixture.Result retry = sync.command("retry", "--area", "accounts");
            assertThat(retry.exitCode()).as(retry.printed()).isZero();
            assertThat(retry.printed()).contains("accounts: 1 failed record(s) will be re-read by the next run: BAD-LONG-1");
            assertThat(sync.command("status", "--area", "accounts").printed())
                    .contains("open errors: 0")
                    .contains("BAD-LONG-1: retry of a failed record (write: ");

            SyncFixture.Result rerun = sync.syncOnce("accounts");

            assertThat(rerun.exitCode()).as(rerun.printed()).isZero();
            assertThat(rerun.count("accounts", "read")).isEqualTo(1);
            assertThat(rerun.count("accounts", "written")).isEqualTo(1);
            assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq 'BAD-LONG-1'")).singleElement()
                    .satisfies(c -> assertThat((String) c.get("OrganizationName")).hasSize(100).startsWith("ЛЛЛ"));
            assertThat(sync.command("status", "--area", "accounts").printed())
                    .contains("open errors: 0").contains("waiting:     0");
            assertThat(sync.command("retry").printed()).as("nothing left to retry").contains("accounts: no failed records");
        }
    }
}
