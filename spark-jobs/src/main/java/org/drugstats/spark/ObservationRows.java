package org.drugstats.spark;

import org.apache.spark.sql.Row;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;

/**
 * A row of the canonical extract columns ({@link Schemas#EXTRACT_COLUMNS}, in that order) as core's
 * {@link Observation}, for the steps that collect a few thousand rows and compute on the driver with core. One
 * converter, so that every such step reads the same fields: key, value with its bounds, unit, status, flags, origin,
 * drug, method, notes, area name and record.
 */
final class ObservationRows {

    private ObservationRows() {
    }

    /** The observation of a canonical row. */
    static Observation of(Row r) {
        Observation.Builder b = Observation.builder()
                .indicator(r.getString(Column.INDICATOR.ordinal()))
                .refArea(r.getString(Column.REF_AREA.ordinal()))
                .timePeriod(r.getString(Column.TIME_PERIOD.ordinal()))
                .sex(Sex.ofCode(r.getString(Column.SEX.ordinal())))
                .age(r.getString(Column.AGE.ordinal()))
                .value(dbl(r, Column.VALUE))
                .lower(dbl(r, Column.LOWER))
                .upper(dbl(r, Column.UPPER))
                .unit(Unit.ofCode(r.getString(Column.UNIT.ordinal())))
                .unitMult(r.getInt(Column.UNIT_MULT.ordinal()))
                .obsStatus(ObsStatus.ofCode(r.getString(Column.OBS_STATUS.ordinal())))
                .origin(r.getString(Column.ORIGIN.ordinal()))
                .drug(str(r, Column.DRUG))
                .method(str(r, Column.METHOD))
                .notes(str(r, Column.NOTES))
                .areaName(str(r, Column.AREA_NAME))
                .record(str(r, Column.RECORD));
        String flags = str(r, Column.OBS_FLAGS);
        if (flags != null) {
            b.flags(QualityFlag.parseAll(flags));
        }
        return b.build();
    }

    private static Double dbl(Row r, Column c) {
        return r.isNullAt(c.ordinal()) ? null : r.getDouble(c.ordinal());
    }

    private static String str(Row r, Column c) {
        return r.isNullAt(c.ordinal()) ? null : r.getString(c.ordinal());
    }
}
