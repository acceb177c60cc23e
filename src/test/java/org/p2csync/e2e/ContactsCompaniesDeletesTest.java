package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

/**
 * Accounts, contact persons and person customers in dependency order, across the two companies; contacts of
 * companies not synced yet wait and follow once their company does; a deleted CRM customer is blocked in the ERP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContactsCompaniesDeletesTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataProbe probe;
    static SyncFixture sync;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(300));
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    @Order(1)
    void everyCustomerAndContactLandsInItsCompany() throws Exception {
        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        List<Map<String, Object>> accounts = probe.crm("accounts",
                "$select=accountid,accountnumber,customertypecode,_owningbusinessunit_value,_transactioncurrencyid_value");
        Map<Object, Map<String, Object>> customers = accounts.stream()
                .filter(a -> ((Number) a.get("customertypecode")).intValue() == 3)
                .collect(Collectors.toMap(a -> a.get("accountid"), a -> a));
        List<Map<String, Object>> erpCustomers = probe.erp("CustomersV3",
                "$select=dataAreaId,CustomerAccount,SalesCurrencyCode,PartyType");
        assertThat(customers.values()).allSatisfy(a -> {
            String company = SandboxIds.BU_DEMF.equals(a.get("_owningbusinessunit_value")) ? "demf" : "usmf";
            assertThat(erpCustomers).as("customer %s in %s", a.get("accountnumber"), company)
                    .anyMatch(c -> c.get("CustomerAccount").equals(a.get("accountnumber"))
                            && c.get("dataAreaId").equals(company));
        });
        assertThat(erpCustomers).as("demf customers are billed in EUR")
                .filteredOn(c -> "demf".equals(c.get("dataAreaId")) && "Organization".equals(c.get("PartyType")))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("SalesCurrencyCode")).isEqualTo("EUR"));

        List<Map<String, Object>> contacts = probe.crm("contacts",
                "$select=contactid,cdm_contactnumber,_parentcustomerid_value,msdyn_isactivecustomer");
        Set<Object> persons = contacts.stream().filter(c -> Boolean.TRUE.equals(c.get("msdyn_isactivecustomer")))
                .map(c -> c.get("cdm_contactnumber")).collect(Collectors.toSet());
        Set<Object> ofCustomers = contacts.stream()
                .filter(c -> !Boolean.TRUE.equals(c.get("msdyn_isactivecustomer")))
                .filter(c -> customers.containsKey(c.get("_parentcustomerid_value")))
                .map(c -> c.get("cdm_contactnumber")).collect(Collectors.toSet());
        long ofOthers = contacts.stream()
                .filter(c -> !Boolean.TRUE.equals(c.get("msdyn_isactivecustomer")))
                .filter(c -> c.get("_parentcustomerid_value") != null)
                .filter(c -> !customers.containsKey(c.get("_parentcustomerid_value"))).count();
        assertThat(persons).isNotEmpty();
        assertThat(ofOthers).as("the seed has contacts of prospects").isPositive();

        assertThat(probe.erp("ContactPersons", "$select=ContactPersonId").stream()
                .map(c -> c.get("ContactPersonId")).collect(Collectors.toSet())).isEqualTo(ofCustomers);
        assertThat(erpCustomers.stream().filter(c -> "Person".equals(c.get("PartyType")))
                .map(c -> c.get("CustomerAccount")).collect(Collectors.toSet())).isEqualTo(persons);
        assertThat(result.count("contacts", "waiting")).as("contacts of prospects wait for their company")
                .isEqualTo(ofOthers);
        result.report().get("areas").fields().forEachRemaining(area -> assertThat(
                area.getValue().get("outcome").asText()).as(area.getKey()).isEqualTo("Completed"));
    }

    @Test
    @Order(2)
    void secondSyncWritesNothing() throws Exception {
        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        result.report().get("areas").fields().forEachRemaining(
                area -> assertThat(area.getValue().get("written").asLong()).as(area.getKey()).isZero());
    }

    @Test
    @Order(3)
    void aWaitingContactFollowsOnceItsCompanyBecomesACustomer() throws Exception {
        Map<String, Object> waiting = probe.crm("contacts", "$select=contactid,cdm_contactnumber,_parentcustomerid_value",
                "$filter=msdyn_isactivecustomer eq false and _parentcustomerid_value ne null").stream()
                .filter(c -> probe.crm("accounts", "$select=customertypecode",
                        "$filter=accountid eq " + c.get("_parentcustomerid_value")).stream()
                        .anyMatch(a -> ((Number) a.get("customertypecode")).intValue() != 3))
                .findFirst().orElseThrow();
        probe.patchCrm("accounts(" + waiting.get("_parentcustomerid_value") + ")", Map.of("customertypecode", 3));

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("accounts", "written")).isEqualTo(1);
        assertThat(probe.erp("ContactPersons", "$filter=ContactPersonId eq '" + waiting.get("cdm_contactnumber") + "'"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("ContactForParty")).isNotNull());
    }

    @Test
    @Order(4)
    void aDeletedCustomerIsBlockedInTheErp() throws Exception {
        Map<String, Object> customer = probe.crm("accounts", "$select=accountid,accountnumber",
                "$filter=customertypecode eq 3", "$top=1").get(0);
        probe.deleteCrm("accounts(" + customer.get("accountid") + ")");

        SyncFixture.Result result = sync.syncOnce("accounts");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq '"
                        + ((String) customer.get("accountnumber")).replace("'", "''") + "'"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("OnHoldStatus")).isEqualTo("All"));
        assertThat(sync.syncOnce("accounts").count("accounts", "written")).as("the delete is applied once").isZero();
    }
}
