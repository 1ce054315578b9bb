package org.drugstats.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IngestCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    /** The shared data: property drugstats.shared.data (Surefire sets it), else ../shared/data from the project root. */
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

    private int run(String... args) {
        CommandLine cl = DrugstatsCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void ingestsAndSummarises() {
        Path in = shared("unodc-wdr2025/6.1.1_coca_bush_cultivation.xlsx");
        assertEquals(0, run("ingest", "--source", "unodc-annex-cultivation", "--input", in.toString(), "--out",
                dir.resolve("coca").toString()), err.toString());
        assertTrue(out.toString().startsWith("6.1.1_coca_bush_cultivation.xlsx (unodc-annex-cultivation): read 57, "
                + "accepted 57, quarantined 0 [year cell]; 1 unmapped names, 7 warnings"), out.toString());
        assertTrue(Files.exists(dir.resolve("coca/extract.parquet")));
        assertTrue(Files.exists(dir.resolve("coca/quarantine.csv")));
        assertTrue(Files.exists(dir.resolve("coca/ingest-report.json")));
        assertEquals(0, run("ingest", "--source", "m49", "--input", shared("geo/unsd-m49.csv").toString(), "--out",
                dir.resolve("m49").toString(), "--format", "csv"), err.toString());
        assertTrue(Files.exists(dir.resolve("m49/extract.csv")));
    }

    @Test
    void aMissingOrUnwritableTempDirIsAUsageErrorNamingIt() throws Exception {
        Path in = shared("geo/unsd-m49.csv");
        Path missing = dir.resolve("no-such-folder");
        assertEquals(2, run("ingest", "--source", "m49", "--input", in.toString(), "--out", dir.resolve("m").toString(),
                "--temp-dir", missing.toString()));
        String e = err.toString();
        assertTrue(e.startsWith("drugstats: usage error: --temp-dir: " + missing + ": no such folder; expected an "
                + "existing writable folder for the ingest's temporary files"), e);
        assertTrue(Files.notExists(dir.resolve("m")));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        err.getBuffer().setLength(0);
        assertEquals(2, run("ingest", "--source", "m49", "--input", in.toString(), "--out", dir.resolve("m").toString(),
                "--temp-dir", file.toString()));
        assertTrue(err.toString().startsWith("drugstats: usage error: --temp-dir: " + file + ": not a folder;"),
                err.toString());
    }

    @Test
    void aTempDirIsUsedAndLeftEmpty() throws Exception {
        Path temp = Files.createDirectory(dir.resolve("spill"));
        assertEquals(0, run("ingest", "--source", "m49", "--input", shared("geo/unsd-m49.csv").toString(), "--out",
                dir.resolve("m").toString(), "--temp-dir", temp.toString()), err.toString());
        assertTrue(out.toString().startsWith("unsd-m49.csv (m49): read 747, accepted 747"), out.toString());
        try (var left = Files.list(temp)) {
            assertEquals(0, left.count(), "the temporary folder is left empty");
        }
    }

    @Test
    void aFileOfAnotherKindFailsWithOneLineNamingFileAndExpectation() {
        Path in = shared("unodc-wdr2025/7.1_drug_seizures_2019-2023.xlsx");
        assertEquals(1, run("ingest", "--source", "unodc-annex-cultivation", "--input", in.toString(), "--out",
                dir.resolve("x").toString()));
        String e = err.toString();
        assertTrue(e.startsWith("drugstats: error: 7.1_drug_seizures_2019-2023.xlsx is not a unodc-annex-cultivation "
                + "file: expected a title naming the cultivation of a crop"), e);
        assertEquals(1, e.strip().split("\n").length, e);
        assertTrue(Files.notExists(dir.resolve("x")));
    }

    @Test
    void sourceAutoSaysWhichKindMatchedAndExplainSaysHowTheFileWasRead() {
        Path in = shared("unodc-wdr2025/6.2.1_opium_poppy_cultivation.xlsx");
        assertEquals(0, run("ingest", "--source", "auto", "--explain", "--input", in.toString(), "--out",
                dir.resolve("opium").toString()), err.toString());
        String o = out.toString();
        assertTrue(o.startsWith("source auto: 6.2.1_opium_poppy_cultivation.xlsx is unodc-annex-cultivation ("), o);
        assertTrue(o.contains("  not unodc-annex-seizures: 6.2.1_opium_poppy_cultivation.xlsx is not a "
                + "unodc-annex-seizures file"), o);
        assertTrue(o.contains("  row 5: region header 'SOUTH-WEST ASIA' (no value in any year column; written in "
                + "capitals)"), o);
        assertTrue(o.contains("  row 7: lower bounds of row 6 ('Afghanistan (best estimate)')"), o);
        assertTrue(o.contains("  O6: stale formula ='[1]OVERALL CALCULATION'!O6, not read"), o);
        assertTrue(o.contains("  flagged stale-formula: 4 rows"), o);
        assertTrue(o.contains("read 109, accepted 109, quarantined 0"), o);
    }

    @Test
    void sourceAutoOnAFileNoKindReadsListsEachKindAndWhyNot() throws java.io.IOException {
        // every shared file has a kind now: a table of another subject stands for the next unknown file
        Path in = java.nio.file.Files.writeString(dir.resolve("road_accidents.csv"),
                "Country,Year,Accidents\nFrance,2020,45121\n");
        assertEquals(1, run("ingest", "--source", "auto", "--input", in.toString(), "--out",
                dir.resolve("w").toString()));
        String e = err.toString();
        assertTrue(e.startsWith("drugstats: error: road_accidents.csv: no ingest kind recognises it: "), e);
        for (String kind : java.util.List.of("unodc-annex-seizures: ", "unodc-annex-prices: ", "sdg-open-csv: ",
                "euda-wastewater-sites: ", "unodc-annex-crimes: ")) {
            assertTrue(e.contains(kind), kind + " in " + e);
        }
        assertEquals(1, e.strip().split("\n").length, e);
    }

    @Test
    void sourceAutoRecognisesTheDrugRelatedCrimesAnnexAndExplainsIt() {
        Path in = shared("unodc-wdr2022/10.1_drug_related_crimes.xlsx");
        assertEquals(0, run("ingest", "--source", "auto", "--explain", "--input", in.toString(), "--out",
                dir.resolve("crimes").toString()), err.toString());
        String o = out.toString();
        assertTrue(o.startsWith("source auto: 10.1_drug_related_crimes.xlsx is unodc-annex-crimes ("), o);
        assertTrue(o.contains("sheet 'Formal contact with the police': persons by type of offence (long), header row 1"),
                o);
        assertTrue(o.contains("sheet 'Total drug related offences': offences by type (wide), header row 1"), o);
        assertTrue(o.contains("read 11510, accepted 11489, quarantined 21"), o); // annex_10_1_reference.out
    }

    @Test
    void anOpenSdgFileWithoutAreaNeedsArea() {
        Path in = shared("sdg-3.5.1/kazstat-indicator_3-5-1-kazakhstan.csv");
        assertEquals(1, run("ingest", "--source", "sdg-open-csv", "--input", in.toString(), "--out",
                dir.resolve("k").toString()));
        assertTrue(err.toString().contains("give the area the file is about with --area ISO3"), err.toString());
        assertEquals(0, run("ingest", "--source", "sdg-open-csv", "--area", "KAZ", "--input", in.toString(), "--out",
                dir.resolve("k").toString()), err.toString());
        assertTrue(out.toString().contains("read 42, accepted 42, quarantined 0"), out.toString());
    }

    @Test
    void unknownKindAndMissingFileAreErrors() {
        assertEquals(2, run("ingest", "--source", "annex", "--input", "x.xlsx", "--out", dir.toString()));
        assertTrue(err.toString().contains("unknown source kind 'annex'; expected one of [euda-wastewater, euda-wastewater-sites, "
                + "incb-consumption, incb-table-xii, m49, "), err
                .toString());
        assertEquals(1, run("ingest", "--source", "m49", "--input", dir.resolve("none.csv").toString(), "--out",
                dir.resolve("o").toString()));
        assertTrue(err.toString().contains("none.csv: no such file"), err.toString());
        assertEquals(2, run("ingest", "--source", "m49"));
    }

    @Test
    void helpListsTheKinds() {
        assertEquals(0, run("ingest", "--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("Kind of table: euda-wastewater, euda-wastewater-sites, incb-consumption, "
                + "incb-table-xii, m49, nchs-drug-poisoning, sdg-open-csv, unodc-annex-crimes, "
                + "unodc-annex-cultivation, "
                + "unodc-annex-expert-perception, unodc-annex-prevalence, unodc-annex-prevalence-youth, "
                + "unodc-annex-prices, unodc-annex-seizures, wpp-population; or auto: recognise the kind from the "
                + "file's content"), help);
        assertTrue(help.contains("--area=ISO3") && help.contains("--explain"), help);
    }
}
