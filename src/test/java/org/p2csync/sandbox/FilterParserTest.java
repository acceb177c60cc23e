package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.p2csync.schema.RealSchemas;

class FilterParserTest {
    private static final RealSchemas SCHEMAS = RealSchemas.shipped();
    private final EntitySetDef accounts = SandboxModel.crm(SCHEMAS).requireEntitySet("accounts");
    private final EntitySetDef customers = SandboxModel.erp(SCHEMAS).requireEntitySet("CustomersV3");
    private final EntitySetDef orders = SandboxModel.erp(SCHEMAS).requireEntitySet("CDSSalesOrderHeaders");

    @Test
    void valuesAreBoundNeverSpliced() {
        SqlFragment f = FilterParser.compile(accounts, "name eq 'x'' or 1=1 --'");
        assertThat(f.sql()).doesNotContain("1=1").doesNotContain("--");
        assertThat(f.params()).containsExactly("x' or 1=1 --");
    }

    @Test
    void andBindsTighterThanOrAndNotAppliesToTheComparison() {
        SqlFragment f = FilterParser.compile(accounts, "statecode eq 0 or customertypecode eq 3 and not name eq 'a'");
        assertThat(f.sql()).startsWith("(").contains(" OR ((").contains("NOT (");
        assertThat(f.params()).containsExactly(0, 3, "a");
        SqlFragment grouped = FilterParser.compile(accounts, "(statecode eq 0 or customertypecode eq 3) and name ne null");
        assertThat(grouped.sql()).startsWith("((").endsWith("IS NOT NULL)");
    }

    @Test
    void typedLiterals() {
        SqlFragment f = FilterParser.compile(accounts, "modifiedon ge 2024-01-01T10:00:00Z and creditlimit gt 10.5"
                + " and accountid ne 5c5a9f3e-0000-4000-8000-000000000840 and 3 lt numberofemployees");
        assertThat(f.params()).containsExactly(OffsetDateTime.parse("2024-01-01T10:00:00Z"), new BigDecimal("10.5"),
                SandboxIds.CURRENCY_USD, 3);
        assertThat(f.sql()).contains("\"numberofemployees\" > ?");
        SqlFragment enumLiteral = FilterParser.compile(customers,
                "IsExternallyMaintained eq Microsoft.Dynamics.DataEntities.NoYes'Yes'");
        assertThat(enumLiteral.params()).containsExactly("Yes");
    }

    @Test
    void enumFieldsTakeOnlyQualifiedEnumLiteralsOfTheirType() {
        assertThat(FilterParser.compile(orders, "SalesOrderStatus eq Microsoft.Dynamics.DataEntities.SalesStatus'Invoiced'"
                + " and SalesOrderOriginCode eq 'CRM'").params()).containsExactly("Invoiced", "CRM");
        // order comparisons follow the members' values (Invoiced = 3), not their names
        SqlFragment later = FilterParser.compile(orders,
                "SalesOrderStatus ge Microsoft.Dynamics.DataEntities.SalesStatus'Delivered'");
        assertThat(later.params()).containsExactly(2);
        assertThat(later.sql()).contains("WHEN 'Invoiced' THEN 3");
        assertThatThrownBy(() -> FilterParser.compile(orders, "SalesOrderStatus eq 'Invoiced'"))
                .hasMessageContaining("SalesOrderStatus").hasMessageContaining("Microsoft.Dynamics.DataEntities.SalesStatus'");
        assertThatThrownBy(() -> FilterParser.compile(orders, "SalesOrderStatus eq SalesStatus'Invoiced'"))
                .hasMessageContaining("qualified");
        assertThatThrownBy(() -> FilterParser.compile(orders,
                "SalesOrderStatus eq Microsoft.Dynamics.DataEntities.NoYes'Yes'")).hasMessageContaining("NoYes");
        assertThatThrownBy(() -> FilterParser.compile(orders,
                "SalesOrderStatus eq Microsoft.Dynamics.DataEntities.SalesStatus'Shipped'"))
                .hasMessageContaining("'Shipped' is not a member").hasMessageContaining("Backorder");
        assertThatThrownBy(() -> FilterParser.compile(orders, "SalesOrderStatus eq 3")).hasMessageContaining("integer");
        assertThatThrownBy(() -> FilterParser.compile(orders,
                "SalesOrderName eq Microsoft.Dynamics.DataEntities.NoYes'Yes'")).hasMessageContaining("enum literal");
    }

    @Test
    void errorsNameTheProblemAndPosition() {
        assertThatThrownBy(() -> FilterParser.compile(accounts, "name eq 'a' and")).hasMessageContaining("position 15");
        assertThatThrownBy(() -> FilterParser.compile(accounts, "name 'a'")).hasMessageContaining("eq ne gt ge lt le");
        assertThatThrownBy(() -> FilterParser.compile(accounts, "contains(name,'a')")).hasMessageContaining("contains");
        assertThatThrownBy(() -> FilterParser.compile(accounts, "numberofemployees eq 99999999999"))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> FilterParser.compile(accounts, "modifiedon gt '2024-01-01'"))
                .hasMessageContaining("modifiedon").hasMessageContaining("Edm.DateTimeOffset");
        assertThatThrownBy(() -> FilterParser.compile(accounts, "1 eq 1")).hasMessageContaining("property");
    }
}
