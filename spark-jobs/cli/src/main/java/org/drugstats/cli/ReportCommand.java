package org.drugstats.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.drugstats.reports.Report;
import org.drugstats.reports.ReportSummary;
import org.drugstats.reports.model.RunResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code drugstats report}: renders the static HTML report (pages, PNG and SVG charts, CSV tables) of a run's
 * published results. The same {@link Report#render} is the last step of {@code drugstats run}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render the HTML report of a run: index.html and linked pages, charts (PNG and SVG) and a CSV "
                + "of every table, written atomically. Result files that are absent are reported as 'no data in this "
                + "run'; files that cannot be read are listed as warnings.")
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "out",
            description = "Output directory of 'drugstats run', or its results/ sub-directory (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Report directory (default: the run directory's report/). Replaced only if it is empty or a "
                    + "previous report.")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads rendering charts (default: one per processor).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path runDir = RunResults.runDirectory(results);
        Path target = out != null ? out : runDir.resolve("report");
        Report report = Report.withDefaults();
        if (threads != null) {
            report = report.withThreads(threads);
        }
        ReportSummary s = report.render(runDir, target);
        PrintWriter err = spec.commandLine().getErr();
        for (String w : s.warnings()) {
            err.println("drugstats: warning: " + w);
        }
        err.flush();
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "report: %s (%d pages, %d charts, %d tables) in %.1f s%n",
                s.outDir().resolve("index.html"), s.pages().size(), s.charts(), s.tables(), s.seconds());
        o.flush();
        return 0;
    }
}
