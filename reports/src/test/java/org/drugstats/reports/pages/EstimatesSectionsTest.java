package org.drugstats.reports.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetTables;
import org.drugstats.core.results.ResultField;
import org.drugstats.core.stats.estimate.AreaEstimate;
import org.drugstats.core.stats.estimate.EstimateLevel;
import org.drugstats.core.stats.estimate.EstimatesContract;
import org.drugstats.core.stats.estimate.WdrDrug;
import org.drugstats.core.stats.uncertainty.Interval;
import org.drugstats.reports.Report;
import org.drugstats.reports.model.EstimateRow;
import org.drugstats.reports.model.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** results/estimates read back and shown at the top of the drug-use page, with the marks it promises. */
class EstimatesSectionsTest {
    private static final Origin ORIGIN = new Origin("unodc-annex-prevalence/fixture.xlsx",
            "United Nations Office on Drugs and Crime (UNODC)", "Fixture of annex 1.2", null, null, null, "2025", null,
            null, null, true);

    private static AreaEstimate row(EstimateLevel level, String code, String name, int year, double pct, double pop,
            double coverage, List<String> imputed, List<String> carried, boolean headline) {
        Interval p = Interval.of(pct * 0.8, pct, pct * 1.2);
        return new AreaEstimate(level, code, name, year, WdrDrug.CANNABIS, p, p.scale(pop / 100), pop, coverage, 10,
                4, imputed, carried, level == EstimateLevel.WORLD ? "sum-of-regions" : "sum-of-subregions", headline,
                headline ? "headline: coverage 0.80 >= 0.50" : "not a headline: coverage 0.20 below the minimum 0.50");
    }

    static Path write(Path run) throws Exception {
        List<AreaEstimate> es = List.of(
                row(EstimateLevel.WORLD, "WLD", "World", 2022, 4.0, 5.0e9, 0.6, List.of("AAA"), List.of("BBB:2019"), true),
                row(EstimateLevel.WORLD, "WLD", "World", 2023, 4.5, 5.2e9, 0.6, List.of("AAA"), List.of("BBB:2019",
                        "CCC:2021"), true),
                row(EstimateLevel.REGION, "UNODC_AFR", "Africa", 2023, 6.0, 0.8e9, 0.2, List.of("AAA", "DDD"),
                        List.of(), false),
                row(EstimateLevel.REGION, "UNODC_EUR", "Europe", 2023, 5.0, 0.5e9, 1.0, List.of(), List.of(), true));
        Table t = Table.create("estimates");
        List<Object[]> rows = new java.util.ArrayList<>();
        for (AreaEstimate e : es) {
            rows.addAll(EstimatesContract.rows(e));
        }
        for (int i = 0; i < EstimatesContract.COLUMNS.size(); i++) {
            ResultField f = EstimatesContract.COLUMNS.get(i);
            final int k = i;
            switch (f.type()) {
                case STRING -> t.addColumns(StringColumn.create(f.name(), rows.stream().map(r -> (String) r[k])));
                case DOUBLE -> t.addColumns(DoubleColumn.create(f.name(), rows.stream().mapToDouble(r -> (Double) r[k])));
                case INT -> t.addColumns(IntColumn.create(f.name(), rows.stream().mapToInt(r -> (Integer) r[k])
                        .toArray()));
                case BOOLEAN -> throw new AssertionError("no boolean column in the estimates: " + f);
            }
        }
        Path dir = run.resolve(RunResults.ESTIMATES);
        Files.createDirectories(dir);
        ParquetTables.write(dir.resolve("part-00000.parquet"), t, EstimatesContract.SCHEMA, List.of(ORIGIN));
        return run;
    }

    @Test
    void theRowsReadBackAsWritten(@TempDir Path tmp) throws Exception {
        RunResults r = RunResults.load(write(tmp.resolve("out")));
        assertEquals(8, r.estimates().size());
        EstimateRow w = r.estimates().stream().filter(e -> e.refArea().equals("WLD") && e.year() == 2023
                && e.indicator().equals("people_who_use_drugs")).findFirst().orElseThrow();
        assertEquals(4.5 * 5.2e9 / 100, w.value(), 1e-3);
        assertEquals(2, w.carriedCount());
        assertEquals(1, w.imputedCount());
        assertTrue(w.headline());
    }

    @Test
    void theDrugUsePageLeadsWithTheLatestYearAndMarksWhatIsNotAHeadline(@TempDir Path tmp) throws Exception {
        Path run = write(tmp.resolve("out"));
        Report.withDefaults().withHeadlines(List.of()).render(run, tmp.resolve("report"));
        String html = Files.readString(tmp.resolve("report").resolve(DrugUsePage.FILE));
        int lead = html.indexOf("World and regional drug use, 2023");
        assertTrue(lead > 0, "the section heading");
        assertTrue(lead < html.indexOf("Prevalence by drug and region"), "the estimates come first");
        // world 2023: 4.5% of 5.2 billion = 234.0 million (range 187.2-280.8)
        assertTrue(html.contains(">234.0<") && html.contains(">187.2<") && html.contains(">280.8<"), "world people");
        assertTrue(html.contains("Africa \u2020"), "Africa is marked as not a headline");
        assertTrue(html.contains("People who use drugs, 2022\u20132023"), "the trend section");
        assertTrue(html.contains("BBB:2019 CCC:2021"), "the carried countries with their survey years");
        assertTrue(html.contains("Any drug"), "the statement on any drug");
    }
}
