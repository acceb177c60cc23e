package org.p2csync.sandbox;

import static org.p2csync.sandbox.EdmType.BOOLEAN;
import static org.p2csync.sandbox.EdmType.DATETIME;
import static org.p2csync.sandbox.EdmType.DECIMAL;
import static org.p2csync.sandbox.EdmType.GUID;
import static org.p2csync.sandbox.EdmType.INT32;
import static org.p2csync.sandbox.EdmType.STRING;
import static org.p2csync.sandbox.Property.created;
import static org.p2csync.sandbox.Property.key;
import static org.p2csync.sandbox.Property.modified;
import static org.p2csync.sandbox.Property.of;
import static org.p2csync.sandbox.Property.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The declarations of the simulated CRM and ERP. Names follow the real services (see package-info for the choices
 * where the real schema offered several): CRM lookups are {@code _<name>_value} Guid columns, writable as
 * {@code <name>@odata.bind}; every ERP set is keyed by dataAreaId first and carries a server-maintained
 * ModifiedDateTime.
 */
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
                of("_owningbusinessunit_value", GUID),
                of("statecode", INT32),
                created("createdon"),
                modified("modifiedon")));
        EntitySetDef accounts = new EntitySetDef(
                "accounts", "account", account, List.of("accountid"), List.of(List.of("accountnumber")), true, null)
                .tracked();
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
        EntitySetDef businessUnits = crmSet("businessunits", "businessunit", "businessunitid",
                List.of("cdm_companycode"),
                string("name", 160),
                string("cdm_companycode", 4),
                of("_transactioncurrencyid_value", GUID),
                modified("modifiedon"));

        List<Property> contact = new ArrayList<>(List.of(
                key("contactid", GUID, null),
                string("cdm_contactnumber", 20),
                string("firstname", 50),
                string("middlename", 50),
                string("lastname", 50),
                string("jobtitle", 100),
                string("department", 100),
                string("emailaddress1", 100),
                string("telephone1", 50)));
        contact.addAll(address("address1"));
        contact.addAll(List.of(
                of("_parentcustomerid_value", GUID),
                of("msdyn_isactivecustomer", BOOLEAN),
                of("_transactioncurrencyid_value", GUID),
                of("_owningbusinessunit_value", GUID),
                of("statecode", INT32),
                created("createdon"),
                modified("modifiedon")));
        EntitySetDef contacts = new EntitySetDef("contacts", "contact", contact, List.of("contactid"),
                List.of(List.of("cdm_contactnumber")), true, null).tracked();

        EntitySetDef uoms = crmSet("uoms", "uom", "uomid", List.of("name"),
                string("name", 100),
                of("quantity", DECIMAL),
                modified("modifiedon"));
        EntitySetDef products = crmSet("products", "product", "productid", List.of("productnumber"),
                string("productnumber", 100),
                string("name", 100),
                string("description", 2000),
                of("_defaultuomid_value", GUID),
                of("price", DECIMAL),
                of("currentcost", DECIMAL),
                of("_transactioncurrencyid_value", GUID),
                of("producttypecode", INT32),
                of("quantitydecimal", INT32),
                of("msdyn_externallymaintained", BOOLEAN),
                of("statecode", INT32),
                created("createdon"),
                modified("modifiedon"));
        EntitySetDef priceLevels = crmSet("pricelevels", "pricelevel", "pricelevelid", List.of("name"),
                string("name", 100),
                of("_transactioncurrencyid_value", GUID),
                modified("modifiedon"));
        EntitySetDef productPriceLevels = new EntitySetDef("productpricelevels", "productpricelevel",
                List.of(
                        key("productpricelevelid", GUID, null),
                        of("_pricelevelid_value", GUID),
                        of("_productid_value", GUID),
                        of("_uomid_value", GUID),
                        of("amount", DECIMAL),
                        of("_transactioncurrencyid_value", GUID),
                        modified("modifiedon")),
                List.of("productpricelevelid"),
                List.of(List.of("_pricelevelid_value", "_productid_value")), true, null);

        List<Property> quote = new ArrayList<>(List.of(
                key("quoteid", GUID, null),
                string("quotenumber", 100),
                string("name", 300)));
        quote.addAll(documentHeader());
        EntitySetDef quotes = new EntitySetDef("quotes", "quote", quote, List.of("quoteid"),
                List.of(List.of("quotenumber")), true, null);
        EntitySetDef quoteDetails = lines("quotedetails", "quotedetail", "quoteid", "quotes");

        List<Property> order = new ArrayList<>(List.of(
                key("salesorderid", GUID, null),
                string("ordernumber", 100),
                string("name", 300),
                of("_quoteid_value", GUID),
                string("msdyn_processingstatus", 100),
                string("msdyn_origin", 10)));
        order.addAll(documentHeader());
        EntitySetDef orders = new EntitySetDef("salesorders", "salesorder", order, List.of("salesorderid"),
                List.of(List.of("ordernumber")), true, null);
        EntitySetDef orderDetails = lines("salesorderdetails", "salesorderdetail", "salesorderid", "salesorders");

        List<Property> invoice = new ArrayList<>(List.of(
                key("invoiceid", GUID, null),
                string("invoicenumber", 100),
                string("name", 300),
                of("_salesorderid_value", GUID),
                of("invoicedate", DATETIME),
                of("datedelivered", DATETIME)));
        invoice.addAll(documentHeader());
        EntitySetDef invoices = new EntitySetDef("invoices", "invoice", invoice, List.of("invoiceid"),
                List.of(List.of("invoicenumber")), true, null);
        EntitySetDef invoiceDetails = lines("invoicedetails", "invoicedetail", "invoiceid", "invoices");

        return new ServiceModel("crm", "/crm/api/data/v9.2/", "Microsoft.Dynamics.CRM", "System",
                List.of(accounts, currencies, businessUnits, contacts, uoms, products, priceLevels, productPriceLevels,
                        quotes, quoteDetails, orders, orderDetails, invoices, invoiceDetails),
                5000, 5000, false, null);
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
        customer.add(string("PersonFirstName", 25));
        customer.add(string("PersonMiddleName", 25));
        customer.add(string("PersonLastName", 25));
        customer.add(string("PersonProfessionalTitle", 60));
        customer.add(string("OnHoldStatus", 12));
        customer.add(string("IsExternallyMaintained", 3));
        // F&O's customer hold (No, Invoice, All, ...): how a customer deleted in the CRM is deactivated
        customer.add(modified("ModifiedDateTime"));
        EntitySetDef customers = new EntitySetDef(
                "CustomersV3", "CustomerV3", customer, List.of("dataAreaId", "CustomerAccount"), List.of(), false,
                "dataAreaId");

        EntitySetDef contactPersons = erpSet("ContactPersons", "ContactPerson", List.of("ContactPersonId"),
                concat(List.of(
                        key("ContactPersonId", STRING, 20),
                        string("FirstName", 25),
                        string("MiddleName", 25),
                        string("LastName", 25),
                        string("PrimaryEmailAddress", 255),
                        string("PrimaryPhoneNumber", 255),
                        string("EmploymentProfession", 60),
                        string("EmploymentDepartment", 60)),
                        erpPartyAddress("PrimaryAddress"),
                        List.of(string("ContactForParty", 20), string("IsInactive", 3),
                                string("IsExternallyMaintained", 3))));
        EntitySetDef products = erpSet("SellableReleasedProducts", "SellableReleasedProduct", List.of("ProductNumber"),
                List.of(
                        key("ProductNumber", STRING, 20),
                        string("ProductMasterNumber", 20),
                        string("ProductName", 60),
                        string("ProductDescription", 1000),
                        string("SalesUnitSymbol", 10),
                        of("SalesPrice", DECIMAL),
                        of("UnitCost", DECIMAL),
                        string("CurrencyCode", 3),
                        string("ProductType", 20),
                        of("SalesUnitDecimalPrecision", INT32)));
        EntitySetDef quotationHeaders = erpSet("SalesQuotationHeadersV2", "SalesQuotationHeaderV2",
                List.of("SalesQuotationNumber"),
                concat(List.of(
                        key("SalesQuotationNumber", STRING, 20),
                        string("RequestingCustomerAccountNumber", 20),
                        string("SalesQuotationName", 60),
                        string("CurrencyCode", 3)),
                        erpPartyAddress("DeliveryAddress"),
                        erpPartyAddress("InvoiceAddress"),
                        List.of(of("RequestedShippingDate", DATETIME),
                                string("SalesQuotationStatus", 20),
                                of("TotalAmount", DECIMAL),
                                of("TotalTaxAmount", DECIMAL),
                                of("TotalChargeAmount", DECIMAL),
                                string("IsExternallyMaintained", 3))));
        EntitySetDef quotationLines = erpLines("SalesQuotationLines", "SalesQuotationLine", "SalesQuotationNumber",
                "SalesQuotationHeadersV2", "RequestedSalesQuantity");
        EntitySetDef orderHeaders = erpSet("SalesOrderHeadersV2", "SalesOrderHeaderV2", List.of("SalesOrderNumber"),
                concat(List.of(
                        key("SalesOrderNumber", STRING, 20),
                        string("OrderingCustomerAccountNumber", 20),
                        string("InvoiceCustomerAccountNumber", 20),
                        string("SalesOrderName", 60),
                        string("SalesQuotationNumber", 20),
                        string("CurrencyCode", 3)),
                        erpPartyAddress("DeliveryAddress"),
                        erpPartyAddress("InvoiceAddress"),
                        List.of(of("RequestedShippingDate", DATETIME),
                                string("SalesOrderStatus", 20),
                                string("DocumentStatus", 20),
                                string("SalesOrderOriginCode", 10),
                                of("TotalAmount", DECIMAL),
                                of("TotalTaxAmount", DECIMAL),
                                of("TotalChargeAmount", DECIMAL),
                                string("IsExternallyMaintained", 3))));
        EntitySetDef orderLines = erpLines("SalesOrderLines", "SalesOrderLine", "SalesOrderNumber",
                "SalesOrderHeadersV2", "OrderedSalesQuantity");
        EntitySetDef invoiceHeaders = erpSet("SalesInvoiceHeadersV2", "SalesInvoiceHeaderV2", List.of("InvoiceNumber"),
                List.of(
                        key("InvoiceNumber", STRING, 20),
                        string("SalesOrderNumber", 20),
                        string("InvoiceCustomerAccountNumber", 20),
                        of("InvoiceDate", DATETIME),
                        string("CurrencyCode", 3),
                        of("TotalInvoiceAmount", DECIMAL),
                        of("TotalTaxAmount", DECIMAL),
                        of("TotalChargeAmount", DECIMAL)));
        EntitySetDef invoiceLines = erpLines("SalesInvoiceLines", "SalesInvoiceLine", "InvoiceNumber",
                "SalesInvoiceHeadersV2", "InvoicedQuantity");
        return new ServiceModel("erp", "/erp/data/", "Microsoft.Dynamics.DataEntities", "Resources",
                List.of(customers, contactPersons, products, quotationHeaders, quotationLines, orderHeaders, orderLines,
                        invoiceHeaders, invoiceLines),
                10000, 10000, true, SandboxIds.DEFAULT_COMPANY);
    }

    /** A CRM set with a generated Guid key and one alternate key. */
    private static EntitySetDef crmSet(String name, String type, String id, List<String> alternateKey,
                                       Property... properties) {
        List<Property> all = new ArrayList<>();
        all.add(key(id, GUID, null));
        all.addAll(List.of(properties));
        return new EntitySetDef(name, type, all, List.of(id), List.of(alternateKey), true, null);
    }

    /** What quotes, orders and invoices share after their own number and name. */
    private static List<Property> documentHeader() {
        List<Property> p = new ArrayList<>(List.of(
                of("_customerid_value", GUID),
                of("_transactioncurrencyid_value", GUID),
                of("_pricelevelid_value", GUID),
                of("_owningbusinessunit_value", GUID),
                of("statecode", INT32),
                of("statuscode", INT32)));
        p.addAll(shortAddress("shipto"));
        p.addAll(shortAddress("billto"));
        p.addAll(List.of(
                of("requestdeliveryby", DATETIME),
                of("totalamount", DECIMAL),
                of("totaltax", DECIMAL),
                of("freightamount", DECIMAL),
                created("createdon"),
                modified("modifiedon")));
        return p;
    }

    /** CRM document lines: keyed by Guid, addressable by (header, sequencenumber), re-stamping their header. */
    private static EntitySetDef lines(String name, String type, String headerId, String headerSet) {
        String headerLookup = "_" + headerId + "_value";
        return new EntitySetDef(name, type,
                List.of(
                        key(type + "id", GUID, null),
                        of(headerLookup, GUID),
                        of("sequencenumber", INT32),
                        of("_productid_value", GUID),
                        of("isproductoverridden", BOOLEAN),
                        string("productdescription", 500),
                        of("quantity", DECIMAL),
                        of("priceperunit", DECIMAL),
                        of("_uomid_value", GUID),
                        of("manualdiscountamount", DECIMAL),
                        of("extendedamount", DECIMAL),
                        created("createdon"),
                        modified("modifiedon")),
                List.of(type + "id"), List.of(List.of(headerLookup, "sequencenumber")), true, null)
                .withParent(headerSet, Map.of(headerLookup, headerId));
    }

    private static EntitySetDef erpSet(String name, String type, List<String> keyAfterCompany, List<Property> fields) {
        List<Property> all = new ArrayList<>();
        all.add(key("dataAreaId", STRING, 4));
        all.addAll(fields);
        all.add(modified("ModifiedDateTime"));
        List<String> key = new ArrayList<>();
        key.add("dataAreaId");
        key.addAll(keyAfterCompany);
        return new EntitySetDef(name, type, all, key, List.of(), false, "dataAreaId");
    }

    /** ERP document lines: keyed by company, document number and LineCreationSequenceNumber. */
    private static EntitySetDef erpLines(String name, String type, String number, String headerSet, String quantity) {
        return erpSet(name, type, List.of(number, "LineCreationSequenceNumber"), List.of(
                        key(number, STRING, 20),
                        key("LineCreationSequenceNumber", INT32, null),
                        string("ProductNumber", 20),
                        string("LineDescription", 1000),
                        of(quantity, DECIMAL),
                        of("SalesPrice", DECIMAL),
                        string("SalesUnitSymbol", 10),
                        of("LineDiscountAmount", DECIMAL),
                        of("LineAmount", DECIMAL)))
                .withParent(headerSet, Map.of("dataAreaId", "dataAreaId", number, number));
    }

    @SafeVarargs
    private static List<Property> concat(List<Property>... parts) {
        List<Property> all = new ArrayList<>();
        for (List<Property> p : parts) {
            all.addAll(p);
        }
        return all;
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

    private static List<Property> shortAddress(String prefix) {
        return List.of(
                string(prefix + "_line1", 250),
                string(prefix + "_city", 80),
                string(prefix + "_postalcode", 20),
                string(prefix + "_stateorprovince", 50),
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

    /** Address fields of contact persons and sales documents (F&O names them StateId/CountryRegionId there). */
    private static List<Property> erpPartyAddress(String prefix) {
        return List.of(
                string(prefix + "Street", 250),
                string(prefix + "City", 60),
                string(prefix + "ZipCode", 10),
                string(prefix + "StateId", 10),
                string(prefix + "CountryRegionId", 10));
    }
}
