package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyPredicateTest {

    @Test
    void fnoCompositeKeyKeepsKeyOrderAndDoublesQuotes() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", "usmf");
        key.put("CustomerAccount", "O'Brien");

        String predicate = KeyPredicate.of(key, Dialect.FNO);

        assertThat(decode(predicate)).isEqualTo("(dataAreaId='usmf',CustomerAccount='O''Brien')");
        assertThat(predicate).isEqualTo("(dataAreaId%3D%27usmf%27%2CCustomerAccount%3D%27O%27%27Brien%27)");
    }

    @Test
    void dataverseLookupColumnsInAnAlternateKeyAreBareGuidsOtherKeysStayStrings() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("_pricelevelid_value", "c0000000-0000-4000-8000-000000000840");
        key.put("_productid_value", "fe77f2dc-d1d6-3bb6-b358-71b401ff9661");
        Map<String, Object> guidLookingNumber = Map.of("accountnumber", "fe77f2dc-d1d6-3bb6-b358-71b401ff9661");

        assertThat(decode(KeyPredicate.of(key, Dialect.DATAVERSE))).isEqualTo(
                "(_pricelevelid_value=c0000000-0000-4000-8000-000000000840,"
                        + "_productid_value=fe77f2dc-d1d6-3bb6-b358-71b401ff9661)");
        assertThat(decode(KeyPredicate.of(guidLookingNumber, Dialect.DATAVERSE)))
                .isEqualTo("(accountnumber='fe77f2dc-d1d6-3bb6-b358-71b401ff9661')");
    }

    @Test
    void charactersThatCouldChangeTheRequestAreEncoded() {
        String predicate = KeyPredicate.of(Map.of("accountnumber", "A&B/C#D?E F%G+H"), Dialect.DATAVERSE);

        assertThat(predicate).doesNotContain("&", "/", "#", "?", " ", "+").contains("%25");
        assertThat(decode(predicate)).isEqualTo("(accountnumber='A&B/C#D?E F%G+H')");
        // the encoded predicate stays inside the path of a URL: no query, no fragment
        URI uri = URI.create("https://org.example/api/data/v9.2/accounts" + predicate);
        assertThat(uri.getRawQuery()).isNull();
        assertThat(uri.getRawFragment()).isNull();
        assertThat(uri.getPath()).endsWith("accounts(accountnumber='A&B/C#D?E F%G+H')");
    }

    @Test
    void cyrillicIsEncodedAsUtf8() {
        String predicate = KeyPredicate.of(Map.of("accountnumber", "Жук"), Dialect.DATAVERSE);

        assertThat(predicate).isEqualTo("(accountnumber%3D%27%D0%96%D1%83%D0%BA%27)");
        assertThat(decode(predicate)).isEqualTo("(accountnumber='Жук')");
    }

    @Test
    void dataverseGuidKeyIsBare() {
        assertThat(KeyPredicate.of(Map.of("accountid", "0b7b8c8e-1f2a-4c3d-9e4f-5a6b7c8d9e0f"), Dialect.DATAVERSE))
                .isEqualTo("(0b7b8c8e-1f2a-4c3d-9e4f-5a6b7c8d9e0f)");
    }

    @Test
    void emptyOrNullKeysAreRejectedWithTheirName() {
        assertThatThrownBy(() -> KeyPredicate.of(Map.of(), Dialect.FNO)).isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("dataAreaId", "usmf");
        key.put("CustomerAccount", null);
        assertThatThrownBy(() -> KeyPredicate.of(key, Dialect.FNO)).hasMessageContaining("CustomerAccount");
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
