package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Column;
import org.drugstats.core.geo.Geography;

/**
 * What the pipeline runs for the sub-national domains — drug-poisoning deaths by US state ({@link DeathsStep}) and
 * waste-water loads by site ({@link WastewaterStep}) — in one place, so that the pipeline registers them with three
 * calls: their rows are kept out of the generic aggregation and trend steps ({@link #generic}), their trends are
 * added to {@code results/trends} and {@code results/trend_points} ({@link #trends}), their derived indicators to
 * {@code results/indicators} ({@link #indicators}).
 */
public final class SubnationalSteps {

    /** The indicators the domain steps own. */
    public static final Set<String> INDICATORS = owned();

    private SubnationalSteps() {
    }

    private static Set<String> owned() {
        Set<String> s = new TreeSet<>(DeathsStep.INDICATORS);
        s.addAll(WastewaterStep.INDICATORS);
        return Set.copyOf(s);
    }

    /**
     * The rows the generic steps read: without a sub-national area (the generic series and aggregates have no
     * sub-area key) and not of the indicators the domain steps fit themselves.
     */
    public static Dataset<Row> generic(Dataset<Row> analysis) {
        return analysis.filter(col(Column.SUB_AREA.columnName()).isNull()
                .and(not(col(Column.INDICATOR.columnName()).isin(INDICATORS.toArray()))));
    }

    /** Trend rows and point rows of the domain steps. */
    public record Trends(Dataset<Row> trends, Dataset<Row> points) {
    }

    /** The deaths and waste-water trends. */
    public static Trends trends(SparkSession spark, Dataset<Row> analysis, TrendStep.Settings settings) {
        SubAreaTrends d = DeathsStep.trends(analysis, settings);
        SubAreaTrends w = WastewaterStep.trends(analysis, settings);
        return new Trends(d.trends(spark).unionByName(w.trends(spark), true), d.points(spark).unionByName(w.points(spark), true));
    }

    /** The waste-water means and ratios (rows of {@link IndicatorStep#INDICATORS}). */
    public static Dataset<Row> indicators(Dataset<Row> analysis, Geography geography) {
        return WastewaterStep.indicators(analysis, geography);
    }
}
