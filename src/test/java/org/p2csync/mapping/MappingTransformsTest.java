package org.p2csync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every field option and filter form, on the made-up "things" area of transforms.yaml. */
class MappingTransformsTest {
    private final Mapping mapping = new MappingLoader().load(Path.of("src/test/resources/mappings/transforms.yaml"));

    /** A row that passes the filter and fills every field. */
    private static Map<String, Object> row() {
        Map<String, Object> row = new HashMap<>();
        row.put("thingid", "t-1");
        row.put("number", " ab-1 ");
        row.put("kind", 3);
        row.put("statecode", 0);
        row.put("_owningbusinessunit_value", "bu-de");
        row.put("firstname", "Ada");
        row.put("lastname", "Lovelace");
        row.put("name", "Grüße aus Köln");
        row.put("amount", "2.345");
        row.put("day", "2026-03-07T23:30:00+01:00");
        row.put("count", new BigDecimal("42.000"));
        row.put("active", "TRUE");
        row.put("code", new BigDecimal("7.50"));
        row.put("colour", "red");
        row.put("size", "M");
        row.put("region", "east");
        row.put("group", "20");
        return row;
    }

    private Map<String, Object> payload(Map<String, Object> row) {
        return payload(row, Lookups.NONE);
    }

    private Map<String, Object> payload(Map<String, Object> row, Lookups lookups) {
        MapResult result = mapping.apply(row, lookups);
        assertThat(result).isInstanceOf(MapResult.Mapped.class);
        return ((MapResult.Mapped) result).record().payload();
    }

    private MapResult.Failed failure(Map<String, Object> row) {
        MapResult result = mapping.apply(row, Lookups.NONE);
        assertThat(result).isInstanceOf(MapResult.Failed.class);
        return (MapResult.Failed) result;
    }

    @Test
    void everyOptionShapesItsField() {
        Map<String, Object> p = payload(row());

        assertThat(p).containsEntry("Company", "demf")
                .containsEntry("Number", "AB-1")
                .containsEntry("FullName", "Ada Lovelace")
                .containsEntry("Shout", "GRÜSSE AUS KÖLN")
                .containsEntry("Whisper", "grüße aus köln")
                .containsEntry("Short", "Grüße")
                .containsEntry("Amount", new BigDecimal("2.35"))
                .containsEntry("Day", "07.03.2026")
                .containsEntry("Count", 42L)
                .containsEntry("Active", true)
                .containsEntry("Code", "7.50")
                .containsEntry("Colour", "R")
                .containsEntry("Size", "medium")
                .containsEntry("Region", "east")
                .containsEntry("Group", "20")
                .containsEntry("Parent", null);
    }

    @Test
    void numbersRoundHalfUpAndAcceptJsonNumbers() {
        Map<String, Object> row = row();
        row.put("amount", 0.125);
        Map<String, Object> negative = row();
        negative.put("amount", new BigDecimal("-2.345"));

        assertThat(payload(row)).containsEntry("Amount", new BigDecimal("0.13"));
        assertThat(payload(negative)).containsEntry("Amount", new BigDecimal("-2.35"));
    }

    @Test
    void datesAcceptEveryIsoShape() {
        for (String iso : new String[] {"2026-03-07", "2026-03-07T08:15:00", "2026-03-07T08:15:00Z"}) {
            Map<String, Object> row = row();
            row.put("day", iso);

            assertThat(payload(row)).containsEntry("Day", "07.03.2026");
        }
    }

    @Test
    void concatSkipsEmptyFieldsAndIsEmptyWhenAllAre() {
        Map<String, Object> onlyFirst = row();
        onlyFirst.put("lastname", null);
        Map<String, Object> neither = row();
        neither.put("firstname", null);
        neither.put("lastname", "");

        assertThat(payload(onlyFirst)).containsEntry("FullName", "Ada");
        assertThat(payload(neither)).containsEntry("FullName", null);
    }

    @Test
    void truncateNeverSplitsASurrogatePair() {
        Map<String, Object> row = row();
        row.put("name", "abcd\uD83D\uDE00xyz"); // an emoji straddles the cut after 5 UTF-16 units

        assertThat(payload(row)).containsEntry("Short", "abcd");
    }

    @Test
    void guidIsTheNameBasedGuidOfPrefixAndValueAndEmptyStaysEmpty() {
        Map<String, Object> row = row();
        row.put("name", "D1000");
        Map<String, Object> empty = row();
        empty.put("name", " ");

        // MD5-based version 3 GUID of "product:D1000", computed outside Java
        assertThat(payload(row)).containsEntry("StableId", "fe77f2dc-d1d6-3bb6-b358-71b401ff9661");
        assertThat(payload(empty).get("StableId")).as("blank stays blank").isIn(null, " ");
    }

    @Test
    void valueMapFallbacksKeepOrReplaceAndTheTableBlankAppliesToEmptyValues() {
        Map<String, Object> row = row();
        row.put("colour", "mauve");
        row.put("size", "XXL");
        Map<String, Object> empty = row();
        empty.put("colour", null);
        empty.put("size", "");

        assertThat(payload(row)).containsEntry("Colour", "mauve").containsEntry("Size", "other");
        assertThat(payload(empty)).containsEntry("Colour", null).containsEntry("Size", "none");
    }

    @Test
    void blankReplacesAnEmptySourceAndDefaultAnEmptyResult() {
        Map<String, Object> row = row();
        row.put("region", "   ");
        row.put("group", null);

        assertThat(payload(row)).containsEntry("Region", "north").containsEntry("Group", "10");
    }

    @Test
    void companyComesFromTheBusinessUnitOrTheDefault() {
        Map<String, Object> noUnit = row();
        noUnit.remove("_owningbusinessunit_value");
        Map<String, Object> strangeUnit = row();
        strangeUnit.put("_owningbusinessunit_value", "bu-mars");

        assertThat(payload(noUnit)).containsEntry("Company", "usmf");
        assertThat(failure(strangeUnit)).isEqualTo(new MapResult.Failed("Company",
                "value 'bu-mars' of _owningbusinessunit_value is not in value map 'businessUnits'"));
    }

    @Test
    void badValuesFailNamingTheFieldAndTheValue() {
        Map<String, Object> amount = row();
        amount.put("amount", "12,50");
        Map<String, Object> count = row();
        count.put("count", 2.5);
        Map<String, Object> active = row();
        active.put("active", "maybe");
        Map<String, Object> day = row();
        day.put("day", "07/03/2026");

        assertThat(failure(amount)).isEqualTo(new MapResult.Failed("Amount", "amount '12,50' is not a number"));
        assertThat(failure(count)).isEqualTo(new MapResult.Failed("Count", "count 2.5 is not a whole number"));
        assertThat(failure(active)).isEqualTo(new MapResult.Failed("Active", "active 'maybe' is not true/false"));
        assertThat(failure(day).field()).isEqualTo("Day");
        assertThat(failure(day).reason()).startsWith("day '07/03/2026' is not an ISO-8601 date");
    }

    @Test
    void requiredKeyFailsAfterTrimming() {
        Map<String, Object> row = row();
        row.put("number", "  ");

        assertThat(failure(row)).isEqualTo(new MapResult.Failed("Number", "required, but number is empty"));
    }

    @Test
    void lookupGivesTheOtherAreasKeyOrMakesTheRecordWait() {
        Map<String, Object> row = row();
        row.put("_parentid_value", "t-0");
        row.put("_ownerid_value", "p-1");
        Map<String, Object> parentKey = new java.util.LinkedHashMap<>();
        parentKey.put("dataAreaId", "usmf");
        parentKey.put("Number", "PARENT-0");
        Lookups synced = (area, ref) -> area.equals("things") && ref.equals("t-0") ? Optional.of(parentKey)
                : area.equals("people") && ref.equals("p-1") ? Optional.of(Map.of("Id", "P1")) : Optional.empty();

        assertThat(payload(row, synced))
                .as("field defaults to the last key field; field: picks one")
                .containsEntry("Parent", "PARENT-0")
                .containsEntry("ParentCompany", "usmf")
                .containsEntry("Owner", "P1");
        assertThat(mapping.apply(row, Lookups.NONE))
                .isEqualTo(new MapResult.Waiting("things record t-0 (from _parentid_value) not synced yet"));
        assertThat(mapping.lookups()).containsExactly(
                new LookupRef("things", "_parentid_value"), new LookupRef("people", "_ownerid_value"));
    }

    @Test
    void anEmptyReferenceStaysEmptyUnlessRequired(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Map<String, Object> row = row();
        row.put("_parentid_value", "  ");
        assertThat(payload(row)).containsEntry("Parent", null).containsEntry("Owner", null);

        Path strict = java.nio.file.Files.writeString(dir.resolve("things.yaml"), java.nio.file.Files
                .readString(Path.of("src/test/resources/mappings/transforms.yaml"))
                .replace("Owner: { lookup: { area: people, from: _ownerid_value } }",
                        "Owner: { lookup: { area: people, from: _ownerid_value }, required: true }"));
        MapResult result = new MappingLoader().load(strict).apply(row, Lookups.NONE);
        assertThat(result).isInstanceOf(MapResult.Failed.class);
        assertThat(((MapResult.Failed) result).field()).isEqualTo("Owner");
    }

    @Test
    void aRecordThatWouldFailFailsRatherThanWaits() {
        Map<String, Object> row = row();
        row.put("_parentid_value", "t-0");
        row.put("amount", "n/a");

        assertThat(mapping.apply(row, Lookups.NONE)).isInstanceOf(MapResult.Failed.class);
    }

    @Test
    void filterCombinesAnyInAndNot() {
        Map<String, Object> otherKind = row();
        otherKind.put("kind", 2);
        Map<String, Object> vip = row();
        vip.put("kind", 2);
        vip.put("vip", true);
        Map<String, Object> inactive = row();
        inactive.put("statecode", 1);
        Map<String, Object> firstKind = row();
        firstKind.put("kind", "1");

        assertThat(mapping.apply(otherKind, Lookups.NONE))
                .isEqualTo(new MapResult.Filtered("none of: kind is 2, not one of 1, 3; vip is empty, not true"));
        assertThat(mapping.apply(vip, Lookups.NONE)).isInstanceOf(MapResult.Mapped.class);
        assertThat(mapping.apply(firstKind, Lookups.NONE)).isInstanceOf(MapResult.Mapped.class);
        assertThat(mapping.apply(inactive, Lookups.NONE))
                .isEqualTo(new MapResult.Filtered("excluded by not: statecode = 1"));
    }

    @Test
    void readSpecIncludesFilterConcatLookupAndCompanyFields() {
        assertThat(mapping.readSpec().select()).containsExactly(
                "_ownerid_value", "_owningbusinessunit_value", "_parentid_value", "active", "amount", "code", "colour", "count",
                "day", "firstname", "group", "kind", "lastname", "modifiedon", "name", "number", "region", "size",
                "statecode", "thingid", "vip");
    }
}
