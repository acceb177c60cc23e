package org.p2csync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class FilterParserTest {
    private final EntitySetDef accounts = SandboxModel.crm().requireEntitySet("accounts");
    private final EntitySetDef customers = SandboxModel.erp().requireEntitySet("CustomersV3");

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
