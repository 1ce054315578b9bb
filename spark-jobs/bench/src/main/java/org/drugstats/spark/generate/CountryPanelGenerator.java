package org.drugstats.spark.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Unit;
import org.drugstats.spark.Seeds;

/**
 * A synthetic country panel for trend fitting at scale: countries × indicators × years of a prevalence-like
 * percentage, as a canonical extract (indicator {@code synthetic_panel_NNNNN}, age 15-64, unit percent, flag
 * {@code synthetic}), streamed in files of whole series.
 *
 * <p>Each series (country i, indicator j) follows a continuous piecewise log-linear curve with 0, 1 or 2
 * joinpoints (probabilities 0.5, 0.3, 0.2; joinpoints at least 3 years from the ends and 3 years apart),
 * segment slopes N(0, 0.03²) clipped to ±0.08 per year, a base level lognormal with median 2% clipped to
 * [0.05, 5], and multiplicative noise exp(N(0, 0.03²)); the published range is ±10% of the value. Series j of
 * country i draws from a generator seeded with {@code Seeds.of(seed, i, j)}: the data depend on (countries,
 * indicators, years, seed) only, not on how they are split into files or threads.
 */
public final class CountryPanelGenerator {

    /** First year of every series. */
    public static final int FIRST_YEAR = 2000;

    private final List<String> countries;
    private final int indicators;
    private final int years;
    private final long seed;

    private CountryPanelGenerator(List<String> countries, int indicators, int years, long seed) {
        this.countries = countries;
        this.indicators = indicators;
        this.years = years;
        this.seed = seed;
    }

    /**
     * A panel of about {@code rows} rows: all {@code countries}, {@code years} years, and
     * ceil(rows / (countries × years)) indicators.
     */
    public static CountryPanelGenerator of(List<String> countries, long rows, int years, long seed) {
        if (countries.isEmpty()) {
            throw DrugstatsException.of("generate: no countries for the panel");
        }
        if (years < 3 || years > 200) {
            throw DrugstatsException.of("generate: --years must be in [3, 200], got %d", years);
        }
        long perIndicator = (long) countries.size() * years;
        long ind = Math.max(1, (rows + perIndicator - 1) / perIndicator);
        if (ind > 99_999) {
            throw DrugstatsException.of("generate: %d rows need %d indicators over %d countries and %d years; at most 99,999",
                    rows, ind, countries.size(), years);
        }
        return new CountryPanelGenerator(List.copyOf(countries), (int) ind, years, seed);
    }

    /** Number of rows written: countries × indicators × years. */
    public long rows() {
        return (long) countries.size() * indicators * years;
    }

    /** Number of series: countries × indicators. */
    public long series() {
        return (long) countries.size() * indicators;
    }

    /** Indicator id of the j-th synthetic indicator. */
    public static String indicator(int j) {
        return String.format(Locale.ROOT, "synthetic_panel_%05d", j);
    }

    /** Writes {@code part-NNNNN.parquet} files, one per block of indicators, with {@code threads} threads. */
    public void write(Path dir, long rowsPerFile, int threads, Origin origin) {
        long perIndicator = (long) countries.size() * years;
        int indicatorsPerFile = (int) Math.max(1, Math.min(indicators, rowsPerFile / perIndicator));
        int files = (indicators + indicatorsPerFile - 1) / indicatorsPerFile;
        List<Runnable> tasks = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            int from = f * indicatorsPerFile;
            int to = Math.min(indicators, from + indicatorsPerFile);
            Path file = dir.resolve(String.format(Locale.ROOT, "part-%05d.parquet", f));
            tasks.add(() -> writeFile(file, from, to, origin));
        }
        Parallel.run(threads, tasks);
    }

    private void writeFile(Path file, int fromIndicator, int toIndicator, Origin origin) {
        try (ExtractStreamWriter w = ExtractStreamWriter.open(file, List.of(origin))) {
            for (int j = fromIndicator; j < toIndicator; j++) {
                String ind = indicator(j);
                for (int i = 0; i < countries.size(); i++) {
                    double[] v = series(i, j);
                    for (int t = 0; t < years; t++) {
                        w.write(Observation.builder().indicator(ind).refArea(countries.get(i))
                                .timePeriod(FIRST_YEAR + t).age("15-64").value(v[t]).lower(round6(v[t] * 0.9))
                                .upper(round6(v[t] * 1.1)).unit(Unit.PERCENT).obsStatus(ObsStatus.NORMAL)
                                .source("synthetic panel").origin(origin.id()).flag(QualityFlag.SYNTHETIC).build());
                    }
                }
            }
        }
    }

    /** The values of series (country i, indicator j), rounded to 6 decimals. */
    public double[] series(int i, int j) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.of(seed, i, j));
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double base = Math.min(5, Math.max(0.05, 2 * Math.exp(0.8 * gauss.sample())));
        double u = rng.nextDouble();
        int k = years < 10 ? 0 : u < 0.5 ? 0 : u < 0.8 ? 1 : years < 13 ? 1 : 2;
        int[] jp = new int[k];
        if (k == 1) {
            jp[0] = 3 + rng.nextInt(years - 6);
        } else if (k == 2) {
            jp[0] = 3 + rng.nextInt(years - 9);
            jp[1] = jp[0] + 3 + rng.nextInt(years - 3 - (jp[0] + 3) + 1);
        }
        double[] slopes = new double[k + 1];
        for (int s = 0; s <= k; s++) {
            slopes[s] = Math.max(-0.08, Math.min(0.08, 0.03 * gauss.sample()));
        }
        double[] v = new double[years];
        double log = Math.log(base);
        int seg = 0;
        for (int t = 0; t < years; t++) {
            if (t > 0) {
                log += slopes[seg];
            }
            if (seg < k && t == jp[seg]) {
                seg++;
            }
            v[t] = round6(Math.exp(log + 0.03 * gauss.sample()));
        }
        return v;
    }

    private static double round6(double x) {
        return Math.max(1e-6, Math.round(x * 1e6) / 1e6);
    }
}
