package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.M49Country;
import org.drugstats.core.stats.trend.Joinpoint;
import org.drugstats.core.stats.trend.MannKendall;

/**
 * Waste-water analysis (EUDA/SCORE, 2011–2024): population-weighted mean mass loads per country and for the
 * European sites, the weekend/weekday ratio per site, and trends per site and drug.
 *
 * <p><b>Means</b> ({@code wastewater_mass_load_mean}, mg per 1,000 people per day): for a drug and year, over the
 * sites with a daily mean that year and a population served (EUDA site table),
 * <pre>  mean = Σ load_i · pop_i / Σ pop_i,</pre>
 * the load of all the people served by those plants together (each plant's load per 1,000 people times its
 * population is its total load; their sum over the total population served is the pooled load). Per country
 * ({@code ref_area} the country) and for Europe ({@code M49_150}: the sites in countries of the M49 region Europe;
 * Türkiye and Cyprus are in M49 Western Asia and are not counted). Notes give the number of sites and the
 * population served; the sites change from year to year, so a change of the mean can be a change of the sites.
 * The population is the site table's one figure per site, used for every year.
 *
 * <p><b>Weekend/weekday ratio</b> ({@code wastewater_weekend_weekday_ratio}): the published weekend mean (samples
 * Friday–Monday) over the weekday mean (Tuesday–Thursday), per site, drug and year, where the weekday mean is
 * positive. Above 1: more of the drug is used at weekends (recreational use: MDMA, cocaine).
 *
 * <p><b>Trends</b> per site and drug of the daily mean ({@code wastewater_mass_load}): the Mann–Kendall test with
 * Sen's slope from {@link #MIN_MANN_KENDALL} campaign years (with 4 years the exact two-sided p-value cannot be
 * below 2/4! = 0.083, so no trend could ever be significant at 5%); a joinpoint regression on the log scale only from
 * {@link #MIN_JOINPOINT} years, with at least 3 years at each end ({@code numObsEnd} 3): one sampling week a year
 * makes the year-to-year noise large, NCI's default allows one joinpoint from 7 points, and a segment slope from
 * 2 points has no residual degree of freedom; 10 points and 3-point end segments leave 6 residual degrees of
 * freedom for a one-joinpoint model. Shorter series get a row whose note says why.
 *
 * <p>No back-calculation to consumption: that needs excretion fractions and molar-mass ratios per drug from the
 * pharmacokinetic literature, which the project does not hold with a citation; the loads are published as loads.
 */
public final class WastewaterStep {

    /** Decimal type of the exact sums (loads × populations: up to 10^17 with ten decimals). */

    public static final String LOAD = "wastewater_mass_load";
    public static final String MEAN = "wastewater_mass_load_mean";
    public static final String RATIO = "wastewater_weekend_weekday_ratio";
    public static final String POPULATION = "wastewater_population_served";
    /** Every indicator of the EUDA extracts; kept out of the generic aggregation and trend steps. */
    public static final Set<String> INDICATORS = Set.of(LOAD, "wastewater_mass_load_weekday_mean",
            "wastewater_mass_load_weekend_mean", "wastewater_mass_load_day", POPULATION);
    /** Europe: the M49 region. */
    public static final String EUROPE = "M49_150";
    static final int MIN_MANN_KENDALL = 5;
    static final int MIN_JOINPOINT = 10;

    private WastewaterStep() {
    }

    static final String WEEKDAY = "wastewater_mass_load_weekday_mean";
    static final String WEEKEND = "wastewater_mass_load_weekend_mean";

    /**
     * The means per country and for Europe, and the weekend/weekday ratios, as rows of the indicators schema:
     * computed in plain Java in one group (one task) of the waste-water observations, a few thousand rows. As Spark
     * group-bys and joins they were 4 shuffles (Spark jobs) of the indicators step (issue 18).
     */
    static Dataset<Row> indicators(Dataset<Row> analysis, Geography geography) {
        Set<String> europe = Set.copyOf(geography.countries().stream().filter(c -> "150".equals(c.regionCode()))
                .map(M49Country::iso3).toList());
        return IndicatorGroups.inOneGroup(analysis, Set.of(LOAD, POPULATION, WEEKDAY, WEEKEND), ROWS,
                rows -> indicatorRows(rows, europe));
    }

    /**
     * The rows' schema: {@link IndicatorStep#INDICATORS} with {@code ref_area}, {@code time_period} and
     * {@code origin} nullable, as the Spark plan these rows were first computed by gave them (its group keys came
     * from the observations' nullable columns): the union of the indicators takes its nullability from its parts,
     * and {@code results/indicators} keeps its Parquet schema (optional columns) byte for byte.
     */
    static final org.apache.spark.sql.types.StructType ROWS = nullable(IndicatorStep.INDICATORS,
            Set.of(Column.REF_AREA.columnName(), Column.TIME_PERIOD.columnName(), Column.ORIGIN.columnName()));

    private static org.apache.spark.sql.types.StructType nullable(org.apache.spark.sql.types.StructType t,
            Set<String> names) {
        org.apache.spark.sql.types.StructField[] f = t.fields().clone();
        for (int i = 0; i < f.length; i++) {
            if (names.contains(f[i].name())) {
                f[i] = new org.apache.spark.sql.types.StructField(f[i].name(), f[i].dataType(), true, f[i].metadata());
            }
        }
        return new org.apache.spark.sql.types.StructType(f);
    }

    /** A double cast to {@code decimal(38,10)} as Spark casts it: its shortest decimal text, half up. */
    private static BigDecimal dec10(double d) {
        return SqlSemantics.cast(d, 10);
    }

    /** The indicator rows of canonical waste-water rows (in a fixed order). */
    static List<Row> indicatorRows(List<Row> rows, Set<String> europe) {
        // the population served by each site: the least of its positive figures
        Map<String, Double> pop = new HashMap<>();
        Map<List<String>, List<Double>> weekday = new HashMap<>();
        for (Row r : rows) {
            String ind = IndicatorGroups.text(r, Column.INDICATOR);
            Double v = IndicatorGroups.number(r, Column.VALUE);
            if (POPULATION.equals(ind) && v != null && v > 0 && IndicatorGroups.text(r, Column.SUB_AREA) != null) {
                pop.merge(IndicatorGroups.text(r, Column.SUB_AREA), IndicatorGroups.base(r), Math::min);
            } else if (WEEKDAY.equals(ind) && v != null && v > 0) {
                List<String> k = ratioKey(r);
                if (!k.contains(null)) {
                    weekday.computeIfAbsent(k, x -> new ArrayList<>()).add(IndicatorGroups.base(r));
                }
            }
        }
        Map<List<String>, Mean> byCountry = new LinkedHashMap<>();
        Map<List<String>, Mean> byEurope = new LinkedHashMap<>();
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            String ind = IndicatorGroups.text(r, Column.INDICATOR);
            if (IndicatorGroups.number(r, Column.VALUE) == null) {
                continue;
            }
            if (LOAD.equals(ind) && IndicatorGroups.text(r, Column.SUB_AREA) != null) {
                Double p = pop.get(IndicatorGroups.text(r, Column.SUB_AREA));
                if (p == null) {
                    continue;
                }
                double load = IndicatorGroups.base(r);
                String area = IndicatorGroups.text(r, Column.REF_AREA);
                List<String> k = java.util.Arrays.asList(area, IndicatorGroups.text(r, Column.TIME_PERIOD),
                        IndicatorGroups.text(r, Column.DRUG), IndicatorGroups.text(r, Column.DRUG_SUBGROUP));
                byCountry.computeIfAbsent(k, x -> new Mean()).add(load, p, IndicatorGroups.text(r, Column.ORIGIN));
                if (area != null && europe.contains(area)) {
                    List<String> e = new ArrayList<>(k);
                    e.set(0, EUROPE);
                    byEurope.computeIfAbsent(e, x -> new Mean()).add(load, p, IndicatorGroups.text(r, Column.ORIGIN));
                }
            } else if (WEEKEND.equals(ind)) {
                for (double wd : weekday.getOrDefault(ratioKey(r), List.of())) {
                    Object[] v = row(RATIO, IndicatorGroups.text(r, Column.REF_AREA),
                            IndicatorGroups.text(r, Column.TIME_PERIOD), IndicatorGroups.base(r) / wd, Unit.RATIO,
                            "drugstats: weekend mean / weekday mean", IndicatorGroups.text(r, Column.ORIGIN),
                            IndicatorGroups.text(r, Column.DRUG), IndicatorGroups.text(r, Column.DRUG_SUBGROUP),
                            "weekend-mean/weekday-mean", WEEKEND + ";" + WEEKDAY);
                    v[Column.AREA_NAME.ordinal()] = IndicatorGroups.text(r, Column.AREA_NAME);
                    v[Column.SUB_AREA.ordinal()] = IndicatorGroups.text(r, Column.SUB_AREA);
                    out.add(RowFactory.create(v));
                }
            }
        }
        means(byCountry, null, out);
        means(byEurope, "Europe (EUDA sites in M49 Europe)", out);
        return out;
    }

    private static List<String> ratioKey(Row r) {
        return java.util.Arrays.asList(IndicatorGroups.text(r, Column.SUB_AREA),
                IndicatorGroups.text(r, Column.TIME_PERIOD), IndicatorGroups.text(r, Column.DRUG));
    }

    /** Σ load × population and Σ population of one area, year and drug: exact decimals of scale 10. */
    private static final class Mean {
        BigDecimal lp = BigDecimal.ZERO.setScale(10);
        BigDecimal p = BigDecimal.ZERO.setScale(10);
        long sites;
        String origin;

        void add(double load, double pop, String o) {
            // exact decimal sums: a sum of doubles depends on the order the rows arrive in, which differs
            // between local[*] and a cluster (the cluster test compares the two byte for byte)
            lp = lp.add(dec10(load * pop));
            p = p.add(dec10(pop));
            sites++;
            origin = origin == null ? o : o == null || origin.compareTo(o) <= 0 ? origin : o;
        }
    }

    private static void means(Map<List<String>, Mean> means, String areaName, List<Row> out) {
        for (Map.Entry<List<String>, Mean> e : means.entrySet()) {
            Mean m = e.getValue();
            double p = m.p.doubleValue();
            List<String> k = e.getKey();
            Object[] v = row(MEAN, k.get(0), k.get(1), m.lp.doubleValue() / p, Unit.MG_PER_1000_PER_DAY,
                    "drugstats: population-weighted mean of EUDA site loads", m.origin, k.get(2), k.get(3),
                    "population-weighted-mean", LOAD + ";" + POPULATION);
            v[Column.NOTES.ordinal()] = String.format(Locale.US, "%d sites, population served %.0f", m.sites, p);
            v[Column.AREA_NAME.ordinal()] = areaName;
            out.add(RowFactory.create(v));
        }
    }

    /** A row of the indicators schema: status estimated, sex T, age _T, unit_mult 0, the rest empty. */
    private static Object[] row(String indicator, String area, String year, double value, Unit unit, String source,
            String origin, String drug, String subgroup, String method, String inputs) {
        Object[] v = new Object[IndicatorStep.INDICATORS.size()];
        v[Column.INDICATOR.ordinal()] = indicator;
        v[Column.REF_AREA.ordinal()] = area;
        v[Column.TIME_PERIOD.ordinal()] = year;
        v[Column.SEX.ordinal()] = "T";
        v[Column.AGE.ordinal()] = "_T";
        v[Column.VALUE.ordinal()] = value;
        v[Column.UNIT.ordinal()] = unit.code();
        v[Column.OBS_STATUS.ordinal()] = ObsStatus.ESTIMATED.code();
        v[Column.SOURCE.ordinal()] = source;
        v[Column.ORIGIN.ordinal()] = origin;
        v[Column.UNIT_MULT.ordinal()] = 0;
        v[Column.DRUG.ordinal()] = drug;
        v[Column.DRUG_SUBGROUP.ordinal()] = subgroup;
        v[Column.METHOD.ordinal()] = method;
        v[Column.values().length] = inputs;
        return v;
    }

    /** Mann–Kendall/Sen and, for long series, joinpoint of every site's daily-mean series per drug. */
    static SubAreaTrends trends(Dataset<Row> analysis, TrendStep.Settings settings) {
        List<Row> rows = analysis.filter(col(Column.INDICATOR.columnName()).equalTo(LOAD)
                        .and(col(Column.VALUE.columnName()).isNotNull())
                        .and(col(Column.TIME_PERIOD.columnName()).rlike("^[0-9]{4}$")))
                .select(col(Column.REF_AREA.columnName()), col(Column.SUB_AREA.columnName()),
                        col(Column.DRUG.columnName()), col(Column.TIME_PERIOD.columnName()).cast(DataTypes.DoubleType),
                        Schemas.baseValue().as("y"))
                .collectAsList();
        Map<String, List<Row>> bySeries = new TreeMap<>();
        for (Row r : rows) {
            bySeries.computeIfAbsent(r.getString(0) + "|" + Objects.toString(r.getString(1), "") + "|"
                    + r.getString(2), k -> new ArrayList<>()).add(r);
        }
        Joinpoint jp = settings.joinpoint().withNumObsEnd(3);
        MannKendall mk = MannKendall.withDefaults().withAlpha(settings.alpha());
        boolean permutation = "permutation".equals(settings.selection());
        SubAreaTrends out = new SubAreaTrends();
        for (List<Row> series : bySeries.values()) {
            series.sort(java.util.Comparator.comparingDouble(r -> r.getDouble(3)));
            Row f = series.get(0);
            SubAreaTrends.Key key = new SubAreaTrends.Key(LOAD, f.getString(0), "T", "_T", f.getString(2),
                    Unit.MG_PER_1000_PER_DAY.code(), f.getString(1));
            int n = series.size();
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = series.get(i).getDouble(3);
                y[i] = series.get(i).getDouble(4);
            }
            if (n < MIN_MANN_KENDALL) {
                out.notFitted(key, "mann-kendall", x, y, String.format(Locale.ROOT, "not fitted: %d campaign years, "
                        + "fewer than %d (with 4 the exact p-value cannot go below 0.083)", n, MIN_MANN_KENDALL));
            } else {
                out.mannKendall(key, x, y, mk, null);
            }
            if (n < MIN_JOINPOINT) {
                out.notFitted(key, "joinpoint", x, y, String.format(Locale.ROOT, "not fitted: %d campaign years, "
                        + "fewer than %d for a joinpoint model of waste-water loads", n, MIN_JOINPOINT));
            } else {
                out.joinpoint(key, x, y, null, jp, permutation, settings.seed(),
                        "at least 3 years in each end segment");
            }
        }
        return out;
    }
}
