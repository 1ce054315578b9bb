package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.SeizureEventCodes;
import org.drugstats.core.data.SeizureEvents;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;

/**
 * Derives country × drug × year seizure totals (indicator {@value #INDICATOR}, kilograms) from record-level
 * seizure events: one observation per (input, ref_area, year, drug_group, drug_subgroup, drug) with the sum of
 * the events' kilograms and their number.
 *
 * <p>Sums are exact: each event is converted to whole milligrams, floor(kg·10⁶ + 0.5) as
 * {@link SeizureEvents#milligrams} does (Spark's {@code round} on a double goes through {@code BigDecimal} and made
 * the step several times slower), and summed as a 64-bit integer, so the total does not depend on the order in
 * which Spark adds partial sums (a double sum would differ in its last bits between runs and between a laptop and
 * a cluster).
 *
 * <p>Coded inputs ({@link EventCodes}) are grouped by their integer area and drug codes, the names attached to
 * the totals afterwards; inputs without codes by their names. Both give the same totals.
 */
public final class SeizureTotalsStep {

    /** The catalog's indicator id for kilograms seized. */
    public static final String INDICATOR = "seizures_quantity";

    /** Event count column (the number of events behind each total). */
    public static final String EVENTS = "events";

    private SeizureTotalsStep() {
    }

    /**
     * Totals by group, before conversion to observations: input, ref_area, year, drug_group, drug_subgroup,
     * drug, events (long), milligrams (long).
     */
    public static Dataset<Row> totals(Dataset<Row> events) {
        return totalsByName(events);
    }

    /**
     * As {@link #totals(Dataset)}, grouping by the coded keys when every input of {@code events} is coded: the
     * groups are (input, area_code, year, drug_code) — three integers instead of four strings and an integer per
     * row, which the aggregation hashes and compares (BENCHMARKS.md, "Aggregation") — and the names are attached
     * to the few groups afterwards from the dictionaries. The dictionary is a bijection between codes and names,
     * and validation has quarantined every row whose codes do not stand for its names, so the groups, the counts
     * and the sums are those of the name path ({@code SeizureTotalsCodedTest} compares both).
     *
     * @param events accepted events with their {@code area_code} and {@code drug_code} columns
     * @param inputs the input names of {@code events}
     * @param codes the dictionaries of the coded inputs ({@link EventCodes#byInput}); when an input is missing the
     *        totals are grouped by names
     */
    public static Dataset<Row> totals(Dataset<Row> events, List<String> inputs, Map<String, SeizureEventCodes> codes) {
        if (inputs.isEmpty() || !codes.keySet().containsAll(inputs)) {
            return totalsByName(events);
        }
        Dataset<Row> all = null;
        for (String input : inputs) {
            // one aggregation per input, its name a literal: the key is three integers, no string is hashed or
            // compared per row (the input column, constant within an input, cost 60% of the coded aggregation as a
            // key). The filter is folded away where the events of an input are a branch of their own (the
            // validation's reading, one branch per part file).
            Map<String, SeizureEventCodes> one = Map.of(input, codes.get(input));
            Dataset<Row> t = events.filter(col(Schemas.INPUT).equalTo(input))
                    .groupBy(col(SeizureEvents.AREA_CODE), col(SeizureEvents.YEAR), col(SeizureEvents.DRUG_CODE))
                    .agg(count(lit(1)).as(EVENTS),
                            sum(floor(col(SeizureEvents.KILOGRAMS).multiply(1e6).plus(0.5))).as("milligrams"))
                    .select(lit(input).as(Schemas.INPUT), EventCodes.area(one).as(SeizureEvents.REF_AREA),
                            col(SeizureEvents.YEAR), EventCodes.drugGroup(one).as(SeizureEvents.DRUG_GROUP),
                            EventCodes.drugSubgroup(one).as(SeizureEvents.DRUG_SUBGROUP),
                            EventCodes.drug(one).as(SeizureEvents.DRUG), col(EVENTS), col("milligrams"));
            all = all == null ? t : all.unionByName(t);
        }
        return all;
    }

    private static Dataset<Row> totalsByName(Dataset<Row> events) {
        return events.groupBy(col(Schemas.INPUT), col(SeizureEvents.REF_AREA), col(SeizureEvents.YEAR),
                col(SeizureEvents.DRUG_GROUP), col(SeizureEvents.DRUG_SUBGROUP), col(SeizureEvents.DRUG))
                .agg(count(lit(1)).as(EVENTS),
                        sum(floor(col(SeizureEvents.KILOGRAMS).multiply(1e6).plus(0.5))).as("milligrams"));
    }

    /**
     * The totals as canonical observations (schema {@link ValidateStep#OBSERVATIONS}, with {@code row} 0).
     *
     * @param events accepted events ({@link ValidateStep#EVENTS})
     * @param inputs the event inputs, for their origin ids and synthetic flags
     */
    public static Dataset<Row> observations(Dataset<Row> events, List<InputFiles.Input> inputs) {
        org.apache.spark.sql.Column origin = lit(null).cast(DataTypes.StringType);
        org.apache.spark.sql.Column flags = lit(null).cast(DataTypes.StringType);
        for (InputFiles.Input in : inputs) {
            String id = in.origins().isEmpty() ? "input:" + in.name() : in.origins().get(0).id();
            origin = org.apache.spark.sql.functions.when(col(Schemas.INPUT).equalTo(in.name()), lit(id)).otherwise(origin);
            if (in.synthetic()) {
                flags = org.apache.spark.sql.functions.when(col(Schemas.INPUT).equalTo(in.name()),
                        lit(QualityFlag.SYNTHETIC.code())).otherwise(flags);
            }
        }
        Dataset<Row> t = totals(events, inputs.stream().map(InputFiles.Input::name).toList(),
                EventCodes.byInput(inputs));
        return t.select(
                lit(INDICATOR).as(Column.INDICATOR.columnName()),
                col(SeizureEvents.REF_AREA).as(Column.REF_AREA.columnName()),
                col(SeizureEvents.YEAR).cast(DataTypes.StringType).as(Column.TIME_PERIOD.columnName()),
                lit(Sex.TOTAL.code()).as(Column.SEX.columnName()),
                lit("_T").as(Column.AGE.columnName()),
                col("milligrams").divide(1e6).as(Column.VALUE.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.LOWER.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.UPPER.columnName()),
                lit(Unit.KILOGRAMS.code()).as(Column.UNIT.columnName()),
                lit(ObsStatus.NORMAL.code()).as(Column.OBS_STATUS.columnName()),
                org.apache.spark.sql.functions.concat(lit("sum of "), col(EVENTS).cast(DataTypes.StringType),
                        lit(" seizure events")).as(Column.SOURCE.columnName()),
                org.apache.spark.sql.functions.concat(lit("derived from record-level extract "), col(Schemas.INPUT))
                        .as(Column.NOTES.columnName()),
                origin.as(Column.ORIGIN.columnName()),
                lit(0).as(Column.UNIT_MULT.columnName()),
                col(SeizureEvents.DRUG).as(Column.DRUG.columnName()),
                col(SeizureEvents.DRUG_GROUP).as(Column.DRUG_GROUP.columnName()),
                col(SeizureEvents.DRUG_SUBGROUP).as(Column.DRUG_SUBGROUP.columnName()),
                lit("ids-records").as(Column.METHOD.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.ADJUSTMENT.columnName()),
                flags.as(Column.OBS_FLAGS.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.AREA_NAME.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.RECORD.columnName()),
                lit(null).cast(DataTypes.StringType).as(Column.SUB_AREA.columnName()),
                lit(null).cast(DataTypes.DoubleType).as(Column.STD_ERROR.columnName()),
                col(Schemas.INPUT),
                lit(0L).as(Schemas.ROW));
    }
}
