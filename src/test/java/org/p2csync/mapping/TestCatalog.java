package org.p2csync.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.p2csync.sync.EntitySetCatalog;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.FieldInfo;

/** A FieldCatalog of one entity set, built in a test the way $metadata would describe it. */
record TestCatalog(String entitySet, Map<String, FieldInfo> fields) implements FieldCatalog {

    static TestCatalog of(String entitySet, FieldInfo... fields) {
        Map<String, FieldInfo> byName = new LinkedHashMap<>();
        for (FieldInfo f : fields) {
            byName.put(f.name(), f);
        }
        return new TestCatalog(entitySet, Map.copyOf(byName));
    }

    static FieldInfo text(String name, Integer maxLength) {
        return new FieldInfo(name, "Edm.String", maxLength);
    }

    static FieldInfo typed(String name, String type) {
        return new FieldInfo(name, type, null);
    }

    @Override
    public Optional<Map<String, FieldInfo>> fields(String set) {
        return set.equals(entitySet) ? Optional.of(fields) : Optional.empty();
    }

    /** A catalog of whole entity sets (keys, navigation), as a live $metadata describes them. */
    static FieldCatalog sets(EntitySetInfo... sets) {
        Map<String, EntitySetInfo> byName = new LinkedHashMap<>();
        for (EntitySetInfo set : sets) {
            byName.put(set.name(), set);
        }
        return new EntitySetCatalog(byName);
    }

    /** An entity set of those fields with its key and no navigation known. */
    static EntitySetInfo set(String name, java.util.List<String> keys, FieldInfo... fields) {
        Map<String, FieldInfo> byName = new LinkedHashMap<>();
        for (FieldInfo f : fields) {
            byName.put(f.name(), f);
        }
        return new EntitySetInfo(name, keys, byName, Map.of(), false);
    }

    /** CRM accounts as the brief lists them. */
    static TestCatalog crmAccounts() {
        return of("accounts",
                typed("accountid", "Edm.Guid"), text("accountnumber", 20), text("name", 160),
                typed("customertypecode", "Edm.Int32"), text("emailaddress1", 100), text("telephone1", 50),
                text("fax", 50), text("websiteurl", 200), text("description", null),
                typed("creditlimit", "Edm.Decimal"), typed("numberofemployees", "Edm.Int32"),
                text("address1_line1", 250), text("address1_city", 80), text("address1_postalcode", 20),
                text("address1_stateorprovince", 50), text("address1_county", 50), text("address1_country", 80),
                text("address2_line1", 250), text("address2_city", 80), text("address2_postalcode", 20),
                text("address2_stateorprovince", 50), text("address2_county", 50), text("address2_country", 80),
                typed("_transactioncurrencyid_value", "Edm.Guid"), typed("statecode", "Edm.Int32"),
                typed("_owningbusinessunit_value", "Edm.Guid"),
                typed("createdon", "Edm.DateTimeOffset"), typed("modifiedon", "Edm.DateTimeOffset"));
    }

    /** ERP CustomersV3 with the MaxLengths the brief lists. */
    static TestCatalog erpCustomers() {
        return of("CustomersV3",
                text("dataAreaId", 4), text("CustomerAccount", 20), text("OrganizationName", 100),
                text("PartyType", 20), text("CustomerGroupId", 10), text("LanguageId", 7),
                text("SalesCurrencyCode", 3), text("PrimaryContactEmail", 255), text("PrimaryContactPhone", 255),
                text("PrimaryContactFax", 255), text("PrimaryContactURL", 255), text("SalesMemo", null),
                typed("CreditLimit", "Edm.Decimal"), typed("OrganizationNumberOfEmployees", "Edm.Int32"),
                text("DeliveryAddressStreet", 250), text("DeliveryAddressCity", 60),
                text("DeliveryAddressZipCode", 10), text("DeliveryAddressState", 10),
                text("DeliveryAddressCounty", 10), text("DeliveryAddressCountryRegionISOCode", 2),
                text("InvoiceAddressStreet", 250), text("InvoiceAddressCity", 60),
                text("InvoiceAddressZipCode", 10), text("InvoiceAddressState", 10),
                text("InvoiceAddressCounty", 10), text("InvoiceAddressCountryRegionISOCode", 2),
                text("IsExternallyMaintained", 3), text("OnHoldStatus", 12),
                typed("ModifiedDateTime", "Edm.DateTimeOffset"));
    }
}
