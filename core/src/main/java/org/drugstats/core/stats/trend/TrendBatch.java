package org.drugstats.core.stats.trend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.DrugstatsException;

/**
 * Runs one trend method over many series and builds the {@link TrendJson} objects: the logic behind
 * {@code drugstats trend}, kept here so it is testable without the command line.
 *
 * <p>Randomness: each series gets its own generator, XO_RO_SHI_RO_128_PP seeded with (seed, 64-bit FNV-1a hash of
 * the series name), so a series' result depends only on the seed and its own data, not on the other series in the
 * file or their order. The first series that fails stops the batch with an error naming it.
 */
public final class TrendBatch {
    /** The trend methods of the command. */
    public enum Method {
        /** Joinpoint regression with model selection. */
        JOINPOINT("joinpoint"),
        /** One log-linear line (a 0-joinpoint fit on the log scale). */
        LOGLINEAR("loglinear"),
        /** Mann–Kendall test and Sen's slope. */
        MANN_KENDALL("mann-kendall");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        /** The name used on the command line and in the output. */
        public String label() {
            return label;
        }

        /** Parses a command-line name. */
        public static Method parse(String s) {
            for (Method m : values()) {
                if (m.label.equals(s)) {
                    return m;
                }
            }
            throw DrugstatsException.of("unknown trend method '%s', expected joinpoint, loglinear or mann-kendall", s);
        }
    }

    private final Method method;
    private final Joinpoint joinpoint;
    private final JoinpointAnalysis analysis;
    private final MannKendall mannKendall;
    private final long seed;

    private TrendBatch(Method method, JoinpointAnalysis analysis, MannKendall mannKendall, long seed) {
        this.method = method;
        this.analysis = analysis;
        this.joinpoint = analysis.joinpoint();
        this.mannKendall = mannKendall;
        this.seed = seed;
    }

    /**
     * A batch.
     *
     * @param method the method
     * @param joinpoint configuration for joinpoint (for loglinear its weighting, offset and confidence level are used,
     *        on the log scale with 0 joinpoints)
     * @param mannKendall configuration for mann-kendall
     * @param seed seed of the permutation test generators
     */
    public static TrendBatch of(Method method, Joinpoint joinpoint, MannKendall mannKendall, long seed) {
        return of(method, JoinpointAnalysis.of(joinpoint), mannKendall, seed);
    }

    /**
     * A batch with the NCI Joinpoint 5 options (jump or comparability ratio, empirical-quantile intervals) for
     * joinpoint and loglinear; loglinear fits them with 0 joinpoints on the log scale.
     */
    public static TrendBatch of(Method method, JoinpointAnalysis analysis, MannKendall mannKendall, long seed) {
        return new TrendBatch(Objects.requireNonNull(method), Objects.requireNonNull(analysis),
                Objects.requireNonNull(mannKendall), seed);
    }

    /** The generator for one series (see the class comment). */
    public static UniformRandomProvider randomFor(long seed, String series) {
        long h = 0xcbf29ce484222325L;
        for (byte b : series.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, h});
    }

    /** Runs the method on every series, in order. */
    public List<ObjectNode> run(List<TrendSeries> series) {
        List<ObjectNode> out = new ArrayList<>();
        for (TrendSeries s : series) {
            switch (method) {
                case JOINPOINT -> {
                    boolean perm = joinpoint.selection() == SelectionMethod.PERMUTATION;
                    boolean random = perm || analysis.intervals() == JoinpointAnalysis.IntervalMethod.EMPIRICAL;
                    JoinpointResult r = analysis.isPlain()
                            ? joinpoint.fit(s, perm ? randomFor(seed, s.name()) : null)
                            : analysis.fit(s, seed);
                    out.add(TrendJson.joinpoint(r, method.label(), random ? seed : null));
                }
                case LOGLINEAR -> {
                    Joinpoint line = joinpoint.withScale(Scale.LOG).withMaxJoinpoints(0);
                    JoinpointResult r = analysis.isPlain() ? line.fitAt(s)
                            : analysis.withJoinpoint(line.withSelection(SelectionMethod.BIC)).fit(s, seed);
                    boolean random = analysis.intervals() == JoinpointAnalysis.IntervalMethod.EMPIRICAL;
                    out.add(TrendJson.joinpoint(r, method.label(), random ? seed : null));
                }
                case MANN_KENDALL -> out.add(TrendJson.mannKendall(s.name(), mannKendall.test(s)));
                default -> throw new IllegalStateException(method.name().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
