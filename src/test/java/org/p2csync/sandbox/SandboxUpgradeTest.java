package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database made by the accounts-only sandbox gains the new sets (seeded) and columns, keeping its accounts. */
class SandboxUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void anOlderDatabaseGainsTheNewSetsAndColumns() throws Exception {
        String firstId;
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSeedAccounts(40))) {
            firstId = new SandboxHttp(sandbox).getJson(sandbox.crmUrl() + "accounts?$top=1").get("value").get(0)
                    .get("accountid").asText();
        }
        // Make it look like the previous version: only accounts and currencies, no business unit column.
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + dir.resolve("crm").toAbsolutePath(), "sa", "");
                Statement st = c.createStatement()) {
            for (String set : new String[] {"businessunits", "contacts", "uoms", "products", "pricelevels",
                    "productpricelevels", "quotes", "quotedetails", "salesorders", "salesorderdetails", "invoices",
                    "invoicedetails"}) {
                st.execute("DROP TABLE \"" + set + "\"");
            }
            st.execute("ALTER TABLE \"accounts\" DROP COLUMN \"_owningbusinessunit_value\"");
        }
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSeedAccounts(40))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            JsonNode accounts = http.getJson(sandbox.crmUrl() + "accounts?$count=true");
            assertThat(accounts.get("@odata.count").asInt()).as("accounts kept, not re-seeded").isEqualTo(40);
            assertThat(accounts.get("value").get(0).get("accountid").asText()).isEqualTo(firstId);
            assertThat(accounts.get("value").get(0).get("_owningbusinessunit_value").isNull()).isTrue();
            assertThat(http.getJson(sandbox.crmUrl() + "quotes?$count=true&$top=0").get("@odata.count").asInt()).isEqualTo(16);
            assertThat(http.getJson(sandbox.crmUrl() + "businessunits").get("value")).hasSize(2);
        }
    }
}
