package org.drugstats.core.tracker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.drugstats.core.DrugstatsException;

/**
 * A yearly series that bears on a challenge, as the tracker reads it: what it is ({@code indicator}, a readable
 * {@code label}), where ({@code refArea}, {@code areaName}), in which unit, where it comes from ({@code source}),
 * how much of the area the data cover ({@code coverage}, free text such as "57 of 193 countries reporting") and
 * where in the report it is shown ({@code link}), and what a reader must know to read it ({@code caveat}, one
 * sentence appended to the verdict, empty when none). Values are sorted by year; a year appears once.
 */
public record TrackedSeries(String indicator, String label, String refArea, String areaName, String unit,
        String source, String coverage, String link, List<YearValue> values, String caveat) {

    /** A series without a caveat. */
    public TrackedSeries(String indicator, String label, String refArea, String areaName, String unit,
            String source, String coverage, String link, List<YearValue> values) {
        this(indicator, label, refArea, areaName, unit, source, coverage, link, values, "");
    }

    public TrackedSeries {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(refArea, "refArea");
        label = label == null ? indicator : label;
        areaName = areaName == null ? refArea : areaName;
        unit = unit == null ? "" : unit;
        source = source == null ? "" : source;
        coverage = coverage == null ? "" : coverage;
        link = link == null ? "" : link;
        caveat = caveat == null ? "" : caveat.strip();
        List<YearValue> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(YearValue::year));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).year() == sorted.get(i - 1).year()) {
                throw DrugstatsException.of("tracked series %s %s has two values for %d", indicator, refArea,
                        sorted.get(i).year());
            }
        }
        values = List.copyOf(sorted);
    }
}
