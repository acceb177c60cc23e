package org.p2csync.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What counts as the same value when a target copy is compared with what was last written to it. */
class FieldValuesTest {
    @Test
    void numbersCompareByValue() {
        assertThat(FieldValues.same(10, new BigDecimal("10.0"))).isTrue();
        assertThat(FieldValues.same(new BigDecimal("3.30"), 3.3)).isTrue();
        assertThat(FieldValues.same(10L, "10.00")).as("a number and its text").isTrue();
        assertThat(FieldValues.same(10, 10.01)).isFalse();
        assertThat(FieldValues.same(10, "ten")).isFalse();
    }

    @Test
    void dateTimesCompareAsInstants() {
        assertThat(FieldValues.same("2026-12-01T10:00:00Z", "2026-12-01T11:00:00+01:00")).isTrue();
        assertThat(FieldValues.same("2026-12-01T10:00:00Z", "2026-12-01T10:00:00.000Z")).isTrue();
        assertThat(FieldValues.same("2026-12-01T10:00:00Z", "2026-12-01T10:00:01Z")).isFalse();
    }

    @Test
    void aDateEqualsADateTimeOnThatUtcDay() {
        assertThat(FieldValues.same("2026-12-01", "2026-12-01T12:00:00Z")).isTrue();
        assertThat(FieldValues.same("2026-12-01T00:00:00Z", "2026-12-01")).isTrue();
        assertThat(FieldValues.same("2026-12-01", "2026-12-02T00:00:00Z")).isFalse();
    }

    @Test
    void nullAbsentAndEmptyTextAreOneEmptyValue() {
        assertThat(FieldValues.same(null, null)).isTrue();
        assertThat(FieldValues.same(null, "")).isTrue();
        assertThat(FieldValues.same(null, "x")).isFalse();
        assertThat(FieldValues.same(0, null)).as("zero is a value").isFalse();
        assertThat(FieldValues.same(" ", "")).as("a blank is text someone typed").isFalse();
    }

    @Test
    void everythingElseComparesAsExactText() {
        assertThat(FieldValues.same("Yes", "Yes")).isTrue();
        assertThat(FieldValues.same(true, "true")).isTrue();
        assertThat(FieldValues.same("Order 1", "order 1")).isFalse();
        assertThat(FieldValues.same("ООО «Ромашка»", "ООО «Ромашка»")).isTrue();
    }
}
