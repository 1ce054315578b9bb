package org.drugstats.spark;

import static org.drugstats.spark.ConfigValues.asBoolean;
import static org.drugstats.spark.ConfigValues.asLong;
import static org.drugstats.spark.ConfigValues.autocorrelation;
import static org.drugstats.spark.ConfigValues.benchmark;
import static org.drugstats.spark.ConfigValues.compare;
import static org.drugstats.spark.ConfigValues.doubleIn;
import static org.drugstats.spark.ConfigValues.enumValue;
import static org.drugstats.spark.ConfigValues.fractionList;
import static org.drugstats.spark.ConfigValues.intIn;
import static org.drugstats.spark.ConfigValues.jumps;
import static org.drugstats.spark.ConfigValues.longIn;
import static org.drugstats.spark.ConfigValues.oneOf;
import static org.drugstats.spark.ConfigValues.stringList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.drugstats.core.DrugstatsException;

/**
 * The configuration of a {@code drugstats run}: one immutable object, read from one YAML or JSON file whose
 * keys are the dotted names of {@link Key} (nested objects or dotted names, both accepted). Every key has a
 * documented default ({@link #defaults()}); a file only names what it changes.
 *
 * <p>Reading files is {@link RunConfigFile}'s, writing YAML {@link RunConfigYaml}'s. A bad file fails before any
 * work starts, with one line naming the file and the key: an unknown key, a
 * value of the wrong type, a value out of range, a duplicated key. Values are checked so that NaN fails too.
 */
public final class RunConfig {

    /** Serializer used by Spark for shuffles and caching. */
    public enum Serializer {
        /** {@code org.apache.spark.serializer.KryoSerializer}: smaller, faster shuffles of our rows and states. */
        KRYO,
        /** Java serialization, Spark's default; kept for debugging class-registration problems. */
        JAVA
    }

    /** Every configuration key with its type, default and meaning. */
    public enum Key {
        SEED("seed", 20190314L, "Global seed. Each series is fitted with seed = hash(series_id, seed), so results do not depend on partitioning.",
                v -> asLong(v)),
        SHUFFLE_PARTITIONS("spark.shuffle_partitions", 8, "spark.sql.shuffle.partitions: small for the embedded data (a few thousand rows); raise it for generated data of 10^8 rows (e.g. 64).",
                v -> intIn(v, 1, 100_000)),
        SMALL_RUN_ROWS("spark.small_run_rows", 1_000_000L, "A run whose inputs hold fewer rows than this (the embedded data: 386,719) computes every shuffle and its cached analysis inputs in one partition, caches without column compression and evaluates expressions without generated code: spark.sql.shuffle.partitions is 1, spark.sql.inMemoryColumnarStorage.compressed false, spark.sql.codegen.wholeStage false and spark.sql.codegen.factoryMode NO_CODEGEN during the run (see spark.small_run_codegen); the key spark.shuffle_partitions applies from this size on. In a larger run the steps after validation do the same when the observations they analyse are fewer (10^8 seizure events make 8,256 country totals). 0 turns it off.",
                v -> longIn(v, 0, Long.MAX_VALUE)),
        SMALL_RUN_CODEGEN("spark.small_run_codegen", false, "true keeps Spark's generated code in a small run (see spark.small_run_rows). By default a small run evaluates with Spark's interpreted expressions: compiling a class for every plan cost more than it saved on a few hundred thousand rows (271 classes for the embedded data; about a tenth of the run's wall time, BENCHMARKS.md). Both ways publish the same bytes.",
                v -> asBoolean(v)),
        ADAPTIVE("spark.adaptive", true, "spark.sql.adaptive.enabled: adaptive query execution coalesces small shuffle partitions and handles skew. Only true: with it off, Spark 4.0.4 fails on a cached dataset read twice in one query (SPARK-59009), which the run does.",
                v -> adaptiveOnly(v)),
        SERIALIZER("spark.serializer", Serializer.KRYO, "kryo or java: the serializer for shuffled and cached data.",
                v -> enumValue(Serializer.class, v)),
        FILES_MAX_PARTITION_BYTES("spark.files_max_partition_bytes", 128L * 1024 * 1024,
                "spark.sql.files.maxPartitionBytes: the largest input split read by one task (bytes).",
                v -> longIn(v, 1024, Long.MAX_VALUE)),
        ESTIMATES_WINDOW("estimates.window_years", org.drugstats.core.stats.estimate.EstimationSettings.DEFAULT_WINDOW,
                "results/estimates: a country's latest national estimate with survey year Y-W..Y is carried to target year Y (W = this key). 20 takes every survey of annex 1.2 (the WDR's latest available); measured in BENCHMARKS.md.",
                v -> intIn(v, 0, 50)),
        ESTIMATES_BOUNDS("estimates.bounds", org.drugstats.core.stats.uncertainty.BoundMethod.CONSERVATIVE,
                "results/estimates ranges: conservative (sums of the countries' lows and highs, as the WDR's ranges) or monte_carlo (independent draws, P2.5-P97.5 of 10,000, seeded by the key seed).",
                v -> enumValue(org.drugstats.core.stats.uncertainty.BoundMethod.class, v)),
        YOUTH_WINDOW("youth.window_years", org.drugstats.core.stats.youth.YouthSettings.DEFAULT_WINDOW,
                "results/youth_estimates: a country counts in the summaries of students aged 15-16 of year Y with its latest survey of Y-W..Y (W = this key). 5 is one ESPAD cycle (4 years) and a year of reporting lag; measured in BENCHMARKS.md.",
                v -> intIn(v, 0, 50)),
        MIN_COVERAGE("aggregate.min_coverage", 0.5,
                "Minimum share (0-1) of an aggregate's population that must have data; below it the value is published as missing with flag low-coverage.",
                v -> doubleIn(v, 0, 1)),
        LATEST_WITHIN("aggregate.latest_within_years", 0,
                "A rate aggregate of year Y uses each country's latest value from years Y-k..Y (k = this key); 0 uses the same year only. Countries whose value comes from an earlier year are listed in carried_areas. The World Drug Report combines each country's latest estimate; 0 keeps years apart.",
                v -> intIn(v, 0, 50)),
        RECORDS_SUMMED("records.summed_indicators", List.of("seizures_quantity"),
                "Indicators whose several published records of one key are parts of one total and are summed before aggregation, trends and indicators (annex 7.1: separate seizure reports). Records of other indicators are alternative estimates and are never summed.",
                v -> stringList(v)),
        AGGREGATE_EXCLUDE("aggregate.exclude_indicators", List.of("population_by_age"),
                "Indicators not aggregated (population by age group: 218,000 rows of 1950-2100 whose regional sums nothing downstream uses; population_15_64 is always aggregated, it is the weight).",
                v -> stringList(v)),
        TREND_EXCLUDE("trend.exclude_indicators", List.of("population_15_64", "population_total", "population_by_age",
                "opioid_consumption_quantity", "treatment_gap", "treatment_one_in_n"),
                "Indicators not fitted (denominators: population series run 1950-2100, 151 points, where a joinpoint search is long and says nothing about drugs; the INCB kilograms by drug, which are the inputs of opioid_consumption_me_per_capita, whose series are fitted; treatment gap and 1 in N, one-to-one transforms of treatment_coverage, whose series are fitted).",
                v -> stringList(v)),
        TREND_MIN_POINTS("trend.min_points", 5,
                "Series with fewer observed years than this are not fitted (they are listed with a note).",
                v -> intIn(v, 3, 1000)),
        TREND_JOINPOINT_MIN_POINTS("trend.joinpoint_min_points", 12,
                "Series with fewer observed years get no joinpoint model (log-linear and Mann-Kendall only). Below 12 points the Joinpoint program's default allows at most one joinpoint, whose location then rests on the two or three points of its shorter segment: a change of slope that the data cannot tell from noise, shown as if it were a finding.",
                v -> intIn(v, 3, 1000)),
        TREND_MAX_JOINPOINTS("trend.max_joinpoints", -1,
                "Largest number of joinpoints tried; -1 means the Joinpoint program's default by number of points (0-6 -> 0, 7-11 -> 1, 12-16 -> 2, 17-21 -> 3, ...).",
                v -> intIn(v, -1, 9)),
        TREND_SELECTION("trend.selection", "bic",
                "Joinpoint model selection: bic, bic3, wbic or permutation (the permutation test is slow; use it for few series).",
                v -> oneOf(v, "bic", "bic3", "wbic", "permutation")),
        TREND_PERMUTATIONS("trend.permutations", 4499,
                "Permutations per test when trend.selection is permutation.",
                v -> intIn(v, 99, 100_000)),
        TREND_ALPHA("trend.alpha", 0.05, "Significance level of tests and the confidence level 1 - alpha of intervals.",
                v -> doubleIn(v, 1e-6, 0.5)),
        TREND_PRESET("trend.preset", "none",
                "none or nci5: NCI Joinpoint 5 defaults for the joinpoint fits (WBIC selection and empirical-quantile intervals, overriding trend.selection and trend.ci). The maximum number of joinpoints stays trend.max_joinpoints (default: the 4.9 table by number of points), since NCI's own statement of Joinpoint 5's default maximum was not found (README).",
                v -> oneOf(v, "none", "nci5")),
        TREND_CI("trend.ci", "parametric",
                "parametric, or empirical: also empirical-quantile APC/AAPC intervals by resampling residuals (Kim et al. 2022), written to results/trend_extensions.",
                v -> oneOf(v, "parametric", "empirical")),
        TREND_RESAMPLES("trend.resamples", 1000, "Resampled data sets per series when trend.ci is empirical.",
                v -> intIn(v, 10, 1_000_000)),
        TREND_AUTOCORRELATION("trend.autocorrelation", "none",
                "AR(1) errors of the joinpoint fits: none, estimate, or a lag-1 autocorrelation in (-1, 1) written as text (e.g. \"0.3\"); series with gaps in their years then get a 'not fitted' note.",
                v -> autocorrelation(v)),
        TREND_JUMPS("trend.jumps", List.of(),
                "Known discontinuities, one entry per indicator: \"indicator=X\" fits the jump model with a jump at X (between two observed years, e.g. 2021.5), \"indicator=X:R:V\" the comparability-ratio model with ratio R and variance V.",
                v -> jumps(v)),
        TREND_COMPARE("trend.compare", List.of(),
                "Pairs of series compared by the tests of coincidence and parallelism (Kim et al. 2004, by permutation; results/trend_comparisons): \"indicator:dimension=A,B\" compares, for every series of the indicator present with dimension = A and with dimension = B (same other series columns), the two; dimension is ref_area, sex, age, drug or unit (e.g. \"drug_related_deaths:sex=M,F\"). Not with trend.autocorrelation or a trend.jumps entry of the same indicator (as in NCI Joinpoint).",
                v -> compare(v)),
        INEQUALITY_POPULATION_SHARES("inequality.population_shares", List.of(0.5, 0.84),
                "Bottom population shares X (0-1) at which the consumption Lorenz curve is read: 'the bottom X of the population accounts for Y of consumption'.",
                v -> fractionList(v)),
        INEQUALITY_CONSUMPTION_SHARES("inequality.consumption_shares", List.of(0.075),
                "Bottom consumption shares Y (0-1) for which the population share is read (the seed figure: 84% of the population accounts for 7.5% of consumption).",
                v -> fractionList(v)),
        ADEQUACY_BENCHMARK("inequality.adequacy_benchmark_mg", -1.0,
                "Per-capita need benchmark (mg per capita) of the WHO adequacy of consumption measure; -1 (default) leaves the adequacy category empty, because the benchmark (top-20 HDI countries, morbidity-corrected) is not in the data.",
                v -> benchmark(v)),
        TRACKER_BASELINE_YEAR("tracker.baseline_year", 2019,
                "Baseline year of the road-to-2029 tracker (the year of the Ministerial Declaration); a series without a value that year starts at its nearest earlier year.",
                v -> intIn(v, 1990, 2100)),
        REPORT("report.enabled", true,
                "Render the HTML report (out/report/) as the last step, inside the staging directory, so that it is published together with the results it shows.",
                v -> asBoolean(v)),
        PROGRESS_SECONDS("progress.seconds", 10,
                "A step running longer than this prints a progress line (step, tasks, elapsed) every so many seconds; 0 turns progress off.",
                v -> intIn(v, 0, 3600));

        private final String key;
        private final Object defaultValue;
        private final String description;
        private final Function<JsonNode, Object> parser;

        Key(String key, Object defaultValue, String description, Function<JsonNode, Object> parser) {
            this.key = key;
            this.defaultValue = defaultValue;
            this.description = description;
            this.parser = parser;
        }

        /** The dotted name used in configuration files. */
        public String key() {
            return key;
        }

        /** The default value. */
        public Object defaultValue() {
            return defaultValue;
        }

        /** What the key means, for documentation and {@code --help}. */
        public String description() {
            return description;
        }

        /** The key's parser (throws IllegalArgumentException "expected ..." on a bad value). */
        Object parseValue(JsonNode v) {
            return parser.apply(v);
        }

        static Key byName(String name) {
            for (Key k : values()) {
                if (k.key.equals(name)) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * Adaptive query execution must stay on. With it off, a cached plan keeps its physical sort order, and Spark 4.0.4
     * gives an {@code InMemoryRelation} that appears twice in one query (a cached dataset joined or unioned with
     * itself, which the validation and the aggregation do) new attributes without re-mapping that order; the next
     * lookup in the cache then fails with {@code NoSuchElementException: key not found} (SPARK-59009, fixed in
     * Spark's branches after 4.0.4). Measured: the embedded data failed in the validation after a minute. Refused here,
     * before any work, rather than there.
     */
    static boolean adaptiveOnly(JsonNode v) {
        if (!asBoolean(v)) {
            throw new IllegalArgumentException(ADAPTIVE_OFF);
        }
        return true;
    }

    /** Why adaptive execution cannot be turned off (see {@link #adaptiveOnly}). */
    static final String ADAPTIVE_OFF = "adaptive query execution cannot be turned off with Spark 4.0.4: a cached dataset "
            + "read twice in one query then fails (SPARK-59009); remove the setting";

    /** Prefix of keys passed to Spark as they are: {@code spark.conf.spark.memory.offHeap.enabled: true}. */
    public static final String SPARK_CONF_PREFIX = "spark.conf.";

    private final EnumMap<Key, Object> values;
    private final Map<String, String> sparkConf;

    private RunConfig(EnumMap<Key, Object> values) {
        this(values, Map.of());
    }

    /** A configuration of these values (every key present) and verbatim Spark settings. */
    RunConfig(EnumMap<Key, Object> values, Map<String, String> sparkConf) {
        this.values = values;
        this.sparkConf = Collections.unmodifiableMap(new java.util.TreeMap<>(sparkConf));
    }

    /** The configuration with every key at its default. */
    public static RunConfig defaults() {
        EnumMap<Key, Object> m = new EnumMap<>(Key.class);
        for (Key k : Key.values()) {
            m.put(k, k.defaultValue);
        }
        return new RunConfig(m);
    }

    /**
     * A copy with one key changed; the value is checked as if read from a file.
     *
     * @throws DrugstatsException naming the key when the value is not acceptable
     */
    public RunConfig with(Key key, Object value) {
        JsonNode node = new ObjectMapper().valueToTree(
                value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value);
        EnumMap<Key, Object> m = new EnumMap<>(values);
        m.put(key, parse("config", key, node));
        return new RunConfig(m, sparkConf);
    }

    /**
     * Reads a configuration file: YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}). Keys not in the
     * file keep their defaults. See {@link RunConfigFile}.
     *
     * @throws DrugstatsException with one line naming the file and the offending key
     */
    public static RunConfig load(Path file) {
        return RunConfigFile.read(file);
    }

    /** A key's value read from a file or given in code, checked; errors name {@code where} and the key. */
    static Object parse(String where, Key k, JsonNode v) {
        try {
            return k.parseValue(v);
        } catch (IllegalArgumentException e) {
            throw DrugstatsException.of(e, "%s: key '%s': %s, got %s", where, k.key, e.getMessage(),
                    v == null || v.isNull() ? "null" : v.toString());
        }
    }

    /** The value of a key. */
    public Object get(Key k) {
        return values.get(k);
    }

    public long seed() {
        return (Long) values.get(Key.SEED);
    }

    public int shufflePartitions() {
        return (Integer) values.get(Key.SHUFFLE_PARTITIONS);
    }

    /** Below this number of input rows a run computes in one partition (see {@link Key#SMALL_RUN_ROWS}). */
    public long smallRunRows() {
        return (Long) values.get(Key.SMALL_RUN_ROWS);
    }

    /** Whether a small run keeps Spark's generated code (see {@link Key#SMALL_RUN_CODEGEN}). */
    public boolean smallRunCodegen() {
        return (Boolean) values.get(Key.SMALL_RUN_CODEGEN);
    }

    /** Whether the run renders the HTML report as its last step. */
    public boolean report() {
        return (Boolean) values.get(Key.REPORT);
    }

    public boolean adaptive() {
        return (Boolean) values.get(Key.ADAPTIVE);
    }

    public Serializer serializer() {
        return (Serializer) values.get(Key.SERIALIZER);
    }

    public long filesMaxPartitionBytes() {
        return (Long) values.get(Key.FILES_MAX_PARTITION_BYTES);
    }

    public int estimatesWindow() {
        return (Integer) values.get(Key.ESTIMATES_WINDOW);
    }

    public int youthWindow() {
        return (Integer) values.get(Key.YOUTH_WINDOW);
    }

    public org.drugstats.core.stats.uncertainty.BoundMethod estimatesBounds() {
        return (org.drugstats.core.stats.uncertainty.BoundMethod) values.get(Key.ESTIMATES_BOUNDS);
    }

    public double minCoverage() {
        return (Double) values.get(Key.MIN_COVERAGE);
    }

    public int latestWithinYears() {
        return (Integer) values.get(Key.LATEST_WITHIN);
    }

    @SuppressWarnings("unchecked")
    public List<String> recordsSummed() {
        return (List<String>) values.get(Key.RECORDS_SUMMED);
    }

    @SuppressWarnings("unchecked")
    public List<String> aggregateExclude() {
        return (List<String>) values.get(Key.AGGREGATE_EXCLUDE);
    }

    @SuppressWarnings("unchecked")
    public List<String> trendExclude() {
        return (List<String>) values.get(Key.TREND_EXCLUDE);
    }

    public int trendMinPoints() {
        return (Integer) values.get(Key.TREND_MIN_POINTS);
    }

    /** {@code trend.joinpoint_min_points}. */
    public int trendJoinpointMinPoints() {
        return (Integer) values.get(Key.TREND_JOINPOINT_MIN_POINTS);
    }

    public int trendMaxJoinpoints() {
        return (Integer) values.get(Key.TREND_MAX_JOINPOINTS);
    }

    public String trendSelection() {
        return (String) values.get(Key.TREND_SELECTION);
    }

    public int trendPermutations() {
        return (Integer) values.get(Key.TREND_PERMUTATIONS);
    }

    public double trendAlpha() {
        return (Double) values.get(Key.TREND_ALPHA);
    }

    public String trendPreset() {
        return (String) values.get(Key.TREND_PRESET);
    }

    public String trendCi() {
        return (String) values.get(Key.TREND_CI);
    }

    public int trendResamples() {
        return (Integer) values.get(Key.TREND_RESAMPLES);
    }

    public String trendAutocorrelation() {
        return (String) values.get(Key.TREND_AUTOCORRELATION);
    }

    @SuppressWarnings("unchecked")
    public List<String> trendJumps() {
        return (List<String>) values.get(Key.TREND_JUMPS);
    }

    /** {@code trend.compare}: entries {@code indicator:dimension=A,B} (see {@link TrendCompareSpec}). */
    @SuppressWarnings("unchecked")
    public List<String> trendCompare() {
        return (List<String>) values.get(Key.TREND_COMPARE);
    }

    /** The tracker's rule: {@code tracker.baseline_year} and {@code trend.alpha}. */
    public org.drugstats.core.tracker.TrackerRules trackerRules() {
        return org.drugstats.core.tracker.TrackerRules.withDefaults()
                .withBaselineYear((Integer) values.get(Key.TRACKER_BASELINE_YEAR)).withAlpha(trendAlpha());
    }

    @SuppressWarnings("unchecked")
    public List<Double> inequalityPopulationShares() {
        return (List<Double>) values.get(Key.INEQUALITY_POPULATION_SHARES);
    }

    @SuppressWarnings("unchecked")
    public List<Double> inequalityConsumptionShares() {
        return (List<Double>) values.get(Key.INEQUALITY_CONSUMPTION_SHARES);
    }

    /** The adequacy benchmark in mg per capita, or empty. */
    public java.util.OptionalDouble adequacyBenchmark() {
        double b = (Double) values.get(Key.ADEQUACY_BENCHMARK);
        return b > 0 ? java.util.OptionalDouble.of(b) : java.util.OptionalDouble.empty();
    }

    public int progressSeconds() {
        return (Integer) values.get(Key.PROGRESS_SECONDS);
    }

    /** Spark settings given verbatim under {@code spark.conf} (applied after the run's own settings). */
    public Map<String, String> sparkConf() {
        return sparkConf;
    }

    /** All keys and values in declaration order, then the verbatim Spark settings, for the manifest. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Key k : Key.values()) {
            Object v = values.get(k);
            m.put(k.key, v instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : v);
        }
        sparkConf.forEach((k, v) -> m.put(SPARK_CONF_PREFIX + k, v));
        return Collections.unmodifiableMap(m);
    }

    /**
     * The configuration as YAML with each key's description as a comment (for {@code --print-config}), written
     * by Jackson's YAML generator ({@link RunConfigYaml}), so that any text reads back as itself.
     */
    public String toYaml() {
        return RunConfigYaml.write(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunConfig r && r.values.equals(values) && r.sparkConf.equals(sparkConf);
    }

    @Override
    public int hashCode() {
        return values.hashCode() * 31 + sparkConf.hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
