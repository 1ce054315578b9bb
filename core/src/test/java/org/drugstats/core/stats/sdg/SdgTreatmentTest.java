package org.drugstats.core.stats.sdg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.core.stats.sdg.SdgTreatment.Derived;
import org.drugstats.core.stats.sdg.SdgTreatment.Substance;
import org.junit.jupiter.api.Test;

/**
 * SDG 3.5.1 series classified and derived on observations shaped as the sdg-open-csv ingest stores the three national
 * files: England (ONS; persons and percent, series in the id), Kazakhstan (one series sdg_3_5_1, per 100,000, the
 * COMPOSITE_BREAKDOWN dimension in {@code method}) and Spain/Canary Islands (ISTAC; series SERIE_A..., sex, the
 * substance in {@code drug}). Values are the files' (2010 and 2015 rows); expected coverages are hand computations
 * written beside each assertion.
 */
class SdgTreatmentTest {

    static Observation obs(String indicator, String area, String period, Sex sex, double value, Unit unit, String drug,
            String method, String record) {
        return Observation.builder().indicator(indicator).refArea(area).timePeriod(period).sex(sex).age("_T")
                .value(value).unit(unit).unitMult(0).obsStatus(ObsStatus.NORMAL).origin("fixture").drug(drug)
                .method(method).record(record).build();
    }

    static List<Derived> of(List<Derived> d, String indicator) {
        return d.stream().filter(x -> x.indicator().equals(indicator)).toList();
    }

    @Test
    void englandCoverageFromNumeratorAndDenominator() {
        List<Derived> d = SdgTreatment.derive(List.of(
                obs("sdg_3_5_1_alcohol_people_in_treatment", "GB-ENG", "2010/11", Sex.TOTAL, 116_243, Unit.PERSONS,
                        null, null, null),
                obs("sdg_3_5_1_alcohol_estimated_prevalence", "GB-ENG", "2010/11", Sex.TOTAL, 580_974, Unit.PERSONS,
                        null, null, null),
                obs("sdg_3_5_1_alcohol_met_need", "GB-ENG", "2010/11", Sex.TOTAL, 20.0083, Unit.PERCENT, null, null,
                        null)));
        Derived cov = of(d, SdgTreatment.COVERAGE).get(0);
        // 116,243 / 580,974 x 100 = 20.00829638...
        assertEquals(100.0 * 116_243 / 580_974, cov.value(), 1e-12);
        assertEquals("sdg-3.5.1-ratio", cov.method());
        assertEquals(Substance.ALCOHOL, cov.substance());
        assertTrue(cov.notes().startsWith("published met need 20.0083%"), cov.notes());
        // 100 / 20.008 = 4.998 -> 1 in 5
        assertEquals(5.0, of(d, SdgTreatment.ONE_IN_N).get(0).value(), 0);
        assertEquals(100 - 100.0 * 116_243 / 580_974, of(d, SdgTreatment.GAP).get(0).value(), 1e-12);
        assertTrue(of(d, SdgTreatment.RATE).isEmpty(), "England publishes no rate");
    }

    @Test
    void englandPublishedCoverageTwiceUsesTheFirstRecord() {
        List<Derived> d = SdgTreatment.derive(List.of(
                obs("sdg_3_5_1_alcohol_met_need", "GB-ENG", "2015/16", Sex.TOTAL, 19.0015708, Unit.PERCENT, null, null,
                        "1"),
                obs("sdg_3_5_1_alcohol_met_need", "GB-ENG", "2015/16", Sex.TOTAL, 19.0014752, Unit.PERCENT, null, null,
                        "2")));
        Derived cov = of(d, SdgTreatment.COVERAGE).get(0);
        assertEquals(19.0015708, cov.value(), 1e-12);
        assertEquals("sdg-3.5.1-published", cov.method());
        assertTrue(cov.notes().contains("published 2 times"), cov.notes());
        // 100 / 19.0016 = 5.26 -> 1 in 5
        assertEquals(5.0, of(d, SdgTreatment.ONE_IN_N).get(0).value(), 0);
    }

    @Test
    void kazakhstanRatesStaySeparateBySubstance() {
        String kaz = "sdg_3_5_1";
        List<Derived> d = SdgTreatment.derive(List.of(
                obs(kaz, "KAZ", "2010", Sex.TOTAL, 350.7, Unit.PER_100K, null, "COMPOSITE_BREAKDOWN=_L_HLTH_IMBD_SUBS",
                        null),
                obs(kaz, "KAZ", "2010", Sex.TOTAL, 301.3, Unit.PER_100K, null, "COMPOSITE_BREAKDOWN=_L_HLTH_IMBD_ALH",
                        null),
                obs(kaz, "KAZ", "2010", Sex.TOTAL, 44.3, Unit.PER_100K, null, "COMPOSITE_BREAKDOWN=_L_HLTH_IMBD_DRG",
                        null)));
        List<Derived> rates = of(d, SdgTreatment.RATE);
        assertEquals(3, rates.size());
        assertEquals(301.3, rates.stream().filter(r -> r.substance() == Substance.ALCOHOL).findFirst().orElseThrow()
                .value(), 0);
        assertEquals(44.3, rates.stream().filter(r -> r.substance() == Substance.DRUGS).findFirst().orElseThrow()
                .value(), 0);
        assertEquals(350.7, rates.stream().filter(r -> r.substance() == Substance.ALCOHOL_AND_DRUGS).findFirst()
                .orElseThrow().value(), 0);
        assertTrue(of(d, SdgTreatment.COVERAGE).isEmpty(), "a rate per population is never a coverage");
    }

    @Test
    void spainRatesBySexAndSubstance() {
        List<Derived> d = SdgTreatment.derive(List.of(
                obs("sdg_3_5_1_serie_a", "ES-CN", "2015", Sex.TOTAL, 181.7, Unit.PER_100K, "_L_SUD_ILLEGAL_DRUGS", null,
                        null),
                obs("sdg_3_5_1_serie_b", "ES-CN", "2015", Sex.MALE, 313.2, Unit.PER_100K, "_L_SUD_ILLEGAL_DRUGS", null,
                        null),
                obs("sdg_3_5_1_serie_c", "ES-CN", "2015", Sex.FEMALE, 51.64, Unit.PER_100K, "_L_SUD_ILLEGAL_DRUGS",
                        null, null),
                obs("sdg_3_5_1_serie_d", "ES-CN", "2015", Sex.TOTAL, 59.88, Unit.PER_100K, "SUD_ALCOHOL", null, null)));
        List<Derived> rates = of(d, SdgTreatment.RATE);
        assertEquals(4, rates.size());
        Derived male = rates.stream().filter(r -> r.sex() == Sex.MALE).findFirst().orElseThrow();
        assertEquals(313.2, male.value(), 0);
        assertEquals(Substance.DRUGS, male.substance());
        Derived alcohol = rates.stream().filter(r -> r.substance() == Substance.ALCOHOL).findFirst().orElseThrow();
        assertEquals(59.88, alcohol.value(), 0);
        assertEquals(Sex.TOTAL, alcohol.sex());
    }

    @Test
    void otherIndicatorsAreIgnored() {
        assertTrue(SdgTreatment.classify(obs("prevalence_annual", "KAZ", "2010", Sex.TOTAL, 1, Unit.PERCENT, "cannabis",
                null, null)).isEmpty());
        assertTrue(SdgTreatment.classify(obs("sdg_3_5_1_other", "KAZ", "2010", Sex.TOTAL, 1, Unit.PER_100K, null, null,
                null)).isEmpty(), "no substance named: not classified, never guessed");
    }
}
