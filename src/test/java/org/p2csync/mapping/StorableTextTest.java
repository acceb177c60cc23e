package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text with half a UTF-16 pair fails its field by name; it is never handed on to be written as '?'. */
class StorableTextTest {
    private final Mapping mapping = new MappingLoader().load(Path.of("src/test/resources/mappings/transforms.yaml"));

    @Test
    void aLoneSurrogateFromTheSourceFailsTheFieldNamingWhere() {
        MapResult result = mapping.apply(row("Gr\uD83Dße"), Lookups.NONE);

        assertThat(result).isInstanceOf(MapResult.Failed.class);
        MapResult.Failed failed = (MapResult.Failed) result;
        assertThat(failed.field()).isEqualTo("Shout");
        assertThat(failed.reason()).contains("lone surrogate U+D83D at character 3").contains("'?'");
    }

    @Test
    void aTruncationKeepsWholePairsSoItMakesNoHalfPairOfItsOwn() {
        // "abcd" + one emoji (two chars): truncate 5 keeps "abcd", not the emoji's first half
        MapResult result = mapping.apply(row("abcd\uD83D\uDE00"), Lookups.NONE);

        assertThat(result).isInstanceOf(MapResult.Mapped.class);
        assertThat(((MapResult.Mapped) result).record().payload()).containsEntry("Short", "abcd");
    }

    @Test
    void wholePairsAndPlainTextMap() {
        assertThat(mapping.apply(row("ab\uD83D\uDE00 Köln"), Lookups.NONE)).isInstanceOf(MapResult.Mapped.class);
        assertThat(StorableText.loneSurrogate("\uDE00x")).isZero();
        assertThat(StorableText.loneSurrogate("x\uD83D")).isEqualTo(1);
        assertThat(StorableText.loneSurrogate("\uD83D\uDE00")).isEqualTo(-1);
    }

    private static Map<String, Object> row(String name) {
        Map<String, Object> row = new java.util.HashMap<>(Map.of("thingid", "t-1", "number", "ab-1", "kind", 3,
                "statecode", 0, "_owningbusinessunit_value", "bu-de", "firstname", "Ada", "lastname", "Lovelace",
                "amount", "2.345", "day", "2026-03-07T23:30:00+01:00", "active", "TRUE"));
        row.putAll(Map.of("count", new java.math.BigDecimal("42.000"), "code", new java.math.BigDecimal("7.50"),
                "colour", "red", "size", "M", "region", "east", "group", "20", "name", name));
        return row;
    }
}
