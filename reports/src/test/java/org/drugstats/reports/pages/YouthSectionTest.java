package org.drugstats.reports.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetTables;
import org.drugstats.core.geo.UnodcAssignment;
import org.drugstats.core.results.ResultField;
import org.drugstats.core.stats.estimate.AgePopulation;
import org.drugstats.core.stats.estimate.PopulationTable;
import org.drugstats.core.stats.youth.YouthContract;
import org.drugstats.core.stats.youth.YouthCountryEstimate;
import org.drugstats.core.stats.youth.YouthEstimator;
import org.drugstats.core.stats.youth.YouthPeriod;
import org.drugstats.core.stats.youth.YouthSettings;
import org.drugstats.core.stats.youth.YouthSummary;
import org.drugstats.core.stats.youth.YouthSurveyRow;
import org.drugstats.reports.Report;
import org.drugstats.reports.model.RunResults;
import org.drugstats.reports.model.YouthRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** results/youth_estimates read back and shown in the drug-use page's "Young people (students)" section. */
class YouthSectionTest {
    private static final Origin ORIGIN = new Origin("unodc-annex-prevalence-youth/fixture.xlsx",
            "United Nations Office on Drugs and Crime (UNODC)", "Fixture of annex 1.4", null, null, null, "2025", null,
            null, null, true);

    static Path write(Path run) throws Exception {
        List<YouthSurveyRow> survey = new ArrayList<>();
        String[][] rows = {
            {"AUT", "2019", "15-16", "18.9", "(SS) 15 - 16", ""},
            {"POL", "2019", "15-16", "16.7", "(SS) 15 - 16", ""},
            {"CHL", "2019", "15-16", "28.11", "(SS) 15 - 16", "Herb"},
            {"SEN", "2019", "15-16", "90.95", "15 - 16", ""},
            {"DEU", "2023", "12-17", "6.7", "12 - 17", ""},
            {"BRA", "2019", "15-16", "4.7", "(SS) 15 - 16", ""}};
        for (String[] r : rows) {
            survey.add(new YouthSurveyRow(r[0], "cannabis", YouthPeriod.ANNUAL, r[1], r[2], Double.parseDouble(r[3]),
                    r[4], r[5], "", "ARQ", ""));
        }
        List<UnodcAssignment> geo = List.of(
                new UnodcAssignment("AUT", "UNODC_EUR", "Europe", "UNODC_EUR_WC", "Western and Central Europe", "t"),
                new UnodcAssignment("POL", "UNODC_EUR", "Europe", "UNODC_EUR_WC", "Western and Central Europe", "t"),
                new UnodcAssignment("DEU", "UNODC_EUR", "Europe", "UNODC_EUR_WC", "Western and Central Europe", "t"),
                new UnodcAssignment("CHL", "UNODC_AME", "Americas", "UNODC_AME_S", "South America", "t"),
                new UnodcAssignment("BRA", "UNODC_AME", "Americas", "UNODC_AME_S", "South America", "t"),
                new UnodcAssignment("SEN", "UNODC_AFR", "Africa", "UNODC_AFR_W", "West and Central Africa", "t"));
        PopulationTable.Builder pb = PopulationTable.builder();
        for (UnodcAssignment a : geo) {
            pb.put(a.iso3(), 2023, new AgePopulation(100, 200, 1000, 4000, 500));
        }
        YouthSettings settings = YouthSettings.defaults();
        YouthEstimator est = YouthEstimator.of(settings);
        List<YouthCountryEstimate> latest = est.latest(survey);
        List<YouthSummary> summaries = est.summaries(latest, pb.build(), geo);
        List<Object[]> values = YouthContract.rows(latest, summaries, Map.of("UNODC_EUR", "Europe", "UNODC_AME",
                "Americas", "UNODC_AFR", "Africa", "WLD", "World", "AUT", "Austria", "CHL", "Chile", "SEN",
                "Senegal"), settings);
        Table t = Table.create("youth_estimates");
        List<ResultField> fields = YouthContract.TABLE.fields();
        for (int i = 0; i < fields.size(); i++) {
            ResultField f = fields.get(i);
            Column<?> col = switch (f.type()) {
                case STRING -> StringColumn.create(f.name());
                case DOUBLE -> DoubleColumn.create(f.name());
                case INT -> IntColumn.create(f.name());
                case BOOLEAN -> BooleanColumn.create(f.name());
            };
            for (Object[] v : values) {
                Object x = v[i];
                if (x == null) {
                    col.appendMissing();
                } else if (col instanceof StringColumn s) {
                    s.append((String) x);
                } else if (col instanceof DoubleColumn d) {
                    d.append((Double) x);
                } else if (col instanceof IntColumn n) {
                    n.append((Integer) x);
                } else {
                    ((BooleanColumn) col).append((Boolean) x);
                }
            }
            t.addColumns(col);
        }
        Path dir = run.resolve(RunResults.YOUTH_ESTIMATES);
        Files.createDirectories(dir);
        ParquetTables.write(dir.resolve("part-00000.parquet"), t, YouthContract.TABLE.schemaVersion(),
                List.of(ORIGIN));
        EstimatesSectionsTest.write(run);
        return run;
    }

    @Test
    void theRowsReadBackAsWritten(@TempDir Path tmp) throws Exception {
        RunResults r = RunResults.load(write(tmp.resolve("out")));
        assertEquals(List.of(), r.warnings());
        YouthRow eur = r.youth().stream().filter(y -> y.refArea().equals("UNODC_EUR")
                && y.indicator().equals("prevalence_youth_annual")).findFirst().orElseThrow();
        // Austria and Poland, equal populations: (18.9 + 16.7) / 2; Germany (12-17) has no 15-16 survey
        assertEquals(17.8, eur.value(), 1e-12);
        assertEquals(2.0 / 3, eur.coverage(), 1e-12);
        assertEquals("AUT:2019;POL:2019", eur.withDataAreas());
        assertTrue(eur.headline(), "coverage 0.67 >= 0.5");
        YouthRow sen = r.youth().stream().filter(y -> y.refArea().equals("SEN")).findFirst().orElseThrow();
        assertFalse(sen.headline(), "Senegal's 90.95% is flagged");
        assertEquals(2019, sen.surveyYear());
    }

    @Test
    void theDrugUsePageHasTheStudentsSectionApartFromThe15to64Estimates(@TempDir Path tmp) throws Exception {
        Path run = write(tmp.resolve("out"));
        Report.withDefaults().withHeadlines(List.of()).render(run, tmp.resolve("report"));
        String html = Files.readString(tmp.resolve("report").resolve(DrugUsePage.FILE));
        int students = html.indexOf("Young people (students), 2023");
        assertTrue(students > 0, "the section heading");
        assertTrue(html.indexOf("World and regional drug use, 2023") < students, "after the 15-64 estimates");
        assertTrue(students < html.indexOf("Prevalence by drug and region"), "before the plain aggregates");
        assertTrue(html.contains("table 1.4"), "the source table is named");
        assertTrue(html.contains(">17.8<"), "Europe's weighted mean");
        assertTrue(html.contains(">66.7<"), "Europe's coverage in percent");
        assertTrue(html.contains("Africa"), "Africa is listed");
        assertTrue(html.contains("Senegal 2019 cannabis " + org.drugstats.reports.format.Numbers.number(90.95) + "%"),
                "the flagged value is named in the caveats");
        assertTrue(html.contains("latest-survey-component-max"), "Chile's herb-only value is marked");
        assertTrue(html.contains("youth-countries-cannabis.png"), "a chart per drug");
    }
}
