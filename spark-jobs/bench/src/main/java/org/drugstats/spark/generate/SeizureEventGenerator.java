package org.drugstats.spark.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.SeizureEventCodes;
import org.drugstats.core.data.SeizureEvents;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.supply.SeizureCategories;
import org.drugstats.spark.Seeds;

/**
 * A synthetic individual-seizure (IDS-like) extract whose country × drug × year totals are exactly the given
 * published totals (annex 7.1), with heavy-tailed event sizes, for any number of rows, in constant memory.
 *
 * <p>Method. Cells are the (country, year, drug group, sub-group, drug) totals T_c &gt; 0, in the order given.
 * Each cell gets n_c ≥ 1 events: 1 plus a largest-remainder share of the other N − K events proportional to
 * √T_c (many small seizures, fewer events per kilogram in big markets). Within a cell, event weights are
 * Pareto draws w = (1 − u)^(−1/α), α = {@value #PARETO_ALPHA} (finite mean, infinite variance: a few
 * seizures carry most of the quantity, as in IDS data), and event i gets
 * round(T_c·S_i/S_n) − round(T_c·S_{i−1}/S_n) milligrams, S_i the cumulative weight — so the event sizes
 * telescope to exactly round(T_c) milligrams.
 *
 * <p>Streaming and determinism. A cell's events are cut into blocks of {@value #BLOCK} events; block k of cell
 * c draws from its own generator seeded with {@link Seeds#of(long, long, long) Seeds.of(seed, c, k)}. A
 * first pass adds up each block's weights (in parallel, no output); the second writes files of
 * {@code rowsPerFile} rows, each file starting its blocks from their seeds. Every file is coded: the events carry
 * their area's M49 code and their drug combination's taxonomy code, with the dictionary in the file metadata
 * ({@link SeizureEventCodes}). The output is a function of
 * (totals, N, seed, rowsPerFile) only; memory is a few numbers per block.
 */
public final class SeizureEventGenerator {

    /** Pareto tail index of event sizes. */
    public static final double PARETO_ALPHA = 1.5;
    /** Events per independently seeded block. */
    public static final int BLOCK = 1 << 16;

    /** One published total: kilograms seized in a country, year and drug. */
    public record Cell(String refArea, int year, String drugGroup, String drugSubgroup, String drug, double kilograms) {
    }

    private final List<Cell> cells;
    private final long rows;
    private final long seed;
    private final long[] counts;
    private final long[] starts;
    private final long[] totalMg;
    private final SeizureEventCodes codes;
    private final int[] areaCodes;
    private final int[] drugCodes;

    private SeizureEventGenerator(List<Cell> cells, long rows, long seed) {
        this.cells = cells;
        this.rows = rows;
        this.seed = seed;
        int k = cells.size();
        this.counts = allocate(cells, rows);
        this.starts = new long[k + 1];
        this.totalMg = new long[k];
        for (int c = 0; c < k; c++) {
            starts[c + 1] = starts[c] + counts[c];
            totalMg[c] = SeizureEvents.milligrams(cells.get(c).kilograms());
        }
        this.codes = SeizureEventCodes.assign(cells.stream().map(Cell::refArea).toList(),
                cells.stream().map(c -> new SeizureEventCodes.Drug(c.drugGroup(), c.drugSubgroup(), c.drug())).toList(),
                Geography.fromResources(), SeizureCategories.fromResources());
        this.areaCodes = new int[k];
        this.drugCodes = new int[k];
        for (int c = 0; c < k; c++) {
            Cell cell = cells.get(c);
            areaCodes[c] = codes.areaCode(cell.refArea()).orElseThrow();
            drugCodes[c] = codes.drugCode(cell.drugGroup(), cell.drugSubgroup(), cell.drug()).orElseThrow();
        }
    }

    /**
     * The code dictionary written into every file (M49 area codes, the taxonomy's drug codes; see
     * {@link SeizureEventCodes}).
     */
    public SeizureEventCodes codes() {
        return codes;
    }

    /**
     * A generator of {@code rows} events following {@code cells}.
     *
     * @throws DrugstatsException when there are no positive totals or fewer rows than cells
     */
    public static SeizureEventGenerator of(List<Cell> cells, long rows, long seed) {
        List<Cell> positive = cells.stream().filter(c -> c.kilograms() > 0).toList();
        if (positive.isEmpty()) {
            throw DrugstatsException.of("generate: the seizure totals hold no positive quantity; expected annex 7.1 totals");
        }
        if (rows < positive.size()) {
            throw DrugstatsException.of("generate: --rows %d is less than the %d non-zero country × drug × year totals; every total needs at least one event",
                    rows, positive.size());
        }
        return new SeizureEventGenerator(positive, rows, seed);
    }

    /** Events per cell: 1 + largest-remainder share of (N − K) ∝ √T. */
    static long[] allocate(List<Cell> cells, long rows) {
        int k = cells.size();
        double[] w = new double[k];
        double sum = 0;
        for (int c = 0; c < k; c++) {
            w[c] = Math.sqrt(cells.get(c).kilograms());
            sum += w[c];
        }
        long rest = rows - k;
        long[] n = new long[k];
        double[] frac = new double[k];
        long given = 0;
        for (int c = 0; c < k; c++) {
            double share = rest * (w[c] / sum);
            n[c] = (long) Math.floor(share);
            frac[c] = share - n[c];
            given += n[c];
        }
        Integer[] order = new Integer[k];
        for (int c = 0; c < k; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> frac[a] != frac[b] ? Double.compare(frac[b], frac[a]) : Integer.compare(a, b));
        for (int i = 0; given < rest; i++, given++) {
            n[order[i % k]]++;
        }
        for (int c = 0; c < k; c++) {
            n[c]++;
        }
        return n;
    }

    /** Number of events of each cell, in cell order. */
    public long[] counts() {
        return counts.clone();
    }

    /** The cells with a positive total, in order. */
    public List<Cell> cells() {
        return cells;
    }

    /**
     * Writes the events into {@code dir} as {@code part-NNNNN.parquet} files of {@code rowsPerFile} rows (the last
     * may be shorter), using {@code threads} threads. Files are written atomically one by one.
     */
    public void write(Path dir, long rowsPerFile, int threads, List<Origin> origins) {
        if (rowsPerFile < 1) {
            throw DrugstatsException.of("generate: rows per file must be at least 1, got %d", rowsPerFile);
        }
        double[][] blockSums = blockSums(threads);
        double[][] blockPrefix = new double[cells.size()][];
        double[] cellSum = new double[cells.size()];
        for (int c = 0; c < cells.size(); c++) {
            double[] b = blockSums[c];
            double[] p = new double[b.length];
            double s = 0;
            for (int k = 0; k < b.length; k++) {
                p[k] = s;
                s += b[k];
            }
            blockPrefix[c] = p;
            cellSum[c] = s;
        }
        long files = (rows + rowsPerFile - 1) / rowsPerFile;
        List<Runnable> tasks = new ArrayList<>();
        for (long f = 0; f < files; f++) {
            long from = f * rowsPerFile;
            long to = Math.min(rows, from + rowsPerFile);
            Path file = dir.resolve(String.format(Locale.ROOT, "part-%05d.parquet", f));
            tasks.add(() -> writeFile(file, from, to, blockPrefix, cellSum, origins));
        }
        Parallel.run(threads, tasks);
    }

    /** Σ of the Pareto weights of every block of every cell (first pass). */
    private double[][] blockSums(int threads) {
        double[][] sums = new double[cells.size()][];
        List<Runnable> tasks = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            int cell = c;
            int blocks = (int) ((counts[c] + BLOCK - 1) / BLOCK);
            sums[c] = new double[blocks];
            tasks.add(() -> {
                for (int k = 0; k < blocks; k++) {
                    long len = Math.min(BLOCK, counts[cell] - (long) k * BLOCK);
                    UniformRandomProvider rng = blockRng(cell, k);
                    double s = 0;
                    for (long i = 0; i < len; i++) {
                        s += weight(rng);
                    }
                    sums[cell][k] = s;
                }
            });
        }
        Parallel.run(threads, tasks);
        return sums;
    }

    private UniformRandomProvider blockRng(int cell, int block) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.of(seed, cell, block));
    }

    private static double weight(UniformRandomProvider rng) {
        return Math.pow(1 - rng.nextDouble(), -1 / PARETO_ALPHA);
    }

    /** Writes events [from, to) (global indices) into one file. */
    private void writeFile(Path file, long from, long to, double[][] blockPrefix, double[] cellSum,
            List<Origin> origins) {
        int c = cellOf(from);
        try (SeizureEventWriter w = SeizureEventWriter.open(file, origins, codes)) {
            long g = from;
            while (g < to) {
                Cell cell = cells.get(c);
                long inCell = g - starts[c];
                int block = (int) (inCell / BLOCK);
                long blockStart = (long) block * BLOCK;
                long blockLen = Math.min(BLOCK, counts[c] - blockStart);
                UniformRandomProvider rng = blockRng(c, block);
                double partial = 0;
                for (long i = 0; i < inCell - blockStart; i++) {
                    partial += weight(rng);
                }
                double total = cellSum[c];
                double mgTotal = totalMg[c];
                long prevMg = Math.round(mgTotal * ((blockPrefix[c][block] + partial) / total));
                if (inCell == 0) {
                    prevMg = 0;
                }
                for (long i = inCell - blockStart; i < blockLen && g < to; i++, g++) {
                    partial += weight(rng);
                    long idx = blockStart + i;
                    long mg = idx == counts[c] - 1 ? totalMg[c]
                            : Math.round(mgTotal * ((blockPrefix[c][block] + partial) / total));
                    w.write(new SeizureEventWriter.Event(g + 1, cell.refArea(), cell.year(), cell.drugGroup(),
                            cell.drugSubgroup(), cell.drug(), SeizureEvents.kilograms(mg - prevMg), areaCodes[c],
                            drugCodes[c]));
                    prevMg = mg;
                }
                if (g - starts[c] == counts[c]) {
                    c++;
                }
            }
        }
    }

    private int cellOf(long g) {
        int lo = 0;
        int hi = cells.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= g) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
