package org.p2csync.sandbox;

import static org.p2csync.sandbox.EdmType.DECIMAL;
import static org.p2csync.sandbox.EdmType.GUID;
import static org.p2csync.sandbox.EdmType.INT32;
import static org.p2csync.sandbox.Property.key;
import static org.p2csync.sandbox.Property.created;
import static org.p2csync.sandbox.Property.modified;
import static org.p2csync.sandbox.Property.of;
import static org.p2csync.sandbox.Property.string;

import java.util.ArrayList;
import java.util.List;

/** The declarations of the simulated CRM and ERP; the next areas add their sets here. */
final class SandboxModel {
    private SandboxModel() {}

    static ServiceModel crm() {
        List<Property> account = new ArrayList<>(List.of(
                key("accountid", GUID, null),
                string("accountnumber", 20),
                string("name", 160),
                of("customertypecode", INT32),
                string("emailaddress1", 100),
                string("telephone1", 50),
                string("fax", 50),
                string("websiteurl", 200),
                string("description", 2000),
                of("creditlimit", DECIMAL),
                of("numberofemployees", INT32)));
        account.addAll(address("address1"));
        account.addAll(address("address2"));
        account.addAll(List.of(
                of("_transactioncurrencyid_value", GUID),
                of("statecode", INT32),
                created("createdon"),
                modified("modifiedon")));
        EntitySetDef accounts = new EntitySetDef(
                "accounts", "account", account, List.of("accountid"), List.of(List.of("accountnumber")), true, null);
        EntitySetDef currencies = new EntitySetDef(
                "transactioncurrencies",
                "transactioncurrency",
                List.of(
                        key("transactioncurrencyid", GUID, null),
                        string("isocurrencycode", 3),
                        string("currencyname", 100),
                        modified("modifiedon")),
                List.of("transactioncurrencyid"),
                List.of(List.of("isocurrencycode")),
                true,
                null);
        return new ServiceModel("crm", "/crm/api/data/v9.2/", "Microsoft.Dynamics.CRM", "System",
                List.of(accounts, currencies), 5000, 5000, false, null);
    }

    static ServiceModel erp() {
        List<Property> customer = new ArrayList<>(List.of(
                key("dataAreaId", EdmType.STRING, 4),
                key("CustomerAccount", EdmType.STRING, 20),
                string("OrganizationName", 100),
                string("PartyType", 20),
                string("CustomerGroupId", 10),
                string("LanguageId", 7),
                string("SalesCurrencyCode", 3),
                string("PrimaryContactEmail", 255),
                string("PrimaryContactPhone", 255),
                string("PrimaryContactFax", 255),
                string("PrimaryContactURL", 255),
                of("SalesMemo", EdmType.STRING),
                of("CreditLimit", DECIMAL),
                of("OrganizationNumberOfEmployees", INT32)));
        customer.addAll(erpAddress("DeliveryAddress"));
        customer.addAll(erpAddress("InvoiceAddress"));
        customer.add(string("IsExternallyMaintained", 3));
        // F&O's customer hold (No, Invoice, All, ...): how a customer deleted in the CRM is deactivated
        customer.add(string("CustomerBlocked", 10));
        customer.add(modified("ModifiedDateTime"));
        EntitySetDef customers = new EntitySetDef(
                "CustomersV3", "CustomerV3", customer, List.of("dataAreaId", "CustomerAccount"), List.of(), false,
                "dataAreaId");
        return new ServiceModel("erp", "/erp/data/", "Microsoft.Dynamics.DataEntities", "Resources",
                List.of(customers), 10000, 10000, true, SandboxIds.DEFAULT_COMPANY);
    }

    private static List<Property> address(String prefix) {
        return List.of(
                string(prefix + "_line1", 250),
                string(prefix + "_city", 80),
                string(prefix + "_postalcode", 20),
                string(prefix + "_stateorprovince", 50),
                string(prefix + "_county", 50),
                string(prefix + "_country", 80));
    }

    private static List<Property> erpAddress(String prefix) {
        return List.of(
                string(prefix + "Street", 250),
                string(prefix + "City", 60),
                string(prefix + "ZipCode", 10),
                string(prefix + "State", 10),
                string(prefix + "County", 10),
                string(prefix + "CountryRegionISOCode", 2));
    }
}
