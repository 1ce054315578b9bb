package org.drugstats.reports.pages;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.model.ResultObservation;
import org.drugstats.reports.model.RunResults;
import org.drugstats.reports.model.TrendRow;

/**
 * The counts of a run that more than one page shows, each computed once here with its definition, so that the
 * Overview, Quality and Trends pages print the same number in the same words ("29,667 trend models …" on one
 * page cannot meet "29,979 rows" on another without saying that one counts models and the other segments).
 *
 * @param observations accepted input rows ({@code results/observations})
 * @param aggregates regional and world rows ({@code results/aggregates})
 * @param indicators derived indicator rows ({@code results/indicators})
 * @param trendModels distinct (series, method) pairs in {@code results/trends}: one joinpoint, log-linear or
 *     Mann–Kendall model of one series, fitted or not (a model that could not be fitted has one row with a note)
 * @param trendRows rows of {@code results/trends}: one per segment of a fitted model, one per test
 * @param trendSeries distinct series (indicator, area, sub-area, sex, age, drug, unit) with at least one model
 * @param fittedSeries series with a successfully fitted joinpoint or log-linear model (one row each in the Trends
 *     page's summary table)
 * @param quarantined rows the run set aside with a reason ({@code quarantine/*.csv})
 * @param imputedRows rows of observations and derived indicators whose value was imputed
 * @param estimatedRows rows of observations and derived indicators marked estimated
 * @param countriesImputed distinct areas imputed in at least one aggregate (any indicator)
 */
public record RunCounts(long observations, long aggregates, long indicators, long trendModels, long trendRows,
        long trendSeries, long fittedSeries, long quarantined, long imputedRows, long estimatedRows, long countriesImputed) {

    /** Counts of a run; {@code fitted} is {@link TrendSeries#fitted} of the same run. */
    static RunCounts of(RunResults run, List<TrendSeries> fitted) {
        Set<String> models = new HashSet<>();
        Set<String> series = new HashSet<>();
        for (TrendRow t : run.trends()) {
            models.add(t.seriesId() + "\u0000" + t.method());
            series.add(seriesKey(t));
        }
        long imputed = 0;
        long estimated = 0;
        for (List<ResultObservation> l : List.of(run.observations(), run.indicators())) {
            for (ResultObservation o : l) {
                if (o.imputed()) {
                    imputed++;
                } else if ("estimated".equals(o.obsStatus())) {
                    estimated++;
                }
            }
        }
        Set<String> areas = new HashSet<>();
        for (ResultObservation o : run.aggregates()) {
            areas.addAll(imputedAreas(o));
        }
        return new RunCounts(run.observations().size(), run.aggregates().size(), run.indicators().size(),
                models.size(), run.trends().size(), series.size(), TrendSeries.preferred(fitted).size(),
                run.quarantine().stream().mapToLong(q -> q.rows()).sum(), imputed, estimated, areas.size());
    }

    /** The areas named in an aggregate's {@code imputed_areas} (semicolon-separated). */
    static Set<String> imputedAreas(ResultObservation o) {
        Set<String> out = new java.util.LinkedHashSet<>();
        if (o.imputedAreas() != null) {
            for (String a : o.imputedAreas().split(";")) {
                if (!a.isBlank()) {
                    out.add(a.trim());
                }
            }
        }
        return out;
    }

    /** A series without its model, as {@link TrendSeries#key}. */
    private static String seriesKey(TrendRow r) {
        return new TrendSeries(r.seriesId(), r.method(), List.of(r), List.of()).key();
    }

    /**
     * The trend counts in one sentence, the same on every page that shows them: "2,483 series with a fitted trend,
     * of 24,000 series tested; 70,666 models (joinpoint, log-linear, Mann–Kendall, fitted or not) in 71,110 rows
     * of results/trends (one per segment or test)".
     */
    public String trendsText() {
        return Numbers.fixed(fittedSeries, 0) + " series with a fitted trend (joinpoint, else log-linear), of "
                + Numbers.fixed(trendSeries, 0) + " series with a trend model; " + Numbers.fixed(trendModels, 0)
                + " models (joinpoint, log-linear or Mann\u2013Kendall, fitted or not) in "
                + Numbers.fixed(trendRows, 0) + " rows of results/trends (one row per segment or test)";
    }

    /** "3 rows imputed …; 200 countries imputed in aggregates …": the two counts side by side with definitions. */
    public String imputedText() {
        return Numbers.fixed(imputedRows, 0) + " published or derived rows with an imputed value; "
                + Numbers.fixed(countriesImputed, 0) + " countries imputed inside at least one regional or world "
                + "aggregate (a country without data takes its region's value there; its own rows stay empty)";
    }
}
