package org.drugstats.core.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.drugstats.core.catalog.Catalog;
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ObservationTables;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.Sex;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.UnodcAssignment;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The README's "core as a library" example is {@link ReadmeExample}, a whole program: the README's Java block
 * must be that file (all of it but the package line, white space normalised), and the program runs on the
 * embedded data and gives what a plain loop over the observations gives.
 */
class ReadmeExampleTest {

    private static final Path ROOT = Path.of(System.getProperty("drugstats.project.root", ".."));
    private static final Path EXAMPLE = Path.of("core/io/src/test/java/org/drugstats/core/example/ReadmeExample.java");

    /** Lines stripped, runs of white space collapsed to one space, blank lines dropped. */
    static List<String> normalise(String code) {
        return code.lines().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty()).toList();
    }

    /** The README's only fenced {@code java} block. */
    static String readmeJavaBlock(String readme) {
        List<String> blocks = new ArrayList<>();
        List<String> lines = readme.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```java")) {
                StringBuilder b = new StringBuilder();
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).strip().equals("```")) {
                    b.append(lines.get(j)).append('\n');
                    j++;
                }
                assertTrue(j < lines.size(), "README.md: the java block at line " + (i + 1) + " is not closed");
                blocks.add(b.toString());
                i = j;
            }
        }
        assertEquals(1, blocks.size(), "README.md: java blocks");
        return blocks.get(0);
    }

    /** The example's source without its package declaration (the README shows the rest). */
    static String exampleWithoutPackage(String source) {
        return source.lines().filter(l -> !l.startsWith("package ")).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void readmeShowsTheWholeExampleLineForLine() throws IOException {
        List<String> readme = normalise(readmeJavaBlock(Files.readString(ROOT.resolve("README.md"))));
        List<String> example = normalise(exampleWithoutPackage(Files.readString(ROOT.resolve(EXAMPLE))));
        for (int i = 0; i < Math.min(readme.size(), example.size()); i++) {
            assertEquals(example.get(i), readme.get(i), "README.md java block, code line " + (i + 1) + " differs from "
                    + EXAMPLE);
        }
        assertEquals(example.size(), readme.size(), "code lines in README.md's java block and in " + EXAMPLE);
        assertTrue(example.contains("public static void main(String[] args) {"), "a whole program");
    }

    @Test
    void theComparisonSeesAChangedMissingOrReorderedLine() {
        String code = "import a.B;\n\nclass X {\n    int f() {  return 1; }\n}\n";
        assertEquals(normalise(code), normalise("import a.B;\nclass   X {\n  int f() { return 1; }\n}"));
        assertNotEquals(normalise(code), normalise(code.replace("return 1", "return 2")));
        assertNotEquals(normalise(code), normalise(code.replace("import a.B;\n", "")));
        assertNotEquals(normalise(code), normalise("class X {\nimport a.B;\n    int f() {  return 1; }\n}\n"));
        assertEquals("import a.B;\nclass X {}\n", exampleWithoutPackage("package p;\nimport a.B;\nclass X {}\n"));
    }

    @Test
    void theExampleRunsAndItsTableIsWhatAPlainLoopGives() {
        Path data = ROOT.resolve("data");
        Path prevalenceFile = data.resolve("unodc-wdr2025-prevalence/extract.parquet");
        Path populationFile = data.resolve("wpp2017-population/extract.parquet");
        Table byRegion = ReadmeExample.cannabisUsersByRegion(prevalenceFile, populationFile);

        // the same figures without Tablesaw: every cannabis / both sexes / 15-64 prevalence of 2019-2023 times
        // every population_15_64 of its country and year, summed by UNODC region and year
        Geography geography = Geography.fromResources();
        List<Observation> population = ParquetExtracts.read(populationFile).observations();
        Map<String, double[]> expected = new TreeMap<>();
        for (Observation p : ParquetExtracts.read(prevalenceFile).observations()) {
            if (!p.indicator().equals("prevalence_annual") || !"cannabis".equals(p.drug()) || p.sex() != Sex.TOTAL
                    || !p.age().equals("15-64") || !List.of("2019", "2020", "2021", "2022", "2023")
                            .contains(p.timePeriod())) {
                continue;
            }
            for (Observation pop : population) {
                if (pop.indicator().equals("population_15_64") && pop.refArea().equals(p.refArea())
                        && pop.timePeriod().equals(p.timePeriod())) {
                    String region = geography.unodc(p.refArea()).map(UnodcAssignment::region)
                            .orElse("(no UNODC region)");
                    double[] s = expected.computeIfAbsent(region + "|" + p.timePeriod(), k -> new double[2]);
                    s[0] += p.value() / 100 * pop.value();
                    s[1]++;
                }
            }
        }
        Map<String, double[]> actual = new TreeMap<>();
        for (int i = 0; i < byRegion.rowCount(); i++) {
            actual.put(byRegion.stringColumn(0).get(i) + "|" + byRegion.stringColumn(1).get(i),
                    new double[] {byRegion.doubleColumn(2).get(i), byRegion.doubleColumn(3).get(i)});
        }
        assertEquals(expected.keySet(), actual.keySet());
        assertTrue(expected.size() >= 3, "region-years: " + expected.keySet());
        for (Map.Entry<String, double[]> e : expected.entrySet()) {
            double[] a = actual.get(e.getKey());
            assertEquals(e.getValue()[0], a[0], 1e-9 * e.getValue()[0], e.getKey() + " users");
            assertEquals(e.getValue()[1], a[1], 0.0, e.getKey() + " countries");
        }
    }

    @Test
    void mainPrintsTheTableTheLosslessRoundTripAndTheCatalog() {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            ReadmeExample.main(new String[] {ROOT.resolve("data").toString()});
        } finally {
            System.setOut(saved);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        Path prevalenceFile = ROOT.resolve("data/unodc-wdr2025-prevalence/extract.parquet");
        Extract original = ParquetExtracts.read(prevalenceFile);
        assertEquals(original.observations(), ObservationTables.fromTable(ObservationTables.toTable(original)),
                "the round trip the example shows is lossless");
        assertTrue(printed.contains(original.size() + " observations; first: " + original.observations().get(0)),
                printed);
        Catalog catalog = Catalog.load();
        assertTrue(printed.contains(catalog.entries().size() + " catalog figures, e.g. "
                + catalog.entries().get(0).title()), printed);
        assertTrue(printed.startsWith(ReadmeExample.cannabisUsersByRegion(prevalenceFile,
                ROOT.resolve("data/wpp2017-population/extract.parquet")).sortOn("region", "time_period").printAll()),
                printed);
    }
}
