package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.Origin;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.results.ResultTable;

/**
 * The indicators that are computed before the trend step, so that their series are trended like the observations:
 * controlled medicines over time ({@link MedicinesStep}) and SDG 3.5.1 treatment rates and coverage
 * ({@link TreatmentStep}). They are published with the other indicators in {@code results/indicators}; the
 * morphine-equivalent Lorenz curve of the latest year goes to {@code results/inequality_me} and
 * {@code results/inequality_me.json}.
 *
 * @param indicators rows of {@link IndicatorStep#INDICATORS}
 * @param medicines the medicines result (its Lorenz points and JSON)
 */
public record DerivedIndicators(Dataset<Row> indicators, MedicinesStep.Result medicines) {

    /** Computes both from the accepted observations of the run. */
    static DerivedIndicators run(SparkSession spark, Dataset<Row> observations, Geography geography, RunConfig config,
            List<Dataset<Row>> persisted) {
        MedicinesStep.Result medicines = MedicinesStep.run(spark,
                observations.filter(col(Column.INDICATOR.columnName()).isin(MedicinesStep.INPUTS.toArray())),
                geography, config.inequalityPopulationShares(), config.inequalityConsumptionShares());
        Dataset<Row> treatment = TreatmentStep.run(spark,
                observations.filter(col(Column.INDICATOR.columnName()).startsWith(TreatmentStep.SDG_PREFIX)));
        Dataset<Row> all = medicines.indicators().unionByName(treatment, true)
                .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        persisted.add(all);
        return new DerivedIndicators(all, medicines);
    }

    /** The indicator rows as trend input: the canonical columns and {@code imputed} false. */
    static Dataset<Row> asSeries(Dataset<Row> indicators) {
        return indicators.select(Stream.concat(java.util.Arrays.stream(Schemas.EXTRACT_COLUMNS)
                        .map(org.apache.spark.sql.functions::col), Stream.of(lit(false).as("imputed")))
                .toArray(org.apache.spark.sql.Column[]::new));
    }

    /** Writes the morphine-equivalent Lorenz points and JSON; returns the rows written. */
    static long publish(DerivedIndicators d, Publisher publisher, List<Origin> origins) {
        if (d.medicines().json() == null) {
            return 0;
        }
        long n = publisher.writeParquet(d.medicines().points(), ResultTable.INEQUALITY_ME.dir(),
                ResultTable.INEQUALITY_ME.schemaVersion(),
                origins, "ranking", "rank");
        publisher.writeText(org.drugstats.core.results.ResultsLayout.INEQUALITY_ME_JSON, d.medicines().json(), d.medicines().areas());
        return n;
    }
}
