package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Unit;
import org.drugstats.core.supply.PriceCategories;

/**
 * Prices put to use (UNODC <i>World Drug Report</i> annex 8.1, ingest kind {@code unodc-annex-prices}):
 * <ul>
 * <li>{@value #ADJUSTED}{@code _retail} and {@code _wholesale}: the typical price per gram divided by the typical
 * purity of the same country, year, drug and level of sale, 100 × price / purity (US$ per gram of pure drug), where
 * both are published (purity in percent, above 0); keys published as several records are left out, and so are
 * purities flagged {@code possible-fraction} (every published figure at most 1: perhaps a fraction of 1 under a
 * percent unit, see the ingest kind).</li>
 * <li>{@value #VALUE}: the value of what was seized, {@code seizures_total} (kg) × 1,000 × the typical wholesale
 * price per gram of the same country and year (core {@link PriceCategories}: which Drug prices which category),
 * with the range from the published minimum and maximum prices; for countries and the world (the countries valued,
 * {@code n_with_data}). A value of seizures at wholesale prices, <b>not</b> an estimate of illicit financial flows.
 * </li>
 * </ul>
 */
public final class SupplyValueStep {

    public static final String ADJUSTED = "price_purity_adjusted";
    public static final String VALUE = "seizures_value_wholesale";

    private static final DecimalType USD = DataTypes.createDecimalType(38, 6);

    private SupplyValueStep() {
    }

    /** Both row sets, schema {@link IndicatorStep#INDICATORS} plus {@value SeizureCategoryStep#N_WITH_DATA}. */
    public static Dataset<Row> run(Dataset<Row> obs) {
        return purityAdjusted(obs).unionByName(seizureValue(obs), true);
    }

    private static Dataset<Row> single(Dataset<Row> obs, String indicator, Unit unit) {
        return obs.filter(col(Column.INDICATOR.columnName()).equalTo(indicator)
                .and(col(Column.UNIT.columnName()).equalTo(unit.code()))
                .and(col(Column.VALUE.columnName()).isNotNull())
                .and(col(Column.RECORD.columnName()).isNull()));
    }

    static Dataset<Row> purityAdjusted(Dataset<Row> obs) {
        Dataset<Row> out = null;
        for (String level : List.of("retail", "wholesale")) {
            Dataset<Row> p = single(obs, "price_" + level, Unit.USD_PER_GRAM);
            Dataset<Row> q = single(obs, "purity_" + level, Unit.PERCENT)
                    .filter(col(Column.VALUE.columnName()).gt(0))
                    // a purity that may be a fraction of 1 under a percent unit would inflate the price 100-fold
                    .filter(org.apache.spark.sql.functions.not(coalesce(col(Column.OBS_FLAGS.columnName()), lit(""))
                            .contains(QualityFlag.POSSIBLE_FRACTION.code())))
                    .select(col(Column.REF_AREA.columnName()).as("q_area"), col(Column.TIME_PERIOD.columnName()).as("q_year"),
                            col(Column.DRUG.columnName()).as("q_drug"), col(Column.VALUE.columnName()).as("purity"));
            Dataset<Row> j = p.join(q, col(Column.REF_AREA.columnName()).equalTo(col("q_area"))
                    .and(col(Column.TIME_PERIOD.columnName()).equalTo(col("q_year")))
                    .and(col(Column.DRUG.columnName()).equalTo(col("q_drug"))));
            Dataset<Row> rows = j.select(
                    lit(ADJUSTED + "_" + level).as(Column.INDICATOR.columnName()),
                    col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                    lit("T").as(Column.SEX.columnName()), lit("_T").as(Column.AGE.columnName()),
                    col(Column.VALUE.columnName()).multiply(100).divide(col("purity")).as(Column.VALUE.columnName()),
                    lit(null).cast(DataTypes.DoubleType).as(Column.LOWER.columnName()),
                    lit(null).cast(DataTypes.DoubleType).as(Column.UPPER.columnName()),
                    lit(Unit.USD_PER_GRAM.code()).as(Column.UNIT.columnName()),
                    lit(ObsStatus.ESTIMATED.code()).as(Column.OBS_STATUS.columnName()),
                    lit("drugstats: 100 x typical price per gram / typical purity (%)").as(Column.SOURCE.columnName()),
                    format_string("price %s US$/g at purity %s%% (" + level + ")", col(Column.VALUE.columnName())
                            .cast(DataTypes.StringType), col("purity").cast(DataTypes.StringType))
                            .as(Column.NOTES.columnName()),
                    col(Column.ORIGIN.columnName()), lit(0).as(Column.UNIT_MULT.columnName()),
                    col(Column.DRUG.columnName()), col(Column.DRUG_GROUP.columnName()),
                    col(Column.DRUG_SUBGROUP.columnName()),
                    lit("price-over-purity").as(Column.METHOD.columnName()),
                    lit(null).cast(DataTypes.StringType).as(Column.ADJUSTMENT.columnName()),
                    lit(null).cast(DataTypes.StringType).as(Column.OBS_FLAGS.columnName()),
                    col(Column.AREA_NAME.columnName()),
                    lit(null).cast(DataTypes.StringType).as(Column.RECORD.columnName()),
                    lit("price_" + level + ";purity_" + level).as("inputs"),
                    lit(null).cast(DataTypes.IntegerType).as(SeizureCategoryStep.N_WITH_DATA));
            out = out == null ? rows : out.unionByName(rows, true);
        }
        return out;
    }

    static Dataset<Row> seizureValue(Dataset<Row> obs) {
        org.apache.spark.sql.Column category = lit(null).cast(DataTypes.StringType);
        org.apache.spark.sql.Column priority = lit(null).cast(DataTypes.IntegerType);
        for (Map.Entry<String, PriceCategories.Priced> e : PriceCategories.fromResources().all().entrySet()) {
            category = when(col(Column.DRUG.columnName()).equalTo(e.getKey()), lit(e.getValue().category()))
                    .otherwise(category);
            priority = when(col(Column.DRUG.columnName()).equalTo(e.getKey()), lit(e.getValue().priority()))
                    .otherwise(priority);
        }
        Dataset<Row> prices = single(obs, "price_wholesale", Unit.USD_PER_GRAM)
                .withColumn("p_cat", category).withColumn("p_rank", priority).filter(col("p_cat").isNotNull());
        var w = Window.partitionBy(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()), col("p_cat"))
                .orderBy(col("p_rank"));
        prices = prices.withColumn("rk", org.apache.spark.sql.functions.row_number().over(w)).filter(col("rk").equalTo(1))
                .select(col(Column.REF_AREA.columnName()).as("p_area"), col(Column.TIME_PERIOD.columnName()).as("p_year"),
                        col("p_cat"), col(Column.DRUG.columnName()).as("p_drug"),
                        col(Column.VALUE.columnName()).as("price"), col(Column.LOWER.columnName()).as("p_low"),
                        col(Column.UPPER.columnName()).as("p_high"), col(Column.ORIGIN.columnName()).as("p_origin"));
        Dataset<Row> kg = SeizureCategoryStep.countryTotals(obs);
        Dataset<Row> j = kg.join(prices, col(Column.REF_AREA.columnName()).equalTo(col("p_area"))
                .and(col(Column.TIME_PERIOD.columnName()).equalTo(col("p_year")))
                .and(col("category").equalTo(col("p_cat"))));
        org.apache.spark.sql.Column grams = col("kg").cast(USD).multiply(lit(1000));
        Dataset<Row> countries = j.select(col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                col(Column.AREA_NAME.columnName()), col("category"), col("family"), col(Column.ORIGIN.columnName()),
                grams.multiply(col("price").cast(USD)).cast(USD).as("v"),
                grams.multiply(col("p_low").cast(USD)).cast(USD).as("lo"),
                grams.multiply(col("p_high").cast(USD)).cast(USD).as("hi"),
                lit(1L).as("n"), concat(lit("kg "), col("kg").cast(DataTypes.StringType), lit(" x 1,000 x wholesale "),
                        col("p_drug"), lit(" "), col("price").cast(DataTypes.StringType), lit(" US$/g"),
                        when(col("p_low").isNull().and(col("p_high").isNull()), lit(" (no published range)"))
                                .otherwise(concat(lit(" (range "),
                                        coalesce(col("p_low").cast(DataTypes.StringType), lit("?")), lit("-"),
                                        coalesce(col("p_high").cast(DataTypes.StringType), lit("?")), lit(")"))))
                        .as("detail"));
        Dataset<Row> world = countries.groupBy(col(Column.TIME_PERIOD.columnName()), col("category"), col("family"))
                .agg(sum(col("v")).cast(USD).as("v"),
                        // the world range only when every valued country has one
                        when(count(col("lo")).equalTo(count(lit(1))), sum(col("lo"))).cast(USD).as("lo"),
                        when(count(col("hi")).equalTo(count(lit(1))), sum(col("hi"))).cast(USD).as("hi"),
                        countDistinct(col(Column.REF_AREA.columnName())).as("n"),
                        min(col(Column.ORIGIN.columnName())).as(Column.ORIGIN.columnName()))
                .withColumn(Column.REF_AREA.columnName(), lit(AggregateStep.WORLD))
                .withColumn(Column.AREA_NAME.columnName(), lit("World"))
                .withColumn("detail", format_string("sum over the %d countries with both seizures and a wholesale price "
                        + "per gram that year (countries without a price are not valued); range only where every "
                        + "valued country publishes one", col("n")));
        return countries.unionByName(world, true).select(
                lit(VALUE).as(Column.INDICATOR.columnName()),
                col(Column.REF_AREA.columnName()), col(Column.TIME_PERIOD.columnName()),
                lit("T").as(Column.SEX.columnName()), lit("_T").as(Column.AGE.columnName()),
                col("v").cast(DataTypes.DoubleType).as(Column.VALUE.columnName()),
                col("lo").cast(DataTypes.DoubleType).as(Column.LOWER.columnName()),
                col("hi").cast(DataTypes.DoubleType).as(Column.UPPER.columnName()),
                lit(Unit.USD.code()).as(Column.UNIT.columnName()),
                lit(ObsStatus.ESTIMATED.code()).as(Column.OBS_STATUS.columnName()),
                lit("drugstats: value of seizures at wholesale prices (seizures_total x wholesale price per gram); "
                        + "not an estimate of illicit financial flows").as(Column.SOURCE.columnName()),
                col("detail").as(Column.NOTES.columnName()),
                col(Column.ORIGIN.columnName()), lit(0).as(Column.UNIT_MULT.columnName()),
                col("category").as(Column.DRUG.columnName()), col("family").as(Column.DRUG_GROUP.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.DRUG_SUBGROUP.columnName()),
                lit("kg-x-wholesale-price").as(Column.METHOD.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.ADJUSTMENT.columnName()),
                // annex 8.1 publishes some typical prices outside their own minimum-maximum range (e.g. Poland
                // 2021 heroin): the value keeps the publisher's range and says so, as the extracts do
                when(col("lo").gt(col("v")).or(col("v").gt(col("hi"))).or(col("lo").gt(col("hi"))),
                        lit(QualityFlag.BEST_OUTSIDE_BOUNDS.code())).otherwise(lit(null).cast(DataTypes.StringType))
                        .as(Column.OBS_FLAGS.columnName()),
                col(Column.AREA_NAME.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.RECORD.columnName()),
                lit(SeizureCategoryStep.INDICATOR + ";price_wholesale").as("inputs"),
                col("n").cast(DataTypes.IntegerType).as(SeizureCategoryStep.N_WITH_DATA));
    }
}
