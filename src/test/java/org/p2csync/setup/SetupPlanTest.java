package org.p2csync.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2csync.mapping.Mappings;
import org.p2csync.odata.Dialect;
import org.p2csync.odata.ODataClient;
import org.p2csync.odata.ServiceConfig;
import org.p2csync.sandbox.Sandbox;
import org.p2csync.sandbox.SandboxIds;
import org.p2csync.sandbox.SandboxOptions;
import org.p2csync.schema.RealSchemas;
import org.p2csync.sync.RequestCounter;

/**
 * What setup derives from mappings: the declared p2c_ columns some mapping uses (and no other), the keys mappings
 * address CRM records by, minus the primary id; and, against a fresh sandbox over HTTP, a key on a p2c_ column is
 * created after its column.
 */
class SetupPlanTest {
    private static final RealSchemas SCHEMAS = RealSchemas.shipped();

    @TempDir
    Path dir;

    @Test
    void theShippedMappingsNeedEveryDeclaredColumnAndTheirTargetAndBindKeys() {
        CrmNeeds needs = CrmNeeds.of(Mappings.load(Path.of("mappings")), SCHEMAS);
        assertThat(needs.columns()).extracting(CrmNeeds.Column::name).containsExactlyInAnyOrder(
                "salesorder.p2c_processingstatus", "salesorder.p2c_origin", "product.p2c_externallymaintained",
                "contact.p2c_contactnumber", "contact.p2c_isactivecustomer", "invoice.p2c_invoicedate");
        assertThat(needs.keys()).extracting(CrmNeeds.Key::name).containsExactlyInAnyOrder("accounts(accountnumber)",
                "products(productnumber)", "productpricelevels(pricelevelid, productid)", "salesorders(ordernumber)",
                "salesorderdetails(salesorderid, sequencenumber)", "invoices(invoicenumber)",
                "invoicedetails(invoiceid, sequencenumber)");
        CrmNeeds.Key accounts = needs.keys().stream().filter(k -> k.entitySet().equals("accounts")).findFirst()
                .orElseThrow();
        assertThat(accounts.usedAt()).as("binds by key, in erp-orders and invoices")
                .anyMatch(w -> w.startsWith("erp-orders.yaml:")).anyMatch(w -> w.startsWith("invoices.yaml:"));
        CrmNeeds.Key priceItems = needs.keys().stream().filter(k -> k.entitySet().equals("productpricelevels"))
                .findFirst().orElseThrow();
        assertThat(priceItems.properties()).containsExactly("_pricelevelid_value", "_productid_value");
    }

    @Test
    void aKeyOnAP2cColumnIsCreatedAfterItsColumnAndThePrimaryIdNeedsNoKey() throws Exception {
        Path mappings = Files.createDirectories(dir.resolve("mappings"));
        // ERP contact persons keyed in the CRM by p2c_contactnumber, customers by the CRM's own id
        Files.writeString(mappings.resolve("people.yaml"), """
                area: people
                source: { system: erp, entity: ContactPersons, id: [dataAreaId, ContactPersonId], key: ContactPersonId }
                target: { system: crm, entity: contacts, key: [p2c_contactnumber] }
                fields:
                  p2c_contactnumber: { from: ContactPersonId, required: true }
                  lastname: { from: LastName }
                """);
        Files.writeString(mappings.resolve("firms.yaml"), """
                area: firms
                source: { system: erp, entity: CustomersV3, id: [dataAreaId, CustomerAccount], key: CustomerAccount }
                target: { system: crm, entity: accounts, key: [accountid] }
                fields:
                  accountid: { from: CustomerAccount, guid: "account:" }
                  name: { from: OrganizationName }
                """);
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(dir.resolve("sandbox")).withSeedAccounts(0))) {
            RequestCounter counter = new RequestCounter();
            ODataClient crm = new ODataClient(ServiceConfig.of("crm", Dialect.DATAVERSE, sandbox.crmUrl(),
                    sandbox.tokenUrl(), SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), counter);
            ODataClient erp = new ODataClient(ServiceConfig.of("erp", Dialect.FNO, sandbox.erpUrl(),
                    sandbox.tokenUrl(), SandboxIds.CLIENT_ID, SandboxIds.CLIENT_SECRET), counter);
            Setup setup = new Setup(Mappings.load(mappings), SCHEMAS, crm, erp, Optional.empty(), Duration.ofSeconds(30));

            SetupPlan before = setup.plan();
            assertThat(before.columns()).extracting(c -> c.need().name()).containsExactly("contact.p2c_contactnumber");
            assertThat(before.keys()).as("accounts(accountid) is the primary id: no alternate key")
                    .extracting(k -> k.need().name()).containsExactly("contacts(p2c_contactnumber)");
            assertThat(before.lacking()).hasValueSatisfying(m -> assertThat(m).contains(
                    "the CRM lacks the alternate key contacts(p2c_contactnumber) and the column contact.p2c_contactnumber"
                            + " that the mappings need", "run `java -jar target/p2c-sync.jar setup`"));

            SetupReport report = setup.run(false);
            assertThat(report.exitCode()).as(String.join("\n", report.lines())).isZero();
            assertThat(report.columns()).extracting(SetupLine::verb).containsExactly(SetupLine.Verb.CREATED);
            assertThat(report.keys()).extracting(SetupLine::verb).containsExactly(SetupLine.Verb.CREATED);
            assertThat(report.keys().get(0).detail()).startsWith("index Active after");
            assertThat(setup.plan().ready()).isTrue();
            assertThat(setup.plan().lacking()).isEmpty();
            assertThat(report.manual()).anyMatch(m -> m.contains("System Customizer"))
                    .noneMatch(m -> m.contains("number sequence"));
            assertThat(counter.get(Setup.AREA, "crm")).as("counted under setup").isPositive();
        }
    }

    @Test
    void keysNameTheirColumnsByLogicalName() {
        CrmNeeds.Key key = new CrmNeeds.Key("salesorderdetails", List.of("_salesorderid_value", "sequencenumber"),
                List.of());
        assertThat(key.columns()).containsExactly("salesorderid", "sequencenumber");
        assertThat(key.name()).isEqualTo("salesorderdetails(salesorderid, sequencenumber)");
    }
}
