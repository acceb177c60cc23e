package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.state.ErrorRow;
import org.p2csync.state.StateStore;

/** Bad records cost themselves only: each becomes a named error row, the report counts it, the rest is delivered. */
class BadInputTest {
    @TempDir
    Path dir;

    Sandbox sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void badRecordsBecomeErrorRowsAndTheRestIsDelivered() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(300));
        ODataProbe probe = new ODataProbe(sandbox);
        probe.postCrm("accounts", customer(null, "Nameless Number GmbH", "Germany"));
        probe.postCrm("accounts", customer("BAD-LONG-1", "L".repeat(101) + " Ltd", "United Kingdom"));
        probe.postCrm("accounts", customer("BAD-ATLANTIS", "Poseidon Trading", "Atlantis"));
        Map<String, Object> poisoned = probe.crm("accounts", "$select=accountid,accountnumber",
                "$filter=customertypecode eq 3", "$top=1").get(0);
        sandbox.poison("accounts", (String) poisoned.get("accountid"));
        long customers = probe.crm("accounts", "$select=accountid", "$filter=customertypecode eq 3").size();

        SyncFixture sync = new SyncFixture(sandbox, dir, Map.of());
        SyncFixture.Result result = sync.syncOnce("accounts");

        assertThat(result.exitCode()).as("exit 2 when records failed; printed:%n%s", result.printed()).isEqualTo(2);
        assertThat(result.count("accounts", "failed")).isEqualTo(4);
        assertThat(result.count("accounts", "written")).isEqualTo(customers - 4);
        assertThat(result.area("accounts").get("outcome").asText()).isEqualTo("Warning");
        assertThat(probe.erp("CustomersV3", "$select=CustomerAccount")).hasSize((int) (customers - 4));

        try (StateStore state = StateStore.open(StateStore.h2(sync.dataDir()))) {
            List<ErrorRow> errors = state.errors().open("accounts", 100);
            assertThat(errors).hasSize(4).allSatisfy(e -> assertThat(e.area()).isEqualTo("accounts"));
            assertThat(errors).anySatisfy(e -> {
                assertThat(e.stage()).isEqualTo("map");
                assertThat(e.reason()).contains("CustomerAccount");
            });
            assertThat(errors).anySatisfy(e -> {
                assertThat(e.recordKey()).isEqualTo("BAD-LONG-1");
                assertThat(e.stage()).isEqualTo("write");
                assertThat(e.reason()).contains("OrganizationName");
            });
            assertThat(errors).anySatisfy(e -> {
                assertThat(e.recordKey()).isEqualTo("BAD-ATLANTIS");
                assertThat(e.stage()).isEqualTo("map");
                assertThat(e.reason()).contains("Atlantis");
            });
            assertThat(errors).anySatisfy(e -> {
                assertThat(e.recordKey()).isEqualTo(poisoned.get("accountnumber"));
                assertThat(e.stage()).isEqualTo("read");
                assertThat(e.reason()).containsIgnoringCase("malformed");
            });
        }
        java.io.StringWriter status = new java.io.StringWriter();
        assertThat(org.p2csync.cli.P2cCommand.execute(new java.io.PrintWriter(status, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true), "status", "--area", "accounts",
                "--config", sync.config().toString())).isZero();
        assertThat(status.toString()).as("status names each failed record with its stage and reason")
                .contains("open errors: 4")
                .contains("BAD-ATLANTIS: map failed: ").contains("'Atlantis'")
                .contains("BAD-LONG-1: write failed: ").contains("OrganizationName")
                .contains("retry --area accounts");
    }

    private static Map<String, Object> customer(String number, String name, String country) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("accountnumber", number);
        account.put("name", name);
        account.put("customertypecode", 3);
        account.put("address1_country", country);
        return account;
    }
}
