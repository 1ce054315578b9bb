package org.drugstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.io.PathTrees;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Fuzzing of the command line's input contract with property-based generators (seeded random cases, no library):
 * real published files (and the
 * embedded extract) damaged at the byte level or made hostile at the field level, fed to the ingest kinds, the CSV
 * readers of {@code trend}, {@code aggregate} and {@code inequality}, and the extract reader. Every case must end in
 * one of:
 *
 * <ul>
 *   <li>exit status 1 with exactly one line {@code drugstats: error: ...} that names the input file and no Java
 *       exception class name; or 2 with a usage error;</li>
 *   <li>exit status 0 with output that satisfies the accounting (rows read = accepted + quarantined) and holds no
 *       value the input did not hold: accepted values of a CSV ingest are numbers of the input text; a damaged
 *       workbook or extract that is accepted gives exactly the rows of the undamaged one; aggregates lie between the
 *       smallest and largest input value; Gini and shares lie in [0, 1]; no NaN or Infinity anywhere;</li>
 * </ul>
 * within a time bound per case (no hang) and within the test JVM's heap (an OutOfMemoryError fails the property).
 * Tries per property: 40-60 by default ({@code -Ddrugstats.fuzz.scale=K} multiplies them), a few minutes in all, run
 * by CI with the other tests. Each run draws a new seed ({@code -Ddrugstats.fuzz.seed=S} fixes it); a failure names
 * the seed, the property and the try, so that it can be replayed. The throughput and outcomes are written to
 * {@code spark-jobs/target/fuzz-report.txt}.
 */
class FuzzContractTest {

    private static final Duration CASE_LIMIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HOSTILE = List.of("", " ", "NaN", "Infinity", "-Infinity", "-1", "0", "1e308",
            "-1e308", "1.7976931348623157E308", "4.9e-324", "1e-320", "0x1p3", "1d", "1,000", "1 000", "\u00a0",
            "\"", "\"\"", "abc", "ZZZ", "dza", "=SUM(A1:A9)", "\u0000", "\uFEFF", "9".repeat(400), "2019", "-0",
            "+5", ".5", "5.", "1e", "e5", "∞", "١٢٣");

    private static Path work;
    private static byte[] coca;
    private static byte[] extractBytes;
    private static List<String> incb;
    private static List<String> m49;
    private static List<Observation> cocaRows;
    private static List<Observation> extractRows;
    private static final Map<String, AtomicLong> OUTCOMES = new ConcurrentHashMap<>();
    private static final AtomicLong CASES = new AtomicLong();
    private static long started;

    private static final long SEED = Long.getLong("drugstats.fuzz.seed", new SplittableRandom().nextLong());
    private static final int SCALE = Integer.getInteger("drugstats.fuzz.scale", 1);

    /** Runs {@code tries} cases of a property, each from its own generator stream; failures name seed and try. */
    private static <T> void forAll(String property, int tries, Function<SplittableRandom, T> gen, Case<T> check) {
        SplittableRandom root = new SplittableRandom(SEED ^ property.hashCode());
        for (int i = 0; i < tries * SCALE; i++) {
            T value = gen.apply(root.split());
            try {
                check.run(value);
            } catch (AssertionError | IOException | RuntimeException e) {
                throw new AssertionError(property + " failed (replay with -Ddrugstats.fuzz.seed=" + SEED + ", try " + i
                        + "): " + value + ": " + e.getMessage(), e);
            }
        }
    }

    /** One checked case. */
    interface Case<T> {
        void run(T value) throws IOException;
    }

    @BeforeAll
    static void setUp() throws IOException {
        work = Files.createTempDirectory("drugstats-fuzz");
        coca = Files.readAllBytes(shared("unodc-wdr2025/6.1.1_coca_bush_cultivation.xlsx"));
        incb = Files.readAllLines(shared("consumption/incb-opioid-consumption-2015-2017.csv"), StandardCharsets.UTF_8);
        m49 = Files.readAllLines(shared("geo/unsd-m49.csv"), StandardCharsets.UTF_8);
        Path extract = projectRoot().resolve("data/unodc-wdr2025-coca-cultivation/extract.parquet");
        extractBytes = Files.readAllBytes(extract);
        extractRows = ParquetExtracts.read(extract).observations();
        Path out = work.resolve("coca-original");
        Files.write(work.resolve("coca.xlsx"), coca);
        assertEquals(0, new Run("ingest", "--source", "unodc-annex-cultivation", "--input",
                work.resolve("coca.xlsx").toString(), "--out", out.toString()).status);
        cocaRows = ParquetExtracts.read(out.resolve("extract.parquet")).observations();
        started = System.nanoTime();
    }

    @AfterAll
    static void report() throws IOException {
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "seed %d: %d cases in %.1f s: %.1f cases/s%n", SEED,
                CASES.get(), seconds, CASES.get() / seconds));
        OUTCOMES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sb.append(e.getKey()).append(": ").append(e.getValue().get()).append('\n'));
        Path target = projectRoot().resolve("spark-jobs/target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("fuzz-report.txt"), sb.toString(), StandardCharsets.UTF_8);
        }
        System.out.print("FuzzContractTest: " + sb);
        PathTrees.delete(work);
    }

    // ---- the properties ------------------------------------------------------------------------------------------

    @Test
    void aDamagedWorkbookIsRefusedOrReadAsTheOriginal() {
        forAll("xlsx", 60, r -> damage(r, coca.length), this::workbookCase);
    }

    private void workbookCase(Damage d) throws IOException {
        Path in = Files.write(work.resolve("coca-fuzz.xlsx"), d.apply(coca));
        Path out = work.resolve("out-xlsx");
        Run r = new Run("ingest", "--source", "unodc-annex-cultivation", "--input", in.toString(), "--out",
                out.toString());
        r.contract("xlsx " + d.op, in);
        if (r.status == 0) {
            accounting(out);
            assertEquals(withoutOrigin(cocaRows), withoutOrigin(ParquetExtracts.read(out.resolve("extract.parquet"))
                    .observations()), "a damaged workbook read as different rows: " + d);
        }
    }

    @Test
    void aHostileIncbCsvIsRefusedOrHoldsOnlyItsOwnValues() {
        forAll("incb", 60, r -> edits(r, incb.size()), this::incbCase);
    }

    private void incbCase(List<FieldEdit> edits) throws IOException {
        List<String> lines = FieldEdit.apply(incb, edits);
        Path in = Files.write(work.resolve("incb-fuzz.csv"), lines, StandardCharsets.UTF_8);
        Path out = work.resolve("out-incb");
        Run r = new Run("ingest", "--source", "incb-consumption", "--input", in.toString(), "--out", out.toString(),
                "--format", "csv");
        r.contract("incb csv", in);
        if (r.status == 0) {
            accounting(out);
            Set<Double> held = numbersOf(lines);
            for (String[] row : extractCsv(out.resolve("extract.csv"))) {
                String v = row[Column.VALUE.ordinal()];
                if (v != null && !v.isEmpty()) {
                    assertTrue(held.contains(Double.parseDouble(v)), "value " + v + " is not in the input");
                }
            }
        }
    }

    @Test
    void aHostileM49CsvIsRefusedOrAccounted() {
        forAll("m49", 40, r -> edits(r, m49.size()), this::m49Case);
    }

    private void m49Case(List<FieldEdit> edits) throws IOException {
        Path in = Files.write(work.resolve("m49-fuzz.csv"), FieldEdit.apply(m49, edits), StandardCharsets.UTF_8);
        Path out = work.resolve("out-m49");
        Run r = new Run("ingest", "--source", "m49", "--input", in.toString(), "--out", out.toString(), "--format",
                "csv");
        r.contract("m49 csv", in);
        if (r.status == 0) {
            accounting(out);
            for (String[] row : extractCsv(out.resolve("extract.csv"))) {
                String area = row[Column.REF_AREA.ordinal()];
                assertTrue(area.matches("[A-Z]{3}"), "ref_area " + area + " is not an ISO3 code");
            }
        }
    }

    @Test
    void aHostileStatisticsCsvIsRefusedOrGivesBoundedResults() {
        forAll("stats", 60, FuzzContractTest::statsInput, this::statsCase);
    }

    private void statsCase(StatsInput s) throws IOException {
        Path in = Files.write(work.resolve(s.command + "-fuzz.csv"), s.lines, StandardCharsets.UTF_8);
        Path out = work.resolve(s.command + "-fuzz.json");
        List<String> args = new ArrayList<>(List.of(s.command, "--input", in.toString(), "--out", out.toString()));
        if (s.command.equals("trend")) {
            args.addAll(List.of("--method", s.method, "--permutations", "49"));
        }
        Run r = new Run(args.toArray(String[]::new));
        r.contract(s.command + " " + s.method, in);
        if (r.status == 0) {
            String text = Files.readString(out);
            JsonNode json = JSON.readTree(text);
            // no number and no value "NaN"/"Infinity" (notes may mention NaN in words)
            org.drugstats.core.io.FiniteNumbers.require(json, s.command + " output");
            if (s.command.equals("aggregate")) {
                double[] range = s.valueRange();
                for (JsonNode a : json) {
                    for (String f : List.of("value", "lower", "upper")) {
                        if (a.hasNonNull(f)) {
                            double v = a.get(f).doubleValue();
                            assertTrue(v >= range[0] - 1e-9 * Math.abs(range[0]) && v <= range[1]
                                    + 1e-9 * Math.abs(range[1]), f + " " + v + " outside the input's values " + Arrays
                                            .toString(range));
                        }
                    }
                }
            } else if (s.command.equals("inequality")) {
                double g = json.get("gini").doubleValue();
                assertTrue(g >= -1e-12 && g <= 1 + 1e-12, "gini " + g);
            }
        }
    }

    @Test
    void aDamagedExtractIsRefusedOrReadAsTheOriginal() {
        forAll("extract", 60, r -> damage(r, extractBytes.length), this::extractCase);
    }

    private void extractCase(Damage d) throws IOException {
        Path in = Files.write(work.resolve("extract-fuzz.parquet"), d.apply(extractBytes));
        Run r = new Run("extract", "validate", in.toString());
        r.contract("extract " + d.op, in);
        if (r.status == 0) {
            assertEquals(withoutOrigin(extractRows), withoutOrigin(ParquetExtracts.read(in).observations()),
                    "a damaged extract read as different rows: " + d);
        }
    }

    // ---- generators ----------------------------------------------------------------------------------------------

    /** A byte-level damage: flip a bit, cut the file short, delete, overwrite or duplicate a range. */
    record Damage(String op, int at, int len, int bit) {
        byte[] apply(byte[] b) {
            int p = Math.min(at, b.length - 1);
            int n = Math.max(1, Math.min(len, b.length - p));
            return switch (op) {
                case "flip" -> {
                    byte[] c = b.clone();
                    c[p] ^= (byte) (1 << bit);
                    yield c;
                }
                case "cut" -> Arrays.copyOf(b, p);
                case "delete" -> {
                    byte[] c = new byte[b.length - n];
                    System.arraycopy(b, 0, c, 0, p);
                    System.arraycopy(b, p + n, c, p, b.length - p - n);
                    yield c;
                }
                case "zero" -> {
                    byte[] c = b.clone();
                    Arrays.fill(c, p, p + n, (byte) 0);
                    yield c;
                }
                default -> { // "duplicate"
                    byte[] c = new byte[b.length + n];
                    System.arraycopy(b, 0, c, 0, p + n);
                    System.arraycopy(b, p, c, p + n, b.length - p);
                    yield c;
                }
            };
        }
    }

    private static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    private static Damage damage(SplittableRandom r, int length) {
        return new Damage(pick(r, List.of("flip", "flip", "flip", "cut", "delete", "zero", "duplicate")),
                r.nextInt(length), 1 + r.nextInt(64), r.nextInt(8));
    }

    /** A field-level edit of a CSV: set a field to a hostile value, add or drop a field, repeat or drop a line. */
    record FieldEdit(String op, int line, int field, String value, int times) {
        static List<String> apply(List<String> original, List<FieldEdit> edits) {
            List<String> lines = new ArrayList<>(original);
            for (FieldEdit e : edits) {
                if (lines.isEmpty()) {
                    break;
                }
                int i = e.line % lines.size();
                List<String> f = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
                int j = e.field % f.size();
                switch (e.op) {
                    case "set" -> f.set(j, e.value.contains(",") ? "\"" + e.value + "\"" : e.value);
                    case "add" -> f.add(j, e.value);
                    case "drop" -> f.remove(j);
                    case "repeat" -> {
                        for (int k = 0; k < e.times; k++) {
                            lines.add(i, lines.get(i));
                        }
                    }
                    case "header-only" -> lines.subList(1, lines.size()).clear();
                    default -> lines.remove(i); // "delete"
                }
                if (e.op.equals("set") || e.op.equals("add") || e.op.equals("drop")) {
                    lines.set(i, String.join(",", f));
                }
            }
            return lines;
        }
    }

    private static String randomText(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(13); i > 0; i--) {
            sb.append((char) (r.nextBoolean() ? 32 + r.nextInt(95) : r.nextInt(0x3000)));
        }
        return sb.toString();
    }

    private static List<FieldEdit> edits(SplittableRandom r, int lines) {
        List<FieldEdit> edits = new ArrayList<>();
        for (int n = 1 + r.nextInt(6); n > 0; n--) {
            edits.add(new FieldEdit(pick(r, List.of("set", "set", "set", "set", "add", "drop", "repeat", "delete",
                    "header-only")), r.nextInt(lines), r.nextInt(21), r.nextInt(3) > 0 ? pick(r, HOSTILE)
                            : randomText(r), 1 + r.nextInt(2000)));
        }
        return edits;
    }

    /** A generated input of trend, aggregate or inequality. */
    record StatsInput(String command, String method, List<String> lines, List<Double> values) {
        double[] valueRange() {
            return new double[] {values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0)};
        }
    }

    private static String number(SplittableRandom r) {
        return switch (r.nextInt(3)) {
            case 0 -> Double.toString(r.nextDouble(-1e6, 1e6));
            case 1 -> Double.toString(r.nextDouble(0, 1e9));
            default -> pick(r, List.of("1e308", "1.7e308", "1e300", "1e-300", "4.9e-324", "0", "-0", "NaN", "Infinity",
                    "", "abc", "1e400", "0x10", "1,5"));
        };
    }

    private static StatsInput statsInput(SplittableRandom r) {
        String cmd = pick(r, List.of("trend", "aggregate", "inequality"));
        String method = pick(r, List.of("loglinear", "joinpoint", "mann-kendall"));
        int groups = 1 + r.nextInt(8);
        int n = r.nextInt(41);
        List<String> lines = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        switch (cmd) {
            case "trend" -> {
                lines.add("series,x,y");
                for (int i = 0; i < n; i++) {
                    lines.add("s" + (i % groups) + "," + (2000 + i / groups) + "," + number(r));
                }
            }
            case "aggregate" -> {
                lines.add("area,subregion,region,population,value");
                for (int i = 0; i < n; i++) {
                    String v = number(r);
                    lines.add("A" + i + ",S" + (i % groups) + ",R" + (i % 2) + "," + number(r) + "," + v);
                    parse(v).ifPresent(values::add);
                }
            }
            default -> {
                lines.add("area,population,consumption");
                for (int i = 0; i < n; i++) {
                    lines.add("A" + i + "," + number(r) + "," + number(r));
                }
            }
        }
        return new StatsInput(cmd, cmd.equals("trend") ? method : "", lines, values);
    }

    private static java.util.Optional<Double> parse(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? java.util.Optional.of(d) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    // ---- the contract --------------------------------------------------------------------------------------------

    /** One in-process run of the command line, with its exit status and output, within the time bound. */
    static final class Run {
        final int status;
        final String out;
        final String err;

        Run(String... args) {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int[] s = new int[1];
            Assertions.assertTimeoutPreemptively(CASE_LIMIT, () -> {
                CommandLine cl = DrugstatsCli.commandLine();
                cl.setOut(new PrintWriter(o, true));
                cl.setErr(new PrintWriter(e, true));
                s[0] = cl.execute(args);
            }, () -> "no result within " + CASE_LIMIT + ": " + String.join(" ", args));
            this.status = s[0];
            this.out = o.toString();
            this.err = e.toString();
            CASES.incrementAndGet();
        }

        /** Exit 0, or 1 with one line naming the file, or 2 with a usage error; never an exception name. */
        void contract(String what, Path input) {
            OUTCOMES.computeIfAbsent(what.split(" ")[0] + " exit " + status, k -> new AtomicLong()).incrementAndGet();
            assertFalse(err.matches("(?s).*\\b[A-Z][A-Za-z]+(Exception|Error)\\b.*"), what + ": " + err);
            switch (status) {
                case 0 -> {
                    // warnings may be printed; no error line
                    assertFalse(err.contains("drugstats: error:"), what + ": " + err);
                }
                case 1 -> {
                    assertEquals(1, err.strip().lines().count(), what + ": " + err);
                    assertTrue(err.startsWith("drugstats: error: "), what + ": " + err);
                    assertTrue(err.contains(input.getFileName().toString()), what + ": the error does not name the "
                            + "file: " + err);
                }
                case 2 -> assertTrue(err.startsWith("drugstats: usage error: "), what + ": " + err);
                default -> Assertions.fail(what + ": exit status " + status + ": " + err);
            }
        }
    }

    /** The rows as text without the origin column (which names the input file, here a copy's name). */
    private static List<String> withoutOrigin(List<Observation> rows) {
        List<String> out = new ArrayList<>();
        for (Observation o : rows) {
            String[] t = org.drugstats.core.data.ExtractValidator.textOf(o);
            t[Column.ORIGIN.ordinal()] = null;
            out.add(Arrays.toString(t));
        }
        return out;
    }

    private static void accounting(Path out) throws IOException {
        JsonNode rep = JSON.readTree(out.resolve("ingest-report.json").toFile());
        long read = rep.get("rows_read").asLong();
        long accepted = rep.get("rows_accepted").asLong();
        long quarantined = rep.get("rows_quarantined").asLong();
        assertEquals(read, accepted + quarantined, rep.toString());
    }

    private static List<String[]> extractCsv(Path csv) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .build().parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
            for (var rec : parser) {
                String[] r = new String[Column.values().length];
                for (Column c : Column.values()) {
                    r[c.ordinal()] = rec.isMapped(c.columnName()) ? rec.get(c.columnName()) : null;
                }
                rows.add(r);
            }
        }
        return rows;
    }

    private static Set<Double> numbersOf(List<String> lines) {
        Set<Double> s = new HashSet<>();
        for (String l : lines) {
            for (String t : l.split("[,\\s\"]+")) {
                parse(t.strip()).ifPresent(s::add);
            }
        }
        return s;
    }

    private static Path projectRoot() {
        Path root = Path.of(System.getProperty("drugstats.project.root", ".")).toAbsolutePath().normalize();
        return root.getFileName() != null && root.getFileName().toString().equals("spark-jobs") ? root.getParent()
                : root;
    }

    private static Path shared(String file) {
        String prop = System.getProperty("drugstats.shared.data");
        Path p = (prop != null && !prop.isBlank() ? Path.of(prop) : projectRoot().resolve("../shared/data")
                .normalize()).resolve(file);
        assertTrue(Files.isRegularFile(p), "shared data file missing: " + p);
        return p;
    }
}
