package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Unit;

/**
 * The quantities of {@link AggregateStep} (kg, hectares, persons, tonnes, US dollars): sums of the reported values per
 * subregion, region and world, exact ({@code decimal(38,6)}), not imputed (a country that reported no seizure is not
 * assumed to have seized the regional average); coverage is the population share (aged 15–64, same year) of the
 * reporting countries. One value per country and group: the first by status (normal first), method, source.
 */
final class AggregateSums {

    private AggregateSums() {
    }

    /** The summed aggregates, in the columns of {@link AggregateStep#AGGREGATES} without the carried areas. */
    static Dataset<Row> sums(Dataset<Row> obs, Dataset<Row> population, Dataset<Row> membership) {
        List<String> units = List.of(Unit.KILOGRAMS.code(), Unit.HECTARES.code(), Unit.PERSONS.code(), Unit.TONNES.code(),
                Unit.USD.code());
        DecimalType dec = DataTypes.createDecimalType(38, 6);
        String[] keys = Arrays.copyOf(AggregateStep.GROUP, AggregateStep.GROUP.length + 2);
        keys[AggregateStep.GROUP.length] = Column.DRUG_GROUP.columnName();
        keys[AggregateStep.GROUP.length + 1] = Column.DRUG_SUBGROUP.columnName();
        Dataset<Row> q = obs.filter(col(Column.UNIT.columnName()).isin(units.toArray()))
                .withColumn("q", Schemas.baseValue().cast(dec));
        // one value per country and group: the first by status (normal first), method, source
        org.apache.spark.sql.Column[] key = new org.apache.spark.sql.Column[keys.length + 1];
        for (int i = 0; i < keys.length; i++) {
            key[i] = col(keys[i]);
        }
        key[keys.length] = col(Column.REF_AREA.columnName());
        var w = org.apache.spark.sql.expressions.Window.partitionBy(key).orderBy(
                when(col(Column.OBS_STATUS.columnName()).equalTo("normal"), 0).otherwise(1),
                col(Column.METHOD.columnName()).asc_nulls_first(), col(Column.SOURCE.columnName()).asc_nulls_first(),
                col("q"));
        q = q.withColumn("rk", org.apache.spark.sql.functions.row_number().over(w)).filter(col("rk").equalTo(1));
        // the reporting country's population that year (0 when unknown: it then adds nothing to coverage)
        Dataset<Row> qp = q.join(population, q.col(Column.REF_AREA.columnName()).equalTo(col("p_area"))
                        .and(q.col(Column.TIME_PERIOD.columnName()).equalTo(col("p_year"))), "left")
                .withColumn("rep_pop", coalesce(col("population"), lit(0.0)).cast(dec))
                .join(membership, col(Column.REF_AREA.columnName()).equalTo(col("m_area")));
        Dataset<Row> memPop = membership.join(population, col("m_area").equalTo(col("p_area")));
        Dataset<Row> out = null;
        for (String level : List.of("subregion", "region", "world")) {
            boolean world = level.equals("world");
            org.apache.spark.sql.Column code = world ? lit(AggregateStep.WORLD) : col(level);
            org.apache.spark.sql.Column name = world ? lit("World") : col(level + "_name");
            Dataset<Row> src = world ? qp.filter(col("scheme").equalTo(AggregateStep.M49)) : qp;
            List<org.apache.spark.sql.Column> by = new ArrayList<>();
            for (String g : keys) {
                by.add(col(g));
            }
            by.add(col("scheme"));
            by.add(code.as("a_code"));
            by.add(name.as("a_name"));
            Dataset<Row> s = src.groupBy(by.toArray(new org.apache.spark.sql.Column[0])).agg(
                    org.apache.spark.sql.functions.sum(col("q")).as("total"),
                    org.apache.spark.sql.functions.count(lit(1)).as("n_with"),
                    org.apache.spark.sql.functions.sum(col("rep_pop")).as("pop_with"),
                    org.apache.spark.sql.functions.min(col(Column.ORIGIN.columnName())).as("origin"))
                    .withColumn("level", world ? lit("world")
                            : org.apache.spark.sql.functions.concat(col("scheme"), lit("_" + level)));
            Dataset<Row> m = world ? memPop.filter(col("scheme").equalTo(AggregateStep.M49)) : memPop;
            Dataset<Row> d = m.groupBy(col("scheme").as("d_scheme"), code.as("d_code"), col("p_year").as("d_year"))
                    .agg(org.apache.spark.sql.functions.sum(col("population").cast(dec)).as("pop_all"),
                            org.apache.spark.sql.functions.count(lit(1)).as("n_areas"));
            s = s.join(d, col("scheme").equalTo(col("d_scheme")).and(col("a_code").equalTo(col("d_code")))
                    .and(col(Column.TIME_PERIOD.columnName()).equalTo(col("d_year"))), "left");
            out = out == null ? s : out.unionByName(s);
        }
        return out.select(
                col(Column.INDICATOR.columnName()),
                col("a_code").as(Column.REF_AREA.columnName()),
                col(Column.TIME_PERIOD.columnName()),
                col(Column.SEX.columnName()),
                col(Column.AGE.columnName()),
                col("total").cast(DataTypes.DoubleType).as(Column.VALUE.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.LOWER.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.UPPER.columnName()),
                col(Column.UNIT.columnName()),
                lit(ObsStatus.ESTIMATED.code()).as(Column.OBS_STATUS.columnName()),
                lit("drugstats aggregation of country values").as(Column.SOURCE.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.NOTES.columnName()),
                col("origin").as(Column.ORIGIN.columnName()),
                lit(0).as(Column.UNIT_MULT.columnName()),
                col(Column.DRUG.columnName()),
                col(Column.DRUG_GROUP.columnName()),
                col(Column.DRUG_SUBGROUP.columnName()),
                lit(AggregateStep.SUM_METHOD).as(Column.METHOD.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.ADJUSTMENT.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.OBS_FLAGS.columnName()),
                col("a_name").as(Column.AREA_NAME.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.RECORD.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.SUB_AREA.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.STD_ERROR.columnName()),
                col("level"),
                when(col("pop_all").isNull().or(col("pop_all").leq(0)), lit(null).cast(DataTypes.DoubleType))
                        .otherwise(col("pop_with").cast(DataTypes.DoubleType).divide(col("pop_all").cast(DataTypes.DoubleType)))
                        .as("coverage"),
                coalesce(col("n_areas"), col("n_with")).cast(DataTypes.IntegerType).as("n_areas"),
                col("n_with").cast(DataTypes.IntegerType).as("n_with_data"),
                lit(null).cast(DataTypes.StringType).as("imputed_areas"),
                lit(null).cast(DataTypes.StringType).as("carried_areas"));
    }
}
