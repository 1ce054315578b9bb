package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Unit;
import org.drugstats.core.stats.aggregate.AgeBase;
import org.drugstats.core.stats.aggregate.PeopleEstimate;
import org.drugstats.core.stats.aggregate.PopulationCount;
import org.drugstats.core.stats.aggregate.Prevalence;
import org.drugstats.core.stats.aggregate.RateConversion;
import org.drugstats.core.stats.inequality.ConsumptionRates;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * The indicators of {@link IndicatorStep} (all but opium poppy, {@link CultivationStep}) computed in one
 * {@code groupByKey}/{@code flatMapGroups}, each group in plain Java with core's classes:
 * {@value IndicatorStep#PWUD} (one group per area and year), {@value IndicatorStep#CONSUMPTION} (one group), the
 * seizures and prices (one group: {@value SeizureTotalsStep#INDICATOR} by drug group, {@link SeizureCategoryStep},
 * {@link SupplyValueStep}, from one computation of the country totals) and the {@value IndicatorStep#CULTIVATION}
 * totals and changes (one group, {@link CultivationIndicators}).
 *
 * <p>Why: as chains of windows ("one value per key"), joins, distinct counts, unions and group-bys they were, with
 * the waste-water group-bys and joins, 24 adaptive query stages (each a Spark job) of the indicators step's plan on
 * {@code data/}; the plan was big enough
 * that each task's binary was 1.4 MB, and its planning and generated classes were most of the step on the
 * embedded data. Here they are one shuffle: on {@code data/} the step went from 39 Spark jobs and 468 code
 * generations to 15 and 58 with the waste-water group (issue 18, BENCHMARKS.md). The
 * groups are bounded by countries × years × drugs (the seizure events arrive as country totals), not by the size
 * of the run, so a group fits one task on a large run as on a small one.
 *
 * <p>The rows are those of the Spark expressions they replace, byte for byte: sums are exact decimals of scale 6
 * (a double cast as Spark casts it, {@link #dec6}), converted to double at the end; numbers in notes are written as
 * Spark casts a double to text ({@link Double#toString}); the one value per key is the first by status (normal
 * first), method, source (nulls first) and value; a group's rows are sorted before anything is computed, so the
 * result does not depend on the partitioning or on the order the rows arrive in.
 */
final class IndicatorGroups {

    static final String PWUD = "pwud";
    static final String CONSUMPTION = "consumption";
    static final String SEIZURES = "seizures-by-group";
    static final String COCA = "coca";

    /** Spark's {@code rlike} of the old plans: {@link java.util.regex.Matcher#find}. */
    private static final Pattern YEAR = Pattern.compile("^[0-9]{4}$");
    private static final int IND = Column.INDICATOR.ordinal();
    private static final int AREA = Column.REF_AREA.ordinal();
    private static final int PERIOD = Column.TIME_PERIOD.ordinal();

    private IndicatorGroups() {
    }

    /**
     * The rows of the four indicators (schema {@link IndicatorStep#INDICATORS}).
     *
     * @param obs accepted country observations with a value (canonical columns)
     * @param aggs aggregates with a value (canonical columns): their prevalence and population give
     *        {@value IndicatorStep#PWUD} of the aggregates
     * @param membership rows of {@link AggregateStep#MEMBERSHIP} (a lookup table of a few hundred rows)
     */
    static Dataset<Row> run(Dataset<Row> obs, Dataset<Row> aggs, List<Row> membership) {
        java.util.Set<String> read = new java.util.TreeSet<>(SupplyValueStep.INPUTS);
        read.addAll(List.of(IndicatorStep.PREVALENCE, AggregateStep.POPULATION, IndicatorStep.CONSUMPTION_INPUT,
                IndicatorStep.POPULATION_TOTAL, SeizureTotalsStep.INDICATOR, IndicatorStep.CULTIVATION));
        Dataset<Row> in = obs.filter(col(Column.INDICATOR.columnName()).isin(read.toArray()))
                .selectExpr(Schemas.EXTRACT_COLUMNS)
                .unionByName(aggs.filter(col(Column.INDICATOR.columnName()).isin(IndicatorStep.PREVALENCE,
                        AggregateStep.POPULATION)).selectExpr(Schemas.EXTRACT_COLUMNS), true);
        return in.groupByKey((MapFunction<Row, String>) IndicatorGroups::key, Encoders.STRING())
                .flatMapGroups(new Compute(unodc(membership)), Encoders.row(SeizureCategoryStep.ROWS));
    }

    /** The rows of one group's observations (sorted), computed on an executor. */
    interface RowsFunction extends java.io.Serializable {
        List<Row> apply(List<Row> rows);
    }

    /**
     * The rows {@code f} computes from every observation of {@code indicators}, in one group (one task): for the
     * steps whose tests and callers run them alone.
     */
    static Dataset<Row> inOneGroup(Dataset<Row> obs, java.util.Set<String> indicators,
            org.apache.spark.sql.types.StructType schema, RowsFunction f) {
        return obs.filter(col(Column.INDICATOR.columnName()).isin(indicators.toArray()))
                .selectExpr(Schemas.EXTRACT_COLUMNS)
                .groupByKey((MapFunction<Row, String>) r -> "", Encoders.STRING())
                .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (k, it) -> f.apply(sorted(it)).iterator(),
                        Encoders.row(schema));
    }

    /** The rows in a total order, whatever order they arrived in. */
    static List<Row> sorted(Iterator<Row> it) {
        List<Row> rows = new ArrayList<>();
        it.forEachRemaining(rows::add);
        rows.sort(Comparator.comparing(Row::toString));
        return rows;
    }

    /** The group of a row: the sub-indicator, and for people who use drugs the area and year. */
    static String key(Row r) {
        String ind = r.getString(IND);
        if (IndicatorStep.PREVALENCE.equals(ind) || AggregateStep.POPULATION.equals(ind)) {
            return PWUD + "\u0000" + r.getString(AREA) + "\u0000" + r.getString(PERIOD);
        }
        if (IndicatorStep.CONSUMPTION_INPUT.equals(ind) || IndicatorStep.POPULATION_TOTAL.equals(ind)) {
            return CONSUMPTION;
        }
        return IndicatorStep.CULTIVATION.equals(ind) ? COCA : SEIZURES;
    }

    /** UNODC sub-region and region of every country: {subregion, its name, region, its name}, as joined. */
    static Map<String, List<String[]>> unodc(List<Row> membership) {
        Map<String, List<String[]>> m = new HashMap<>();
        for (Row r : membership) {
            if (AggregateStep.UNODC.equals(r.getString(r.fieldIndex("scheme")))) {
                m.computeIfAbsent(r.getString(r.fieldIndex("ref_area")), k -> new ArrayList<>()).add(new String[] {
                    r.getString(r.fieldIndex("subregion")), r.getString(r.fieldIndex("subregion_name")),
                    r.getString(r.fieldIndex("region")), r.getString(r.fieldIndex("region_name"))});
            }
        }
        return m;
    }

    /** The rows of one group. */
    static final class Compute implements FlatMapGroupsFunction<String, Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Map<String, List<String[]>> unodc;

        Compute(Map<String, List<String[]>> unodc) {
            this.unodc = unodc;
        }

        @Override
        public Iterator<Row> call(String key, Iterator<Row> it) {
            List<Row> rows = sorted(it);
            List<Row> out = new ArrayList<>();
            if (key.startsWith(PWUD + "\u0000")) {
                people(rows, out);
            } else if (key.equals(CONSUMPTION)) {
                consumption(rows, unodc, out);
            } else if (key.equals(SEIZURES)) {
                seizuresByGroup(rows, unodc, out);
                List<Row> countries = SeizureCategoryStep.countryTotals(rows);
                out.addAll(SeizureCategoryStep.rows(countries, unodc));
                out.addAll(SupplyValueStep.rows(rows, countries));
            } else {
                cultivation(rows, out);
            }
            // the rows of this class have no n_with_data: null, as the union of the old plans gave them
            List<Row> all = new ArrayList<>(out.size());
            for (Row r : out) {
                Object[] v = new Object[SeizureCategoryStep.ROWS.size()];
                for (int i = 0; i < r.size(); i++) {
                    v[i] = r.get(i);
                }
                all.add(RowFactory.create(v));
            }
            return all.iterator();
        }
    }

    // ---------------------------------------------------------------------------- reading canonical rows

    static String text(Row r, Column c) {
        return r.isNullAt(c.ordinal()) ? null : r.getString(c.ordinal());
    }

    static Double number(Row r, Column c) {
        return r.isNullAt(c.ordinal()) ? null : r.getDouble(c.ordinal());
    }

    /** value × 10^unit_mult, as {@link Schemas#baseValue()} computes it (Spark's pow is StrictMath's). */
    static double base(Row r) {
        return r.getDouble(Column.VALUE.ordinal()) * StrictMath.pow(10.0, r.getInt(Column.UNIT_MULT.ordinal()));
    }

    /** A double cast to {@code decimal(38,6)} as Spark casts it: its shortest decimal text, half up. */
    static BigDecimal dec6(double d) {
        return SqlSemantics.cast(d, 6);
    }

    private static boolean flagged(Row r, QualityFlag f) {
        String flags = text(r, Column.OBS_FLAGS);
        return flags != null && flags.contains(f.code());
    }

    /** The order of "one value per key": status normal first, then method, source (nulls first) and value. */
    static final Comparator<Row> FIRST = Comparator.<Row>comparingInt(r -> "normal".equals(text(r, Column.OBS_STATUS))
                    ? 0 : 1)
            .thenComparing(r -> text(r, Column.METHOD), SqlSemantics.UTF8_NULLS_FIRST)
            .thenComparing(r -> text(r, Column.SOURCE), SqlSemantics.UTF8_NULLS_FIRST)
            .thenComparing(r -> number(r, Column.VALUE), SqlSemantics::compareDoublesNullsFirst);

    /** One row per (indicator, area, period, sex, age, extra columns): the first by {@link #FIRST}. */
    static List<Row> onePer(List<Row> rows, Column... extra) {
        Map<List<Object>, Row> best = new LinkedHashMap<>();
        for (Row r : rows) {
            List<Object> k = new ArrayList<>(Arrays.asList(text(r, Column.INDICATOR), text(r, Column.REF_AREA),
                    text(r, Column.TIME_PERIOD), text(r, Column.SEX), text(r, Column.AGE)));
            for (Column c : extra) {
                k.add(text(r, c));
            }
            best.merge(k, r, (a, b) -> FIRST.compare(b, a) < 0 ? b : a);
        }
        return new ArrayList<>(best.values());
    }

    private static String min(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    /** A sum, a count and the least origin and name of a group, as Spark's sum, count and min. */
    static final class Sum {
        BigDecimal total;
        BigDecimal second;
        long n;
        String origin;
        String name;

        void add(BigDecimal v, BigDecimal w, String o, String nm) {
            total = total == null ? v : total.add(v);
            if (w != null) {
                second = second == null ? w : second.add(w);
            }
            n++;
            origin = min(origin, o);
            name = min(name, nm);
        }
    }

    // ---------------------------------------------------------------------------- people who use drugs

    static void people(List<Row> rows, List<Row> out) {
        List<Row> prev = new ArrayList<>();
        List<Row> pop = new ArrayList<>();
        for (Row r : rows) {
            String ind = text(r, Column.INDICATOR);
            if (IndicatorStep.PREVALENCE.equals(ind) && "15-64".equals(text(r, Column.AGE))
                    && "T".equals(text(r, Column.SEX)) && text(r, Column.TIME_PERIOD) != null
                    && YEAR.matcher(text(r, Column.TIME_PERIOD)).find()) {
                prev.add(r);
            } else if (AggregateStep.POPULATION.equals(ind) && "T".equals(text(r, Column.SEX))) {
                pop.add(r);
            }
        }
        List<Row> pops = onePer(pop);
        for (Row p : onePer(prev, Column.DRUG)) {
            for (Row q : pops) {
                if (Objects.equals(text(p, Column.REF_AREA), text(q, Column.REF_AREA)) && text(p, Column.REF_AREA) != null
                        && Objects.equals(text(p, Column.TIME_PERIOD), text(q, Column.TIME_PERIOD))) {
                    out.add(people(p, base(q)));
                }
            }
        }
    }

    /** prevalence × population by core's {@link RateConversion}, strict alignment. */
    static Row people(Row r, double population) {
        double best = number(r, Column.VALUE);
        Double low = number(r, Column.LOWER);
        Double high = number(r, Column.UPPER);
        boolean ranged = low != null && high != null && low <= best && best <= high;
        Interval p = ranged ? Interval.of(low, best, high) : Interval.exact(best);
        int year = Integer.parseInt(text(r, Column.TIME_PERIOD));
        PeopleEstimate e = RateConversion.withDefaults().people(new Prevalence(p, year, AgeBase.AGED_15_64),
                new PopulationCount(population, year, AgeBase.AGED_15_64));
        Object[] v = IndicatorStep.base(IndicatorStep.PWUD, text(r, Column.REF_AREA), text(r, Column.TIME_PERIOD),
                "15-64", e.persons().best(), ranged ? e.persons().low() : null, ranged ? e.persons().high() : null,
                Unit.PERSONS, text(r, Column.ORIGIN), text(r, Column.DRUG), "prevalence-x-population",
                IndicatorStep.PREVALENCE + ";" + AggregateStep.POPULATION);
        v[Column.SOURCE.ordinal()] = "drugstats: annual prevalence (ages 15-64) x population aged 15-64";
        v[Column.AREA_NAME.ordinal()] = text(r, Column.AREA_NAME);
        v[Column.OBS_FLAGS.ordinal()] = flagged(r, QualityFlag.BEST_OUTSIDE_BOUNDS)
                ? QualityFlag.BEST_OUTSIDE_BOUNDS.code() : null;
        v[Column.NOTES.ordinal()] = e.assumptions().isEmpty() ? null : String.join("; ", e.assumptions());
        return RowFactory.create(v);
    }

    // ---------------------------------------------------------------------------- consumption

    static void consumption(List<Row> rows, Map<String, List<String[]>> unodc, List<Row> out) {
        List<Row> rate = new ArrayList<>();
        List<Row> pop = new ArrayList<>();
        for (Row r : rows) {
            String ind = text(r, Column.INDICATOR);
            if (IndicatorStep.CONSUMPTION_INPUT.equals(ind) && Unit.KG_PER_100K.code().equals(text(r, Column.UNIT))) {
                rate.add(r);
            } else if (IndicatorStep.POPULATION_TOTAL.equals(ind)) {
                pop.add(r);
            }
        }
        rate = onePer(rate);
        // the population of every year of the area (the old join was on the area only)
        Map<String, List<Double>> population = new HashMap<>();
        for (Row p : onePer(pop)) {
            if (text(p, Column.REF_AREA) != null) {
                population.computeIfAbsent(text(p, Column.REF_AREA), k -> new ArrayList<>()).add(base(p));
            }
        }
        Map<List<String>, Sum> agg = new LinkedHashMap<>();
        for (Row r : rate) {
            double value = number(r, Column.VALUE);
            out.add(perCapita(text(r, Column.REF_AREA), text(r, Column.TIME_PERIOD), text(r, Column.ORIGIN),
                    text(r, Column.AREA_NAME), ConsumptionRates.mgPerCapitaFromKgPer100k(value),
                    "kg-per-100k-to-mg-per-capita", "mg per capita = 10 x kg per 100,000 inhabitants; S-DDD cannot "
                            + "be computed (the source gives the quantity, not the substances)"));
            for (double p : population.getOrDefault(text(r, Column.REF_AREA), List.of())) {
                BigDecimal kg = dec6(value * p / 1e5);
                BigDecimal pd = dec6(p);
                for (String[] m : unodc.getOrDefault(text(r, Column.REF_AREA), List.of())) {
                    String year = text(r, Column.TIME_PERIOD);
                    agg.computeIfAbsent(Arrays.asList(m[0], year, m[1]), k -> new Sum())
                            .add(kg, pd, text(r, Column.ORIGIN), null);
                    agg.computeIfAbsent(Arrays.asList(m[2], year, m[3]), k -> new Sum())
                            .add(kg, pd, text(r, Column.ORIGIN), null);
                    agg.computeIfAbsent(Arrays.asList(AggregateStep.WORLD, year, "World"), k -> new Sum())
                            .add(kg, pd, text(r, Column.ORIGIN), null);
                }
            }
        }
        for (Map.Entry<List<String>, Sum> e : agg.entrySet()) {
            Sum s = e.getValue();
            double kg = s.total.doubleValue();
            double people = s.second.doubleValue();
            if (!(people > 0)) {
                continue;
            }
            out.add(perCapita(e.getKey().get(0), e.getKey().get(1), s.origin, e.getKey().get(2),
                    ConsumptionRates.mgPerCapita(kg * 1e6, people), "sum-kg-over-sum-population",
                    String.format(Locale.ROOT, "Σ kg / Σ population over %d countries with consumption and a 2016 "
                            + "population (UNODC grouping)", s.n)));
        }
    }

    private static Row perCapita(String area, String period, String origin, String name, double mg, String method,
            String note) {
        Object[] v = IndicatorStep.base(IndicatorStep.CONSUMPTION, area, period, "_T", mg, null, null,
                Unit.MG_PER_CAPITA, origin, "opioids", method,
                IndicatorStep.CONSUMPTION_INPUT + ";" + IndicatorStep.POPULATION_TOTAL);
        v[Column.SOURCE.ordinal()] = "drugstats: consumption per capita";
        v[Column.NOTES.ordinal()] = note;
        v[Column.AREA_NAME.ordinal()] = name;
        v[Column.OBS_FLAGS.ordinal()] = QualityFlag.COARSE_ROUNDING.code();
        return RowFactory.create(v);
    }

    // ---------------------------------------------------------------------------- seizures by drug group

    static void seizuresByGroup(List<Row> rows, Map<String, List<String[]>> unodc, List<Row> out) {
        Map<List<String>, Sum> countries = new LinkedHashMap<>();
        Map<List<String>, Sum> levels = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!SeizureTotalsStep.INDICATOR.equals(text(r, Column.INDICATOR))
                    || !Unit.KILOGRAMS.code().equals(text(r, Column.UNIT))
                    || flagged(r, QualityFlag.PUBLISHED_AGGREGATE)) {
                continue;
            }
            BigDecimal q = dec6(base(r));
            String group = text(r, Column.DRUG_GROUP) == null ? "unspecified" : text(r, Column.DRUG_GROUP);
            String area = text(r, Column.REF_AREA);
            String year = text(r, Column.TIME_PERIOD);
            String origin = text(r, Column.ORIGIN);
            countries.computeIfAbsent(Arrays.asList(area, year, group, "country"), k -> new Sum())
                    .add(q, null, origin, text(r, Column.AREA_NAME));
            for (String[] m : unodc.getOrDefault(area, List.of())) {
                levels.computeIfAbsent(Arrays.asList(m[0], year, group, "unodc_subregion"), k -> new Sum())
                        .add(q, null, origin, m[1]);
                levels.computeIfAbsent(Arrays.asList(m[2], year, group, "unodc_region"), k -> new Sum())
                        .add(q, null, origin, m[3]);
                levels.computeIfAbsent(Arrays.asList(AggregateStep.WORLD, year, group, "world"), k -> new Sum())
                        .add(q, null, origin, "World");
            }
        }
        countries.putAll(levels);
        for (Map.Entry<List<String>, Sum> e : countries.entrySet()) {
            Sum s = e.getValue();
            List<String> k = e.getKey();
            Object[] v = new Object[IndicatorStep.INDICATORS.size()];
            v[Column.INDICATOR.ordinal()] = SeizureTotalsStep.INDICATOR;
            v[Column.REF_AREA.ordinal()] = k.get(0);
            v[Column.TIME_PERIOD.ordinal()] = k.get(1);
            v[Column.SEX.ordinal()] = "T";
            v[Column.AGE.ordinal()] = "_T";
            v[Column.VALUE.ordinal()] = s.total.doubleValue();
            v[Column.UNIT.ordinal()] = Unit.KILOGRAMS.code();
            v[Column.OBS_STATUS.ordinal()] = ObsStatus.ESTIMATED.code();
            v[Column.SOURCE.ordinal()] = "drugstats: sum over the drugs of the group";
            v[Column.NOTES.ordinal()] = "sum of " + s.n + " country x drug totals (" + k.get(3)
                    + "); annex 7.1 records of one country, drug and year are summed";
            v[Column.ORIGIN.ordinal()] = s.origin;
            v[Column.UNIT_MULT.ordinal()] = 0;
            v[Column.DRUG_GROUP.ordinal()] = k.get(2);
            v[Column.METHOD.ordinal()] = "sum-by-drug-group";
            v[Column.AREA_NAME.ordinal()] = s.name;
            v[Column.values().length] = SeizureTotalsStep.INDICATOR;
            out.add(RowFactory.create(v));
        }
    }

    // ---------------------------------------------------------------------------- coca cultivation

    static void cultivation(List<Row> rows, List<Row> out) {
        List<Row> parts = new ArrayList<>();
        // the published world totals of each year (several rows of a year each make a total row, as joined)
        Map<String, List<Double>> published = new HashMap<>();
        for (Row r : rows) {
            if (!flagged(r, QualityFlag.PUBLISHED_AGGREGATE)) {
                parts.add(r);
            }
            if (AggregateStep.WORLD.equals(text(r, Column.REF_AREA)) && text(r, Column.TIME_PERIOD) != null) {
                published.computeIfAbsent(text(r, Column.TIME_PERIOD), k -> new ArrayList<>()).add(base(r));
            }
        }
        List<Row> countries = onePer(parts, Column.DRUG);
        Map<List<String>, Sum> totals = new LinkedHashMap<>();
        // the series of the changes: area, drug → (period, value, origin, name)
        Map<List<String>, List<Object[]>> series = new LinkedHashMap<>();
        for (Row r : countries) {
            totals.computeIfAbsent(Arrays.asList(text(r, Column.TIME_PERIOD), text(r, Column.DRUG)), k -> new Sum())
                    .add(dec6(base(r)), null, text(r, Column.ORIGIN), null);
            point(series, text(r, Column.REF_AREA), text(r, Column.TIME_PERIOD), text(r, Column.DRUG), base(r),
                    text(r, Column.ORIGIN), text(r, Column.AREA_NAME));
        }
        for (Map.Entry<List<String>, Sum> e : totals.entrySet()) {
            String year = e.getKey().get(0);
            String drug = e.getKey().get(1);
            Sum s = e.getValue();
            double total = s.total.doubleValue();
            List<Double> pub = year == null ? null : published.get(year);
            List<Double> each = new ArrayList<>();
            if (pub == null) {
                each.add(null);
            } else {
                each.addAll(pub);
            }
            for (Double p : each) {
                Object[] v = new Object[IndicatorStep.INDICATORS.size()];
                v[Column.INDICATOR.ordinal()] = IndicatorStep.CULTIVATION;
                v[Column.REF_AREA.ordinal()] = AggregateStep.WORLD;
                v[Column.TIME_PERIOD.ordinal()] = year;
                v[Column.SEX.ordinal()] = "T";
                v[Column.AGE.ordinal()] = "_T";
                v[Column.VALUE.ordinal()] = total;
                v[Column.UNIT.ordinal()] = Unit.HECTARES.code();
                v[Column.OBS_STATUS.ordinal()] = ObsStatus.ESTIMATED.code();
                v[Column.SOURCE.ordinal()] = "drugstats: sum of the country estimates";
                // Spark's cast of a double to text is Java's Double.toString
                v[Column.NOTES.ordinal()] = p == null ? "sum of " + s.n + " countries; no published total"
                        : String.format(Locale.US, "sum of %d countries; published total %s, difference %s", s.n,
                                Double.toString(p), Double.toString(total - p));
                v[Column.ORIGIN.ordinal()] = s.origin;
                v[Column.UNIT_MULT.ordinal()] = 0;
                v[Column.DRUG.ordinal()] = drug;
                v[Column.METHOD.ordinal()] = "sum-of-countries";
                v[Column.OBS_FLAGS.ordinal()] = p != null && p != total ? QualityFlag.TOTAL_MISMATCH.code() : null;
                v[Column.AREA_NAME.ordinal()] = "World";
                v[Column.values().length] = IndicatorStep.CULTIVATION;
                out.add(RowFactory.create(v));
                point(series, AggregateStep.WORLD, year, drug, total, s.origin, "World");
            }
        }
        // year-on-year changes: each year against the one before it in the series of the area and drug
        for (List<Object[]> s : series.values()) {
            s.sort(Comparator.comparing(p -> (String) p[0]));
            for (int i = 1; i < s.size(); i++) {
                Object[] cur = s.get(i);
                Object[] prev = s.get(i - 1);
                Row c = CultivationIndicators.change((String) cur[4], (String) cur[0], (String) cur[5],
                        (Double) cur[1], (Double) prev[1], (String) prev[0], (String) cur[2], (String) cur[3]);
                if (c != null) {
                    out.add(c);
                }
            }
        }
    }

    private static void point(Map<List<String>, List<Object[]>> series, String area, String period, String drug,
            double v, String origin, String name) {
        if (period != null && YEAR.matcher(period).find()) {
            series.computeIfAbsent(Arrays.asList(area, drug), k -> new ArrayList<>())
                    .add(new Object[] {period, v, origin, name, area, drug});
        }
    }
}
