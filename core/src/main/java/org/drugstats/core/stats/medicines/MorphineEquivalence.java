package org.drugstats.core.stats.medicines;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.drugstats.core.DrugstatsException;

/**
 * Opioid consumption in milligrams of oral morphine equivalent (ME): each drug's quantity multiplied by its
 * equianalgesic conversion factor, summed, and divided by the population:
 *
 * <pre>
 *   ME mg per capita = 10^6 × Σ_d (kg_d × f_d) / population
 * </pre>
 *
 * <p>The factors (oral morphine = 1) and where they come from; what was checked against the published text is said
 * per factor (issue 14, checked 2026-12-07):
 * <ul>
 * <li>morphine 1 — the reference of the metric, by definition.</li>
 * <li>fentanyl 83.3, oxycodone 1.33, pethidine (meperidine) 0.133 — the Morphine Equivalence metric of the Pain &amp;
 * Policy Studies Group, University of Wisconsin: Gilson AM, Maurer MA, Ryan KM, Cleary JF, Rathouz PJ, "Using a
 * morphine equivalence metric to quantify opioid consumption: examining the capacity to provide effective treatment
 * of debilitating pain at the global, regional, and country levels", <i>J Pain Symptom Manage</i> 2013;45(4):681–700
 * (PMC3974672; the metric the PPSG applies to INCB consumption statistics). <b>Not verified against the published
 * table</b>: the article's conversion table, the PPSG "Opioid Consumption Data" methodology page and Seya et al.
 * (2011, J Pain Palliat Care Pharmacother 25:6–18) could not be read past their first page in the sources available
 * to this project. For comparison only (other purposes, not substitutes): clinical prescribing tables give oral
 * oxycodone 1.5 and meperidine 0.1 (Von Korff et al. 2008, Clin J Pain 24:521–527, Table 1; CDC 2016 below gives
 * oxycodone 1.5); none gives a per-milligram factor for fentanyl in general (transdermal fentanyl is 2.4 per µg/h).
 * The three values are kept as cited until the PPSG table is checked.</li>
 * <li>hydrocodone 1, codeine 0.15 — not in the PPSG metric (which covers the strong opioids of pain treatment): the
 * oral MME conversion factors of the US Centers for Disease Control and Prevention, Dowell D, Haegerich TM, Chou R,
 * "CDC guideline for prescribing opioids for chronic pain — United States, 2016", <i>MMWR Recomm Rep</i>
 * 2016;65(RR-1):1–49, also published as <i>JAMA</i> 2016;315(15):1624–1645, Table 4 "Morphine Milligram Equivalent
 * Doses for Commonly Prescribed Opioids" (PMC6390846): codeine 0.15, hydrocodone 1 — <b>verified</b>; the CDC
 * 2022 guideline (MMWR Recomm Rep 2022;71(3)) keeps both values.</li>
 * </ul>
 * Equianalgesic ratios are clinical approximations; a population total in ME says how much analgesic capacity was
 * distributed, not how many patients were treated. Codeine is also used as a cough suppressant, so its ME overstates
 * its analgesic use.
 */
public final class MorphineEquivalence {

    /** One drug of INCB Table XII with its conversion factor to oral morphine and the factor's source. */
    public enum Factor {
        MORPHINE("morphine", 1.0, Source.PPSG),
        FENTANYL("fentanyl", 83.3, Source.PPSG),
        OXYCODONE("oxycodone", 1.33, Source.PPSG),
        PETHIDINE("pethidine", 0.133, Source.PPSG),
        HYDROCODONE("hydrocodone", 1.0, Source.CDC_2016),
        CODEINE("codeine", 0.15, Source.CDC_2016);

        private final String drug;
        private final double factor;
        private final Source source;

        Factor(String drug, double factor, Source source) {
            this.drug = drug;
            this.factor = factor;
            this.source = source;
        }

        /** The drug code as in the extracts ({@code drug} column). */
        public String drug() {
            return drug;
        }

        /** mg of oral morphine per mg of the drug. */
        public double factor() {
            return factor;
        }

        /** Where the factor comes from. */
        public Source source() {
            return source;
        }

        /** The factor of a drug code. */
        public static Optional<Factor> of(String drug) {
            return Arrays.stream(values()).filter(f -> f.drug.equals(drug)).findFirst();
        }
    }

    /** The published tables the factors are taken from. */
    public enum Source {
        PPSG("Gilson AM et al., J Pain Symptom Manage 2013;45(4):681-700 (Pain & Policy Studies Group ME metric)"),
        CDC_2016("Dowell D et al., CDC guideline for prescribing opioids for chronic pain, MMWR Recomm Rep 2016;65(RR-1)");

        private final String citation;

        Source(String citation) {
            this.citation = citation;
        }

        public String citation() {
            return citation;
        }
    }

    private MorphineEquivalence() {
    }

    /**
     * Kilograms of morphine equivalent of one area and year: Σ kg_d × f_d over all six drugs.
     *
     * @throws DrugstatsException when a drug is missing, unknown, negative or not finite (no report is not zero: the
     *     caller leaves such area-years out)
     */
    public static double kgMorphineEquivalent(Map<Factor, Double> kgByDrug) {
        EnumMap<Factor, Double> m = new EnumMap<>(Factor.class);
        m.putAll(kgByDrug);
        double sum = 0;
        for (Factor f : Factor.values()) {
            Double kg = m.get(f);
            if (kg == null || !(kg >= 0) || Double.isInfinite(kg)) {
                throw DrugstatsException.of("morphine equivalent: %s is %s; expected kilograms >= 0 for all six drugs",
                        f.drug(), kg);
            }
            sum += kg * f.factor();
        }
        return sum;
    }

    /** mg of morphine equivalent per capita: 10^6 × kg ME / population. */
    public static double mgPerCapita(double kgMorphineEquivalent, double population) {
        if (!(population > 0) || !(kgMorphineEquivalent >= 0)) {
            throw DrugstatsException.of("mg per capita: kg %s over population %s; expected kg >= 0 and a "
                    + "positive population", kgMorphineEquivalent, population);
        }
        return kgMorphineEquivalent * 1e6 / population;
    }
}
