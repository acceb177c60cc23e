package org.p2csync.sandbox;

import static org.p2csync.sandbox.FnoSets.COMPANY;
import static org.p2csync.sandbox.FnoSets.address;
import static org.p2csync.sandbox.FnoSets.all;
import static org.p2csync.sandbox.FnoSets.lengths;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.p2csync.schema.RealSchemas;

/**
 * The sets the simulated CRM and ERP serve (plan: AREAS.md, "Sandbox sets"), one declaration each. Everything the
 * real schema says is derived ({@link DataverseSets}, {@link FnoSets}); declared here is only what it does not say:
 * which sets are served, line -> header links, change tracking, document locks and computed totals, F&amp;O type
 * names and the string lengths the sandbox assumes, the numbers F&amp;O assigns and the references it checks. No
 * alternate keys: an out-of-the-box org has none; they are created through the metadata Web API
 * ({@link DataverseOrg}).
 */
final class SandboxModel {
    /** The CRM sets in the order they are served (and created: reference data before the records naming it). */
    static final List<String> CRM_SETS = List.of("accounts", "contacts", "transactioncurrencies", "businessunits",
            "teams", "uomschedules", "uoms", "products", "pricelevels", "productpricelevels", "quotes", "quotedetails",
            "salesorders", "salesorderdetails", "invoices", "invoicedetails");
    static final List<String> ERP_SETS = List.of("CustomersV3", "ContactPersons", "SellableReleasedProducts",
            "CDSSalesQuotationHeaders", "CDSSalesQuotationLines", "CDSSalesOrderHeaders", "CDSSalesOrderLines",
            "SalesInvoiceHeadersV2", "SalesInvoiceV2Lines");

    private SandboxModel() {}

    static ServiceModel crm(RealSchemas schemas) {
        Set<String> tables = CRM_SETS.stream()
                .map(s -> schemas.dataverseEntitySet(s).orElseThrow(() ->
                        new IllegalArgumentException("real-schemas has no Dataverse entity set " + s)).logicalName())
                .collect(Collectors.toSet());
        DataverseSets d = new DataverseSets(schemas, tables);
        List<EntitySetDef> sets = List.of(
                d.set("accounts").changeTracked().build(),
                d.set("contacts").changeTracked().build(),
                d.set("transactioncurrencies").build(),
                d.set("businessunits").build(),
                d.set("teams").build(),
                d.set("uomschedules").build(),
                d.set("uoms").build(),
                d.set("products").build(),
                d.set("pricelevels").build(),
                d.set("productpricelevels").build(),
                // REAL-SERVICES.md, Dataverse 5: an activated quote is read-only with its lines; orders and invoices
                // change state only through their messages, and an order that left Active is read-only too. Totals
                // and line amounts are computed from the lines, for orders and invoices unless pricing is locked
                d.set("quotes").lockedUnless("statecode", 0).priced(null).build(),
                d.lines("quotedetails", "quotes", "quoteid").build(),
                d.set("salesorders").stateByMessages().lockedUnless("statecode", 0).priced("ispricelocked").build(),
                d.lines("salesorderdetails", "salesorders", "salesorderid").build(),
                d.set("invoices").stateByMessages().priced("ispricelocked").build(),
                d.lines("invoicedetails", "invoices", "invoiceid").build());
        return new ServiceModel(ServiceKind.DATAVERSE, "crm", "/crm/api/data/v9.2/", "Microsoft.Dynamics.CRM",
                "System", sets, 5000, 5000, false, null);
    }

    static ServiceModel erp(RealSchemas schemas) {
        FnoSets f = new FnoSets(schemas);
        Map<String, Integer> company = lengths(COMPANY, 4);
        Map<String, Integer> customerAddress = all(
                lengths("DeliveryAddressStreet", 250, "DeliveryAddressCity", 60, "DeliveryAddressZipCode", 10,
                        "DeliveryAddressState", 10, "DeliveryAddressCounty", 10, "DeliveryAddressCountryRegionISOCode", 2),
                lengths("InvoiceAddressStreet", 250, "InvoiceAddressCity", 60, "InvoiceAddressZipCode", 10,
                        "InvoiceAddressState", 10, "InvoiceAddressCounty", 10, "InvoiceAddressCountryRegionISOCode", 2));
        Map<String, Integer> documentAddresses = all(address("DeliveryAddress"), address("InvoiceAddress"));
        Map<String, Integer> lineFields = lengths("ProductNumber", 20, "LineDescription", 1000, "SalesUnitSymbol", 10);
        List<EntitySetDef> sets = List.of(
                f.set("CustomersV3", "CustomerV3", all(company, lengths("CustomerAccount", 20, "OrganizationName", 100,
                                "PartyType", 20, "CustomerGroupId", 10, "LanguageId", 7, "SalesCurrencyCode", 3,
                                "PrimaryContactEmail", 255, "PrimaryContactPhone", 255, "PrimaryContactFax", 255,
                                "PrimaryContactURL", 255, "PersonFirstName", 25, "PersonMiddleName", 25,
                                "PersonLastName", 25, "PersonProfessionalTitle", 60), customerAddress))
                        // F&O's party number sequence; CustomerV3 marks the field AllowEdit=false (its real $metadata)
                        .assignedNumber("PartyNumber", "%09d")
                        .build(),
                f.set("ContactPersons", "ContactPerson", all(company, lengths("ContactPersonId", 20, "FirstName", 25,
                                "MiddleName", 25, "LastName", 25, "PrimaryEmailAddress", 255, "PrimaryPhoneNumber", 255,
                                "EmploymentProfession", 60, "EmploymentDepartment", 60), address("PrimaryAddress")))
                        .change("LastEditDateTime", p -> p.withStamp(Property.Stamp.MODIFIED))
                        // stricter than anything public says: a contact person belongs to a customer of its company
                        .reference(List.of(COMPANY, "AssociatedPartyNumber"), "CustomersV3",
                                List.of(COMPANY, "PartyNumber"))
                        .build(),
                f.set("SellableReleasedProducts", "SellableReleasedProduct", all(company, lengths("ProductNumber", 20,
                        "ProductName", 60, "ProductDescription", 1000, "SalesUnitSymbol", 10, "CurrencyCode", 3)))
                        .build(),
                f.set("CDSSalesQuotationHeaders", "CDSSalesQuotationHeader", all(company, lengths(
                        "SalesQuotationNumber", 20, "RequestingCustomerAccountNumber", 20, "SalesQuotationName", 60,
                        "CurrencyCode", 3), documentAddresses)).build(),
                f.lines("CDSSalesQuotationLines", "CDSSalesQuotationLine", all(company,
                        lengths("SalesQuotationNumber", 20), lineFields), "CDSSalesQuotationHeaders").build(),
                f.set("CDSSalesOrderHeaders", "CDSSalesOrderHeader", all(company, lengths("SalesOrderNumber", 20,
                        "OrderingCustomerAccountNumber", 20, "InvoiceCustomerAccountNumber", 20, "SalesOrderName", 60,
                        "CurrencyCode", 3, "SalesOrderOriginCode", 10), documentAddresses)).build(),
                f.lines("CDSSalesOrderLines", "CDSSalesOrderLine", all(company, lengths("SalesOrderNumber", 20),
                        lineFields), "CDSSalesOrderHeaders").build(),
                f.set("SalesInvoiceHeadersV2", "SalesInvoiceHeaderV2", all(company, lengths("InvoiceNumber", 20,
                        "SalesOrderNumber", 20, "InvoiceCustomerAccountNumber", 20, "CurrencyCode", 3))).build(),
                f.lines("SalesInvoiceV2Lines", "SalesInvoiceV2Line", all(company, lengths("InvoiceNumber", 20,
                        "ProductNumber", 20, "SalesUnitSymbol", 10)), "SalesInvoiceHeadersV2").build());
        return new ServiceModel(ServiceKind.FNO, "erp", "/erp/data/", "Microsoft.Dynamics.DataEntities", "Resources",
                sets, 10000, 10000, true, SandboxIds.DEFAULT_COMPANY);
    }
}
