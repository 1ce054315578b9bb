package org.drugstats.core.results;

/**
 * Where a run's outputs are, relative to its output directory ({@code out/} by default). The pipeline writes this
 * layout and the report reads it; {@code spark-jobs/RESULTS.md} describes it for people.
 *
 * <pre>
 * manifest.json                      the run manifest ({@link Manifest})
 * quarantine/NAME.csv                rows set aside, one file per input
 * results/TABLE/part-00000.parquet   one Parquet file per result table ({@link ResultTable})
 * results/inequality.json            the inequality summary
 * report/                            the HTML report
 * </pre>
 */
public final class ResultsLayout {

    /** The run manifest. */
    public static final String MANIFEST = "manifest.json";
    /** The directory of the quarantine files. */
    public static final String QUARANTINE = "quarantine";
    /** The directory of the result tables. */
    public static final String RESULTS = "results";
    /** The one data file of each result table's directory. */
    public static final String PART_FILE = "part-00000.parquet";
    /** The inequality summary (JSON). */
    public static final String INEQUALITY_JSON = RESULTS + "/inequality.json";
    /** Gini, readings and conversion factors of the morphine-equivalent Lorenz curve (results/inequality_me). */
    public static final String INEQUALITY_ME_JSON = RESULTS + "/inequality_me.json";
    /** The HTML report. */
    public static final String REPORT = "report";

    private ResultsLayout() {
    }
}
