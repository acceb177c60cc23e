package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2csync.sync.Cursor;
import org.p2csync.sync.ReadSpec;

class KeysetQueryTest {
    private static final ReadSpec ACCOUNTS =
            new ReadSpec("accounts", "accountid", "accountnumber", "modifiedon", List.of("accountid", "name"));
    private static final ReadSpec CUSTOMERS = new ReadSpec("CustomersV3", "CustomerAccount", "CustomerAccount",
            "ModifiedDateTime", List.of("CustomerAccount", "dataAreaId"));

    @Test
    void startReadsEverythingInKeysetOrder() {
        Query q = new KeysetQuery(ACCOUNTS, Dialect.DATAVERSE, false).after(Cursor.START, 500);

        assertThat(q.filter()).isNull();
        assertThat(q.orderBy()).isEqualTo("modifiedon asc,accountid asc");
        assertThat(q.maxPageSize()).isEqualTo(500);
        assertThat(q.toQueryString()).isEqualTo("$select=accountid%2Cname&$orderby=modifiedon%20asc%2Caccountid%20asc");
    }

    @Test
    void dataverseTieBreakerIsABareGuidAndTheDatetimeIsUnquoted() {
        Cursor cursor = new Cursor.Watermark("2024-05-01T10:00:00Z", "0b7b8c8e-1f2a-4c3d-9e4f-5a6b7c8d9e0f");

        Query q = new KeysetQuery(ACCOUNTS, Dialect.DATAVERSE, false).after(cursor, 5000);

        assertThat(q.filter()).isEqualTo("modifiedon gt 2024-05-01T10:00:00Z or (modifiedon eq 2024-05-01T10:00:00Z"
                + " and accountid gt 0b7b8c8e-1f2a-4c3d-9e4f-5a6b7c8d9e0f)");
    }

    @Test
    void fnoTieBreakerIsAQuotedStringAndReadsCrossCompany() {
        Cursor cursor = new Cursor.Watermark("2024-05-01T10:00:00Z", "O'Brien");

        Query q = new KeysetQuery(CUSTOMERS, Dialect.FNO, true).after(cursor, 5000);

        assertThat(q.filter()).isEqualTo("ModifiedDateTime gt 2024-05-01T10:00:00Z or (ModifiedDateTime eq "
                + "2024-05-01T10:00:00Z and CustomerAccount gt 'O''Brien')");
        assertThat(q.toQueryString()).endsWith("&cross-company=true");
    }

    @Test
    void overlapMovesTheStartBackAndIncludesTheBoundary() {
        Cursor stored = new Cursor.Watermark("2024-05-01T10:00:00Z", "X");

        Cursor start = KeysetQuery.startOf(stored, Duration.ofSeconds(5));

        assertThat(start).isEqualTo(new Cursor.Watermark("2024-05-01T09:59:55Z", null));
        assertThat(new KeysetQuery(CUSTOMERS, Dialect.FNO, false).after(start, 10).filter())
                .isEqualTo("ModifiedDateTime ge 2024-05-01T09:59:55Z");
        assertThat(KeysetQuery.startOf(stored, Duration.ZERO)).isSameAs(stored);
        assertThat(KeysetQuery.startOf(Cursor.START, Duration.ofSeconds(5))).isSameAs(Cursor.START);
    }

    private static final ReadSpec PRODUCTS = new ReadSpec("SellableReleasedProducts", "dataAreaId,ProductNumber",
            "ProductNumber", "ModifiedDateTime", List.of("ModifiedDateTime", "ProductNumber", "dataAreaId"));

    @Test
    void aCompositeIdOrdersByEachFieldAndBreaksTiesLexicographically() {
        Cursor cursor = new Cursor.Watermark("2024-05-01T10:00:00Z", "[\"usmf\",\"O'Brien-1\"]");

        Query q = new KeysetQuery(PRODUCTS, Dialect.FNO, true).after(cursor, 100);

        assertThat(q.orderBy()).isEqualTo("ModifiedDateTime asc,dataAreaId asc,ProductNumber asc");
        assertThat(q.filter()).isEqualTo("ModifiedDateTime gt 2024-05-01T10:00:00Z or (ModifiedDateTime eq "
                + "2024-05-01T10:00:00Z and (dataAreaId gt 'usmf' or (dataAreaId eq 'usmf' and ProductNumber gt "
                + "'O''Brien-1')))");
    }

    @Test
    void aFullReadOrdersByTheIdFieldsAloneWithoutFilter() {
        ReadSpec noTimestamp = new ReadSpec("SellableReleasedProducts", "dataAreaId,ProductNumber", "ProductNumber",
                null, List.of("ProductName", "ProductNumber", "dataAreaId"));

        Query q = new KeysetQuery(noTimestamp, Dialect.FNO, true).everything(10_000);

        assertThat(q.filter()).isNull();
        assertThat(q.orderBy()).isEqualTo("dataAreaId asc,ProductNumber asc");
        assertThat(q.toQueryString()).endsWith("&cross-company=true");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new KeysetQuery(noTimestamp, Dialect.FNO, true).after(Cursor.START, 10))
                .hasMessageContaining("without a timestamp");
    }

    @Test
    void aCompositeIdOfThreeFieldsNests() {
        ReadSpec lines = new ReadSpec("SalesOrderLines", "dataAreaId,SalesOrderNumber,LineNumber", "SalesOrderNumber",
                "ModifiedDateTime", List.of());
        Query q = new KeysetQuery(lines, Dialect.FNO, true).after(new Cursor.Watermark("W", "[\"a\",\"S1\",3]"), 10);

        assertThat(q.filter()).isEqualTo("ModifiedDateTime gt W or (ModifiedDateTime eq W and (dataAreaId gt 'a' or"
                + " (dataAreaId eq 'a' and (SalesOrderNumber gt 'S1' or (SalesOrderNumber eq 'S1' and LineNumber gt"
                + " 3)))))");
    }

    @Test
    void aTieBreakerThatDoesNotFitTheCompositeIdNamesTheFields() {
        KeysetQuery keyset = new KeysetQuery(PRODUCTS, Dialect.FNO, true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keyset.after(new Cursor.Watermark("W", "P-1"), 10))
                .hasMessageContaining("[dataAreaId, ProductNumber]").hasMessageContaining("SellableReleasedProducts");
    }
}
