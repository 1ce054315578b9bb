package org.drugstats.core.stats.estimate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;

/**
 * The inputs of an estimation from canonical observations: annex 1.2 rows ({@code prevalence_annual}, sex
 * {@code T}, unit percent) and WPP populations ({@code population_by_age} in the groups of {@link AgePopulation},
 * and {@code population_15_64}, whose value must equal the sum of the groups 15-24 and 25-64).
 */
public final class EstimationInputs {
    /** Indicator of annual prevalence. */
    public static final String PREVALENCE = "prevalence_annual";
    /** Indicator of the population by age group. */
    public static final String POPULATION_BY_AGE = "population_by_age";
    /** Indicator of the population aged 15–64. */
    public static final String POPULATION_15_64 = "population_15_64";

    private EstimationInputs() {
    }

    /** The annex row of an observation, if it is an annual prevalence for both sexes of a WDR drug's input. */
    public static Optional<SurveyRow> surveyRow(Observation o) {
        if (!PREVALENCE.equals(o.indicator()) || o.sex() != Sex.TOTAL || o.value() == null || o.unit() != Unit.PERCENT
                || o.drug() == null) {
            return Optional.empty();
        }
        double scale = Math.pow(10, o.unitMult());
        return Optional.of(new SurveyRow(o.refArea(), o.drug(), o.timePeriod(), o.age(), o.value() * scale,
                o.lower() == null ? Double.NaN : o.lower() * scale, o.upper() == null ? Double.NaN : o.upper() * scale,
                o.obsStatus().code(), o.method(), o.source(), o.record()));
    }

    /** Every annex row among the observations. */
    public static List<SurveyRow> surveyRows(Collection<Observation> observations) {
        List<SurveyRow> rows = new ArrayList<>();
        for (Observation o : observations) {
            surveyRow(o).ifPresent(rows::add);
        }
        return rows;
    }

    /**
     * The population table of the observations: {@code population_15_64} as the weights, and every country-year
     * with all five age groups of {@code population_by_age} for the age conversions (sex {@code T}, yearly time
     * periods). A country-year with some groups missing fails, naming it.
     */
    public static PopulationTable population(Collection<Observation> observations) {
        Map<String, double[]> groups = new HashMap<>();
        Map<String, Double> aged15to64 = new HashMap<>();
        for (Observation o : observations) {
            if (o.sex() != Sex.TOTAL || o.value() == null) {
                continue;
            }
            if (POPULATION_BY_AGE.equals(o.indicator())) {
                population(groups, o.refArea(), o.timePeriod(), o.age(), o.scaledValue());
            } else if (POPULATION_15_64.equals(o.indicator()) && o.timePeriod().matches("\\d{4}")) {
                aged15to64.put(o.refArea() + "|" + o.timePeriod(), o.scaledValue());
            }
        }
        return table(groups, aged15to64);
    }

    /**
     * Adds one count of {@code population_by_age} to {@code groups} (key {@code ISO3|year}; the groups 0-14 and
     * other ages are ignored).
     */
    public static void population(Map<String, double[]> groups, String area, String year, String age, double value) {
        int g = switch (age) {
            case "0-4" -> 0;
            case "5-14" -> 1;
            case "15-24" -> 2;
            case "25-64" -> 3;
            case "65+" -> 4;
            default -> -1;
        };
        if (g < 0 || !year.matches("\\d{4}")) {
            return;
        }
        double[] v = groups.computeIfAbsent(area + "|" + year, k -> {
            double[] a = new double[5];
            java.util.Arrays.fill(a, Double.NaN);
            return a;
        });
        v[g] = value;
    }

    /** The table of collected groups and counts aged 15–64 (keys {@code ISO3|year}). */
    public static PopulationTable table(Map<String, double[]> groups, Map<String, Double> aged15to64) {
        PopulationTable.Builder b = PopulationTable.builder();
        for (var e : new java.util.TreeMap<>(aged15to64).entrySet()) {
            String[] k = e.getKey().split("\\|");
            b.put15to64(k[0], Integer.parseInt(k[1]), e.getValue());
        }
        for (var e : new java.util.TreeMap<>(groups).entrySet()) {
            double[] v = e.getValue();
            for (double x : v) {
                if (Double.isNaN(x)) {
                    throw DrugstatsException.of("population_by_age of %s lacks one of the groups 0-4, 5-14, 15-24, "
                            + "25-64, 65+", e.getKey());
                }
            }
            String[] k = e.getKey().split("\\|");
            b.put(k[0], Integer.parseInt(k[1]), new AgePopulation(v[0], v[1], v[2], v[3], v[4]));
        }
        return b.build();
    }
}
