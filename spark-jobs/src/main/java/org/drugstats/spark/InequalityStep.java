package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.Unit;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.stats.inequality.AdequacyCategory;
import org.drugstats.core.stats.inequality.AreaConsumption;
import org.drugstats.core.stats.inequality.ConsumptionRates;
import org.drugstats.core.stats.inequality.InequalityReport;
import org.drugstats.core.stats.inequality.LorenzPoint;
import org.drugstats.core.stats.inequality.Ranking;
import org.drugstats.core.stats.inequality.Reading;

/**
 * Step 4b, inequality of consumption: the Lorenz curve of opioid consumption over countries (ranked by consumption
 * per capita, ascending), its Gini coefficient and the requested readings, by core's {@link InequalityReport}.
 * Consumption per country = kg per 100,000 inhabitants × population / 10⁵ ({@link ConsumptionRates}), with the
 * population the source gives (2016). A country-level statistic over at most a few hundred rows: the rows are
 * collected to the driver and the curve is computed there.
 */
public final class InequalityStep {

    /** Lorenz points, one per country in ranking order. */
    public static final StructType POINTS = Schemas.of(ResultTable.INEQUALITY);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InequalityStep() {
    }

    /** The Lorenz points and the report as JSON; empty when the data hold no consumption. */
    public record Result(Dataset<Row> points, String json, int areas) {
    }

    /**
     * Computes the curve from {@code opioid_consumption} (kg per 100,000) and {@code population_total}.
     *
     * @param countries ISO3 codes of the countries (aggregates and residual rows are left out)
     */
    public static Result run(SparkSession spark, Dataset<Row> observations, java.util.Set<String> countries,
            List<Double> populationShares, List<Double> consumptionShares, OptionalDouble benchmarkMg) {
        Dataset<Row> rate = observations.filter(col(Column.INDICATOR.columnName()).equalTo(IndicatorStep.CONSUMPTION_INPUT)
                .and(col(Column.UNIT.columnName()).equalTo(Unit.KG_PER_100K.code()))
                .and(col(Column.VALUE.columnName()).isNotNull()));
        Dataset<Row> pop = observations.filter(col(Column.INDICATOR.columnName()).equalTo(IndicatorStep.POPULATION_TOTAL)
                        .and(col(Column.VALUE.columnName()).isNotNull()))
                .select(col(Column.REF_AREA.columnName()).as("p_area"), col(Column.TIME_PERIOD.columnName()).as("p_year"),
                        Schemas.baseValue()
                                .as("population"));
        List<Row> rows = rate.join(pop, col(Column.REF_AREA.columnName()).equalTo(col("p_area")))
                .select(col(Column.REF_AREA.columnName()), col(Column.AREA_NAME.columnName()),
                        col(Column.VALUE.columnName()), col("population"), col(Column.TIME_PERIOD.columnName()),
                        col("p_year"))
                .orderBy(col(Column.REF_AREA.columnName()), col("p_year"))
                .collectAsList();
        Map<String, AreaConsumption> byArea = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        String period = null;
        String popYear = null;
        for (Row r : rows) {
            String area = r.getString(0);
            if (!countries.contains(area) || byArea.containsKey(area) || !(r.getDouble(3) > 0)) {
                continue;
            }
            double kg = ConsumptionRates.kgFromKgPer100k(r.getDouble(2), r.getDouble(3));
            byArea.put(area, AreaConsumption.of(area, r.getDouble(3), kg));
            names.put(area, r.isNullAt(1) ? null : r.getString(1));
            period = r.getString(4);
            popYear = r.getString(5);
        }
        if (byArea.isEmpty()) {
            return new Result(spark.createDataFrame(List.of(), POINTS), null, 0);
        }
        List<AreaConsumption> areas = new ArrayList<>(byArea.values());
        InequalityReport report = InequalityReport.of(areas, populationShares, consumptionShares,
                Ranking.PER_CAPITA_ASCENDING, Reading.INTERPOLATED);
        List<Row> points = new ArrayList<>();
        int rank = 0;
        for (LorenzPoint p : report.curve().points()) {
            if (p.area() == null) {
                continue;
            }
            AreaConsumption a = byArea.get(p.area());
            double mgPerCapita = ConsumptionRates.mgPerCapita(a.consumption() * 1e6, a.population());
            String adequacy = benchmarkMg.isPresent()
                    ? AdequacyCategory.classify(mgPerCapita, benchmarkMg.getAsDouble()).name().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', ' ')
                    : null;
            points.add(RowFactory.create(report.curve().ranking().label(), ++rank, p.area(), names.get(p.area()),
                    a.population(), a.consumption(), a.perCapita(), p.populationShare(), p.consumptionShare(), adequacy));
        }
        Map<String, Object> json = new LinkedHashMap<>(report.toJsonTree());
        json.put("measure", "opioid consumption (kg), from kg per 100,000 inhabitants (" + IndicatorStep.CONSUMPTION_INPUT
                + ", " + period + ") x population (" + IndicatorStep.POPULATION_TOTAL + ", " + popYear + ") / 100,000");
        json.put("areas", areas.size());
        json.put("adequacy_benchmark_mg_per_capita", benchmarkMg.isPresent() ? benchmarkMg.getAsDouble() : null);
        String text;
        try {
            text = JSON.writeValueAsString(json) + "\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return new Result(spark.createDataFrame(points, POINTS), text, areas.size());
    }
}
