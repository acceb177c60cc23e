package org.p2csync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BindReferenceTest {
    @Test
    void anAlternateKeyIsQuotedWithInnerQuotesDoubledThenPercentEncoded() {
        assertThat(BindReference.of("accounts", "accountnumber", "ACC-1")).isEqualTo("/accounts(accountnumber='ACC-1')");
        assertThat(BindReference.of("accounts", "accountnumber", "O'Brien & Söhne/1?#%"))
                .isEqualTo("/accounts(accountnumber='O%27%27Brien%20%26%20S%C3%B6hne%2F1%3F%23%25')");
        assertThat(BindReference.of("accounts", "accountnumber", "北京-1"))
                .isEqualTo("/accounts(accountnumber='%E5%8C%97%E4%BA%AC-1')");
    }

    @Test
    void aPrimaryIdIsABareGuid() {
        assertThat(BindReference.of("products", null, "0B7B8C8E-1F2A-4C3D-9E4F-5A6B7C8D9E0F"))
                .isEqualTo("/products(0b7b8c8e-1f2a-4c3d-9e4f-5a6b7c8d9e0f)");
    }

    @Test
    void aPrimaryIdThatIsNotAGuidIsRefusedNamingTheSet() {
        assertThatThrownBy(() -> BindReference.of("products", null, "P-1') or (1 eq 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("products").hasMessageContaining("not a GUID");
    }

    @Test
    void aReferenceByAlternateKeyReadsBackAsItsSetKeyAndValue() {
        for (String value : java.util.List.of("A&B/1", "O'Brien + Söhne\\?#%", "北京-1", "it''s")) {
            assertThat(BindReference.byKey(BindReference.of("accounts", "accountnumber", value)))
                    .contains(new BindReference.ByKey("accounts", "accountnumber", value));
        }
    }

    @Test
    void aReferenceByIdOrAnyOtherValueIsNoReferenceByKey() {
        assertThat(BindReference.byKey("/products(0b7b8c8e-1f2a-4c3d-9e4f-5a6b7c8d9e0f)")).isEmpty();
        assertThat(BindReference.byKey("not a bind")).isEmpty();
        assertThat(BindReference.byKey(42)).isEmpty();
        assertThat(BindReference.byKey(null)).isEmpty();
    }
}
