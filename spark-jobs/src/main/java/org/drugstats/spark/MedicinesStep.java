package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.UnodcAssignment;
import org.drugstats.core.stats.inequality.AreaConsumption;
import org.drugstats.core.stats.inequality.InequalityReport;
import org.drugstats.core.stats.inequality.LorenzPoint;
import org.drugstats.core.stats.inequality.Ranking;
import org.drugstats.core.stats.inequality.Reading;
import org.drugstats.core.stats.medicines.MorphineEquivalence;
import org.drugstats.core.stats.medicines.MorphineEquivalence.Factor;

/**
 * Controlled medicines over time: {@value #INDICATOR}, opioid consumption in mg of oral morphine equivalent per
 * capita per year, from the INCB Table XII kilograms of morphine, fentanyl, oxycodone, pethidine, hydrocodone and
 * codeine ({@code opioid_consumption_quantity}) converted by core's {@link MorphineEquivalence} and divided by the
 * WPP population of the same year (0-14 + 15-64 + 65+).
 *
 * <ul>
 * <li>Countries: a country-year with all six drugs reported; a country-year without a report (the ingest stores it as
 * {@code missing}) has no value, never zero.</li>
 * <li>UNODC subregions, regions and the world: Σ kg ME / Σ population over the reporting countries with a population;
 * the notes give the number of reporting countries and their share of the members' population (coverage). Not
 * imputed: the value describes the reporting countries.</li>
 * <li>The Lorenz curve, Gini and readings over countries for the latest year with reports (core
 * {@link InequalityReport}, per-capita ranking, interpolated readings), on these unrounded data.</li>
 * </ul>
 * At most a few thousand country-years: the rows are collected to the driver and computed there.
 */
public final class MedicinesStep {

    public static final String INDICATOR = "opioid_consumption_me_per_capita";
    static final String QUANTITY = "opioid_consumption_quantity";
    static final String POP_BY_AGE = "population_by_age";
    /** The observations this step reads. */
    public static final Set<String> INPUTS = Set.of(QUANTITY, POP_BY_AGE, AggregateStep.POPULATION);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MedicinesStep() {
    }

    /** Indicator rows ({@link IndicatorStep#INDICATORS}), Lorenz points ({@link InequalityStep#POINTS}) and JSON. */
    public record Result(Dataset<Row> indicators, Dataset<Row> points, String json, int areas, String year) {
    }

    private record CountryYear(String area, String name, String year, double kgMe, double population, String origin) {
    }

    /**
     * @param observations accepted observations holding at least {@link #INPUTS}
     */
    public static Result run(SparkSession spark, Dataset<Row> observations, Geography geography,
            List<Double> populationShares, List<Double> consumptionShares) {
        List<Row> qty = observations.filter(col(Column.INDICATOR.columnName()).equalTo(QUANTITY)
                        .and(col(Column.VALUE.columnName()).isNotNull()))
                .select(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        col(Column.DRUG.columnName()), Schemas.baseValue().as("kg"), col(Column.ORIGIN.columnName()),
                        col(Column.AREA_NAME.columnName()))
                .collectAsList();
        Map<String, Map<Factor, Double>> kg = new TreeMap<>();
        Map<String, String[]> meta = new TreeMap<>();
        Set<String> years = new java.util.TreeSet<>();
        for (Row r : qty) {
            Factor f = Factor.of(r.getString(2)).orElse(null);
            if (f == null) {
                continue;
            }
            String key = r.getString(0) + "|" + r.getString(1);
            kg.computeIfAbsent(key, k -> new EnumMap<>(Factor.class)).put(f, r.getDouble(3));
            meta.putIfAbsent(key, new String[] {r.getString(4), r.isNullAt(5) ? null : r.getString(5)});
            years.add(r.getString(1));
        }
        Map<String, Double> population = years.isEmpty() ? Map.of() : population(observations, years);
        List<CountryYear> countries = new ArrayList<>();
        for (Map.Entry<String, Map<Factor, Double>> e : kg.entrySet()) {
            Double pop = population.get(e.getKey());
            if (e.getValue().size() != Factor.values().length || pop == null || !(pop > 0)) {
                continue;
            }
            String[] k = e.getKey().split("\\|");
            String[] m = meta.get(e.getKey());
            countries.add(new CountryYear(k[0], m[1], k[1], MorphineEquivalence.kgMorphineEquivalent(e.getValue()), pop,
                    m[0]));
        }
        List<Row> rows = new ArrayList<>();
        String inputs = QUANTITY + ";" + POP_BY_AGE + ";" + AggregateStep.POPULATION;
        for (CountryYear c : countries) {
            Object[] v = IndicatorStep.base(INDICATOR, c.area(), c.year(), "_T",
                    MorphineEquivalence.mgPerCapita(c.kgMe(), c.population()), null, null, Unit.MG_PER_CAPITA,
                    c.origin(), "opioids", "incb-kg-x-me-factor-over-population", inputs);
            v[Column.SOURCE.ordinal()] = "drugstats: INCB Table XII kg x morphine-equivalence factor / WPP population";
            v[Column.NOTES.ordinal()] = String.format(Locale.ROOT, "%.4f kg morphine equivalent; population %.0f",
                    c.kgMe(), c.population());
            v[Column.AREA_NAME.ordinal()] = c.name();
            rows.add(RowFactory.create(v));
        }
        rows.addAll(aggregates(countries, population, geography, inputs));
        Dataset<Row> indicators = spark.createDataFrame(rows, IndicatorStep.INDICATORS);
        return lorenz(spark, indicators, countries, populationShares, consumptionShares);
    }

    /** Total population (0-14 + 15-64 + 65+) by "area|year" for the years asked. */
    private static Map<String, Double> population(Dataset<Row> observations, Set<String> years) {
        List<Row> pop = observations.filter(col(Column.VALUE.columnName()).isNotNull()
                        .and(col(Column.TIME_PERIOD.columnName()).isin(years.toArray()))
                        .and(col(Column.INDICATOR.columnName()).equalTo(AggregateStep.POPULATION)
                                .or(col(Column.INDICATOR.columnName()).equalTo(POP_BY_AGE)
                                        .and(col(Column.AGE.columnName()).isin("0-14", "65+")))))
                .select(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        col(Column.AGE.columnName()), Schemas.baseValue().as("p"))
                .collectAsList();
        Map<String, Double> sum = new TreeMap<>();
        Map<String, Set<String>> parts = new TreeMap<>();
        for (Row r : pop) {
            String key = r.getString(0) + "|" + r.getString(1);
            if (parts.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(r.getString(2))) {
                sum.merge(key, r.getDouble(3), Double::sum);
            }
        }
        sum.keySet().removeIf(k -> parts.get(k).size() != 3);
        return sum;
    }

    private static List<Row> aggregates(List<CountryYear> countries, Map<String, Double> population, Geography g,
            String inputs) {
        // group code -> name, and country -> its groups (UNODC subregion, region, world)
        Map<String, String> names = new TreeMap<>();
        Map<String, List<String>> groupsOf = new TreeMap<>();
        for (UnodcAssignment u : g.unodcAssignments()) {
            groupsOf.put(u.iso3(), List.of(u.subregionCode(), u.regionCode(), AggregateStep.WORLD));
            names.put(u.subregionCode(), u.subregion());
            names.put(u.regionCode(), u.region());
        }
        names.put(AggregateStep.WORLD, "World");
        Map<String, double[]> acc = new TreeMap<>(); // group|year -> kg, population, n
        Map<String, String> origin = new TreeMap<>();
        for (CountryYear c : countries) {
            for (String grp : groupsOf.getOrDefault(c.area(), List.of())) {
                double[] a = acc.computeIfAbsent(grp + "|" + c.year(), k -> new double[3]);
                a[0] += c.kgMe();
                a[1] += c.population();
                a[2]++;
                origin.merge(grp + "|" + c.year(), c.origin(), (x, y) -> x.compareTo(y) <= 0 ? x : y);
            }
        }
        Map<String, Double> members = new TreeMap<>(); // group|year -> population of all members
        for (Map.Entry<String, Double> p : population.entrySet()) {
            String[] k = p.getKey().split("\\|");
            for (String grp : groupsOf.getOrDefault(k[0], List.of())) {
                members.merge(grp + "|" + k[1], p.getValue(), Double::sum);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : acc.entrySet()) {
            String[] k = e.getKey().split("\\|");
            double[] a = e.getValue();
            double coverage = a[1] / members.getOrDefault(e.getKey(), a[1]);
            Object[] v = IndicatorStep.base(INDICATOR, k[0], k[1], "_T", MorphineEquivalence.mgPerCapita(a[0], a[1]),
                    null, null, Unit.MG_PER_CAPITA, origin.get(e.getKey()), "opioids", "sum-kg-me-over-sum-population",
                    inputs);
            v[Column.SOURCE.ordinal()] = "drugstats: sum of kg morphine equivalent / sum of population (reporting "
                    + "countries, UNODC grouping)";
            v[Column.NOTES.ordinal()] = String.format(Locale.ROOT, "%d reporting countries, %.1f%% of the members' "
                    + "population; countries without a report are left out, not counted as zero", (long) a[2],
                    100 * coverage);
            v[Column.AREA_NAME.ordinal()] = names.get(k[0]);
            rows.add(RowFactory.create(v));
        }
        return rows;
    }

    private static Result lorenz(SparkSession spark, Dataset<Row> indicators, List<CountryYear> countries,
            List<Double> populationShares, List<Double> consumptionShares) {
        String latest = countries.stream().map(CountryYear::year).max(String::compareTo).orElse(null);
        if (latest == null) {
            return new Result(indicators, spark.createDataFrame(List.of(), InequalityStep.POINTS), null, 0, null);
        }
        Map<String, CountryYear> byArea = new LinkedHashMap<>();
        List<AreaConsumption> areas = new ArrayList<>();
        for (CountryYear c : countries) {
            if (c.year().equals(latest)) {
                byArea.put(c.area(), c);
                areas.add(AreaConsumption.of(c.area(), c.population(), c.kgMe()));
            }
        }
        InequalityReport report = InequalityReport.of(areas, populationShares, consumptionShares,
                Ranking.PER_CAPITA_ASCENDING, Reading.INTERPOLATED);
        List<Row> points = new ArrayList<>();
        int rank = 0;
        for (LorenzPoint p : report.curve().points()) {
            if (p.area() == null) {
                continue;
            }
            CountryYear c = byArea.get(p.area());
            points.add(RowFactory.create(report.curve().ranking().label(), ++rank, p.area(), c.name(), c.population(),
                    c.kgMe(), c.kgMe() / c.population(), p.populationShare(), p.consumptionShare(), null));
        }
        Map<String, Object> json = new LinkedHashMap<>(report.toJsonTree());
        json.put("measure", "opioid consumption in kg of oral morphine equivalent (" + QUANTITY + " of six drugs x "
                + "conversion factor), " + latest + ", x WPP population (0-14 + 15-64 + 65+) of " + latest);
        json.put("year", latest);
        json.put("areas", areas.size());
        json.put("conversion_factors", factors());
        String text;
        try {
            text = JSON.writeValueAsString(json) + "\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new Result(indicators, spark.createDataFrame(points, InequalityStep.POINTS), text, areas.size(), latest);
    }

    private static Map<String, Object> factors() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Factor f : Factor.values()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("factor", f.factor());
            one.put("source", f.source().citation());
            m.put(f.drug(), one);
        }
        return m;
    }
}
