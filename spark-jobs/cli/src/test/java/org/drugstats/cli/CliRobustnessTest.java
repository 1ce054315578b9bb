package org.drugstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line's contract on damaged and hostile input, from the real published files: usage errors (bad option
 * values) exit 2; failures exit 1 with one line naming the file and what was expected, never a Java exception name;
 * an empty input never replaces a good extract.
 */
class CliRobustnessTest {
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cl = DrugstatsCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private String oneErrorLine() {
        String e = err.toString();
        assertEquals(1, e.strip().lines().count(), e);
        assertTrue(e.startsWith("drugstats: error: "), e);
        assertFalse(e.matches("(?s).*[A-Z][a-zA-Z]+(Exception|Error)\\b.*"), e);
        return e.strip().substring("drugstats: error: ".length());
    }

    private static Path shared(String file) {
        String prop = System.getProperty("drugstats.shared.data");
        Path root = Path.of(System.getProperty("drugstats.project.root", ".")).toAbsolutePath().normalize();
        if (root.getFileName() != null && root.getFileName().toString().equals("spark-jobs")) {
            root = root.getParent();
        }
        Path p = (prop != null && !prop.isBlank() ? Path.of(prop) : root.resolve("../shared/data").normalize())
                .resolve(file);
        assertTrue(Files.isRegularFile(p), "shared data file missing: " + p);
        return p;
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        Path incb = shared("consumption/incb-opioid-consumption-2015-2017.csv");
        assertEquals(2, run("ingest", "--source", "incb-consumption", "--input", incb.toString(), "--out",
                dir.resolve("o").toString(), "--format", "xml"));
        assertTrue(err.toString().startsWith("drugstats: usage error: --format: unknown format 'xml'"), err.toString());
        assertEquals(2, run("trend", "--input", incb.toString(), "--method", "zigzag", "--out",
                dir.resolve("t.json").toString()));
        assertEquals(2, run("trend", "--input", incb.toString(), "--method", "joinpoint", "--permutations",
                "1000000000", "--out", dir.resolve("t.json").toString()));
        assertTrue(err.toString().contains("permutations must be in [1, 100000], got 1000000000"), err.toString());
        assertEquals(2, run("aggregate", "--input", incb.toString(), "--min-coverage", "1.5", "--out",
                dir.resolve("a.json").toString()));
        assertEquals(2, run("inequality", "--input", incb.toString(), "--population-share", "2", "--out",
                dir.resolve("i.json").toString()));
        assertTrue(Files.notExists(dir.resolve("o")));
    }

    @Test
    void theFileSystemRootAsOutputIsOneLineNotANullPointer() {
        Path incb = shared("consumption/incb-opioid-consumption-2015-2017.csv");
        assertEquals(1, run("ingest", "--source", "incb-consumption", "--input", incb.toString(), "--out", "/"));
        assertEquals("/ is the root of the file system; expected an output folder below it", oneErrorLine());
    }

    @Test
    void aHeaderOnlyFileNeverReplacesAGoodExtract() throws IOException {
        Path incb = shared("consumption/incb-opioid-consumption-2015-2017.csv");
        Path good = dir.resolve("incb");
        assertEquals(0, run("ingest", "--source", "incb-consumption", "--input", incb.toString(), "--out",
                good.toString()), err.toString());
        byte[] before = Files.readAllBytes(good.resolve("extract.parquet"));
        Path headerOnly = Files.writeString(dir.resolve("incb-header.csv"), Files.readAllLines(incb,
                StandardCharsets.UTF_8).get(0) + "\n", StandardCharsets.UTF_8);
        assertEquals(1, run("ingest", "--source", "incb-consumption", "--input", headerOnly.toString(), "--out",
                good.toString()));
        assertTrue(oneErrorLine().startsWith("incb-header.csv holds no data rows ("), err.toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(good.resolve("extract.parquet"))));
        // explicitly allowed, it is written
        assertEquals(0, run("ingest", "--source", "incb-consumption", "--input", headerOnly.toString(), "--out",
                dir.resolve("empty").toString(), "--allow-empty"), err.toString());
        assertTrue(out.toString().contains("read 0, accepted 0, quarantined 0"), out.toString());
        // a trend on a header-only series file
        Path trend = Files.writeString(dir.resolve("series.csv"), "series,x,y\n", StandardCharsets.UTF_8);
        assertEquals(1, run("trend", "--input", trend.toString(), "--method", "loglinear", "--out",
                dir.resolve("t.json").toString()));
        assertEquals(trend + " has no data rows; expected rows of columns series,x,y[,se] after the header",
                oneErrorLine());
        assertTrue(Files.notExists(dir.resolve("t.json")));
    }

    @Test
    void anM49FileWithAnExtraColumnAndCodesThatAreNotCodes() throws IOException {
        List<String> lines = Files.readAllLines(shared("geo/unsd-m49.csv"), StandardCharsets.UTF_8);
        List<String> extra = new ArrayList<>();
        for (String l : lines) {
            extra.add(l + ",extra");
        }
        Path f = Files.write(dir.resolve("m49-extra.csv"), extra, StandardCharsets.UTF_8);
        assertEquals(0, run("ingest", "--source", "m49", "--input", f.toString(), "--out", dir.resolve("m1").toString()),
                err.toString());
        assertTrue(out.toString().startsWith("m49-extra.csv (m49): read 747, accepted 747, quarantined 0"),
                out.toString());
        // Algeria (line 2) as ZZZ, Egypt (line 3) as lowercase dza, Libya's M49 code as abc
        List<String> bad = new ArrayList<>(lines);
        bad.set(1, bad.get(1).replace(",DZA,", ",ZZZ,"));
        bad.set(2, bad.get(2).replace(",EGY,", ",dza,"));
        bad.set(3, bad.get(3).replace(",434,", ",abc,"));
        Path g = Files.write(dir.resolve("m49-codes.csv"), bad, StandardCharsets.UTF_8);
        assertEquals(0, run("ingest", "--source", "m49", "--input", g.toString(), "--out", dir.resolve("m2").toString()),
                err.toString());
        assertTrue(out.toString().startsWith("m49-codes.csv (m49): read 747, accepted 738, quarantined 9"),
                out.toString());
        String q = Files.readString(dir.resolve("m2/quarantine.csv"));
        assertTrue(q.contains("ZZZ") && q.contains("dza") && q.contains("abc"), q);
        assertTrue(q.contains("not an ISO 3166-1 alpha-3 code of a country or area of the M49 classification"), q);
        assertTrue(q.contains("expected an ISO 3166-1 alpha-3 code (three capital letters)"), q);
        assertTrue(q.contains("expected a three-digit M49 code"), q);
    }

    /** The INCB file (Richards et al. 2021) as area,population,consumption with populations times {@code scale}. */
    private Path incbInequality(String name, double scale) throws IOException {
        List<String> out = new ArrayList<>(List.of("area,population,consumption"));
        for (String l : Files.readAllLines(shared("consumption/incb-opioid-consumption-2015-2017.csv"),
                StandardCharsets.UTF_8).subList(1, 195)) {
            String[] f = l.split(",", -1);
            double pop = Double.parseDouble(f[f.length - 3]);
            if (f[f.length - 2].isEmpty() || pop == 0) {
                continue; // Liechtenstein: no consumption published; a population published as 0
            }
            double perCapita = Double.parseDouble(f[f.length - 2]);
            out.add(f[f.length - 4] + "," + (pop * scale) + "," + (perCapita * pop / 1e5 * scale));
        }
        return Files.write(dir.resolve(name), out, StandardCharsets.UTF_8);
    }

    @Test
    void populationsAndConsumptionNear1e308GiveTheSameGiniNotNaN() throws IOException {
        assertEquals(0, run("inequality", "--input", incbInequality("plain.csv", 1).toString(), "--out",
                dir.resolve("plain.json").toString()), err.toString());
        // India's 1.0e9 times 1e299 is 1.0e308: the sums of population and consumption overflow a double
        assertEquals(0, run("inequality", "--input", incbInequality("huge.csv", 1e299).toString(), "--out",
                dir.resolve("huge.json").toString()), err.toString());
        String plain = Files.readString(dir.resolve("plain.json"));
        String huge = Files.readString(dir.resolve("huge.json"));
        assertFalse(huge.contains("NaN") || huge.contains("Infinity"), huge);
        // the same Gini to rounding (the scaled inputs are other doubles, so the last bit may differ)
        double g1 = new com.fasterxml.jackson.databind.ObjectMapper().readTree(plain).get("gini").doubleValue();
        double g2 = new com.fasterxml.jackson.databind.ObjectMapper().readTree(huge).get("gini").doubleValue();
        assertEquals(g1, g2, 1e-12);
    }

    @Test
    void anAggregateWhosePopulationOverflowsIsRefusedNotWrittenAsInfinity() throws IOException {
        List<String> rows = new ArrayList<>(List.of("area,subregion,region,population,value"));
        for (String l : Files.readAllLines(shared("consumption/incb-opioid-consumption-2015-2017.csv"),
                StandardCharsets.UTF_8).subList(1, 195)) {
            String[] f = l.split(",", -1);
            if (Double.parseDouble(f[f.length - 3]) == 0) {
                continue;
            }
            rows.add(f[f.length - 4] + ",S,R," + Double.parseDouble(f[f.length - 3]) * 1e299 + "," + f[f.length - 2]);
        }
        Path in = Files.write(dir.resolve("agg.csv"), rows, StandardCharsets.UTF_8);
        assertEquals(1, run("aggregate", "--input", in.toString(), "--out", dir.resolve("agg.json").toString()));
        String e = oneErrorLine();
        assertTrue(e.startsWith("aggregate of " + in + ": the result [0].population = Infinity is not a finite number"),
                e);
        assertTrue(Files.notExists(dir.resolve("agg.json")));
    }

    @Test
    void aTrendOfValuesNear1e300IsRefusedNotAnOverflowedTest() throws IOException {
        List<String> rows = new ArrayList<>(List.of("series,x,y"));
        for (String l : Files.readAllLines(shared("sdg-3.5.1/kazstat-indicator_3-5-1-kazakhstan.csv"),
                StandardCharsets.UTF_8)) {
            String[] f = l.split(",");
            if (f.length == 4 && f[2].equals("_L_HLTH_IMBD_SUBS")) {
                rows.add("kaz," + f[0] + "," + Double.parseDouble(f[3]) * 1e298);
            }
        }
        Path in = Files.write(dir.resolve("kaz.csv"), rows, StandardCharsets.UTF_8);
        assertEquals(1, run("trend", "--input", in.toString(), "--method", "joinpoint", "--permutations", "99",
                "--out", dir.resolve("kaz.json").toString()));
        assertTrue(oneErrorLine().startsWith(in + ": series 'kaz': y = "), err.toString());
        assertTrue(err.toString().contains("is beyond 1e100 in magnitude: the sums of squares of the fit would overflow"),
                err.toString());
        // on the log scale the same values are fine: ln(3.5e300) = 692
        assertEquals(0, run("trend", "--input", in.toString(), "--method", "joinpoint", "--log", "--permutations", "99",
                "--out", dir.resolve("kaz.json").toString()), err.toString());
    }
}
