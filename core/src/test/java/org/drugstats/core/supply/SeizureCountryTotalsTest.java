package org.drugstats.core.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/**
 * The counting rules of {@link SeizureCountryTotals} on hand-made country-years (the expected values are hand
 * computations written beside each assertion) with the categories shipped in core.
 */
class SeizureCountryTotalsTest {

    private static final String COCAINE = "Cocaine-type";
    private static final String COCAINE_TOTAL = "Cocaine (total of the above, including if unspecified/undistinguished,"
            + " but excluding coca leaf and coca bush)";
    private static final String ATS = "Amphetamine-type stimulants (excluding “ecstasy”)";
    private static final String ATS_TOTAL_SUB = "Reported total ATS (excluding \"ecstasy\")";
    private static final String ATS_TOTAL = "Total amphetamine-type stimulants (ATS) (including the above, all other ATS,"
            + " and any unspecified/undistinguished quantities of ATS)";
    private static final String CANNABIS = "Cannabis-type drugs (excluding synthetic cannabinoids)";

    private static final SeizureCategories CATS = SeizureCategories.fromResources();

    private static SeizureQuantity hcl(String area, double kg) {
        return SeizureQuantity.kg(area, "2021", COCAINE, "Cocaine", "Cocaine hydrochloride", kg);
    }

    private static SeizureQuantity crack(String area, double kg) {
        return SeizureQuantity.kg(area, "2021", COCAINE, "Cocaine", "\"Crack\" cocaine", kg);
    }

    private static SeizureQuantity cocaineTotal(String area, double kg) {
        return SeizureQuantity.kg(area, "2021", COCAINE, "Cocaine", COCAINE_TOTAL, kg);
    }

    private static Map<String, CategoryTotal> byCategory(List<CategoryTotal> totals) {
        return totals.stream().collect(Collectors.toMap(CategoryTotal::category, t -> t));
    }

    private static void assertKg(String expected, CategoryTotal t) {
        assertEquals(0, new BigDecimal(expected).compareTo(t.kilograms()),
                () -> t.category() + ": expected " + expected + " kg, got " + t.kilograms());
    }

    @Test
    void aCountryReportingBothABreakdownAndItsTotalIsNeverCountedTwice() {
        // AAA: hydrochloride 10 + crack 2 = breakdown 12; its own total 50 (includes 38 kg undistinguished)
        List<SeizureQuantity> aaa = List.of(hcl("AAA", 10), crack("AAA", 2), cocaineTotal("AAA", 50));
        SeizureCountryTotals.Result b = SeizureCountryTotals.of(CATS, TotalRule.BREAKDOWN).countryYear(aaa);
        assertEquals(1, b.totals().size());
        CategoryTotal cb = b.totals().get(0);
        assertKg("12", cb); // 10 + 2, never 62
        assertEquals(CategoryTotal.Basis.BREAKDOWN, cb.basis());
        assertEquals(List.of("\"Crack\" cocaine", "Cocaine hydrochloride"), cb.drugs());
        assertEquals(1, b.disagreements().size());
        TotalCheck check = b.checks().get(0);
        assertEquals("cocaine", check.family());
        assertEquals(0, new BigDecimal("12").compareTo(check.breakdown()));
        assertEquals(0, new BigDecimal("50").compareTo(check.total()));
        assertEquals(0, new BigDecimal("38").compareTo(check.difference()));
        assertEquals(check, cb.check());

        SeizureCountryTotals.Result c = SeizureCountryTotals.of(CATS, TotalRule.COMPLETE_FIGURE).countryYear(aaa);
        CategoryTotal cc = c.totals().get(0);
        assertKg("50", cc); // 12 + (50 - 12): the total, as complete figure
        assertEquals(CategoryTotal.Basis.BREAKDOWN_AND_REMAINDER, cc.basis());
        assertEquals(3, cc.rows());
        assertEquals(0, new BigDecimal("50").compareTo(c.checks().get(0).counted()));
    }

    @Test
    void theTotalCountsWhereNoBreakdownIsReported() {
        for (TotalRule rule : TotalRule.values()) {
            SeizureCountryTotals.Result r = SeizureCountryTotals.of(CATS, rule).countryYear(List.of(cocaineTotal("BBB", 30)));
            assertKg("30", r.totals().get(0));
            assertEquals(CategoryTotal.Basis.REPORTED_TOTAL, r.totals().get(0).basis());
            assertTrue(r.checks().isEmpty());
        }
    }

    @Test
    void aTotalEqualToItsBreakdownAgreesAndATotalBelowItIsSetAside() {
        for (TotalRule rule : TotalRule.values()) {
            SeizureCountryTotals t = SeizureCountryTotals.of(CATS, rule);
            // 4.9995 + 0.0004 = 4.9999 against 5.0000: 0.1 g apart, within the 1 g tolerance
            SeizureCountryTotals.Result same = t.countryYear(List.of(hcl("CCC", 4.9995), crack("CCC", 0.0004),
                    cocaineTotal("CCC", 5)));
            assertFalse(same.checks().get(0).disagrees());
            assertKg("4.9999", same.totals().get(0));
            // like Portugal 2020 in annex 7.1: breakdown 10,066.343 kg, total 0.0003 kg: the breakdown, flagged
            SeizureCountryTotals.Result below = t.countryYear(List.of(hcl("PRT", 10066.343), cocaineTotal("PRT", 0.0003)));
            assertKg("10066.343", below.totals().get(0));
            assertEquals(CategoryTotal.Basis.BREAKDOWN, below.totals().get(0).basis());
            assertTrue(below.checks().get(0).disagrees());
        }
    }

    @Test
    void aFamilyTotalGoesToItsUnspecifiedCategoryAndTheCategoriesStayApart() {
        // methamphetamine 3 + amphetamine 1 = 4 against the ATS total 10: remainder 6 is non-specified ATS
        List<SeizureQuantity> q = List.of(
                SeizureQuantity.kg("DDD", "2021", ATS, "Methamphetamine", "Methamphetamine", 3.0),
                SeizureQuantity.kg("DDD", "2021", ATS, "Amphetamine", "Amphetamine", 1.0),
                SeizureQuantity.kg("DDD", "2021", ATS, ATS_TOTAL_SUB, ATS_TOTAL, 10.0),
                SeizureQuantity.kg("DDD", "2021", COCAINE, "Coca-type", "Coca leaf", 100.0),
                hcl("DDD", 7));
        Map<String, CategoryTotal> c = byCategory(SeizureCountryTotals.of(CATS, TotalRule.COMPLETE_FIGURE)
                .countryYear(q).totals());
        assertKg("3", c.get("methamphetamine"));
        assertKg("1", c.get("amphetamine"));
        assertKg("6", c.get("ats_unspecified"));
        assertKg("7", c.get("cocaine")); // coca leaf is never cocaine
        assertKg("100", c.get("coca_leaf"));
        Map<String, CategoryTotal> b = byCategory(SeizureCountryTotals.of(CATS, TotalRule.BREAKDOWN)
                .countryYear(q).totals());
        assertNull(b.get("ats_unspecified"));
        assertKg("3", b.get("methamphetamine"));
    }

    @Test
    void quantitiesThatAreNotWeightAreNeverAddedToKilograms() {
        List<SeizureQuantity> q = List.of(
                SeizureQuantity.kg("EEE", "2022", CANNABIS, "Cannabis herb (marijuana)", "Cannabis herb (marijuana)", 2.5),
                new SeizureQuantity("EEE", "2022", CANNABIS, "Cannabis herb (marijuana)", "Cannabis herb (marijuana)", 1.0,
                        "tonnes"),
                new SeizureQuantity("EEE", "2022", CANNABIS, "Cannabis plants", "Cannabis plants", 500.0, "count"),
                SeizureQuantity.kg("EEE", "2022", CANNABIS, "Cannabis plants", "Cannabis plants", 40.0),
                new SeizureQuantity("EEE", "2022", ATS, "Methamphetamine", "“Yaba”", 20000.0, "count"),
                SeizureQuantity.kg("EEE", "2022", "Precursors", "Precursors", "Acetone", 900.0),
                SeizureQuantity.kg("EEE", "2022", "Made-up group", "Made-up", "Unknown", 1.0),
                SeizureQuantity.kg("EEE", "2022", CANNABIS, "Cannabis resin (hashish)", "Cannabis resin (hashish)", null));
        SeizureCountryTotals.Result r = SeizureCountryTotals.of(CATS, TotalRule.COMPLETE_FIGURE).countryYear(q);
        Map<String, CategoryTotal> c = byCategory(r.totals());
        assertEquals(2, c.size());
        assertKg("1002.5", c.get("cannabis_herb")); // 2.5 kg + 1 t; plants are not herb
        assertKg("40", c.get("cannabis_plants")); // the 500 counted plants are not added
        Map<Excluded.Reason, Long> why = r.excluded().stream()
                .collect(Collectors.groupingBy(Excluded::reason, Collectors.counting()));
        assertEquals(Map.of(Excluded.Reason.NOT_WEIGHT, 2L, Excluded.Reason.NOT_SUMMABLE, 1L,
                Excluded.Reason.UNMAPPED, 1L, Excluded.Reason.NO_VALUE, 1L), why);
    }

    @Test
    void quantitiesOfSeveralCountryYearsAreCountedApartAndMixingIsAnError() {
        SeizureCountryTotals t = SeizureCountryTotals.of(CATS, TotalRule.BREAKDOWN);
        SeizureCountryTotals.Result r = t.compute(List.of(hcl("AAA", 1), hcl("BBB", 2), cocaineTotal("AAA", 1)));
        assertEquals(2, r.totals().size());
        assertThrows(DrugstatsException.class, () -> t.countryYear(List.of(hcl("AAA", 1), hcl("BBB", 2))));
    }
}
