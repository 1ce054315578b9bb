package org.drugstats.spark;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.Origin;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.results.Manifest;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.results.ResultsLayout;

/**
 * The batch run: validate → aggregate → trends → indicators → publish (issue 5), on a session passed in.
 * Every step is one class; this class only sequences them, times them, counts rows, and hands results to the
 * {@link Publisher}. Nothing reaches OUT unless every step succeeded.
 */
public final class Pipeline {

    /**
     * What a run was asked to do.
     *
     * @param data the data directory
     * @param out the output directory
     * @param configFile the configuration file, or null for defaults
     * @param master the Spark master given on the command line, or null
     */
    public record Options(Path data, Path out, Path configFile, String master) {
    }

    private final SparkSession spark;
    private final RunConfig config;
    private final Options options;
    private final Progress progress;
    private final List<Manifest.StepEntry> steps = new ArrayList<>();
    private List<InputFiles.Input> inputs = List.of();
    private String currentStep = "inputs";

    private Pipeline(SparkSession spark, RunConfig config, Options options, Progress progress) {
        this.spark = spark;
        this.config = config;
        this.options = options;
        this.progress = progress;
    }

    /** Runs the whole pipeline and publishes atomically; returns the manifest written. */
    public static Manifest run(SparkSession spark, RunConfig config, Options options, Progress progress) {
        return new Pipeline(spark, config, options, progress).run();
    }

    private Manifest run() {
        try {
            return runSteps();
        } catch (Exception e) {
            // Spark throws its SparkException (a checked exception) undeclared, e.g. "Multiple failures in stage
            // materialization" when two stages of one adaptive query fail at once
            throw SparkErrors.explain(currentStep, e, inputs);
        }
    }

    private Manifest runSteps() {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        TrendComparisonStep.check(config);
        begin("inputs");
        inputs = InputFiles.discover(options.data());
        Map<String, Long> rowsRead = new HashMap<>();
        long totalRows = 0;
        for (InputFiles.Input in : inputs) {
            long r = rowsInFile(in);
            rowsRead.put(in.name(), r);
            totalRows += r;
        }
        boolean small = totalRows < config.smallRunRows();
        record(progress.end(0, inputs.size()), "inputs", 0, inputs.size(), Map.of("files", inputs.size()));
        if (small) {
            progress.detail("%,d input rows: a small run, every shuffle in one partition%s (spark.small_run_rows %,d)",
                    totalRows, config.smallRunCodegen() ? "" : ", expressions interpreted", config.smallRunRows());
        }
        SmallRunSettings smallRun = SmallRunSettings.remember(spark);

        List<Dataset<Row>> persisted = new ArrayList<>();
        // one geography for the whole run: memberships, names, the countries of the inequality and the tracker
        Geography geography = Geography.fromResources();
        try (Publisher publisher = Publisher.begin(options.out())) {
            if (small) {
                smallRun.apply(config.smallRunCodegen());
            }
            PlanCuts cuts = PlanCuts.under(spark, publisher.staging().resolve(".spark").resolve("checkpoints"),
                    persisted);
            // 1. validate: a small run's canonical extracts on the driver where it reads them as Spark would
            begin("validate");
            List<InputFiles.Input> eventInputs = inputs.stream()
                    .filter(i -> i.kind() == InputFiles.Kind.SEIZURE_EVENTS).toList();
            Path quarantineDir = publisher.staging().resolve(ResultsLayout.QUARANTINE);
            DriverValidation.Result onDriver = small ? validateOnDriver(publisher, totalRows, quarantineDir) : null;
            ValidateStep.Result v = ValidateStep.run(spark, onDriver == null ? inputs : eventInputs);
            for (Dataset<Row> c : v.checked()) {
                persist(c, persisted);
            }
            // not cached: read twice (counted, then cut below) from validation's cached checked rows, which costs
            // less than building a second in-memory copy of every accepted row (or from the driver's file)
            Dataset<Row> observations = onDriver == null ? v.observations() : onDriver.observations();
            // not cached: 10^8 accepted events cost more to cache than to read again through the fast path (measured)
            Dataset<Row> events = v.events();
            Map<String, Long> quarantined = new HashMap<>();
            Map<String, Long> accepted = new HashMap<>();
            if (onDriver == null || !eventInputs.isEmpty()) {
                Dataset<Row> quarantine = persist(v.quarantine(), persisted);
                quarantined.putAll(QuarantineFiles.write(quarantine, onDriver == null ? inputs : eventInputs,
                        quarantineDir));
                if (onDriver == null) {
                    countByInput(observations, accepted);
                }
                countByInput(events, accepted);
            }
            if (onDriver != null) {
                quarantined.putAll(onDriver.quarantined());
                accepted.putAll(onDriver.accepted());
            }
            for (InputFiles.Input in : inputs) {
                publisher.recordOutput(ResultsLayout.QUARANTINE + "/" + in.quarantineName() + ".csv", quarantined.get(in.name()));
            }
            List<Manifest.InputEntry> inputEntries = new ArrayList<>();
            long read = 0;
            long ok = 0;
            long bad = 0;
            for (InputFiles.Input in : inputs) {
                long r = rowsRead.get(in.name());
                long a = accepted.getOrDefault(in.name(), 0L);
                long q = quarantined.getOrDefault(in.name(), 0L);
                if (r != a + q) {
                    throw DrugstatsException.of("%s: row accounting broken: read %d, accepted %d, quarantined %d",
                            in.name(), r, a, q);
                }
                read += r;
                ok += a;
                bad += q;
                Manifest.IngestEntry ingest = IngestReports.read(in, publisher.staging()).orElse(null);
                if (ingest != null) {
                    if (ingest.quarantine() != null) {
                        publisher.recordOutput(ingest.quarantine(), ingest.rowsQuarantined());
                    }
                    if (ingest.rowsAccepted() != r) {
                        progress.detail("%s: the ingest report says %,d rows accepted but the extract holds %,d; the "
                                + "extract was changed after its ingest", in.name(), ingest.rowsAccepted(), r);
                    }
                }
                inputEntries.add(new Manifest.InputEntry(in.name(),
                        in.kind() == InputFiles.Kind.EXTRACT ? "extract" : "seizure-events", in.sha256(), in.bytes(),
                        r, a, q, ResultsLayout.QUARANTINE + "/" + in.quarantineName() + ".csv", in.synthetic(), ingest));
                if (q > 0) {
                    progress.detail("%s: read %,d, accepted %,d, quarantined %,d", in.name(), r, a, q);
                }
            }
            record(progress.end(read, ok), "validate", read, ok, Map.of("rows_quarantined", bad));

            // 1b. record-level seizure events → country totals
            Dataset<Row> used = observations;
            if (!eventInputs.isEmpty()) {
                begin("seizure-totals");
                Dataset<Row> totals = persist(SeizureTotalsStep.observations(events, eventInputs), persisted);
                long n = totals.count();
                long e = accepted.entrySet().stream().filter(x -> eventInputs.stream()
                        .anyMatch(i -> i.name().equals(x.getKey()))).mapToLong(Map.Entry::getValue).sum();
                record(progress.end(e, n), "seizure-totals", e, n, Map.of());
                used = persist(observations.unionByName(totals, true), persisted);
            }

            List<Origin> origins = origins(inputs);
            // the plans of the steps below start here, not at the reading and checking of every input
            Dataset<Row> canonicalRows = used.select(java.util.Arrays.stream(Schemas.EXTRACT_COLUMNS)
                    .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new));
            // rows validated on the driver are read from one file already: a plan of one leaf, nothing to cut; not
            // cached either, as the file is local and read twice (published observations, analysis inputs)
            Dataset<Row> canonical = onDriver != null && eventInputs.isEmpty() ? canonicalRows
                    : cuts.cutOfCached(canonicalRows);
            // validation's caches are not read again: free them before the analysis steps
            for (Dataset<Row> d : List.copyOf(persisted)) {
                if (d != canonical) {
                    d.unpersist();
                    persisted.remove(d);
                }
            }

            begin("observations");
            long nObs = publisher.writeParquet(canonical, ResultTable.OBSERVATIONS.dir(), Schemas.OBSERVATIONS_VERSION, origins,
                    Column.INDICATOR.columnName(), Column.REF_AREA.columnName(), Column.TIME_PERIOD.columnName(),
                    Column.SEX.columnName(), Column.AGE.columnName(), Column.DRUG.columnName(),
                    Column.METHOD.columnName(), Column.SOURCE.columnName());
            record(progress.end(nObs, nObs), "observations", nObs, nObs, Map.of());

            // records of one key that are parts of one total (separate seizure reports) are summed for analysis;
            // each step reads only the indicators it uses, cached once in few partitions (below)
            // sorted by indicator, so that a step reading a few indicators skips the cached batches of the others
            // (population by age group is 80% of the embedded rows and read by no step but the aggregation)
            // a large run whose observations are few (10^8 seizure events make 8,256 country totals) analyses them
            // in one partition too
            boolean smallAnalysis = nObs < config.smallRunRows();
            if (smallAnalysis && !small) {
                smallRun.apply(config.smallRunCodegen());
                progress.detail("%,d observations to analyse: the analysis steps in one partition%s "
                        + "(spark.small_run_rows %,d)", nObs, config.smallRunCodegen() ? "" : ", expressions interpreted",
                        config.smallRunRows());
            }
            int partitions = smallAnalysis ? 1 : analysisPartitions(spark, nObs);
            Dataset<Row> analysis = cuts.cut(Records.collapse(canonical, config.recordsSummed()).coalesce(partitions)
                    .sortWithinPartitions(col(Column.INDICATOR.columnName())));

            // 2. aggregates to UNODC and M49 subregions and regions and the world
            begin("aggregate");
            Dataset<Row> membership = GeographyTable.membership(spark, geography);
            Dataset<Row> toAggregate = persist(SubnationalSteps.generic(analysis).filter(org.apache.spark.sql.functions.not(
                    col(Column.INDICATOR.columnName()).isin(config.aggregateExclude().toArray()))).coalesce(partitions),
                    persisted);
            Dataset<Row> aggregates = cuts.cut(AggregateStep.run(toAggregate, membership, config.minCoverage(),
                    config.latestWithinYears()));
            long nAgg = publisher.writeParquet(aggregates, ResultTable.AGGREGATES.dir(), Schemas.AGGREGATES_VERSION, origins,
                    Column.INDICATOR.columnName(), "level", Column.REF_AREA.columnName(),
                    Column.TIME_PERIOD.columnName(), Column.SEX.columnName(), Column.AGE.columnName(),
                    Column.DRUG.columnName(), Column.DRUG_GROUP.columnName(), Column.DRUG_SUBGROUP.columnName());
            Row aggCounts = aggregates.agg(org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.when(
                    col(Column.VALUE.columnName()).isNull(), 1).otherwise(0))).first();
            record(progress.end(nObs, nAgg), "aggregate", nObs, nAgg,
                    Map.of("withheld", aggCounts.isNullAt(0) ? 0L : aggCounts.getLong(0)));

            // 2b. indicators of issue 14 computed before the trends, so that their series are trended with the rest
            spark.sparkContext().setJobGroup(SparkWork.GROUP_PREFIX + "derived", "derived", false);
            DerivedIndicators computed = DerivedIndicators.run(spark, analysis, geography, config, persisted);
            DerivedIndicators derived = new DerivedIndicators(cuts.cut(computed.indicators()), computed.medicines());

            // 3. trends of every series: country observations and aggregates
            begin("trend");
            Dataset<Row> toTrend = persist(SubnationalSteps.generic(analysis).filter(org.apache.spark.sql.functions.not(
                    col(Column.INDICATOR.columnName()).isin(config.trendExclude().toArray()))).coalesce(partitions),
                    persisted);
            Dataset<Row> series = toTrend.withColumn("imputed",
                    col(Column.OBS_STATUS.columnName()).equalTo(org.drugstats.core.data.ObsStatus.IMPUTED.code()))
                    .unionByName(aggregates.select(
                            java.util.stream.Stream.concat(java.util.Arrays.stream(Schemas.EXTRACT_COLUMNS)
                                    .map(org.apache.spark.sql.functions::col), java.util.stream.Stream.of(
                                            col("imputed_areas").isNotNull().or(col("carried_areas").isNotNull())
                                                    .as("imputed")))
                                    .toArray(org.apache.spark.sql.Column[]::new)), true)
                    .unionByName(DerivedIndicators.asSeries(derived.indicators()), true);
            Dataset<Row> points = TrendStep.points(series.filter(org.apache.spark.sql.functions.not(
                    col(Column.INDICATOR.columnName()).isin(config.trendExclude().toArray()))));
            TrendStep.Fitted fitted = new TrendStep.Fitted(cuts.cut(TrendStep.fit(points,
                    TrendStep.Settings.of(config)).all()));
            SubnationalSteps.Trends subnational = SubnationalSteps.trends(spark, analysis, TrendStep.Settings.of(config));
            long nTrends = publisher.writeParquet(fitted.trends().unionByName(subnational.trends(), true),
                    ResultTable.TRENDS.dir(), Schemas.TRENDS_VERSION, origins, "series_id", "segment");
            long nPoints = publisher.writeParquet(fitted.points().unionByName(subnational.points(), true),
                    ResultTable.TREND_POINTS.dir(),
                    Schemas.TREND_POINTS_VERSION, origins, "series_id", "x");
            if (TrendStep.Settings.of(config).extended()) {
                publisher.writeParquet(fitted.extensions(), ResultTable.TREND_EXTENSIONS.dir(),
                        Schemas.TREND_EXTENSIONS_VERSION, origins, "series_id", "quantity", "segment");
            }
            if (!config.trendCompare().isEmpty()) {
                publisher.writeParquet(TrendComparisonStep.run(points, TrendStep.Settings.of(config),
                        config.trendCompare().stream().map(TrendCompareSpec::parse).toList()),
                        ResultTable.TREND_COMPARISONS.dir(), ResultTable.TREND_COMPARISONS.schemaVersion(), origins,
                        "comparison_id", "test", "model", "segment");
            }
            // counted over every published trend row, the sub-national series included (results/trends holds both)
            Row counts = fitted.trends().unionByName(subnational.trends(), true).agg(
                    org.apache.spark.sql.functions.countDistinct(col("series_id")),
                    org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.when(
                            col("note").startsWith("not fitted"), 1).otherwise(0))).first();
            record(progress.end(nPoints, nTrends), "trend", nPoints, nTrends,
                    Map.of("series_methods", counts.getLong(0), "not_fitted", counts.isNullAt(1) ? 0 : counts.getLong(1),
                            "trend_points", nPoints));

            // 4. derived indicators and the inequality of consumption
            begin("indicators");
            Dataset<Row> indicatorInputs = persist(analysis.filter(col(Column.INDICATOR.columnName())
                    .isin(IndicatorStep.INPUTS.toArray())).coalesce(partitions), persisted);
            Dataset<Row> indicators = cuts.cut(IndicatorStep.run(indicatorInputs, aggregates, membership, geography)
                    .unionByName(SubnationalSteps.indicators(analysis, geography), true)
                    .unionByName(derived.indicators(), true));
            long nInd = publisher.writeParquet(indicators, ResultTable.INDICATORS.dir(), Schemas.INDICATORS_VERSION, origins,
                    Column.INDICATOR.columnName(), Column.REF_AREA.columnName(), Column.TIME_PERIOD.columnName(),
                    Column.SEX.columnName(), Column.AGE.columnName(), Column.DRUG.columnName(),
                    Column.DRUG_GROUP.columnName());
            java.util.Set<String> countries = new java.util.TreeSet<>();
            for (Row r : GeographyTable.rows(geography)) {
                countries.add(r.getString(1));
            }
            InequalityStep.Result ineq = InequalityStep.run(spark, indicatorInputs, countries,
                    config.inequalityPopulationShares(), config.inequalityConsumptionShares(), config.adequacyBenchmark());
            long nIneq = 0;
            if (ineq.json() != null) {
                nIneq = publisher.writeParquet(ineq.points(), ResultTable.INEQUALITY.dir(), Schemas.INEQUALITY_VERSION, origins,
                        "ranking", "rank");
                publisher.writeText(ResultsLayout.INEQUALITY_JSON, ineq.json(), ineq.areas());
            }
            nIneq += DerivedIndicators.publish(derived, publisher, origins);
            record(progress.end(nObs + nAgg, nInd + nIneq), "indicators", nObs + nAgg, nInd + nIneq,
                    Map.of("indicator_rows", nInd, "inequality_areas", ineq.areas()));

            // 5. world and regional drug use as the World Drug Report estimates it (issue 12)
            begin("estimates");
            EstimateStep.Result est = EstimateStep.run(spark, analysis, EstimateStep.settings(config), geography);
            Dataset<Row> estimates = cuts.cut(est.rows());
            long nEst = publisher.writeParquet(estimates, ResultTable.ESTIMATES.dir(),
                    ResultTable.ESTIMATES.schemaVersion(), origins,
                    org.drugstats.core.stats.estimate.EstimatesContract.ORDER.toArray(String[]::new));
            record(progress.end(est.inputRows(), nEst), "estimates", est.inputRows(), nEst, est.detail());

            // 5b. drug use among students and youth (annex table 1.4), never mixed with the 15-64 estimates
            begin("youth-estimates");
            YouthStep.Result youth = YouthStep.run(spark, analysis, YouthStep.settings(config), geography);
            long nYouth = publisher.writeParquet(youth.rows(), ResultTable.YOUTH_ESTIMATES.dir(),
                    ResultTable.YOUTH_ESTIMATES.schemaVersion(), origins,
                    org.drugstats.core.stats.youth.YouthContract.ORDER.toArray(String[]::new));
            record(progress.end(youth.inputRows(), nYouth), "youth-estimates", youth.inputRows(), nYouth,
                    youth.detail());

            // 6. the road to 2029: the challenges of the 2019 Ministerial Declaration, from the results above
            begin("tracker");
            Map<String, Dataset<Row>> resultTables = new LinkedHashMap<>();
            resultTables.put("indicators", indicators);
            resultTables.put("aggregates", aggregates);
            resultTables.put("estimates", estimates);
            resultTables.put("observations", analysis);
            Dataset<Row> tracker = TrackerStep.run(spark, resultTables, analysis,
                    geography,
                    org.drugstats.core.tracker.Tracker.of(config.trackerRules()));
            long nTracker = publisher.writeParquet(tracker, ResultTable.TRACKER.dir(), ResultTable.TRACKER.schemaVersion(), origins,
                    "challenge", "indicator", "ref_area");
            record(progress.end(nInd, nTracker), "tracker", nInd, nTracker, Map.of());

            Instant ended = Instant.now();
            Manifest m = new Manifest(Manifest.SCHEMA, "succeeded", inputEntries, parameters(), versions(),
                    started.truncatedTo(ChronoUnit.MILLIS).toString(), ended.truncatedTo(ChronoUnit.MILLIS).toString(),
                    round3((System.nanoTime() - t0) / 1e9), List.copyOf(steps), publisher.outputs(), origins);
            publisher.commit(m, staging -> {
                if (config.report()) {
                    org.drugstats.reports.ReportSummary r = org.drugstats.reports.Report.withDefaults()
                            .render(staging, staging.resolve("report"));
                    for (String w : r.warnings()) {
                        progress.detail("report warning: %s", w);
                    }
                    progress.always("report: %d pages, %d charts, %d tables in %.1f s", r.pages().size(), r.charts(),
                            r.tables(), r.seconds());
                    StringBuilder phases = new StringBuilder();
                    r.phases().forEach((phase, secs) -> phases.append(phases.length() == 0 ? "" : ", ")
                            .append(String.format(Locale.ROOT, "%s %.1f s", phase, secs)));
                    progress.detail("report phases: %s", phases);
                }
            });
            progress.always("published %s: %d inputs, %,d rows read, %,d accepted, %,d quarantined, in %.1f s",
                    publisher.out(), inputs.size(), read, ok, bad, m.seconds());
            return m;
        } finally {
            for (Dataset<Row> d : persisted) {
                d.unpersist();
            }
            spark.sparkContext().clearJobGroup();
            smallRun.restore();
        }
    }

    /**
     * The canonical extracts validated on the driver ({@link DriverValidation}), or null where they are not suitable
     * (the reason is told with {@code --verbose}) and {@link ValidateStep} checks them with Spark. A file the driver
     * cannot read is left to Spark as well, which words the error as for every other run; the quarantine files the
     * driver had begun are rewritten then.
     */
    private DriverValidation.Result validateOnDriver(Publisher publisher, long totalRows, Path quarantineDir) {
        List<InputFiles.Input> extracts = inputs.stream().filter(i -> i.kind() == InputFiles.Kind.EXTRACT).toList();
        if (extracts.isEmpty()) {
            return null;
        }
        java.util.Optional<String> why = DriverValidation.unsuitable(spark, extracts, totalRows,
                Runtime.getRuntime().maxMemory());
        if (why.isPresent()) {
            progress.detail("extracts validated with Spark: %s", why.get());
            return null;
        }
        try {
            return DriverValidation.run(spark, extracts,
                    publisher.staging().resolve(".spark").resolve("validated"), quarantineDir);
        } catch (DrugstatsException e) {
            progress.detail("extracts validated with Spark: %s", e.getMessage());
            return null;
        }
    }

    /**
     * Partitions of the cached inputs of the analysis steps: the aggregation, trend and indicator plans read them in
     * dozens of stages, and every partition is a task in each; one partition per million observations, at least
     * the cluster's default parallelism (a small run, {@link RunConfig.Key#SMALL_RUN_ROWS}, uses one partition).
     */
    static int analysisPartitions(SparkSession spark, long observations) {
        long perMillion = (observations + 999_999) / 1_000_000;
        return (int) Math.max(spark.sparkContext().defaultParallelism(), Math.min(perMillion, 100_000));
    }

    private static Dataset<Row> persist(Dataset<Row> d, List<Dataset<Row>> persisted) {
        Dataset<Row> p = d.persist(StorageLevel.MEMORY_AND_DISK());
        persisted.add(p);
        return p;
    }

    private static void countByInput(Dataset<Row> d, Map<String, Long> into) {
        for (Row r : d.groupBy(col(Schemas.INPUT)).count().collectAsList()) {
            into.merge(r.getString(0), r.getLong(1), Long::sum);
        }
    }

    private static long rowsInFile(InputFiles.Input in) {
        long n = 0;
        for (Path p : in.parts()) {
            try (ParquetFileReader r = ParquetFileReader.open(org.drugstats.core.data.PathInputFile.of(p))) {
                n += r.getRecordCount();
            } catch (java.io.IOException e) {
                throw DrugstatsException.of(e, "%s: not a readable Parquet file (%s)", p, e.getMessage());
            }
        }
        return n;
    }

    private static List<Origin> origins(List<InputFiles.Input> inputs) {
        Map<String, Origin> m = new LinkedHashMap<>();
        for (InputFiles.Input in : inputs) {
            for (Origin o : in.origins()) {
                m.putIfAbsent(o.id(), o);
            }
        }
        return List.copyOf(m.values());
    }

    private void begin(String step) {
        currentStep = step;
        // the step's Spark jobs carry its name (Spark UI, event log, SparkWork's counts per step)
        spark.sparkContext().setJobGroup(SparkWork.GROUP_PREFIX + step, step, false);
        progress.start(step);
    }

    private void record(double seconds, String name, long in, long out, Map<String, Object> detail) {
        steps.add(new Manifest.StepEntry(name, round3(seconds), in, out, detail));
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("data", options.data().toAbsolutePath().normalize().toString());
        p.put("out", options.out().toAbsolutePath().normalize().toString());
        p.put("config", options.configFile() == null ? null : options.configFile().toAbsolutePath().normalize().toString());
        p.put("master", spark.sparkContext().master());
        p.putAll(config.asMap());
        return p;
    }

    private Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        String own = Pipeline.class.getPackage().getImplementationVersion();
        v.put("drugstats", own == null ? "development build" : own);
        v.put("spark", spark.version());
        v.put("java", System.getProperty("java.version"));
        v.put("scala", scala.util.Properties.versionNumberString());
        return v;
    }

    private static double round3(double s) {
        return Math.round(s * 1000) / 1000.0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Pipeline[%s -> %s]", options.data(), options.out());
    }
}
