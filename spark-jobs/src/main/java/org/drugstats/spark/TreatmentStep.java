package org.drugstats.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.Observation;
import org.drugstats.core.stats.sdg.SdgTreatment;

/**
 * SDG 3.5.1 treatment indicators of every national series in the observations (indicators {@code sdg_3_5_1...}), by
 * core's {@link SdgTreatment}: {@code treatment_rate} (per 100,000), {@code treatment_coverage}, {@code treatment_gap}
 * (percent) and {@code treatment_one_in_n}; the substance (alcohol, drugs, alcohol-and-drugs) in {@code drug}. A few
 * thousand rows at most: computed on the driver.
 */
final class TreatmentStep {

    static final String SDG_PREFIX = SdgTreatment.PREFIX;

    private TreatmentStep() {
    }

    static Dataset<Row> run(SparkSession spark, Dataset<Row> sdgObservations) {
        List<Observation> obs = new ArrayList<>();
        String[] cols = Schemas.EXTRACT_COLUMNS;
        for (Row r : sdgObservations.selectExpr(cols).collectAsList()) {
            obs.add(ObservationRows.of(r));
        }
        List<Row> out = new ArrayList<>();
        for (SdgTreatment.Derived d : SdgTreatment.derive(obs)) {
            Object[] v = IndicatorStep.base(d.indicator(), d.area(), d.period(), d.age(), d.value(), null, null,
                    d.unit(), d.origin(), d.substance().code(), d.method(), d.inputs());
            v[Column.SEX.ordinal()] = d.sex().code();
            v[Column.SOURCE.ordinal()] = d.method().startsWith("sdg-3.5.1-published")
                    ? "drugstats: published SDG 3.5.1 series" : "drugstats: people in treatment / people with the "
                            + "disorder x 100 (SDG 3.5.1)";
            v[Column.NOTES.ordinal()] = d.notes();
            v[Column.AREA_NAME.ordinal()] = d.areaName();
            out.add(RowFactory.create(v));
        }
        return spark.createDataFrame(out, IndicatorStep.INDICATORS);
    }
}
