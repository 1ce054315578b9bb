package org.drugstats.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.drugstats.reports.chart.BuiltChart;
import org.drugstats.reports.chart.ChartText;
import org.drugstats.reports.chart.PointKind;
import org.drugstats.reports.chart.ReportTheme;
import org.drugstats.reports.chart.TimeSeriesBandChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportAssetsTest {

    private static final ReportTheme THEME = ReportTheme.standard();

    @TempDir
    Path dir;

    private static BuiltChart chart(String title) {
        return TimeSeriesBandChart.build(THEME, ChartText.of(title, null, "Year", "Hectares", "test"),
                List.of(new TimeSeriesBandChart.Series("A", List.of(
                        new TimeSeriesBandChart.Point(2020, 1, Double.NaN, Double.NaN, PointKind.OBSERVED),
                        new TimeSeriesBandChart.Point(2021, 2, Double.NaN, Double.NaN, PointKind.OBSERVED)))));
    }

    @Test
    void chartsAndBackgroundJobsAreWrittenByTheTimeAwaitReturns() throws Exception {
        try (ReportAssets a = new ReportAssets(dir, THEME, 2)) {
            for (int i = 0; i < 5; i++) {
                Figure f = a.chart("c" + i, chart("Chart " + i), "caption");
                assertEquals("charts/c" + i + ".png", f.png());
            }
            a.inBackground(() -> {
                try {
                    Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("x.txt"), "x");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            a.awaitCharts();
            assertEquals(5, a.chartCount());
        }
        for (int i = 0; i < 5; i++) {
            assertTrue(Files.size(dir.resolve("charts/c" + i + ".png")) > 0);
            assertTrue(Files.size(dir.resolve("charts/c" + i + ".svg")) > 0);
        }
        assertEquals("x", Files.readString(dir.resolve("data/x.txt")));
    }

    @Test
    void theFirstFailureInSubmissionOrderIsReported() {
        try (ReportAssets a = new ReportAssets(dir, THEME, 3)) {
            a.chart("fine", chart("Fine"), "caption");
            a.chart("Bad Name", chart("Bad"), "caption");
            a.chart("Worse Name", chart("Worse"), "caption");
            DrugstatsException e = assertThrows(DrugstatsException.class, a::awaitCharts);
            assertTrue(e.getMessage().contains("'Bad Name'"), e.getMessage());
        }
    }

    @Test
    void duplicateNamesAndZeroThreadsAreRefused() {
        assertThrows(DrugstatsException.class, () -> new ReportAssets(dir, THEME, 0));
        try (ReportAssets a = new ReportAssets(dir, THEME, 1)) {
            a.chart("c", chart("C"), "caption");
            DrugstatsException e = assertThrows(DrugstatsException.class, () -> a.chart("c", chart("C"), "again"));
            assertTrue(e.getMessage().contains("two assets are named 'chart c'"), e.getMessage());
        }
    }
}
