package org.drugstats.reports.pages;

import java.util.List;
import org.drugstats.reports.chart.ReportTheme;
import org.drugstats.reports.html.ReportAssets;
import org.drugstats.reports.model.AreaNames;
import org.drugstats.reports.model.Headline;
import org.drugstats.reports.model.RunResults;

/**
 * What every page builder reads and writes: the run's results, area names, the headline figures, the asset
 * writer and the source lines.
 */
public final class PageContext {
    final RunResults run;
    final AreaNames names;
    final ReportAssets assets;
    final Sources sources;
    final List<Headline> headlines;
    /** The run's counts, computed once for every page that shows them. */
    final RunCounts counts;
    /** Every joinpoint and log-linear model of the run ({@link TrendSeries#fitted}), read once. */
    final List<TrendSeries> fittedTrends;
    private final java.util.Map<String, String> indicatorNames;
    /** Rows by indicator|area, built on first use by {@link #trendSource}. */
    private java.util.Map<String, java.util.List<org.drugstats.reports.model.ResultObservation>> rowsBySeries;

    /**
     * @param run the results
     * @param names area names
     * @param assets where charts and tables go
     * @param headlines the catalog's headline figures (may be empty)
     * @param indicatorNames display names of indicator ids (the catalog's definitions)
     * @param runLabel how source lines name this run, e.g. "run of 2025-06-01"
     */
    public PageContext(RunResults run, AreaNames names, ReportAssets assets, List<Headline> headlines,
            java.util.Map<String, String> indicatorNames, String runLabel) {
        this.indicatorNames = java.util.Map.copyOf(indicatorNames);
        this.run = run;
        this.names = names;
        this.assets = assets;
        this.sources = new Sources(run.origins(), runLabel);
        this.headlines = List.copyOf(headlines);
        this.fittedTrends = TrendSeries.fitted(run);
        this.counts = RunCounts.of(run, fittedTrends);
    }

    /** A short name of an indicator id: the report's own label, else the catalog's name, else the id humanised. */
    String indicatorName(String id) {
        if (Labels.hasIndicator(id)) {
            return Labels.indicator(id);
        }
        String n = id == null ? null : indicatorNames.get(id);
        return n != null ? n : Labels.indicator(id);
    }

    ReportTheme theme() {
        return assets.theme();
    }

    /** The source line of a trend series: the origins of the rows with its indicator and area. */
    String trendSource(org.drugstats.reports.model.TrendRow r) {
        if (rowsBySeries == null) {
            rowsBySeries = new java.util.HashMap<>();
            for (java.util.List<org.drugstats.reports.model.ResultObservation> l : java.util.List.of(
                    run.observations(), run.aggregates(), run.indicators())) {
                for (org.drugstats.reports.model.ResultObservation o : l) {
                    rowsBySeries.computeIfAbsent(o.indicator() + "|" + o.refArea(), k -> new java.util.ArrayList<>())
                            .add(o);
                }
            }
        }
        return sources.of(rowsBySeries.getOrDefault(r.indicator() + "|" + r.refArea(), java.util.List.of()), true);
    }
}
