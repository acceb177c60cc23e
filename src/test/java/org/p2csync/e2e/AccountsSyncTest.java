package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;

/** Accounts end to end over HTTP: the first sync mirrors the CRM's customers exactly, later syncs move only changes. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountsSyncTest {
    private static final String SELECT = "$select=accountid,accountnumber,name,customertypecode,address1_city,"
            + "address1_country,telephone1,_owningbusinessunit_value";

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataProbe probe;
    static SyncFixture sync;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(2000));
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @Order(1)
    void firstSyncLeavesExactlyTheCustomersInTheErp() throws Exception {
        SyncFixture.Result result = sync.syncOnce("accounts");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        List<Map<String, Object>> crm = probe.crm("accounts", SELECT);
        List<Map<String, Object>> customers = crm.stream()
                .filter(a -> Objects.equals(((Number) a.get("customertypecode")).intValue(), 3)).toList();
        Map<Object, Map<String, Object>> erp = probe.erp("CustomersV3").stream()
                .collect(Collectors.toMap(c -> c.get("CustomerAccount"), Function.identity()));

        assertThat(customers).hasSizeGreaterThan(1000);
        assertThat(erp).hasSize(customers.size());
        for (Map<String, Object> account : customers) {
            Map<String, Object> customer = erp.get(account.get("accountnumber"));
            assertThat(customer).as("ERP customer for %s", account.get("accountnumber")).isNotNull();
            assertThat(customer.get("OrganizationName")).isEqualTo(account.get("name"));
            assertThat(customer.get("DeliveryAddressCity")).isEqualTo(account.get("address1_city"));
            assertThat(customer.get("PrimaryContactPhone")).isEqualTo(account.get("telephone1"));
            assertThat(customer.get("dataAreaId")).as("the company of the account's business unit")
                    .isEqualTo(SandboxIds.BU_DEMF.equals(account.get("_owningbusinessunit_value")) ? "demf" : "usmf");
            assertThat(customer.get("PartyType")).isEqualTo("Organization");
        }
        assertThat(customers).extracting(a -> (String) a.get("name"))
                .as("names in every script made it byte-exact")
                .anyMatch(n -> n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC))
                .anyMatch(n -> n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC))
                .anyMatch(n -> n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .anyMatch(n -> n.contains("'"));

        assertThat(result.count("accounts", "read")).isEqualTo(crm.size());
        assertThat(result.count("accounts", "written")).isEqualTo(customers.size());
        assertThat(result.count("accounts", "filtered")).isEqualTo(crm.size() - customers.size());
        assertThat(result.count("accounts", "read")).isEqualTo(result.count("accounts", "filtered")
                + result.count("accounts", "unchanged") + result.count("accounts", "written")
                + result.count("accounts", "failed") + result.count("accounts", "waiting"));
        assertThat(result.area("accounts").get("outcome").asText()).isEqualTo("Completed");
    }

    @Test
    @Order(2)
    void secondSyncWritesNothing() throws Exception {
        SyncFixture.Result result = sync.syncOnce("accounts");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("accounts", "written")).isZero();
        assertThat(result.count("accounts", "failed")).isZero();
        assertThat(result.area("accounts").get("requests").get("erp").asLong())
                .as("nothing to write means no ERP request at all").isZero();
    }

    @Test
    @Order(3)
    void oneEditedAccountIsWrittenOnce() throws Exception {
        Map<String, Object> customer = probe.crm("accounts", SELECT, "$filter=customertypecode eq 3", "$top=1").get(0);
        String number = (String) customer.get("accountnumber");
        probe.patchCrm("accounts(accountnumber=" + ODataProbe.quoted(number) + ")", Map.of("telephone1", "+49 30 1234567"));

        SyncFixture.Result result = sync.syncOnce("accounts");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("accounts", "written")).isEqualTo(1);
        assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq '" + number.replace("'", "''") + "'"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("PrimaryContactPhone")).isEqualTo("+49 30 1234567"));
    }

    @Test
    @Order(4)
    void aProspectRequalifiedAsCustomerFlows() throws Exception {
        Map<String, Object> prospect = probe.crm("accounts", SELECT, "$filter=customertypecode eq 8", "$top=1").get(0);
        String number = (String) prospect.get("accountnumber");
        assertThat(probe.erp("CustomersV3")).noneMatch(c -> number.equals(c.get("CustomerAccount")));
        probe.patchCrm("accounts(" + prospect.get("accountid") + ")", Map.of("customertypecode", 3));

        SyncFixture.Result result = sync.syncOnce("accounts");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("accounts", "written")).isEqualTo(1);
        assertThat(probe.erp("CustomersV3")).filteredOn(c -> number.equals(c.get("CustomerAccount"))).hasSize(1);
    }
}
