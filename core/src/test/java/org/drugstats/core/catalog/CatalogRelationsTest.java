package org.drugstats.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Unit;
import org.junit.jupiter.api.Test;

/**
 * Derived relations between published figures. Reference numbers: Python 3.11.2 with exact fractions,
 * core/src/test/reference/catalog_relations.py (the key printed is named in each comment). Each check
 * names its tolerance: arithmetic identities use 1e-9 relative; comparisons with a published figure use
 * half a unit in its last published digit.
 */
class CatalogRelationsTest {
    /** UN WPP 2017 (medium scenario), World, 15–64, 2017 and 2021, via /work/shared/data/README.md. */
    private static final double WPP2017_WORLD_15_64_2017 = 4_936_595_963d;
    private static final double WPP2017_WORLD_15_64_2021 = 5_125_338_222d;
    private static final double EXACT = 1e-9;

    private final Catalog catalog = Catalog.load();
    private final CatalogRelations rel = CatalogRelations.of(catalog);

    private static void assertRel(double expected, double actual, double relTol) {
        assertEquals(expected, actual, Math.abs(expected) * relTol);
    }

    @Test
    void disordersIn2021Imply27MillionIn2011() {
        Derived d2011 = rel.valueBeforeChange("people_with_dud.global.2021", "people_with_dud.change.2011_2021");
        // python: dud_2011 = 39.5e6 / 1.45
        assertRel(27_241_379.310344826, d2011.value(), EXACT);
        assertEquals(Unit.PERSONS, d2011.unit());
        assertEquals(java.util.Set.of("WDR 2023"), d2011.editions());
        // "45 per cent" is rounded to a whole percent: 44.5–45.5 % gives 27.15–27.34 million (python dud_2011_lo/hi),
        // so "about 27.2 million" holds at the published precision (tolerance 0.05 million).
        assertEquals(27.2e6, d2011.value(), 0.05e6);
        assertTrue(27_147_766.323024053 <= d2011.value() && d2011.value() <= 27_335_640.138408303);
    }

    @Test
    void disordersAreNotChainedAcrossEditions() {
        // No 2011 figure in the seeds; the only other levels are WDR 2019 (35 m, 2017) and WDR 2024 (64 m, 2022).
        DrugstatsException ex = assertThrows(DrugstatsException.class,
                () -> rel.percentChange("people_with_dud.global.2017", "people_with_dud.global.2021"));
        assertEquals("percent change would chain figures from different editions: 'people_with_dud.global.2017' "
                + "(WDR 2019) and 'people_with_dud.global.2021' (WDR 2023); each World Drug Report edition has its own "
                + "model, so this is not a trend (use EditionPolicy.ALLOW_CROSS_EDITION to compare them on purpose)",
                ex.getMessage());
        assertThrows(DrugstatsException.class,
                () -> rel.ratio("people_with_dud.global.2022", "people_with_dud.global.2021"));
        // Asked for on purpose, the comparison is computed and marked as crossing editions.
        Derived cross = rel.withEditionPolicy(EditionPolicy.ALLOW_CROSS_EDITION)
                .percentChange("people_with_dud.global.2017", "people_with_dud.global.2021");
        assertRel(12.857142857142858, cross.value(), EXACT); // python: cross_edition_change
        assertTrue(cross.crossEdition());
        // The 2011 value implied within WDR 2023 is below WDR 2019's 2017 value: the editions' levels differ.
        double implied2011 = rel.valueBeforeChange("people_with_dud.global.2021", "people_with_dud.change.2011_2021").value();
        assertTrue(implied2011 < catalog.requireEntry("people_with_dud.global.2017").scaledValue());
    }

    @Test
    void oneInFiveIsCoverage20AndGap80() {
        assertEquals(20.0, rel.asPercent("treatment_one_in_n.global.wdr2023").value(), 0.0); // python: cov_1_in_5
        assertEquals(80.0, rel.complement("treatment_one_in_n.global.wdr2023").value(), 0.0); // python: gap_1_in_5
        assertEquals(5.0, CatalogRelations.oneInN(20.0), 0.0);
        // WDR 2024: 1 in 11 -> 9.09 % and 90.91 % (python cov_1_in_11, gap_1_in_11); rounds back to 11.
        assertRel(9.090909090909092, rel.asPercent("treatment_one_in_n.global.2022").value(), EXACT);
        assertRel(90.9090909090909, rel.complement("treatment_one_in_n.global.2022").value(), EXACT);
        assertEquals(11, Math.round(CatalogRelations.oneInN(9.090909090909092)));
        // "1 in 5" is rounded: any N in [4.5, 5.5) prints as 5, i.e. coverage in (18.2, 22.2] %.
        assertEquals(5, Math.round(CatalogRelations.oneInN(22.2)));
        assertEquals(5, Math.round(CatalogRelations.oneInN(18.2)));
        assertEquals(6, Math.round(CatalogRelations.oneInN(18.1)));
        // 1 in 5 (WDR 2023) and 1 in 11 (WDR 2024) are different methods: no trend between them.
        assertThrows(DrugstatsException.class,
                () -> rel.ratio("treatment_one_in_n.global.2022", "treatment_one_in_n.global.wdr2023"));
        assertThrows(DrugstatsException.class, () -> CatalogRelations.oneInN(0));
        assertThrows(DrugstatsException.class, () -> CatalogRelations.oneInN(Double.NaN));
    }

    @Test
    void users2017AreFivePointFivePercentOfWpp2017Population() {
        Derived prev = rel.prevalence("people_who_use_drugs.global.2017", WPP2017_WORLD_15_64_2017);
        assertRel(5.489612721623497, prev.value(), EXACT); // python: prev_2017
        // Published "roughly 5.5 per cent": tolerance half a unit in the first decimal.
        RelationCheck check = rel.check("prevalence_annual.any_drug.global.2017", prev, 0.05);
        assertTrue(check.holds(), () -> "difference " + check.difference());
        assertEquals(-0.0104, check.difference(), 1e-4);
        assertFalse(check.crossEdition());
        // 271 million at 5.5 % imply 4.93 billion aged 15–64 (python implied_pop_2017) ...
        Derived pop = rel.impliedPopulation("people_who_use_drugs.global.2017", "prevalence_annual.any_drug.global.2017");
        assertRel(4_927_272_727.272727, pop.value(), EXACT);
        // ... and 5.5 % read as 5.45–5.55 % brackets the WPP 2017 figure.
        assertTrue(271e6 / 0.0555 <= WPP2017_WORLD_15_64_2017 && WPP2017_WORLD_15_64_2017 <= 271e6 / 0.0545);
    }

    @Test
    void users2021AreFivePointEightPercent() {
        Derived prev = rel.prevalence("people_who_use_drugs.global.2021", WPP2017_WORLD_15_64_2021);
        assertRel(5.775228622560941, prev.value(), EXACT); // python: prev_2021 (core/src/test/reference/catalog_relations.py)
        assertTrue(rel.check("prevalence_annual.any_drug.global.2021", prev, 0.05).holds()); // published 5.8
        assertThrows(DrugstatsException.class, () -> rel.prevalence("people_who_use_drugs.global.2021", 0));
        assertThrows(DrugstatsException.class, () -> rel.prevalence("people_who_use_drugs.global.2021", Double.NaN));
    }

    @Test
    void peopleWhoInjectDrugsWithHepatitisCAndHiv() {
        Derived hcv = rel.partOf("people_who_inject_drugs.global.2017", "hcv_prevalence_pwid.global.2017");
        assertEquals(5_500_000.0, hcv.value(), 0.0); // python: pwid_hcv; "more than half" -> more than 5.5 million
        assertEquals(Qualifier.MORE_THAN, catalog.requireEntry("hcv_prevalence_pwid.global.2017").qualifier());
        Derived hiv = rel.partOf("people_who_inject_drugs.global.2017", "hiv_prevalence_pwid.global.2017");
        assertEquals(1_375_000.0, hiv.value(), 0.0); // python: pwid_hiv
        assertEquals(1.4e6, hiv.value(), 0.05e6); // "about 1.4 million", to 0.1 million
        assertEquals(12.5, rel.asPercent("hiv_prevalence_pwid.global.2017").value(), 0.0);
    }

    @Test
    void lowConsumptionMajorityLeavesMostConsumptionToSixteenPercent() {
        assertEquals(16.0, rel.complement("medicine_consumption.population_share.global.wdr2023").value(), 0.0);
        assertEquals(92.5, rel.complement("medicine_consumption.consumption_share.global.wdr2023").value(), 0.0);
        // Per head, the 16 % consume (92.5/16) / (7.5/84) = 64.75 times as much as the 84 %.
        assertRel(64.75, (92.5 / 16) / (7.5 / 84), EXACT);
    }

    @Test
    void opiumPoppy2018DeclineImplies416700HectaresIn2017() {
        Derived y2017 = rel.valueBeforeChange("cultivation_area_opium_poppy.global.2018.wdr2019",
                "cultivation_area_opium_poppy.change.2017_2018");
        assertRel(416_746.9879518072, y2017.value(), EXACT); // python: opium_2017
        assertEquals(416_700, y2017.value(), 50); // to the hundred hectares, as 345,900 is published
        // "17 per cent" read as 16.5–17.5 % gives 414,251–419,273 ha (python opium_2017_lo/hi).
        assertTrue(414_251.497005988 <= y2017.value() && y2017.value() <= 419_272.7272727273);
    }

    @Test
    void opiumPoppyRevisionIsAComparisonAcrossEditions() {
        String wdr2025 = "cultivation_area_opium_poppy.global.2018.wdr2025";
        String wdr2019 = "cultivation_area_opium_poppy.global.2018.wdr2019";
        assertThrows(DrugstatsException.class, () -> rel.difference(wdr2025, wdr2019));
        CatalogRelations cross = rel.withEditionPolicy(EditionPolicy.ALLOW_CROSS_EDITION);
        assertEquals(EditionPolicy.ALLOW_CROSS_EDITION, cross.editionPolicy());
        Derived diff = cross.difference(wdr2025, wdr2019);
        assertEquals(-200.0, diff.value(), 0.0); // python: opium_rev_diff
        assertTrue(diff.crossEdition());
        assertRel(-0.0005782017924255566, diff.value() / 345_900, EXACT); // python: opium_rev_rel (−0.06 %)
    }

    @Test
    void cocaDoubled2013To2017() {
        Derived r = rel.ratio("cultivation_area_coca.global.2017.wdr2025", "cultivation_area_coca.global.2013.wdr2025");
        assertRel(2.031456953642384, r.value(), EXACT); // python: coca_ratio
        assertFalse(r.crossEdition());
        // "doubled" (WDR 2019) read as 2.0 to one decimal: tolerance 0.05; the comparison crosses editions.
        RelationCheck check = rel.check("cultivation_area_coca.change.2013_2017", r, 0.05);
        assertTrue(check.holds(), () -> "difference " + check.difference());
        assertTrue(check.crossEdition());
        assertEquals(java.util.Set.of("WDR 2019", "WDR 2025"), check.editions());
        // The same published figure, scaled back: 120,800 ha doubled is within 2 % of the annex 2017 value.
        Derived from2013 = rel.withEditionPolicy(EditionPolicy.ALLOW_CROSS_EDITION)
                .valueBeforeChange("cultivation_area_coca.global.2017.wdr2025", "cultivation_area_coca.change.2013_2017");
        assertEquals(122_700.0, from2013.value(), 0.0);
        assertThrows(DrugstatsException.class, () -> rel.valueBeforeChange("cultivation_area_coca.global.2017.wdr2025",
                "cultivation_area_coca.change.2013_2017"));
    }

    @Test
    void disordersAsShareOfUsersWithinEachEdition() {
        Derived s2017 = rel.ratio("people_with_dud.global.2017", "people_who_use_drugs.global.2017");
        assertRel(12.915129151291513, 100 * s2017.value(), EXACT); // python: dud_share_users_2017 (WDR 2019)
        Derived s2021 = rel.ratio("people_with_dud.global.2021", "people_who_use_drugs.global.2021");
        assertRel(13.344594594594595, 100 * s2021.value(), EXACT); // python: dud_share_users_2021 (WDR 2023)
    }

    @Test
    void finalReviewIsOneYearBeforeTheEndOfThe2030Agenda() {
        // Seed 000: "the 2029 end-of-cycle review ... one year before the end-date of the 2030 Agenda".
        double review = catalog.requireEntry("ministerial_declaration.final_review.year").value();
        double target = catalog.requireEntry("iff.sdg_target.year").value();
        assertEquals(1.0, target - review, 0.0);
    }

    @Test
    void relationsRejectMismatchedInputs() {
        DrugstatsException ex = assertThrows(DrugstatsException.class,
                () -> rel.valueBeforeChange("people_with_dud.global.2017", "people_with_dud.change.2011_2021"));
        assertEquals("entry 'people_with_dud.global.2017' (year 2017) is not at the end of the period 2011-2021 of change "
                + "'people_with_dud.change.2011_2021'", ex.getMessage());
        ex = assertThrows(DrugstatsException.class,
                () -> rel.valueBeforeChange("people_with_dud.global.2021", "people_with_dud.global.2017"));
        assertEquals("entry 'people_with_dud.global.2017' has unit 'persons'; expected a change (percent-change or ratio)",
                ex.getMessage());
        ex = assertThrows(DrugstatsException.class, () -> rel.asPercent("people_who_inject_drugs.global.2017"));
        assertEquals("entry 'people_who_inject_drugs.global.2017' has unit 'persons'; expected a share "
                + "(percent, fraction or one-in-n)", ex.getMessage());
        ex = assertThrows(DrugstatsException.class,
                () -> rel.ratio("cultivation_area_coca.global.2017.wdr2025", "family_skills.countries"));
        assertEquals("entries 'cultivation_area_coca.global.2017.wdr2025' (unit hectares) and 'family_skills.countries' "
                + "(unit count) have different units", ex.getMessage());
        ex = assertThrows(DrugstatsException.class,
                () -> rel.partOf("people_who_inject_drugs.global.2017", "prevalence_annual.any_drug.global.2021"));
        assertTrue(ex.getMessage().contains("refer to different years"), ex.getMessage());
        ex = assertThrows(DrugstatsException.class,
                () -> rel.check("prevalence_annual.any_drug.global.2017", rel.asPercent("hiv_prevalence_pwid.global.2017"), -1));
        assertTrue(ex.getMessage().endsWith("tolerance must be finite and ≥ 0, got -1.0"), ex.getMessage());
        ex = assertThrows(DrugstatsException.class, () -> rel.check("people_who_use_drugs.global.2017",
                rel.asPercent("hiv_prevalence_pwid.global.2017"), 1));
        assertTrue(ex.getMessage().contains("cannot compare unit 'persons' with a derived figure in 'percent'"),
                ex.getMessage());
    }

    @Test
    void valueBeforeChangeInvertsPercentChange() {
        // Property: for a level V2 and a change p, V1 = V2 / (1 + p/100) and 100 (V2 − V1) / V1 = p.
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(20240314L);
        for (int i = 0; i < 200; i++) {
            double v2 = 1 + rng.nextDouble() * 1e6;
            double p = -90 + rng.nextDouble() * 400;
            CatalogEntry level = entry("x.level.2021", v2, Unit.PERSONS, "2021");
            CatalogEntry before = entry("x.level.2011", v2 / (1 + p / 100), Unit.PERSONS, "2011");
            CatalogEntry change = entry("x.change", p, Unit.PERCENT_CHANGE, "2011-2021");
            CatalogRelations r = CatalogRelations.of(Catalog.of(List.of(), List.of(level, before, change)));
            assertRel(before.value(), r.valueBeforeChange("x.level.2021", "x.change").value(), 1e-12);
            assertEquals(p, r.percentChange("x.level.2011", "x.level.2021").value(), 1e-9 * Math.max(1, Math.abs(p)));
        }
    }

    private static CatalogEntry entry(String id, double value, Unit unit, String year) {
        return new CatalogEntry(id, id, value, OptionalDouble.empty(), OptionalDouble.empty(), unit, 0, Optional.of(year),
                "World", Optional.empty(), "d", Optional.empty(), "doc", "para. 1", Optional.empty(), Optional.empty(), "q",
                Qualifier.NONE, List.of());
    }
}
