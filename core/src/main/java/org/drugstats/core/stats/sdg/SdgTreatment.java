package org.drugstats.core.stats.sdg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;

/**
 * SDG indicator 3.5.1 (coverage of treatment interventions for substance use disorders) from the national series of
 * open-SDG platforms, as stored in extracts by the {@code sdg-open-csv} ingest: indicators {@code sdg_3_5_1...},
 * whatever the country names its series.
 *
 * <p>Each observation is classified by what it measures and for which substance:
 * <ul>
 * <li>substance, from the indicator id, the {@code drug} column and the dimensions kept in {@code method}: alcohol
 * ({@code alcohol}, SDMX {@code _L_HLTH_IMBD_ALH}, {@code SUD_ALCOHOL}), drugs ({@code drug}, {@code _L_HLTH_IMBD_DRG},
 * {@code _L_SUD_ILLEGAL_DRUGS}), or alcohol and drugs together as one published series ({@code _L_HLTH_IMBD_SUBS}).
 * The three are never added or mixed: each is its own series;</li>
 * <li>measure: a rate per 100,000 population (unit {@code per-100k}: people treated or treatment admissions per 100,000
 * — Kazakhstan, Spain and the Canary Islands); a published coverage (unit percent: met need, England); people in
 * treatment (persons, the id names treatment) and people with the disorder (persons, the id names prevalence, need or
 * disorder).</li>
 * </ul>
 *
 * <p>Derived indicators, per area, period, sex, age and substance:
 * <ul>
 * <li>{@code treatment_rate} (per 100,000): the published rate (a rate is never turned into a coverage: the
 * denominator is the population, not the people with the disorder);</li>
 * <li>{@code treatment_coverage} (percent) = people in treatment / people with the disorder × 100 ({@link
 * TreatmentCoverage}) where both are published (method {@code sdg-3.5.1-ratio}; the published coverage is quoted in the
 * notes), else the published coverage ({@code sdg-3.5.1-published});</li>
 * <li>{@code treatment_gap} = 100 − coverage and {@code treatment_one_in_n} = round(100 / coverage), "1 in N people
 * with the disorder in treatment", wherever there is a coverage.</li>
 * </ul>
 * Several records of one key (ONS England met need 2015/16 published twice) are alternatives: the first record is
 * used and the notes say how many there were.
 */
public final class SdgTreatment {

    /** Indicator ids of the national SDG 3.5.1 series start with this. */
    public static final String PREFIX = "sdg_3_5_1";
    public static final String RATE = "treatment_rate";
    public static final String COVERAGE = "treatment_coverage";
    public static final String GAP = "treatment_gap";
    public static final String ONE_IN_N = "treatment_one_in_n";

    /** The substance a series is about. */
    public enum Substance {
        ALCOHOL("alcohol"), DRUGS("drugs"), ALCOHOL_AND_DRUGS("alcohol-and-drugs");

        private final String code;

        Substance(String code) {
            this.code = code;
        }

        /** The code written to the {@code drug} column. */
        public String code() {
            return code;
        }
    }

    /** What an observation measures. */
    public enum Measure {
        RATE, COVERAGE_PUBLISHED, TREATED, WITH_DISORDER
    }

    /** The classification of one observation. */
    public record Classified(Substance substance, Measure measure) {
    }

    /** One derived value; {@code inputs} are the indicator ids used, {@code ;}-joined. */
    public record Derived(String indicator, String area, String period, Sex sex, String age, Substance substance,
            double value, Unit unit, String method, String notes, String origin, String areaName, String inputs) {
    }

    private SdgTreatment() {
    }

    /** The substance and measure of an SDG 3.5.1 observation, or empty when it is neither (not 3.5.1, unknown). */
    public static Optional<Classified> classify(Observation o) {
        if (!o.indicator().startsWith(PREFIX)) {
            return Optional.empty();
        }
        String text = (o.indicator() + " " + nz(o.drug()) + " " + nz(o.method())).toLowerCase(Locale.ROOT);
        Substance s;
        if (text.contains("alcohol") || text.contains("_alh")) {
            s = Substance.ALCOHOL;
        } else if (text.contains("drug") || text.contains("_drg")) {
            s = Substance.DRUGS;
        } else if (text.contains("_subs") || text.contains("substance")) {
            s = Substance.ALCOHOL_AND_DRUGS;
        } else {
            return Optional.empty();
        }
        String id = o.indicator().toLowerCase(Locale.ROOT);
        Measure m;
        if (o.unit() == Unit.PER_100K) {
            m = Measure.RATE;
        } else if (o.unit() == Unit.PERCENT) {
            m = Measure.COVERAGE_PUBLISHED;
        } else if (o.unit() == Unit.PERSONS && id.contains("treatment")) {
            m = Measure.TREATED;
        } else if (o.unit() == Unit.PERSONS && (id.contains("prevalence") || id.contains("need")
                || id.contains("disorder"))) {
            m = Measure.WITH_DISORDER;
        } else {
            return Optional.empty();
        }
        return Optional.of(new Classified(s, m));
    }

    /** All derived values of the observations (others are ignored), in key order. */
    public static List<Derived> derive(List<Observation> observations) {
        Map<String, Map<Measure, List<Observation>>> byKey = new TreeMap<>();
        Map<String, Substance> substance = new TreeMap<>();
        for (Observation o : observations) {
            if (o.value() == null || o.obsStatus() == ObsStatus.MISSING) {
                continue;
            }
            Optional<Classified> c = classify(o);
            if (c.isEmpty()) {
                continue;
            }
            String key = String.join("|", o.refArea(), o.timePeriod(), o.sex().code(), o.age(),
                    c.get().substance().code());
            substance.put(key, c.get().substance());
            byKey.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(c.get().measure(), k -> new ArrayList<>())
                    .add(o);
        }
        List<Derived> out = new ArrayList<>();
        for (Map.Entry<String, Map<Measure, List<Observation>>> e : byKey.entrySet()) {
            Substance s = substance.get(e.getKey());
            Map<Measure, List<Observation>> m = e.getValue();
            for (Observation rate : m.getOrDefault(Measure.RATE, List.of())) {
                out.add(derived(RATE, rate, s, rate.value() * Math.pow(10, rate.unitMult()), Unit.PER_100K,
                        "sdg-3.5.1-published-rate", "published rate per 100,000 population (" + rate.indicator()
                                + (rate.method() == null ? "" : "; " + rate.method()) + ")", rate.indicator()));
            }
            Observation treated = first(m.get(Measure.TREATED));
            Observation disorder = first(m.get(Measure.WITH_DISORDER));
            Observation published = first(m.get(Measure.COVERAGE_PUBLISHED));
            int publishedRecords = m.getOrDefault(Measure.COVERAGE_PUBLISHED, List.of()).size();
            CoverageResult c;
            Observation base;
            String method;
            String notes;
            String inputs;
            if (treated != null && disorder != null && base(disorder) > 0 && base(treated) >= 0) {
                c = TreatmentCoverage.withDefaults().compute(base(treated), base(disorder));
                base = treated;
                method = "sdg-3.5.1-ratio";
                inputs = treated.indicator() + ";" + disorder.indicator();
                notes = published == null ? "no published coverage for this area and year"
                        : String.format(Locale.ROOT, "published met need %s%%; difference %.2g percentage points",
                                Observation.number(published.value()), c.coveragePercent() - published.value());
            } else if (published != null && published.value() > 0) {
                c = TreatmentCoverage.withDefaults().compute(published.value(), 100);
                base = published;
                method = "sdg-3.5.1-published";
                inputs = published.indicator();
                notes = "published coverage" + (treated == null && disorder == null ? ""
                        : "; numerator or denominator missing for this area and year");
            } else {
                continue;
            }
            if (publishedRecords > 1) {
                notes += "; the coverage is published " + publishedRecords + " times for this key (the first record is "
                        + "quoted)";
            }
            out.add(derived(COVERAGE, base, s, c.coveragePercent(), Unit.PERCENT, method, notes, inputs));
            boolean ratio = method.equals("sdg-3.5.1-ratio");
            out.add(derived(GAP, base, s, c.gapPercent(), Unit.PERCENT, ratio ? "sdg-3.5.1-gap" : method + "-gap",
                    "100 - coverage", inputs));
            if (c.oneInN().isPresent()) {
                out.add(derived(ONE_IN_N, base, s, c.oneInN().getAsLong(), Unit.ONE_IN_N,
                        ratio ? "sdg-3.5.1-one-in-n" : method + "-one-in-n", "round(100 / coverage): 1 in N people with the disorder "
                                + "in treatment", inputs));
            }
        }
        return out;
    }

    private static Derived derived(String indicator, Observation o, Substance s, double value, Unit unit, String method,
            String notes, String inputs) {
        return new Derived(indicator, o.refArea(), o.timePeriod(), o.sex(), o.age(), s, value, unit, method, notes,
                o.origin(), o.areaName(), inputs);
    }

    private static double base(Observation o) {
        return o.value() * Math.pow(10, o.unitMult());
    }

    private static Observation first(List<Observation> list) {
        if (list == null || list.isEmpty()) {
            return null;
        }
        return list.stream().min(Comparator.comparing((Observation o) -> o.obsStatus() == ObsStatus.NORMAL ? 0 : 1)
                .thenComparing(o -> nz(o.record())).thenComparing(o -> nz(o.indicator()))).orElseThrow();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
