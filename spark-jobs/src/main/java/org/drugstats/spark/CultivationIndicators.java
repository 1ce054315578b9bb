package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Unit;
import org.drugstats.core.stats.trend.ChangeRates;

/**
 * The coca cultivation indicators of {@link IndicatorStep}: the world total as the sum of the country estimates
 * (exact, {@code decimal(38,6)}; published aggregates excluded), compared with the published world total
 * ({@code total-mismatch} where they differ, the difference in the note), and the year-on-year percent change
 * 100 × (V2 − V1) / V1 of every country and of the computed total (core's {@link ChangeRates}).
 */
final class CultivationIndicators {

    private CultivationIndicators() {
    }

    static Dataset<Row> cultivation(Dataset<Row> obs) {
        DecimalType dec = DataTypes.createDecimalType(38, 6);
        Dataset<Row> c = obs.filter(col(Column.INDICATOR.columnName()).equalTo(IndicatorStep.CULTIVATION));
        Dataset<Row> countries = IndicatorStep.onePer(c.filter(org.apache.spark.sql.functions.not(
                coalesce(col(Column.OBS_FLAGS.columnName()), lit("")).contains(QualityFlag.PUBLISHED_AGGREGATE.code()))),
                Column.DRUG.columnName());
        Dataset<Row> published = c.filter(col(Column.REF_AREA.columnName()).equalTo(AggregateStep.WORLD))
                .select(col(Column.TIME_PERIOD.columnName()).as("w_year"), Schemas.baseValue().as("published"));
        Dataset<Row> totals = countries.groupBy(col(Column.TIME_PERIOD.columnName()), col(Column.DRUG.columnName()))
                .agg(org.apache.spark.sql.functions.sum(Schemas.baseValue().cast(dec)).cast(DataTypes.DoubleType).as("total"),
                        org.apache.spark.sql.functions.count(lit(1)).as("n"),
                        org.apache.spark.sql.functions.min(col(Column.ORIGIN.columnName())).as(Column.ORIGIN.columnName()))
                .join(published, col(Column.TIME_PERIOD.columnName()).equalTo(col("w_year")), "left");
        Dataset<Row> totalRows = totals.select(
                lit(IndicatorStep.CULTIVATION).as(Column.INDICATOR.columnName()),
                lit(AggregateStep.WORLD).as(Column.REF_AREA.columnName()),
                col(Column.TIME_PERIOD.columnName()),
                lit("T").as(Column.SEX.columnName()),
                lit("_T").as(Column.AGE.columnName()),
                col("total").as(Column.VALUE.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.LOWER.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.UPPER.columnName()),
                lit(Unit.HECTARES.code()).as(Column.UNIT.columnName()),
                lit(ObsStatus.ESTIMATED.code()).as(Column.OBS_STATUS.columnName()),
                lit("drugstats: sum of the country estimates").as(Column.SOURCE.columnName()),
                when(col("published").isNull(), concat(lit("sum of "), col("n").cast(DataTypes.StringType),
                        lit(" countries; no published total")))
                        .otherwise(org.apache.spark.sql.functions.format_string(
                                "sum of %d countries; published total %s, difference %s", col("n"),
                                col("published").cast(DataTypes.StringType),
                                col("total").minus(col("published")).cast(DataTypes.StringType)))
                        .as(Column.NOTES.columnName()),
                col(Column.ORIGIN.columnName()),
                lit(0).as(Column.UNIT_MULT.columnName()),
                col(Column.DRUG.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.DRUG_GROUP.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.DRUG_SUBGROUP.columnName()),
                lit("sum-of-countries").as(Column.METHOD.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.ADJUSTMENT.columnName()),
                when(col("published").isNotNull().and(col("published").notEqual(col("total"))),
                        lit(QualityFlag.TOTAL_MISMATCH.code())).as(Column.OBS_FLAGS.columnName()),
                lit("World").as(Column.AREA_NAME.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.RECORD.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.SUB_AREA.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.STD_ERROR.columnName()),
                lit(IndicatorStep.CULTIVATION).as("inputs"));
        // year-on-year changes of the countries and of the computed totals
        Dataset<Row> series = countries.select(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        col(Column.DRUG.columnName()), Schemas.baseValue().as("v"), col(Column.ORIGIN.columnName()),
                        col(Column.AREA_NAME.columnName()))
                .unionByName(totalRows.select(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        col(Column.DRUG.columnName()), col(Column.VALUE.columnName()).as("v"),
                        col(Column.ORIGIN.columnName()), col(Column.AREA_NAME.columnName())), true)
                .filter(col(Column.TIME_PERIOD.columnName()).rlike("^[0-9]{4}$"));
        var w = Window.partitionBy(col(Column.REF_AREA.columnName()), col(Column.DRUG.columnName()))
                .orderBy(col(Column.TIME_PERIOD.columnName()));
        Dataset<Row> changes = series.withColumn("prev_v", org.apache.spark.sql.functions.lag(col("v"), 1).over(w))
                .withColumn("prev_year", org.apache.spark.sql.functions.lag(col(Column.TIME_PERIOD.columnName()), 1).over(w))
                .filter(col("prev_v").isNotNull())
                .select(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                        col(Column.DRUG.columnName()), col("v"), col("prev_v"), col("prev_year"),
                        col(Column.ORIGIN.columnName()), col(Column.AREA_NAME.columnName()))
                .flatMap(new Change(), Encoders.row(IndicatorStep.INDICATORS));
        return totalRows.unionByName(changes, true);
    }

    /** Year-on-year percent change by core's {@link ChangeRates}. */
    static final class Change implements FlatMapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;

        @Override
        public java.util.Iterator<Row> call(Row r) {
            double prev = IndicatorStep.number(r, "prev_v");
            double cur = IndicatorStep.number(r, "v");
            int y = Integer.parseInt(IndicatorStep.text(r, Column.TIME_PERIOD.columnName()));
            int py = Integer.parseInt(IndicatorStep.text(r, "prev_year"));
            if (!(prev > 0)) {
                return java.util.Collections.emptyIterator();
            }
            double pc;
            try {
                pc = ChangeRates.percentChange(prev, cur);
            } catch (DrugstatsException e) {
                return java.util.Collections.emptyIterator();
            }
            Object[] v = IndicatorStep.base(IndicatorStep.CULTIVATION + IndicatorStep.CHANGE_SUFFIX, IndicatorStep.text(r, Column.REF_AREA.columnName()), IndicatorStep.text(r, Column.TIME_PERIOD.columnName()),
                    "_T", pc, null, null,
                    Unit.PERCENT_CHANGE, IndicatorStep.text(r, Column.ORIGIN.columnName()), IndicatorStep.text(r, Column.DRUG.columnName()), "percent-change",
                    IndicatorStep.CULTIVATION);
            v[Column.SOURCE.ordinal()] = "drugstats: 100 x (V2 - V1) / V1";
            v[Column.NOTES.ordinal()] = y - py == 1 ? "change from " + py
                    : "change from " + py + " (" + (y - py) + " years: no estimate in between)";
            v[Column.AREA_NAME.ordinal()] = IndicatorStep.text(r, Column.AREA_NAME.columnName());
            return List.of(RowFactory.create(v)).iterator();
        }
    }
}
