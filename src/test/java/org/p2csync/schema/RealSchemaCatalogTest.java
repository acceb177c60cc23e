package org.p2csync.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2csync.sync.FieldCatalog;
import org.p2csync.sync.Access;
import org.p2csync.sync.EntitySetInfo;
import org.p2csync.sync.FieldInfo;
import org.p2csync.sync.NavigationInfo;

/** The offline catalogs say what the real services' $metadata and published schemas say, nothing more. */
class RealSchemaCatalogTest {
    private static final RealSchemas SCHEMAS = RealSchemas.shipped();
    private static final FieldCatalog CRM = RealSchemaCatalog.of(SCHEMAS, "crm");
    private static final FieldCatalog ERP = RealSchemaCatalog.of(SCHEMAS, "erp");

    @Test
    void dataverseTablesByEntitySetWithWebApiPropertiesAccessAndLengths() {
        EntitySetInfo orders = CRM.entitySet("salesorders").orElseThrow();

        assertThat(orders.keys()).containsExactly("salesorderid");
        assertThat(orders.fields().get("name")).isEqualTo(new FieldInfo("name", "Edm.String", 300, false,
                Access.WRITABLE, null, java.util.Map.of()));
        // a lookup is read as _x_value, never written so: its navigation property writes it
        assertThat(orders.fields()).containsKey("_customerid_value").doesNotContainKey("customerid");
        assertThat(orders.fields().get("_customerid_value").access()).isEqualTo(Access.READ_ONLY);
        assertThat(orders.fields().get("modifiedon").access()).isEqualTo(Access.READ_ONLY);
        assertThat(orders.fields().get("statecode").access()).isEqualTo(Access.WRITABLE);
        assertThat(orders.fields().get("statecode").options()).containsEntry(0L, "Active").containsEntry(4L, "Invoiced");
        // p2c-sync's own columns are part of the table
        assertThat(orders.fields().get("p2c_processingstatus").options()).containsEntry(916800006L, "Invoiced");
        assertThat(CRM.entitySet("contacts").orElseThrow().fields().get("p2c_contactnumber").maxLength()).isEqualTo(20);
        assertThat(CRM.entitySet("salesorder")).isEmpty();
    }

    @Test
    void dataverseNavigationLeadsToTheEntitySetsOfItsTableWithTheLookupsAccess() {
        EntitySetInfo orders = CRM.entitySet("salesorders").orElseThrow();

        assertThat(orders.navigationKnown()).isTrue();
        assertThat(orders.navigation("customerid_account")).contains(new NavigationInfo("customerid_account",
                List.of("accounts"), "account", Access.WRITABLE));
        assertThat(orders.navigation("ownerid").orElseThrow().targets()).containsExactly("systemusers", "teams");
        assertThat(orders.navigation("owningbusinessunit").orElseThrow().access()).isEqualTo(Access.READ_ONLY);
        // a table the schemas do not carry: its type is known, no entity set
        assertThat(orders.navigation("campaignid").orElseThrow().targets()).isEmpty();
        assertThat(orders.navigation("order_details")).isEmpty();
    }

    @Test
    void fnoEntitySetsWithKeysEnumsAndSingleValuedNavigationOnly() {
        EntitySetInfo headers = ERP.entitySet("CDSSalesOrderHeaders").orElseThrow();

        assertThat(headers.keys()).containsExactly("dataAreaId", "SalesOrderNumber");
        FieldInfo status = headers.fields().get("SalesOrderProcessingStatus");
        assertThat(status.enumType().shortName()).isEqualTo("SalesOrderProcessingStatus");
        assertThat(status.enumType().members()).containsEntry("Active", 0L).containsEntry("Invoiced", 5L).hasSize(9);
        // F&O publishes neither lengths nor write access
        assertThat(headers.fields().values()).extracting(FieldInfo::maxLength).containsOnlyNulls();
        assertThat(headers.fields().values()).extracting(FieldInfo::access).containsOnly(Access.UNKNOWN);
        assertThat(headers.navigation().keySet()).containsExactlyInAnyOrder("Project", "CDSSalesQuotationHeader");
        assertThat(headers.navigation("CDSSalesQuotationHeader").orElseThrow().targets())
                .containsExactly("CDSSalesQuotationHeaders");
        assertThat(ERP.entitySet("ContactPersons").orElseThrow().fields()).containsKey("LastEditDateTime");
        assertThat(ERP.entitySet("SalesOrderHeadersV2").orElseThrow().fields()).doesNotContainKey("ModifiedDateTime");
    }

    @Test
    void onlyTheTwoMappingSystemsHaveACatalog() {
        assertThatThrownBy(() -> RealSchemaCatalog.of(SCHEMAS, "ERP"))
                .hasMessage("no real schema for system 'ERP'; use crm or erp");
    }
}
