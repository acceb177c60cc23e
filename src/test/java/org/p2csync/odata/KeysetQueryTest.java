package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    private static final ReadSpec PRODUCTS = new ReadSpec("SellableReleasedProducts", "dataAreaId,ProductNumber",
            "ProductNumber", "ModifiedDateTime", List.of("ModifiedDateTime", "ProductNumber", "dataAreaId"));

    @Test
    void startReadsEverythingInKeysetOrder() {
        Query q = new KeysetQuery(ACCOUNTS, false).after(Cursor.START, 500);

        assertThat(q.filter()).isNull();
        assertThat(q.orderBy()).isEqualTo("modifiedon asc,accountid asc");
        assertThat(q.maxPageSize()).isEqualTo(500);
        assertThat(q.toQueryString()).isEqualTo("$select=accountid%2Cname&$orderby=modifiedon%20asc%2Caccountid%20asc");
    }

    @Test
    void aDataverseRunStartsAtItsWatermarkSecondWithoutComparingGuids() {
        Query q = new KeysetQuery(ACCOUNTS, false).after(new Cursor.Watermark("2024-05-01T10:00:00Z"), 5000);

        assertThat(q.filter()).as("the second W again, no 'accountid gt': Guids do not compare as strings")
                .isEqualTo("modifiedon ge 2024-05-01T10:00:00Z");
        assertThat(q.orderBy()).as("the id still orders the pages, so the service's nextLinks page a total order")
                .isEqualTo("modifiedon asc,accountid asc");
    }

    @Test
    void anFnoExtensionTimestampAndACompositeIdFollowTheSameRuleAcrossCompanies() {
        ReadSpec extension = new ReadSpec("SellableReleasedProducts", "dataAreaId,ProductNumber", "ProductNumber",
                "P2cChangedAt", List.of("P2cChangedAt", "ProductNumber", "dataAreaId"));

        Query q = new KeysetQuery(extension, true).after(new Cursor.Watermark("2024-05-01T10:00:00.123Z"), 100);

        assertThat(q.filter()).isEqualTo("P2cChangedAt ge 2024-05-01T10:00:00.123Z");
        assertThat(q.orderBy()).isEqualTo("P2cChangedAt asc,dataAreaId asc,ProductNumber asc");
        assertThat(q.toQueryString()).endsWith("&cross-company=true");
    }

    @Test
    void overlapMovesTheStartBack() {
        Cursor stored = new Cursor.Watermark("2024-05-01T10:00:00Z");

        Cursor start = KeysetQuery.startOf(stored, Duration.ofSeconds(5));

        assertThat(start).isEqualTo(new Cursor.Watermark("2024-05-01T09:59:55Z"));
        assertThat(new KeysetQuery(CUSTOMERS, false).after(start, 10).filter())
                .isEqualTo("ModifiedDateTime ge 2024-05-01T09:59:55Z");
        assertThat(KeysetQuery.startOf(stored, Duration.ZERO)).isSameAs(stored);
        assertThat(KeysetQuery.startOf(Cursor.START, Duration.ofSeconds(5))).isSameAs(Cursor.START);
    }

    @Test
    void aFullReadOrdersByTheIdFieldsAloneWithoutFilter() {
        ReadSpec noTimestamp = new ReadSpec("SellableReleasedProducts", "dataAreaId,ProductNumber", "ProductNumber",
                null, List.of("ProductName", "ProductNumber", "dataAreaId"));

        Query q = new KeysetQuery(noTimestamp, true).everything(10_000);

        assertThat(q.filter()).isNull();
        assertThat(q.orderBy()).isEqualTo("dataAreaId asc,ProductNumber asc");
        assertThat(q.toQueryString()).endsWith("&cross-company=true");
        assertThatThrownBy(() -> new KeysetQuery(noTimestamp, true).after(Cursor.START, 10))
                .hasMessageContaining("without a timestamp");
    }

    @Test
    void aDeltaLinkIsNoStartOfAKeysetQuery() {
        assertThatThrownBy(() -> new KeysetQuery(PRODUCTS, true).after(new Cursor.DeltaLink("x?$deltatoken=1"), 10))
                .hasMessageContaining("starts at a watermark");
    }
}
