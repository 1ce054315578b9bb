package org.drugstats.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.Unit;
import org.drugstats.core.stats.trend.ChangeRates;

/**
 * The coca cultivation indicators of {@link IndicatorStep}: the world total as the sum of the country estimates
 * (exact, {@code decimal(38,6)}; published aggregates excluded), compared with the published world total
 * ({@code total-mismatch} where they differ, the difference in the note), and the year-on-year percent change
 * 100 × (V2 − V1) / V1 of every country and of the computed total (core's {@link ChangeRates}). The totals and
 * the series are assembled by {@link IndicatorGroups#cultivation}; the change of two points is here.
 */
final class CultivationIndicators {

    private CultivationIndicators() {
    }

    /**
     * Year-on-year percent change by core's {@link ChangeRates}: the row of {@code period} against
     * {@code prevYear}, or null where the earlier value is not above 0 or core declines the change.
     */
    static Row change(String area, String period, String drug, double cur, double prev, String prevYear,
            String origin, String areaName) {
        int y = Integer.parseInt(period);
        int py = Integer.parseInt(prevYear);
        if (!(prev > 0)) {
            return null;
        }
        double pc;
        try {
            pc = ChangeRates.percentChange(prev, cur);
        } catch (DrugstatsException e) {
            return null;
        }
        Object[] v = IndicatorStep.base(IndicatorStep.CULTIVATION + IndicatorStep.CHANGE_SUFFIX, area, period, "_T",
                pc, null, null, Unit.PERCENT_CHANGE, origin, drug, "percent-change", IndicatorStep.CULTIVATION);
        v[Column.SOURCE.ordinal()] = "drugstats: 100 x (V2 - V1) / V1";
        v[Column.NOTES.ordinal()] = y - py == 1 ? "change from " + py
                : "change from " + py + " (" + (y - py) + " years: no estimate in between)";
        v[Column.AREA_NAME.ordinal()] = areaName;
        return RowFactory.create(v);
    }
}
