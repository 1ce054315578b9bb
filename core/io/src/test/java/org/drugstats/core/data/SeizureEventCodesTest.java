package org.drugstats.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.supply.SeizureCategories;
import org.junit.jupiter.api.Test;

/**
 * The coded keys of seizure events: codes from M49 and the taxonomy, the metadata round trip, and core's check of
 * a row's codes against its names (one case per way a code can be wrong).
 */
class SeizureEventCodesTest {

    private static final SeizureEventCodes.Drug CRACK = new SeizureEventCodes.Drug("Cocaine-type", "Cocaine",
            "\"Crack\" cocaine");
    private static final SeizureEventCodes.Drug LEAF = new SeizureEventCodes.Drug("Cocaine-type", "Coca-type",
            "Coca leaf");
    private static final SeizureEventCodes.Drug OTHER = new SeizureEventCodes.Drug("Other", null, "Khat");

    /** Codes: M49 (UNSD m49 column: Afghanistan 004, Colombia 170, Taiwan 158), the taxonomy's file rows 42/41. */
    @Test
    void codesComeFromM49AndTheTaxonomyAndUnlistedNamesGetTheReservedRanges() {
        SeizureEventCodes c = SeizureEventCodes.assign(List.of("COL", "AFG", "TWN", "XKX", "COL"),
                List.of(CRACK, LEAF, OTHER), Geography.fromResources(), SeizureCategories.fromResources());
        assertEquals(Map.of(4, "AFG", 158, "TWN", 170, "COL", SeizureEventCodes.FIRST_UNLISTED_AREA, "XKX"), c.areas());
        assertEquals(Map.of(42, CRACK, 41, LEAF, SeizureEventCodes.FIRST_UNLISTED_DRUG, OTHER), c.drugs());
        assertEquals(OptionalInt.of(170), c.areaCode("COL"));
        assertEquals(OptionalInt.empty(), c.areaCode("col"));
        assertEquals(OptionalInt.of(42), c.drugCode("Cocaine-type", "Cocaine", "\"Crack\" cocaine"));
        assertEquals(OptionalInt.empty(), c.drugCode("Cocaine-type", null, "\"Crack\" cocaine"));
        assertEquals(OptionalInt.of(SeizureEventCodes.FIRST_UNLISTED_DRUG), c.drugCode("Other", null, "Khat"));
        // the taxonomy matches names as its lookup does (case, spaces), but one code has one spelling in a file
        assertEquals(OptionalInt.of(42), SeizureCategories.fromResources().drugCode("cocaine-TYPE", " Cocaine ",
                "\"crack\"  cocaine"));
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> SeizureEventCodes.assign(List.of("COL"),
                List.of(CRACK, new SeizureEventCodes.Drug("cocaine-type", "cocaine", "\"crack\" cocaine")),
                Geography.fromResources(), SeizureCategories.fromResources()));
        assertTrue(e.getMessage().contains("two spellings of drug code 42"), e.getMessage());
    }

    @Test
    void theDictionaryRoundTripsThroughTheMetadataTextAndBadTextIsNamed() {
        SeizureEventCodes c = SeizureEventCodes.of(Map.of(170, "COL", 4, "AFG"), Map.of(42, CRACK, 7, OTHER));
        assertEquals(c, SeizureEventCodes.fromJson(c.toJson(), "f.parquet"));
        assertEquals("{\"areas\":{\"4\":\"AFG\",\"170\":\"COL\"},\"drugs\":{\"7\":[\"Other\",null,\"Khat\"],"
                + "\"42\":[\"Cocaine-type\",\"Cocaine\",\"\\\"Crack\\\" cocaine\"]}}", c.toJson());
        assertTrue(assertThrows(DrugstatsException.class, () -> SeizureEventCodes.fromJson("{", "f.parquet"))
                .getMessage().startsWith("f.parquet: metadata 'drugstats.seizure_codes' is not JSON:"));
        assertTrue(assertThrows(DrugstatsException.class,
                () -> SeizureEventCodes.fromJson("{\"areas\":{\"x\":\"COL\"},\"drugs\":{}}", "f.parquet")).getMessage()
                .contains("code 'x' is not an integer"));
        assertTrue(assertThrows(DrugstatsException.class,
                () -> SeizureEventCodes.fromJson("{\"areas\":{},\"drugs\":{\"1\":[\"g\",\"d\"]}}", "f.parquet"))
                .getMessage().contains("drug 1: expected [group, subgroup or null, drug]"));
        // a name with two codes would merge two groups of the name path: refused
        assertTrue(assertThrows(DrugstatsException.class,
                () -> SeizureEventCodes.fromJson("{\"areas\":{\"1\":\"COL\",\"2\":\"COL\"},\"drugs\":{}}", "f.parquet"))
                .getMessage().contains("area COL has two codes, 1 and 2"));
        assertThrows(DrugstatsException.class, () -> SeizureEventCodes.of(Map.of(-1, "COL"), Map.of()));
        // readers index arrays by code: a code beyond MAX_CODE is refused, naming the file
        assertTrue(assertThrows(DrugstatsException.class, () -> SeizureEventCodes.fromJson(
                "{\"areas\":{},\"drugs\":{\"2147483647\":[\"g\",null,\"d\"]}}", "f.parquet")).getMessage()
                .startsWith("f.parquet: metadata 'drugstats.seizure_codes': seizure codes: drug code 2147483647; "
                        + "expected a code in [0, 999999]"));
    }

    private static final SeizureEventCodes CODES = SeizureEventCodes.of(Map.of(170, "COL", 4, "AFG"),
            Map.of(42, CRACK, 41, LEAF, 7, OTHER));

    private static Optional<QuarantineRow> check(String area, String group, String sub, String drug, Integer areaCode,
            Integer drugCode) {
        return SeizureEvents.checkRow("events.parquet", 7, 1L, area, 2020, group, sub, drug, 1.5, areaCode, drugCode,
                CODES);
    }

    @Test
    void eachWayACodeCanBeWrongIsQuarantinedWithItsReason() {
        assertTrue(check("COL", "Cocaine-type", "Cocaine", "\"Crack\" cocaine", 170, 42).isEmpty());
        assertTrue(check("AFG", "Other", null, "Khat", 4, 7).isEmpty());
        SeizureEventsTest.rejected(check("COL", "Other", null, "Khat", null, 7), SeizureEvents.AREA_CODE,
                QuarantineReason.MISSING_REQUIRED, null);
        SeizureEventsTest.rejected(check("COL", "Other", null, "Khat", 171, 7), SeizureEvents.AREA_CODE,
                QuarantineReason.UNKNOWN_CODE, "171");
        SeizureEventsTest.rejected(check("COL", "Other", null, "Khat", -170, 7), SeizureEvents.AREA_CODE,
                QuarantineReason.UNKNOWN_CODE, "-170");
        Optional<QuarantineRow> moved = check("COL", "Other", null, "Khat", 4, 7);
        SeizureEventsTest.rejected(moved, SeizureEvents.AREA_CODE, QuarantineReason.CODE_MISMATCH, "4");
        assertEquals("area_code 4 stands for 'AFG' in the file's dictionary; the row's ref_area is 'COL'",
                moved.get().detail());
        assertEquals("code-mismatch", moved.get().reason().code());
        SeizureEventsTest.rejected(check("COL", "Other", null, "Khat", 170, null), SeizureEvents.DRUG_CODE,
                QuarantineReason.MISSING_REQUIRED, null);
        SeizureEventsTest.rejected(check("COL", "Other", null, "Khat", 170, 43), SeizureEvents.DRUG_CODE,
                QuarantineReason.UNKNOWN_CODE, "43");
        // each of the three names: group, sub-group (null against a sub-group, and a sub-group against null), drug
        SeizureEventsTest.rejected(check("COL", "Cocaine-type", "Coca-type", "\"Crack\" cocaine", 170, 42),
                SeizureEvents.DRUG_CODE, QuarantineReason.CODE_MISMATCH, "42");
        SeizureEventsTest.rejected(check("COL", "Cocaine-type", null, "\"Crack\" cocaine", 170, 42),
                SeizureEvents.DRUG_CODE, QuarantineReason.CODE_MISMATCH, "42");
        SeizureEventsTest.rejected(check("COL", "Other", "", "Khat", 170, 7), SeizureEvents.DRUG_CODE,
                QuarantineReason.CODE_MISMATCH, "7");
        SeizureEventsTest.rejected(check("COL", "Cocaine-type", "Cocaine", "Coca leaf", 170, 42),
                SeizureEvents.DRUG_CODE, QuarantineReason.CODE_MISMATCH, "42");
        SeizureEventsTest.rejected(check("COL", "Cocaine", "Cocaine", "\"Crack\" cocaine", 170, 42),
                SeizureEvents.DRUG_CODE, QuarantineReason.CODE_MISMATCH, "42");
        // the name checks come first; a file read by its names ignores the codes
        SeizureEventsTest.rejected(check("col", "Other", null, "Khat", 4, 7), SeizureEvents.REF_AREA,
                QuarantineReason.UNKNOWN_CODE, "col");
        assertTrue(SeizureEvents.checkRow("events.parquet", 7, 1L, "COL", 2020, "Other", null, "Khat", 1.5, 4, null,
                null).isEmpty());
    }
}
