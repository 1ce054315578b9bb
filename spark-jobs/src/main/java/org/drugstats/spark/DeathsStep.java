package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.drugstats.core.data.Column;
import org.drugstats.core.stats.trend.Joinpoint;
import org.drugstats.core.stats.trend.Weighting;

/**
 * Drug-poisoning deaths (NCHS, US states 1999–2017): joinpoint trends of the age-adjusted death rate per 100,000,
 * for every state (ISO 3166-2 {@code sub_area}) and the United States, both sexes and all ages.
 *
 * <p>As the NCI Joinpoint Regression Program does for age-adjusted rates with published standard errors (its
 * "heteroscedastic errors: standard error" option, used in NCI's Cancer Trends Progress Report), the model is fitted
 * on ln(rate) by weighted least squares with weights w = rate²/SE² (delta method: Var ln r ≈ SE²/r²; the residual
 * variance is still estimated from the data). Model selection, maximum joinpoints (NCI's default by number of points:
 * 19 years → at most 3), confidence level and seed are the run's {@code trend.*} settings. Each series gives the
 * APC of every segment with its confidence interval and p-value and the AAPC over 1999–2017 with its interval
 * (Clegg et al. 2009, Stat Med 28:3670); the last segment's APC is the latest trend. States are ranked by the
 * report.
 *
 * <p>The four NCHS indicators are fitted here only, not by the generic trend step (whose series have no
 * sub-national key and no weights), and they are not aggregated to regions (the file covers one country).
 */
public final class DeathsStep {

    /** The age-adjusted rate: the series fitted. */
    public static final String AGE_ADJUSTED = "drug_poisoning_death_rate_age_adjusted";
    /** Every indicator of the NCHS extract; kept out of the generic aggregation and trend steps. */
    public static final Set<String> INDICATORS = Set.of("drug_poisoning_deaths", "drug_poisoning_population",
            "drug_poisoning_death_rate", AGE_ADJUSTED);

    private DeathsStep() {
    }

    /** The joinpoint fits of the age-adjusted rate of every state and the United States. */
    static SubAreaTrends trends(Dataset<Row> analysis, TrendStep.Settings settings) {
        List<Row> rows = analysis.filter(col(Column.INDICATOR.columnName()).equalTo(AGE_ADJUSTED)
                        .and(col(Column.SEX.columnName()).equalTo("T")).and(col(Column.AGE.columnName()).equalTo("_T"))
                        .and(col(Column.VALUE.columnName()).isNotNull())
                        .and(col(Column.TIME_PERIOD.columnName()).rlike("^[0-9]{4}$")))
                .select(col(Column.REF_AREA.columnName()), col(Column.SUB_AREA.columnName()),
                        col(Column.TIME_PERIOD.columnName()).cast(DataTypes.DoubleType),
                        Schemas.baseValue().as("y"),
                        col(Column.STD_ERROR.columnName()).multiply(org.apache.spark.sql.functions.pow(
                                org.apache.spark.sql.functions.lit(10.0), col(Column.UNIT_MULT.columnName())))
                                .as("se"),
                        col(Column.UNIT.columnName()))
                .collectAsList();
        Map<String, List<Row>> bySeries = new TreeMap<>();
        for (Row r : rows) {
            bySeries.computeIfAbsent(r.getString(0) + "|" + Objects.toString(r.getString(1), ""),
                    k -> new ArrayList<>()).add(r);
        }
        Joinpoint jp = settings.joinpoint().withWeighting(Weighting.STANDARD_ERROR);
        boolean permutation = "permutation".equals(settings.selection());
        SubAreaTrends out = new SubAreaTrends();
        for (List<Row> series : bySeries.values()) {
            series.sort(java.util.Comparator.comparingDouble(r -> r.getDouble(2)));
            Row first = series.get(0);
            SubAreaTrends.Key key = new SubAreaTrends.Key(AGE_ADJUSTED, first.getString(0), "T", "_T", null,
                    first.getString(5), first.getString(1));
            int n = series.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] se = new double[n];
            boolean seMissing = false;
            for (int i = 0; i < n; i++) {
                x[i] = series.get(i).getDouble(2);
                y[i] = series.get(i).getDouble(3);
                seMissing |= series.get(i).isNullAt(4) || !(series.get(i).getDouble(4) > 0);
                se[i] = series.get(i).isNullAt(4) ? Double.NaN : series.get(i).getDouble(4);
            }
            if (n < settings.minPoints()) {
                out.notFitted(key, "joinpoint", x, y, String.format(java.util.Locale.ROOT,
                        "not fitted: %d observed years, fewer than trend.min_points = %d", n, settings.minPoints()));
            } else if (seMissing) {
                out.notFitted(key, "joinpoint", x, y, "not fitted: a year has no positive standard error, so the "
                        + "weights rate^2/SE^2 cannot be formed");
            } else {
                out.joinpoint(key, x, y, se, jp, permutation, settings.seed(),
                        "weighted least squares on ln(rate), weights rate^2/SE^2 (NCI standard-error option)");
            }
        }
        return out;
    }
}
