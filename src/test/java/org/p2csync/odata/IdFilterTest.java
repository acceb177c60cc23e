package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2csync.sync.ReadSpec;

class IdFilterTest {
    private static final ReadSpec INVOICES = new ReadSpec("SalesInvoiceHeadersV2", "dataAreaId,InvoiceNumber",
            "InvoiceNumber", "ModifiedDateTime", List.of("InvoiceNumber"));
    private static final ReadSpec ACCOUNTS = new ReadSpec("accounts", "accountid", "accountnumber", "modifiedon",
            List.of("accountid"));

    @Test
    void aCompositeIdIsReadBackByEveryFieldOneConjunctionPerRecord() {
        assertThat(IdFilter.of(List.of("[\"usmf\",\"CIV-000001\"]", "[\"demf\",\"O'C 2\"]"), INVOICES, Dialect.FNO))
                .isEqualTo("(dataAreaId eq 'usmf' and InvoiceNumber eq 'CIV-000001') or "
                        + "(dataAreaId eq 'demf' and InvoiceNumber eq 'O''C 2')");
    }

    @Test
    void aSingleFieldIdKeepsItsShortForm() {
        assertThat(IdFilter.of(List.of("0b7b8c8e-1f2a-4c3d-9e4f-5a6b7c8d9e0f", "0b7b8c8e-1f2a-4c3d-9e4f-5a6b7c8d9e10"),
                ACCOUNTS, Dialect.DATAVERSE)).isEqualTo("accountid eq 0b7b8c8e-1f2a-4c3d-9e4f-5a6b7c8d9e0f or "
                        + "accountid eq 0b7b8c8e-1f2a-4c3d-9e4f-5a6b7c8d9e10");
    }

    @Test
    void anIdThatIsNotOfTheSourcesFormIsNotReadable() {
        assertThat(IdFilter.readable("[\"usmf\",\"CIV-1\"]", INVOICES)).isTrue();
        assertThat(IdFilter.readable("CIV-1", INVOICES)).isFalse();
        assertThat(IdFilter.readable("[\"usmf\"]", INVOICES)).isFalse();
        assertThat(IdFilter.readable("anything", ACCOUNTS)).isTrue();
        assertThatThrownBy(() -> IdFilter.of(List.of("CIV-1"), INVOICES, Dialect.FNO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[dataAreaId, InvoiceNumber]");
    }
}
