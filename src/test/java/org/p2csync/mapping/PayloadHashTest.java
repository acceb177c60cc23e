package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadHashTest {
    private static Map<String, Object> of(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void numbersHashByValueNotByScaleOrJavaType() {
        String ten = PayloadHash.of(of("CreditLimit", 10));

        assertThat(PayloadHash.of(of("CreditLimit", new BigDecimal("10.00")))).isEqualTo(ten);
        assertThat(PayloadHash.of(of("CreditLimit", 10L))).isEqualTo(ten);
        assertThat(PayloadHash.of(of("CreditLimit", 10.0d))).isEqualTo(ten);
        assertThat(PayloadHash.of(of("CreditLimit", new BigDecimal("10.01")))).isNotEqualTo(ten);
    }

    @Test
    void fieldOrderDoesNotMatter() {
        assertThat(PayloadHash.of(of("a", "1", "b", 2, "c", null)))
                .isEqualTo(PayloadHash.of(of("c", null, "b", 2, "a", "1")));
    }

    @Test
    void valuesThatPrintAlikeStillHashApart() {
        assertThat(PayloadHash.of(of("a", "10"))).isNotEqualTo(PayloadHash.of(of("a", 10)));
        assertThat(PayloadHash.of(of("a", "null"))).isNotEqualTo(PayloadHash.of(of("a", null)));
        assertThat(PayloadHash.of(of("a", "true"))).isNotEqualTo(PayloadHash.of(of("a", true)));
        assertThat(PayloadHash.of(of("a", "x\",\"b\":\"y")))
                .isNotEqualTo(PayloadHash.of(of("a", "x", "b", "y")));
        assertThat(PayloadHash.of(new HashMap<>())).isNotEqualTo(PayloadHash.of(of("a", null)));
    }

    @Test
    void isSha256HexOfTheCanonicalForm() {
        // sha256 of {"a":"Россия","b":1.5}
        assertThat(PayloadHash.of(of("b", new BigDecimal("1.50"), "a", "Россия")))
                .isEqualTo(sha256("{\"a\":\"Россия\",\"b\":1.5}"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
