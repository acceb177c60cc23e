package org.p2csync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Accounts, contact persons and person customers in dependency order, across the two companies: a contact person
 * names its company by the PartyNumber the ERP gave the customer; contacts of companies not synced yet wait and
 * follow once their company is a customer; a deleted CRM customer is put on hold in the ERP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContactsCompaniesDeletesTest {
    /** A waiting contact as status lists it: its number and the account it waits for. */
    private static final Pattern WAITING = Pattern.compile(
            "    (CON-\\d+): accounts record ([0-9a-f-]{36}) \\(from _parentcustomerid_value\\) not synced yet");

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static ODataProbe probe;
    static SyncFixture sync;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSetUp().withSeedAccounts(300));
        probe = new ODataProbe(sandbox);
        sync = new SyncFixture(sandbox, dir, Map.of());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String companyOf(Map<String, Object> record) {
        return SandboxIds.BU_DEMF.equals(record.get("_owningbusinessunit_value")) ? "demf" : "usmf";
    }

    /** The CRM customer accounts (customertypecode 3), by id. */
    private static Map<Object, Map<String, Object>> customers() {
        return probe.crm("accounts", "$select=accountid,accountnumber,_owningbusinessunit_value",
                        "$filter=customertypecode eq 3").stream()
                .collect(Collectors.toMap(a -> a.get("accountid"), Function.identity()));
    }

    /** The ERP customers, by "company|account". */
    private static Map<String, Map<String, Object>> erpCustomers() {
        return probe.erp("CustomersV3", "$select=dataAreaId,CustomerAccount,PartyNumber,SalesCurrencyCode,PartyType")
                .stream().collect(Collectors.toMap(c -> c.get("dataAreaId") + "|" + c.get("CustomerAccount"),
                        Function.identity()));
    }

    private static List<Map<String, Object>> contacts() {
        return probe.crm("contacts", "$select=contactid,p2c_contactnumber,_parentcustomerid_value,"
                + "p2c_isactivecustomer,_owningbusinessunit_value");
    }

    /** The contact person as the ERP has it now, by the contact's number. */
    private static Map<String, Object> contactPerson(Object number) {
        return probe.erp("ContactPersons", "$filter=ContactPersonId eq '" + number + "'").stream().findFirst()
                .orElseThrow(() -> new AssertionError("no contact person " + number + " in the ERP"));
    }

    @Test
    @Order(1)
    void everyCustomerAndContactLandsInItsCompanyLinkedByTheCustomersPartyNumber() throws Exception {
        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        Map<Object, Map<String, Object>> customers = customers();
        Map<String, Map<String, Object>> erpCustomers = erpCustomers();
        assertThat(customers.values()).allSatisfy(a -> assertThat(erpCustomers)
                .as("customer %s in %s", a.get("accountnumber"), companyOf(a))
                .containsKey(companyOf(a) + "|" + a.get("accountnumber")));
        assertThat(erpCustomers.values()).as("demf customers are billed in EUR")
                .filteredOn(c -> "demf".equals(c.get("dataAreaId")) && "Organization".equals(c.get("PartyType")))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("SalesCurrencyCode")).isEqualTo("EUR"));
        assertThat(erpCustomers.values()).as("F&O numbered every customer's party")
                .allSatisfy(c -> assertThat((String) c.get("PartyNumber")).isNotBlank());

        List<Map<String, Object>> contacts = contacts();
        Set<Object> persons = contacts.stream().filter(c -> Boolean.TRUE.equals(c.get("p2c_isactivecustomer")))
                .map(c -> c.get("p2c_contactnumber")).collect(Collectors.toSet());
        List<Map<String, Object>> ofCustomers = contacts.stream()
                .filter(c -> !Boolean.TRUE.equals(c.get("p2c_isactivecustomer")))
                .filter(c -> customers.containsKey(c.get("_parentcustomerid_value"))).toList();
        long ofOthers = contacts.stream()
                .filter(c -> !Boolean.TRUE.equals(c.get("p2c_isactivecustomer")))
                .filter(c -> c.get("_parentcustomerid_value") != null)
                .filter(c -> !customers.containsKey(c.get("_parentcustomerid_value"))).count();
        assertThat(persons).isNotEmpty();
        assertThat(ofOthers).as("the seed has contacts of prospects").isPositive();

        Map<Object, Map<String, Object>> contactPersons = probe.erp("ContactPersons").stream()
                .collect(Collectors.toMap(c -> c.get("ContactPersonId"), Function.identity()));
        assertThat(contactPersons.keySet()).isEqualTo(
                ofCustomers.stream().map(c -> c.get("p2c_contactnumber")).collect(Collectors.toSet()));
        assertThat(ofCustomers).allSatisfy(c -> {
            Map<String, Object> person = contactPersons.get(c.get("p2c_contactnumber"));
            Map<String, Object> company = customers.get(c.get("_parentcustomerid_value"));
            Map<String, Object> customer = erpCustomers.get(companyOf(company) + "|" + company.get("accountnumber"));
            assertThat(person.get("dataAreaId")).as("in its company").isEqualTo(companyOf(c)).isEqualTo(companyOf(company));
            assertThat(person.get("AssociatedPartyNumber")).as("the party number the ERP gave its company")
                    .isEqualTo(customer.get("PartyNumber"));
            assertThat(person.get("IsContactPersonExternallyMaintained")).isEqualTo("Yes");
            assertThat(person.get("IsInactive")).isEqualTo("No");
        });
        assertThat(erpCustomers.values().stream().filter(c -> "Person".equals(c.get("PartyType")))
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
        String status = sync.command("status", "--area", "contacts").printed();
        Matcher waiting = WAITING.matcher(status);
        assertThat(waiting.find()).as("status lists a contact waiting for its company%n%s", status).isTrue();
        String number = waiting.group(1);
        String accountId = waiting.group(2);
        Map<String, Object> account = probe.crm("accounts", "$select=accountnumber,_owningbusinessunit_value",
                "$filter=accountid eq " + accountId).get(0);
        long ofThatAccount = contacts().stream().filter(c -> accountId.equals(c.get("_parentcustomerid_value")))
                .filter(c -> !Boolean.TRUE.equals(c.get("p2c_isactivecustomer"))).count();
        assertThat(probe.erp("ContactPersons", "$filter=ContactPersonId eq '" + number + "'")).isEmpty();
        probe.patchCrm("accounts(" + accountId + ")", Map.of("customertypecode", 3));

        // a customer in the CRM, but not in the ERP yet: the contact has no party number to name, so it still waits
        SyncFixture.Result contactsFirst = sync.syncOnce("contacts");
        assertThat(contactsFirst.count("contacts", "written")).as(contactsFirst.printed()).isZero();
        assertThat(probe.erp("ContactPersons", "$filter=ContactPersonId eq '" + number + "'")).isEmpty();
        assertThat(sync.command("status", "--area", "contacts").printed()).contains("    " + number + ": accounts record "
                + accountId + " (from _parentcustomerid_value) not synced yet");

        SyncFixture.Result result = sync.syncOnce();

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("accounts", "written")).isEqualTo(1);
        assertThat(result.count("contacts", "written")).as("every contact of that company, in the same run")
                .isEqualTo(ofThatAccount);
        Map<String, Object> customer = erpCustomers().get(companyOf(account) + "|" + account.get("accountnumber"));
        assertThat(customer).as("the new customer").isNotNull();
        assertThat(contactPerson(number)).satisfies(c -> {
            assertThat(c.get("dataAreaId")).isEqualTo(companyOf(account));
            assertThat(c.get("AssociatedPartyNumber")).isEqualTo(customer.get("PartyNumber"));
        });
        assertThat(sync.command("status", "--area", "contacts").printed()).doesNotContain("    " + number + ": ");
    }

    @Test
    @Order(4)
    void aDeletedCustomerIsPutOnHoldInTheErp() throws Exception {
        Map<String, Object> customer = customers().values().iterator().next();
        String company = companyOf(customer);
        String account = (String) customer.get("accountnumber");
        probe.deleteCrm("accounts(" + customer.get("accountid") + ")");

        SyncFixture.Result result = sync.syncOnce("accounts");

        assertThat(result.exitCode()).as(result.printed()).isZero();
        assertThat(result.count("accounts", "written")).as("the delete, as an update").isEqualTo(1);
        assertThat(probe.erp("CustomersV3", "$filter=CustomerAccount eq '" + account.replace("'", "''") + "'"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.get("dataAreaId")).isEqualTo(company);
                    assertThat(c.get("OnHoldStatus")).isEqualTo("All");
                });
        assertThat(sync.syncOnce("accounts").count("accounts", "written")).as("the delete is applied once").isZero();
    }
}
