package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * The initial sync of 20000 accounts costs at most 1.5 HTTP requests per 1000 customers written, CRM and ERP together,
 * token requests included (the retired per-record tools needed about 1000): one $batch per 1000 new customers, which
 * go as POST at once (F&amp;O's PATCH only updates), their party numbers taken from the POSTs' answers. A count, not a
 * timing.
 */
class ApiEconomyTest {
    @TempDir
    Path dir;

    @Test
    void initialSyncOf20000AccountsNeedsAtMostOneAndAHalfRequestsPerThousandWritten() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(20000))) {
            SyncFixture.Result result = new SyncFixture(sandbox, dir, Map.of()).syncOnce("accounts");

            assertThat(result.exitCode()).as(result.printed()).isZero();
            long written = result.count("accounts", "written");
            long requests = result.area("accounts").get("requests").get("crm").asLong()
                    + result.area("accounts").get("requests").get("erp").asLong();
            assertThat(written).isGreaterThan(10000);
            assertThat(requests * 1000.0 / written).as("requests per 1000 written (%d requests)", requests)
                    .isLessThanOrEqualTo(1.5);
            long erp = result.area("accounts").get("requests").get("erp").asLong();
            long crmPages = (20000 + 4999) / 5000;
            assertThat(erp).as("a $batch per 1000 customers of each CRM page of 5000 accounts, no second $batch of"
                    + " POSTs after PATCHes answered 404, no read-back").isLessThanOrEqualTo((written + 999) / 1000 + crmPages);
            assertThat(result.area("accounts").get("requestsPer1000Written").asDouble())
                    .isEqualTo(Math.round(requests * 100000.0 / written) / 100.0);
        }
    }
}
