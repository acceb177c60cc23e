package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.FaultSpec;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxOptions;

/**
 * `setup` against a sandbox that starts as a fresh Sales org (no alternate keys, no p2c_ columns), through the real
 * command line and the Dataverse metadata Web API over HTTP: sync refuses to start before it, naming what is missing
 * and setup; setup creates the shipped mappings' columns and keys and waits for the key indexes; a second setup
 * changes nothing; then every area syncs. A key index that fails on duplicate values, a CRM user without the
 * privilege to customize, and throttling and server errors on the way.
 */
class SetupCommandTest {
    /** What the shipped mappings use of p2c-columns.yaml: all six. */
    private static final List<String> COLUMNS = List.of("salesorder.p2c_processingstatus", "salesorder.p2c_origin",
            "product.p2c_externallymaintained", "contact.p2c_contactnumber", "contact.p2c_isactivecustomer",
            "invoice.p2c_invoicedate");
    /** The keys the shipped mappings address CRM records by (ISSUE8, "Keys p2c-sync addresses records by"). */
    private static final List<String> KEYS = List.of("accounts(accountnumber)", "products(productnumber)",
            "productpricelevels(pricelevelid, productid)", "salesorders(ordernumber)",
            "salesorderdetails(salesorderid, sequencenumber)", "invoices(invoicenumber)",
            "invoicedetails(invoiceid, sequencenumber)");

    @TempDir
    Path dir;

    @Test
    void syncNeedsSetupThenSetupCreatesWhatTheMappingsNeedOnceAndEveryAreaSyncs() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(120));
                SandboxProxy proxy = new SandboxProxy(sandbox)) {
            SyncFixture sync = new SyncFixture(sandbox, java.nio.file.Files.createDirectories(dir.resolve("p2c")), Map.of("p2c.crm.url",
                    proxy.url() + "/crm/api/data/v9.2/", "p2c.setup.solution", "p2csync"));
            ODataProbe probe = new ODataProbe(sandbox);

            SyncFixture.Result refused = sync.syncOnce();
            assertThat(refused.exitCode()).as(refused.printed()).isEqualTo(1);
            assertThat(refused.printed()).contains("the CRM lacks the alternate keys", "that the mappings need",
                    "run `java -jar target/p2c-sync.jar setup`");
            KEYS.forEach(k -> assertThat(refused.printed()).contains(k));
            COLUMNS.forEach(c -> assertThat(refused.printed()).contains(c));
            assertThat(refused.report()).as("stopped before any area ran").isNull();
            assertThat(probe.erpCount("CustomersV3")).isZero();
            assertThat(proxy.writes("/crm")).as("nothing sent to the CRM but reads").isEmpty();

            SyncFixture.Result check = sync.command("setup", "--check");
            assertThat(check.exitCode()).as(check.printed()).isEqualTo(1);
            COLUMNS.forEach(c -> assertThat(check.printed()).containsPattern("missing +column " + quote(c) + ": "));
            KEYS.forEach(k -> assertThat(check.printed()).containsPattern("missing +key " + quote(k) + ": "));
            assertThat(check.printed()).contains("setup --check: 13 needed (6 columns, 7 alternate keys): 0 there, 13"
                    + " missing or not Active, 0 failed");
            assertThat(proxy.writes("/crm")).as("--check changes nothing").isEmpty();

            SyncFixture.Result setup = sync.command("setup");
            assertThat(setup.exitCode()).as(setup.printed()).isZero();
            COLUMNS.forEach(c -> assertThat(setup.printed()).containsPattern("created +column " + quote(c) + ": "));
            KEYS.forEach(k -> assertThat(setup.printed()).containsPattern("created +key " + quote(k)
                    + ": index Active after \\d+ s, as p2c_"));
            assertThat(setup.printed()).contains("setup: 13 needed (6 columns, 7 alternate keys): 13 created, 0 already"
                    + " there, 0 failed");
            assertThat(setup.printed()).contains("every entity set and field they use exists",
                    "ERP: the number sequence behind CustomersV3.CustomerAccount must allow manual numbers",
                    "CDSSalesOrderHeaders.SalesOrderNumber", "CDSSalesQuotationHeaders.SalesQuotationNumber",
                    "sales origin codes", "System Customizer");
            // what went over the wire is what the metadata Web API takes
            List<SandboxProxy.Sent> creates = proxy.writes("/crm");
            assertThat(creates).hasSize(13).allSatisfy(s -> assertThat(s.method()).isEqualTo("POST"));
            SandboxProxy.Sent status = creates.stream().filter(s -> s.body().contains("\"p2c_processingstatus\""))
                    .findFirst().orElseThrow();
            assertThat(status.url()).isEqualTo("/crm/api/data/v9.2/EntityDefinitions(LogicalName='salesorder')/Attributes");
            assertThat(status.body()).contains("\"@odata.type\":\"Microsoft.Dynamics.CRM.PicklistAttributeMetadata\"",
                    "\"AttributeType\":\"Picklist\"", "\"Value\":916800009", "\"RequiredLevel\":{\"Value\":\"None\"",
                    "\"LanguageCode\":1033");
            SandboxProxy.Sent lineKey = creates.stream().filter(s -> s.url().contains("'productpricelevel')/Keys"))
                    .findFirst().orElseThrow();
            assertThat(lineKey.body()).contains("\"@odata.type\":\"Microsoft.Dynamics.CRM.EntityKeyMetadata\"",
                    "\"SchemaName\":\"p2c_productpricelevel_pricelevelid_productid\"",
                    "\"KeyAttributes\":[\"pricelevelid\",\"productid\"]");
            assertThat(creates).allSatisfy(s -> assertThat(s.status()).isEqualTo(204));

            proxy.clear();
            SyncFixture.Result again = sync.command("setup");
            assertThat(again.exitCode()).as(again.printed()).isZero();
            assertThat(again.printed()).doesNotContain("created ").contains("setup: nothing to change: the 13 needed"
                    + " (6 columns, 7 alternate keys) are all there and Active");
            COLUMNS.forEach(c -> assertThat(again.printed()).containsPattern("already there +column " + quote(c)));
            KEYS.forEach(k -> assertThat(again.printed()).containsPattern("already there +key " + quote(k)
                    + ": Active as p2c_"));
            assertThat(proxy.writes("/crm")).as("a second setup sends no change").isEmpty();

            SyncFixture.Result checked = sync.command("setup", "--check");
            assertThat(checked.exitCode()).as(checked.printed()).isZero();
            assertThat(checked.printed()).contains("all there and Active; nothing to do");

            SyncFixture.Result first = sync.syncOnce();
            assertThat(first.exitCode()).as(first.printed()).isZero();
            first.report().get("areas").fields().forEachRemaining(a -> assertThat(a.getValue().get("outcome").asText())
                    .as(a.getKey()).isEqualTo("Completed"));
            assertThat(first.report().get("areas").size()).isEqualTo(9);
            assertThat(first.count("accounts", "written")).isPositive();
            assertThat(first.count("products", "written")).isPositive();
            SyncFixture.Result second = sync.syncOnce();
            assertThat(second.exitCode()).as(second.printed()).isZero();
            second.report().get("areas").fields().forEachRemaining(a -> assertThat(a.getValue().get("written").asLong())
                    .as(a.getKey()).isZero());
        }
    }

    @Test
    void aKeyIndexThatFailsOnDuplicateValuesIsReportedWithTableAndKeyAndBuiltAnewOnceFixed() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(20))) {
            SyncFixture sync = new SyncFixture(sandbox, java.nio.file.Files.createDirectories(dir.resolve("p2c")), Map.of());
            ODataProbe probe = new ODataProbe(sandbox);
            String number = (String) probe.crm("accounts", "$select=accountnumber", "$filter=accountnumber ne null")
                    .get(0).get("accountnumber");
            // a second account with the same number: no key forbids it yet
            probe.postCrm("accounts", Map.of("accountid", "0f0e0d0c-0b0a-4909-8807-060504030201", "name", "Duplicate Ltd",
                    "accountnumber", number));

            SyncFixture.Result setup = sync.command("setup");
            assertThat(setup.exitCode()).as(setup.printed()).isEqualTo(1);
            assertThat(setup.printed()).containsPattern("failed +key accounts\\(accountnumber\\): index Failed on account"
                    + " \\[accountnumber\\] \\(key p2c_account_accountnumber\\): duplicate values: 2 account records share"
                    + " accountnumber = " + quote("'" + number + "'"));
            assertThat(setup.printed()).contains("1 failed");
            KEYS.stream().filter(k -> !k.startsWith("accounts(")).forEach(k -> assertThat(setup.printed())
                    .containsPattern("created +key " + quote(k)));
            SyncFixture.Result refused = sync.syncOnce();
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.printed()).contains("the alternate key accounts(accountnumber) is not Active (its index is"
                    + " Failed)", "setup");

            probe.deleteCrm("accounts(0f0e0d0c-0b0a-4909-8807-060504030201)");
            SyncFixture.Result fixed = sync.command("setup");
            assertThat(fixed.exitCode()).as(fixed.printed()).isZero();
            assertThat(fixed.printed()).containsPattern("created +key accounts\\(accountnumber\\): index Active")
                    .contains("1 created, 12 already there, 0 failed");
        }
    }

    @Test
    void setupCompletesUnderThrottlingServerErrorsAndDroppedConnections() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(10))) {
            SyncFixture sync = new SyncFixture(sandbox, java.nio.file.Files.createDirectories(dir.resolve("p2c")), Map.of());
            sandbox.setFaults(FaultSpec.parse("429=0.1,500=0.1,reset=0.1"));
            SyncFixture.Result setup = sync.command("setup");
            assertThat(setup.exitCode()).as(setup.printed()).isZero();
            assertThat(setup.printed()).contains("13 created, 0 already there, 0 failed");
            assertThat(sandbox.stats().throttled() + sandbox.stats().serverErrors() + sandbox.stats().resets())
                    .as("faults were injected").isGreaterThanOrEqualTo(3);
            assertThat(sandbox.stats().retryAfterViolations()).isZero();
            SyncFixture.Result check = sync.command("setup", "--check");
            assertThat(check.exitCode()).as(check.printed()).isZero();
        }
    }

    @Test
    void aUserWhoMayNotCustomizeIsToldWhichPrivilegeAndRoleItLacks() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(10))) {
            SyncFixture sync = new SyncFixture(sandbox, java.nio.file.Files.createDirectories(dir.resolve("p2c")), Map.of());
            sandbox.denyPrivileges(Set.of("prvCreateAttribute", "prvCreateEntityKey"));
            SyncFixture.Result setup = sync.command("setup");
            assertThat(setup.exitCode()).as(setup.printed()).isEqualTo(1);
            assertThat(setup.printed()).containsPattern("failed +column salesorder\\.p2c_processingstatus: creating it"
                    + " was refused: 403, the application user lacks the privilege prvCreateAttribute: give it a"
                    + " security role that may customize the org, e.g. System Customizer");
            assertThat(setup.printed()).containsPattern("failed +key accounts\\(accountnumber\\): creating it was refused:"
                    + " 403, the application user lacks the privilege prvCreateEntityKey")
                    .contains("Dataverse said: Principal user", "0 created, 0 already there, 13 failed");

            sandbox.denyPrivileges(Set.of());
            SyncFixture.Result granted = sync.command("setup");
            assertThat(granted.exitCode()).as(granted.printed()).isZero();
        }
    }

    @Test
    void aSandboxStartedSetUpHasWhatSetupWouldCreate() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp()
                .withSeedAccounts(10))) {
            SyncFixture sync = new SyncFixture(sandbox, java.nio.file.Files.createDirectories(dir.resolve("p2c")), Map.of());
            SyncFixture.Result check = sync.command("setup", "--check");
            assertThat(check.exitCode()).as(check.printed()).isZero();
        }
    }

    private static String quote(String text) {
        return java.util.regex.Pattern.quote(text);
    }
}
