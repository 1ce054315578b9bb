package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
    private static final org.apache.spark.sql.types.DecimalType EXACT = DataTypes.createDecimalType(38, 10);

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

    /** The means per country and for Europe, and the weekend/weekday ratios, as rows of the indicators schema. */
    static Dataset<Row> indicators(Dataset<Row> analysis, Geography geography) {
        Dataset<Row> loads = analysis.filter(col(Column.INDICATOR.columnName()).equalTo(LOAD)
                .and(col(Column.VALUE.columnName()).isNotNull()).and(col(Column.SUB_AREA.columnName()).isNotNull()));
        Dataset<Row> pop = analysis.filter(col(Column.INDICATOR.columnName()).equalTo(POPULATION)
                        .and(col(Column.VALUE.columnName()).gt(0)))
                .groupBy(col(Column.SUB_AREA.columnName()).as("p_site"))
                // min, not first: the same value whichever partition a site's rows come from
                .agg(org.apache.spark.sql.functions.min(Schemas.baseValue()).as("pop"));
        Dataset<Row> joined = loads.join(pop, loads.col(Column.SUB_AREA.columnName()).equalTo(pop.col("p_site")))
                .withColumn("load", Schemas.baseValue());
        List<String> europe = geography.countries().stream().filter(c -> "150".equals(c.regionCode()))
                .map(M49Country::iso3).toList();
        Dataset<Row> byCountry = means(joined, col(Column.REF_AREA.columnName()), null);
        Dataset<Row> byEurope = means(joined.filter(col(Column.REF_AREA.columnName()).isin(europe.toArray())),
                lit(EUROPE), "Europe (EUDA sites in M49 Europe)");
        return byCountry.unionByName(byEurope, true).unionByName(ratios(analysis), true);
    }

    private static Dataset<Row> means(Dataset<Row> joined, org.apache.spark.sql.Column area, String areaName) {
        Dataset<Row> g = joined.groupBy(area.as("m_area"), col(Column.TIME_PERIOD.columnName()).as("m_year"),
                        col(Column.DRUG.columnName()).as("m_drug"), col(Column.DRUG_SUBGROUP.columnName()).as("m_sub"))
                // exact decimal sums: a sum of doubles depends on the order the rows arrive in, which differs
                // between local[*] and a cluster (the cluster test compares the two byte for byte)
                .agg(sum(col("load").multiply(col("pop")).cast(EXACT)).cast(DataTypes.DoubleType).as("lp"),
                        sum(col("pop").cast(EXACT)).cast(DataTypes.DoubleType).as("p"),
                        count(lit(1)).as("sites"),
                        org.apache.spark.sql.functions.min(col(Column.ORIGIN.columnName())).as("m_origin"));
        Map<Column, org.apache.spark.sql.Column> v = new EnumMap<>(Column.class);
        v.put(Column.INDICATOR, lit(MEAN));
        v.put(Column.REF_AREA, col("m_area"));
        v.put(Column.TIME_PERIOD, col("m_year"));
        v.put(Column.VALUE, col("lp").divide(col("p")));
        v.put(Column.UNIT, lit(Unit.MG_PER_1000_PER_DAY.code()));
        v.put(Column.SOURCE, lit("drugstats: population-weighted mean of EUDA site loads"));
        v.put(Column.NOTES, format_string("%d sites, population served %.0f", col("sites"), col("p")));
        v.put(Column.ORIGIN, col("m_origin"));
        v.put(Column.DRUG, col("m_drug"));
        v.put(Column.DRUG_SUBGROUP, col("m_sub"));
        v.put(Column.METHOD, lit("population-weighted-mean"));
        if (areaName != null) {
            v.put(Column.AREA_NAME, lit(areaName));
        }
        return canonical(g, v, LOAD + ";" + POPULATION);
    }

    private static Dataset<Row> ratios(Dataset<Row> analysis) {
        Dataset<Row> wd = analysis.filter(col(Column.INDICATOR.columnName()).equalTo("wastewater_mass_load_weekday_mean")
                        .and(col(Column.VALUE.columnName()).gt(0)))
                .select(col(Column.SUB_AREA.columnName()).as("w_site"), col(Column.TIME_PERIOD.columnName()).as("w_year"),
                        col(Column.DRUG.columnName()).as("w_drug"), Schemas.baseValue().as("weekday"));
        Dataset<Row> we = analysis.filter(col(Column.INDICATOR.columnName()).equalTo("wastewater_mass_load_weekend_mean")
                .and(col(Column.VALUE.columnName()).isNotNull()));
        Dataset<Row> j = we.join(wd, we.col(Column.SUB_AREA.columnName()).equalTo(wd.col("w_site"))
                .and(we.col(Column.TIME_PERIOD.columnName()).equalTo(wd.col("w_year")))
                .and(we.col(Column.DRUG.columnName()).equalTo(wd.col("w_drug"))));
        Map<Column, org.apache.spark.sql.Column> v = new EnumMap<>(Column.class);
        v.put(Column.INDICATOR, lit(RATIO));
        v.put(Column.REF_AREA, col(Column.REF_AREA.columnName()));
        v.put(Column.TIME_PERIOD, col(Column.TIME_PERIOD.columnName()));
        v.put(Column.VALUE, Schemas.baseValue().divide(col("weekday")));
        v.put(Column.UNIT, lit(Unit.RATIO.code()));
        v.put(Column.SOURCE, lit("drugstats: weekend mean / weekday mean"));
        v.put(Column.ORIGIN, col(Column.ORIGIN.columnName()));
        v.put(Column.DRUG, col(Column.DRUG.columnName()));
        v.put(Column.DRUG_SUBGROUP, col(Column.DRUG_SUBGROUP.columnName()));
        v.put(Column.METHOD, lit("weekend-mean/weekday-mean"));
        v.put(Column.AREA_NAME, col(Column.AREA_NAME.columnName()));
        v.put(Column.SUB_AREA, col(Column.SUB_AREA.columnName()));
        return canonical(j, v, "wastewater_mass_load_weekend_mean;wastewater_mass_load_weekday_mean");
    }

    /** Rows of the indicators schema: the given canonical columns, the others empty; status estimated, T, _T. */
    private static Dataset<Row> canonical(Dataset<Row> d, Map<Column, org.apache.spark.sql.Column> given,
            String inputs) {
        List<org.apache.spark.sql.Column> cols = new ArrayList<>();
        for (Column c : Column.values()) {
            org.apache.spark.sql.Column e = given.get(c);
            if (e == null) {
                e = switch (c) {
                    case SEX -> lit("T");
                    case AGE -> lit("_T");
                    case OBS_STATUS -> lit(ObsStatus.ESTIMATED.code());
                    case UNIT_MULT -> lit(0);
                    default -> lit(null);
                };
            }
            cols.add(e.cast(Schemas.sparkType(c)).as(c.columnName()));
        }
        cols.add(lit(inputs).as("inputs"));
        return d.select(cols.toArray(new org.apache.spark.sql.Column[0]));
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
