package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data folder made by the previous sandbox (its invented sets and columns, scripted from its H2 databases into
 * {@code src/test/resources/sandbox-upgrade/}) opens: what the real services lack is dropped, new sets are seeded,
 * new columns added, the kept rows readable and given what the services now maintain.
 */
class SandboxUpgradeTest {
    @TempDir
    Path dir;

    @Test
    void aDataFolderOfThePreviousSandboxOpens() throws Exception {
        restore("sandbox-upgrade", "crm");
        restore("sandbox-upgrade", "erp");
        List<String> oldAccounts = ids("crm", "SELECT \"accountid\" FROM \"accounts\" ORDER BY \"accountid\"");
        assertThat(oldAccounts).hasSize(6);
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSeedAccounts(6))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            JsonNode accounts = http.getJson(sandbox.crmUrl() + "accounts?$count=true&$orderby=accountid");
            assertThat(accounts.get("@odata.count").asInt()).as("accounts kept, not re-seeded").isEqualTo(6);
            assertThat(accounts.at("/value/0/accountid").asText()).isEqualTo(oldAccounts.get(0));
            for (JsonNode a : accounts.get("value")) {
                String unit = a.get("_owningbusinessunit_value").asText();
                assertThat(a.get("_ownerid_value").asText()).as("owned by the default team of its unit")
                        .isEqualTo(unit.equals(SandboxIds.BU_DEMF) ? SandboxIds.TEAM_DEMF : SandboxIds.TEAM_USMF);
            }
            assertThat(http.getJson(sandbox.crmUrl() + "teams").get("value")).as("a new set, seeded").hasSize(2);
            assertThat(http.getJson(sandbox.crmUrl() + "uomschedules").get("value")).hasSize(1);
            assertThat(http.getJson(sandbox.crmUrl() + "businessunits").get("value").get(0).has("cdm_companycode"))
                    .as("an invented column is gone").isFalse();

            // contacts: cdm_contactnumber is gone; this folder predates the p2c_ columns, so the org has none of
            // them (setup creates them) and no key on them; its keys on real columns are Active keys of the org
            JsonNode contacts = http.getJson(sandbox.crmUrl() + "contacts");
            assertThat(contacts.get("value")).isNotEmpty();
            assertThat(contacts.at("/value/0").has("cdm_contactnumber")).isFalse();
            assertThat(contacts.at("/value/0").has("p2c_contactnumber")).as("not created in this org").isFalse();
            assertThat(http.send("PATCH", sandbox.crmUrl() + "contacts(p2c_contactnumber='CON-NEW-1')",
                    "{\"lastname\":\"New\"}", Map.of()).statusCode()).isEqualTo(400);
            assertThat(http.get(sandbox.crmUrl() + "contacts(cdm_contactnumber='CON-001000')").statusCode()).isEqualTo(400);
            assertThat(http.awaitKeys()).containsEntry("p2c_account_accountnumber", "Active")
                    .containsEntry("p2c_quote_quotenumber", "Active")
                    .containsEntry("p2c_quotedetail_quoteid_sequencenumber", "Active")
                    .doesNotContainKeys("p2c_businessunit_cdm_companycode", "p2c_contact_cdm_contactnumber");
            assertThat(http.get(sandbox.crmUrl() + "accounts(accountnumber='" + accounts.at("/value/0/accountnumber")
                    .asText().replace("'", "''") + "')").statusCode()).as("addressed by its adopted key").isEqualTo(200);
            assertThat(http.getJson(sandbox.crmUrl() + "salesorders?$top=1").get("value").get(0).has("msdyn_origin")).isFalse();

            // ERP: sets the real F&O lacks are gone, the real ones seeded, kept rows readable with their enums
            assertThat(http.get(sandbox.erpUrl() + "SalesOrderHeadersV2").statusCode()).isEqualTo(404);
            assertThat(http.getJson(sandbox.erpUrl() + "CDSSalesOrderHeaders?cross-company=true&$count=true&$top=0")
                    .get("@odata.count").asInt()).isPositive();
            JsonNode invoices = http.getJson(sandbox.erpUrl() + "SalesInvoiceHeadersV2?cross-company=true");
            assertThat(invoices.get("value")).as("made anew under the real key, seeded").isNotEmpty();
            invoices.get("value").forEach(i -> assertThat(i.get("LedgerVoucher").asText()).startsWith("ARI-"));
            JsonNode customer = http.getJson(sandbox.erpUrl() + "CustomersV3(dataAreaId='usmf',CustomerAccount='ACC-OLD-1')");
            assertThat(customer.get("OrganizationName").asText()).isEqualTo("Old Customer");
            assertThat(customer.get("IsExternallyMaintained").asText()).isEqualTo("Yes");
            assertThat(customer.get("PartyNumber").asText()).as("assigned on upgrade").matches("\\d{9}");
            assertThat(customer.get("CreditLimit").decimalValue()).as("a new non-nullable field: F&O's default")
                    .isEqualByComparingTo("0");
            assertThat(customer.has("ModifiedDateTime")).isFalse();
            JsonNode product = http.getJson(sandbox.erpUrl() + "SellableReleasedProducts?$top=1").get("value").get(0);
            assertThat(product.has("ProductMasterNumber")).isFalse();
            assertThat(product.get("ProductType").asText()).isIn("Item", "Service");
            HttpResponse<String> contact = http.send("PATCH", sandbox.erpUrl()
                    + "ContactPersons(dataAreaId='usmf',ContactPersonId='CON-OLD-1')", "{\"AssociatedPartyNumber\":\""
                    + customer.get("PartyNumber").asText() + "\"}", Map.of());
            assertThat(contact.statusCode()).as(contact.body()).isEqualTo(204);
        }
        assertThat(tables("crm")).doesNotContain("SalesOrderHeadersV2").contains("teams", "uomschedules");
        assertThat(tables("erp")).doesNotContain("SalesOrderHeadersV2", "SalesOrderLines", "SalesQuotationHeadersV2",
                "SalesQuotationLines", "SalesInvoiceLines").contains("CDSSalesOrderHeaders", "SalesInvoiceV2Lines");
        // and it opens again, now as a current data folder
        try (Sandbox again = Sandbox.start(SandboxOptions.defaults(dir).withSeedAccounts(6))) {
            assertThat(new SandboxHttp(again).getJson(again.crmUrl() + "accounts?$count=true&$top=0").get("@odata.count")
                    .asInt()).isEqualTo(6);
        }
    }

    /**
     * A data folder made by the sandbox before the metadata API (main at 748376d: keys built in, p2c_ columns
     * present, scripted into {@code src/test/resources/sandbox-upgrade-main/}) opens as an org on which setup has
     * run: its data was written through those keys and columns, so they exist and are Active.
     */
    @Test
    void aDataFolderMadeBeforeTheMetadataApiOpensAsASetUpOrg() throws Exception {
        restore("sandbox-upgrade-main", "crm");
        restore("sandbox-upgrade-main", "erp");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir).withSeedAccounts(6))) {
            SandboxHttp http = new SandboxHttp(sandbox);
            Map<String, String> keys = http.awaitKeys();
            assertThat(keys).containsOnlyKeys("p2c_account_accountnumber", "p2c_contact_p2c_contactnumber",
                    "p2c_transactioncurrency_isocurrencycode", "p2c_uom_name", "p2c_product_productnumber",
                    "p2c_pricelevel_name", "p2c_productpricelevel_pricelevelid_productid", "p2c_quote_quotenumber",
                    "p2c_quotedetail_quoteid_sequencenumber", "p2c_salesorder_ordernumber",
                    "p2c_salesorderdetail_salesorderid_sequencenumber", "p2c_invoice_invoicenumber",
                    "p2c_invoicedetail_invoiceid_sequencenumber");
            assertThat(keys.values()).containsOnly("Active");
            JsonNode written = http.getJson(sandbox.crmUrl() + "accounts(accountnumber='MAIN-1')");
            assertThat(written.get("name").asText()).as("written by main's sandbox, addressed by its key")
                    .isEqualTo("Written by main");
            JsonNode contact = http.getJson(sandbox.crmUrl() + "contacts?$top=1&$select=p2c_contactnumber,"
                    + "p2c_isactivecustomer&$orderby=p2c_contactnumber").get("value").get(0);
            assertThat(contact.get("p2c_contactnumber").asText()).as("the p2c_ columns exist, values kept")
                    .startsWith("CON-");
            assertThat(http.getJson(sandbox.crmUrl() + "contacts(p2c_contactnumber='"
                    + contact.get("p2c_contactnumber").asText() + "')").get("contactid").asText()).hasSize(36);
            JsonNode origin = http.getJson(sandbox.crmUrl() + "EntityDefinitions(LogicalName='salesorder')/Attributes"
                    + "(LogicalName='p2c_origin')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$expand=OptionSet");
            assertThat(origin.get("IsCustomAttribute").asBoolean()).isTrue();
            assertThat(origin.at("/OptionSet/Options/1/Value").asInt()).isEqualTo(916800001);
            assertThat(http.getJson(sandbox.crmUrl() + "salesorders?$top=1&$select=p2c_origin").at("/value/0/p2c_origin")
                    .asInt()).isEqualTo(916800000);
            assertThat(http.getJson(sandbox.crmUrl() + "invoices?$top=0&$select=p2c_invoicedate").get("value")).isEmpty();
        }
        try (Sandbox again = Sandbox.start(SandboxOptions.defaults(dir).withSeedAccounts(6))) {
            assertThat(new SandboxHttp(again).awaitKeys()).as("opens the same again").hasSize(13)
                    .doesNotContainValue("Pending");
        }
    }

    /** Recreates one database of an old data folder from its script (made with H2's SCRIPT by that sandbox). */
    private void restore(String folder, String system) throws Exception {
        Path script = Files.createTempFile(dir, system, ".sql");
        try (InputStream in = getClass().getResourceAsStream("/" + folder + "/" + system + ".sql")) {
            Files.writeString(script, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (Connection c = connect(system); Statement st = c.createStatement()) {
            st.execute("RUNSCRIPT FROM '" + script.toAbsolutePath() + "'");
        }
    }

    private List<String> ids(String system, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(system); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private List<String> tables(String system) throws Exception {
        return ids(system, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'");
    }

    private Connection connect(String system) throws Exception {
        return DriverManager.getConnection("jdbc:h2:" + dir.resolve(system).toAbsolutePath(), "sa", "");
    }
}
