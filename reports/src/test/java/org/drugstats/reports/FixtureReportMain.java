package org.drugstats.reports;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the test fixture's results into a directory and renders its report there ({@code DIR/report}); used by
 * {@code .ci/browser-check.sh} and to look at the report while working on it.
 * Usage: {@code FixtureReportMain DIR}.
 */
public final class FixtureReportMain {

    private FixtureReportMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: FixtureReportMain DIR");
            System.exit(2);
        }
        Path run = ResultsFixture.write(Path.of(args[0]));
        ReportSummary s = Report.withDefaults().withHeadlines(ResultsFixture.headlines())
                .render(run, run.resolve("report"));
        System.out.printf(Locale.ROOT, "report: %s (%d pages, %d charts, %d tables) in %.2f s %s%n", s.outDir(),
                s.pages().size(), s.charts(), s.tables(), s.seconds(), s.phases());
    }
}
