package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.p2csync.schema.RealSchemaCatalog;
import org.p2csync.schema.RealSchemas;
import org.p2csync.sync.Access;
import org.p2csync.sync.EnumInfo;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.FieldInfo;

/**
 * Each check of {@link Mapping#validate} fires, with file:line, on the fixtures of src/test/resources/mappings/real:
 * against the real schemas (offline catalogs) and against catalogs as a live $metadata describes them.
 */
class RealSchemaChecksTest {
    private static final Path DIR = Path.of("src/test/resources/mappings/real");
    private static final RealSchemas SCHEMAS = RealSchemas.shipped();

    private static List<String> problems(String file) {
        Mapping mapping = new MappingLoader().load(DIR.resolve(file));
        return catchThrowableOfType(MappingException.class, () -> mapping.validate(
                RealSchemaCatalog.of(SCHEMAS, mapping.source().system()),
                RealSchemaCatalog.of(SCHEMAS, mapping.target().system()))).problems();
    }

    private static String at(String file, int line) {
        return DIR.resolve(file) + ":" + line + ": ";
    }

    @Test
    void crmToFnoFieldsKeysEnumMembersAndChoiceOptions() {
        String f = "customers.yaml";
        String noYes = " (F&O takes member names); members: No, Yes";
        String customerTypes = "options: 1 Competitor, 2 Consultant, 3 Customer, 4 Investor, 5 Partner, 6 Influencer,"
                + " 7 Press, 8 Prospect, 9 Reseller, 10 Supplier, 11 Vendor, 12 Other";
        assertThat(problems(f)).containsExactly(
                at(f, 8) + "unknown source field 'modifedon' (modified) in accounts; did you mean modifiedon?",
                at(f, 13) + "target key [CustomerAccount] is not the key of CustomersV3 [dataAreaId, CustomerAccount];"
                        + " F&O addresses records by their entity key only",
                at(f, 16) + "unknown source field '_owningbusinessunit_valu' in accounts; did you mean"
                        + " _owningbusinessunit_value?",
                at(f, 20) + "condition value 'Customer' compared with customertypecode is not an option value of"
                        + " customertypecode; " + customerTypes + "; did you mean 3 (Customer)?",
                at(f, 22) + "condition value 13 compared with customertypecode is not an option value of"
                        + " customertypecode; " + customerTypes,
                at(f, 25) + "value map yesNo value for 'false' 'Nope' is not a member of ExportSale's enum NoYes"
                        + noYes + "; did you mean No?",
                at(f, 28) + "unknown target field 'OrganisationName' in CustomersV3; did you mean OrganizationName?",
                at(f, 29) + "constant 'True' is not a member of IsExternallyMaintained's enum NoYes" + noYes,
                at(f, 30) + "constant 'yes' is not a member of CreditLimitIsMandatory's enum NoYes" + noYes
                        + "; did you mean Yes?",
                at(f, 31) + "default true is not a member of AllowOnAccount's enum NoYes" + noYes,
                at(f, 34) + "target field CreditLimit of CustomersV3 is not nullable (Edm.Decimal): an empty value"
                        + " would be refused; give it a default (F&O's own empty value is 0) or make it required",
                at(f, 37) + "onDelete set 'Blocked' is not a member of OnHoldStatus's enum CustVendorBlocked (F&O takes"
                        + " member names); members: No, Invoice, All, Payment, Requisition, Never, PurchOrder");
    }

    @Test
    void fnoToCrmTimestampIdsEnumFiltersNavigationReadOnlyColumnsAndOptions() {
        String f = "orders-back.yaml";
        assertThat(problems(f)).containsExactly(
                at(f, 8) + "modified: CDSSalesOrderHeaders has no field 'ModifiedDateTime'; F&O entities have no"
                        + " modification timestamp out of the box: leave modified: out to read the set in full, or"
                        + " name a timestamp field an extension added",
                at(f, 16) + "condition value 'Open' compared with SalesOrderProcessingStatus is not a member of enum"
                        + " SalesOrderProcessingStatus (F&O takes member names); members: Active, Confirmed, Picked,"
                        + " PartiallyDelivered, Delivered, Invoiced, PartiallyInvoiced, Canceled,"
                        + " DeliveredPartiallyInvoiced",
                at(f, 24) + "bind entity 'businessunits' is not where ownerid leads: systemusers, teams",
                at(f, 25) + "navigation property owningbusinessunit of salesorders is read-only: the service refuses"
                        + " owningbusinessunit@odata.bind",
                at(f, 26) + "unknown navigation property 'customerid_acount' of salesorders in"
                        + " customerid_acount@odata.bind; did you mean customerid_account?",
                at(f, 27) + "target field _transactioncurrencyid_value of salesorders is read-only: the service"
                        + " refuses a write naming it; write the lookup as transactioncurrencyid@odata.bind",
                at(f, 28) + "unknown target field 'transactioncurrencyid' in salesorders; it is a navigation"
                        + " property: write transactioncurrencyid@odata.bind with bind: {entity: ...}",
                at(f, 29) + "target field modifiedon of salesorders is read-only: the service refuses a write naming"
                        + " it",
                at(f, 30) + "constant 9 is not an option value of statecode; options: 0 Active, 1 Submitted,"
                        + " 2 Canceled, 3 Fulfilled, 4 Invoiced",
                at(f, 30) + "target field statecode of salesorders changes only through the service's messages"
                        + " (FulfillSalesOrder, CancelSalesOrder): Dataverse refuses a write naming it; keep the"
                        + " record's own state alone and write the progress to a column of its own (e.g."
                        + " p2c_processingstatus)",
                at(f, 31) + "constant 'Invoiced' is not an option value of p2c_processingstatus; options: 916800000"
                        + " Draft, 916800001 Active, 916800002 Confirmed, 916800003 Picked, 916800004 Partially"
                        + " delivered, 916800005 Delivered, 916800006 Invoiced, 916800007 Partially invoiced,"
                        + " 916800008 Cancelled, 916800009 Delivered, partially invoiced; did you mean 916800006"
                        + " (Invoiced)?",
                at(f, 33) + "default '999999999999999999999' is 21 characters, longer than shipto_postalcode's"
                        + " MaxLength 20",
                at(f, 35) + "source id [dataAreaId, SalesOrderNumber] is not the key of CDSSalesOrderLines"
                        + " [dataAreaId, SalesOrderNumber, LineCreationSequenceNumber]; the id must name exactly one"
                        + " record",
                at(f, 41) + "bind key 'nmae' is no field of uoms; did you mean name?");
    }

    @Test
    void aSourceIdThatIsNotTheTablesIdAndAModifiedFieldThatIsNoTime() {
        String f = "contacts.yaml";
        assertThat(problems(f)).containsExactly(
                at(f, 6) + "source id [p2c_contactnumber] is not the key of contacts [contactid]; the id must name"
                        + " exactly one record",
                at(f, 8) + "modified: fullname of contacts is Edm.String, not a point in time (Edm.DateTimeOffset) the"
                        + " incremental read can follow");
    }

    @Test
    void aLiveMetadataCatalogChecksWhatItKnowsAndClaimsNothingElse() {
        Map<String, Long> members = new LinkedHashMap<>();
        members.put("No", 0L);
        members.put("Yes", 1L);
        EnumInfo noYes = new EnumInfo("Microsoft.Dynamics.DataEntities.NoYes", members);
        FieldCatalog erp = TestCatalog.sets(TestCatalog.set("Things", List.of("dataAreaId", "Number"),
                TestCatalog.text("dataAreaId", null), TestCatalog.text("Number", null),
                TestCatalog.typed("Changed", "Edm.DateTimeOffset"), TestCatalog.text("Customer", null),
                TestCatalog.typed("Active", noYes.name()).withEnum(noYes)));
        FieldCatalog crm = TestCatalog.sets(
                TestCatalog.set("orders", List.of("orderid"), TestCatalog.text("ordernumber", 100),
                        // a live Dataverse $metadata does not say modifiedon is read-only: nothing is claimed
                        TestCatalog.typed("modifiedon", "Edm.DateTimeOffset"),
                        TestCatalog.text("assignednumber", null).withAccess(Access.CREATE_ONLY)),
                TestCatalog.set("accounts", List.of("accountid"), TestCatalog.typed("accountid", "Edm.Guid")));
        String f = "live.yaml";
        Mapping mapping = new MappingLoader().load(DIR.resolve(f));

        MappingException e = catchThrowableOfType(MappingException.class, () -> mapping.validate(erp, crm));

        // no navigation known: customer@odata.bind and owner@odata.bind are not checked against navigation
        assertThat(e.problems()).containsExactly(
                at(f, 17) + "condition value 'True' compared with Active is not a member of Active's enum NoYes (F&O"
                        + " takes member names); members: No, Yes",
                at(f, 21) + "target field assignednumber of orders is set only when a record is created, and this area"
                        + " only updates (target write: update)",
                at(f, 23) + "unknown target entity set 'acounts' in bind");
    }

    @Test
    void targetAssignedFieldsMustExistInTheTarget() {
        References refs = new References();
        refs.targetEntity("CustomersV3", 3);
        refs.assignedField("PartyNumber", 4);
        refs.assignedField("PartyNumbr", 5);
        Problems problems = new Problems(Path.of("accounts.yaml"));

        new CatalogCheck(refs, problems, new CatalogCheck.Sides("crm", "erp", false))
                .run(RealSchemaCatalog.crm(SCHEMAS), RealSchemaCatalog.erp(SCHEMAS));

        assertThat(catchThrowableOfType(MappingException.class, problems::throwIfAny).problems()).containsExactly(
                "accounts.yaml:5: unknown target field 'PartyNumbr' (target.assigned) in CustomersV3; did you mean"
                        + " PartyNumber?");
    }

    /** Mappings of the real data model pass: binds to teams, lookup key fields, choice values, enum members. */
    @ParameterizedTest
    @ValueSource(strings = {"accounts-ok.yaml", "invoices-ok.yaml"})
    void mappingsOfTheRealDataModelPass(String file) {
        Mapping mapping = new MappingLoader().load(DIR.resolve(file));

        assertThatCode(() -> mapping.validate(RealSchemaCatalog.of(SCHEMAS, mapping.source().system()),
                RealSchemaCatalog.of(SCHEMAS, mapping.target().system()))).doesNotThrowAnyException();
    }
}
