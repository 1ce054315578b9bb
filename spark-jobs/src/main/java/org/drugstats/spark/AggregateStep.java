package org.drugstats.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Unit;
import org.drugstats.core.results.ResultColumns;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.stats.aggregate.AggregateLevel;
import org.drugstats.core.stats.aggregate.AggregationState;

/**
 * Step 2, aggregate: country observations to UNODC subregions and regions, M49 subregions and regions, and the
 * world, per indicator, year, sex, age and drug, with coverage, imputation and bounds.
 *
 * <p><b>Rates</b> (unit percent, age base 15-64): population-weighted means by core's mergeable
 * {@link AggregationState} — countries without data are imputed from their subregion's (else region's, else the
 * world's) mean, coverage is the population share with data, and the value is withheld (flag
 * {@code low-coverage}) below {@code aggregate.min_coverage}. Weights: the population aged 15–64 of the same year;
 * every country with a population that year is a member, with or without data ({@link AggregateRates}).
 *
 * <p><b>Quantities</b> (kg, hectares, persons, counts): sums of the reported values, exact ({@code decimal(38,6)}),
 * not imputed (a country that reported no seizure is not assumed to have seized the regional average); coverage is
 * again the population share of the reporting countries ({@link AggregateSums}).
 *
 * <p>Other units (ratios, per-capita rates, years) and rates on another age base are not aggregated.
 */
public final class AggregateStep {

    /** Membership of countries in aggregates: one row per (scheme, country). */
    public static final StructType MEMBERSHIP = DataTypes.createStructType(new StructField[] {
        Schemas.field("scheme", DataTypes.StringType, false),
        Schemas.field("ref_area", DataTypes.StringType, false),
        Schemas.field("subregion", DataTypes.StringType, false),
        Schemas.field("subregion_name", DataTypes.StringType, false),
        Schemas.field("region", DataTypes.StringType, false),
        Schemas.field("region_name", DataTypes.StringType, false)});

    /** The UNODC scheme (subregions and regions of the World Drug Report). */
    public static final String UNODC = "unodc";
    /** The M49 scheme (its world aggregate is the published world). */
    public static final String M49 = "m49";

    /** The world's code. */
    public static final String WORLD = "WLD";

    /** The population indicator used as weight. */
    public static final String POPULATION = "population_15_64";

    /**
     * Aggregates: the canonical schema plus level, coverage, n_areas, n_with_data, imputed_areas. The canonical
     * {@code method} column names the aggregation method ({@link #RATE_METHOD} or {@link #SUM_METHOD}).
     */
    public static final StructType AGGREGATES = Schemas.of(ResultTable.AGGREGATES);

    /**
     * Rates: population-weighted mean (weights: population aged 15-64 of the year); countries without data imputed
     * with their subregion's mean (else region's, else world's); bounds: the same weighted sums of the lower and
     * upper bounds (perfect correlation).
     */
    public static final String RATE_METHOD = "weighted-mean-imputed";
    /**
     * Quantities: sum of reported values; countries without data not imputed; coverage = population share (aged
     * 15-64) of the reporting countries.
     */
    public static final String SUM_METHOD = "sum-of-reported";

    private AggregateStep() {
    }

    /** The {@code source} of every aggregate row. */
    static final String SOURCE = "drugstats aggregation of country values";

    /** The columns the group function reads, in this order (the last is value × 10^unit_mult). */
    static final int IN_INDICATOR = 0;
    static final int IN_AREA = 1;
    static final int IN_TIME = 2;
    static final int IN_SEX = 3;
    static final int IN_AGE = 4;
    static final int IN_VALUE = 5;
    static final int IN_LOWER = 6;
    static final int IN_UPPER = 7;
    static final int IN_UNIT = 8;
    static final int IN_STATUS = 9;
    static final int IN_ORIGIN = 10;
    static final int IN_DRUG = 11;
    static final int IN_DRUG_GROUP = 12;
    static final int IN_DRUG_SUBGROUP = 13;
    static final int IN_METHOD = 14;
    static final int IN_SOURCE = 15;
    static final int IN_BASE = 16;
    private static final Column[] IN = {Column.INDICATOR, Column.REF_AREA, Column.TIME_PERIOD, Column.SEX, Column.AGE,
        Column.VALUE, Column.LOWER, Column.UPPER, Column.UNIT, Column.OBS_STATUS, Column.ORIGIN, Column.DRUG,
        Column.DRUG_GROUP, Column.DRUG_SUBGROUP, Column.METHOD, Column.SOURCE};

    /** The units summed (quantities). */
    static final List<String> SUM_UNITS = List.of(Unit.KILOGRAMS.code(), Unit.HECTARES.code(), Unit.PERSONS.code(),
            Unit.TONNES.code(), Unit.USD.code());

    /**
     * The aggregates of {@code observations} (canonical columns).
     *
     * <p>One pass: the rows to aggregate are shuffled once, by group — rates by (indicator, sex, age, drug, unit),
     * all years together since a year's aggregate may take a country's value of an earlier year; quantities by
     * (indicator, time period, sex, age, drug, unit, drug group, drug subgroup) — and each group is aggregated in
     * plain Java ({@link AggregateRates}, {@link AggregateSums}). The membership and the population aged 15–64 are
     * small (about 500 and a few thousand rows): they are collected once on the driver ({@link AggregateTables})
     * and travel with the function instead of being joined to every row. Every choice inside a group is a total
     * order, so the rows do not depend on the order the group's rows arrive in or on the partitioning. Why: the
     * SQL formulation (row_number windows, joins with population and membership, three levels × two schemes of
     * groupBy, a collect_list per level) spent its time sorting UnsafeRows and compiling plans; on {@code data/}
     * (386,719 rows in, 55,968 out) the step went from 68 Spark jobs and 264 code generations to 10 and 32, and from
     * 45.0 to 11.0 s under the same load (about 6; BENCHMARKS.md, "The aggregation as one keyed pass").
     *
     * @param observations accepted country observations (other rows, e.g. published aggregates, are ignored:
     *     only ref_areas in the membership take part)
     * @param membership rows of {@link #MEMBERSHIP}
     * @param minCoverage minimum population coverage of a rate aggregate
     * @param window a rate aggregate of year Y takes each country's latest value of years Y − window .. Y (0: the
     *     same year only); countries whose value comes from an earlier year are listed in {@code carried_areas}
     */
    public static Dataset<Row> run(Dataset<Row> observations, Dataset<Row> membership, double minCoverage, int window) {
        Dataset<Row> obs = observations
                .filter(col(Column.VALUE.columnName()).isNotNull())
                .filter(org.apache.spark.sql.functions.not(coalesce(col(Column.OBS_FLAGS.columnName()), lit(""))
                        .contains(QualityFlag.PUBLISHED_AGGREGATE.code())));
        AggregateTables tables = AggregateTables.collect(obs, membership);
        org.apache.spark.sql.Column tp = col(Column.TIME_PERIOD.columnName());
        org.apache.spark.sql.Column rate = col(Column.UNIT.columnName()).equalTo(Unit.PERCENT.code())
                .and(col(Column.AGE.columnName()).equalTo("15-64"))
                .and(col(Column.SEX.columnName()).equalTo("T"))
                .and(tp.rlike("^[0-9]{4}(/[0-9]{2})?$"));
        org.apache.spark.sql.Column sum = col(Column.UNIT.columnName()).isin(SUM_UNITS.toArray());
        List<org.apache.spark.sql.Column> in = new ArrayList<>();
        for (Column c : IN) {
            in.add(col(c.columnName()));
        }
        in.add(Schemas.baseValue().as("base"));
        Dataset<Row> rows = obs.filter(rate.or(sum)).select(in.toArray(new org.apache.spark.sql.Column[0]));
        return rows.groupByKey(new GroupKey(), Encoders.STRING())
                .flatMapGroups(new AggregateGroup(tables, minCoverage, window), Encoders.row(output(observations.schema())));
    }

    /**
     * {@link #AGGREGATES} with the nullability the published table has always had: a group column is nullable
     * when it is in the input or in {@link #AGGREGATES}; origin, value and coverage are nullable.
     */
    static StructType output(StructType input) {
        List<String> groupColumns = List.of(Column.INDICATOR.columnName(), Column.TIME_PERIOD.columnName(),
                Column.SEX.columnName(), Column.AGE.columnName(), Column.UNIT.columnName(), Column.DRUG.columnName(),
                Column.DRUG_GROUP.columnName(), Column.DRUG_SUBGROUP.columnName());
        List<StructField> f = new ArrayList<>();
        for (StructField a : AGGREGATES.fields()) {
            boolean nullable = a.nullable()
                    || groupColumns.contains(a.name()) && Arrays.asList(input.fieldNames()).contains(a.name())
                            && input.apply(a.name()).nullable()
                    || a.name().equals(Column.ORIGIN.columnName()) || a.name().equals(Column.VALUE.columnName())
                    || a.name().equals(ResultColumns.COVERAGE);
            f.add(DataTypes.createStructField(a.name(), a.dataType(), nullable));
        }
        return DataTypes.createStructType(f);
    }

    /**
     * The group of a row, as text: "R" and (indicator, sex, age, drug, unit) for a rate, "Q" and (indicator, time
     * period, sex, age, drug, unit, drug group, drug subgroup) for a quantity; each part as its length, ':' and the
     * text, or '-' when null, so that no two groups share a key.
     */
    static final class GroupKey implements MapFunction<Row, String> {
        private static final long serialVersionUID = 1L;

        @Override
        public String call(Row r) {
            boolean rate = Unit.PERCENT.code().equals(r.getString(IN_UNIT));
            int[] parts = rate ? new int[] {IN_INDICATOR, IN_SEX, IN_AGE, IN_DRUG, IN_UNIT}
                    : new int[] {IN_INDICATOR, IN_TIME, IN_SEX, IN_AGE, IN_DRUG, IN_UNIT, IN_DRUG_GROUP, IN_DRUG_SUBGROUP};
            StringBuilder b = new StringBuilder(rate ? "R" : "Q");
            for (int i : parts) {
                if (r.isNullAt(i)) {
                    b.append('-');
                } else {
                    String s = r.getString(i);
                    b.append(s.length()).append(':').append(s);
                }
            }
            return b.toString();
        }
    }

    /** Every aggregate row of one group: {@link AggregateRates} or {@link AggregateSums}. */
    static final class AggregateGroup implements FlatMapGroupsFunction<String, Row, Row> {
        private static final long serialVersionUID = 1L;
        private final AggregateTables tables;
        private final double minCoverage;
        private final int window;

        AggregateGroup(AggregateTables tables, double minCoverage, int window) {
            this.tables = tables;
            this.minCoverage = minCoverage;
            this.window = window;
        }

        @Override
        public Iterator<Row> call(String key, Iterator<Row> rows) {
            if (!rows.hasNext()) {
                return java.util.Collections.emptyIterator();
            }
            Row first = rows.next();
            Iterator<Row> all = new Iterator<>() {
                private boolean head = true;

                @Override
                public boolean hasNext() {
                    return head || rows.hasNext();
                }

                @Override
                public Row next() {
                    if (head) {
                        head = false;
                        return first;
                    }
                    return rows.next();
                }
            };
            List<Row> out = key.charAt(0) == 'R' ? AggregateRates.aggregate(first, all, tables, minCoverage, window)
                    : AggregateSums.aggregate(first, all, tables);
            return out.iterator();
        }
    }

    /** The level label of a scheme and core level (for documentation and tests). */
    static String level(String scheme, AggregateLevel l) {
        return l == AggregateLevel.WORLD ? "world" : scheme + "_" + l.label().toLowerCase(Locale.ROOT);
    }
}
