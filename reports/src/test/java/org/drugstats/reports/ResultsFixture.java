package org.drugstats.reports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.drugstats.core.data.CsvExtracts;
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ObservationTables;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.ParquetTables;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Unit;
import org.drugstats.reports.model.Headline;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A small results directory, written with core's writers in the layout of the results contract, that gives
 * every page of the report something to show. Its numbers are invented for the test (origins marked
 * synthetic). It contains hostile text: a country and a source whose names hold {@code <script>} and quotes.
 */
public final class ResultsFixture {

    /** A country name that must render as text. */
    public static final String EVIL_COUNTRY = "Evil \"Quoted\" Land <script>alert(1)</script>";
    /** A source that must render as text. */
    public static final String EVIL_SOURCE = "Survey 'Q' \"2019\" <img src=x onerror=alert(2)>";

    static final Origin WDR = new Origin("unodc-wdr2025-fixture", "United Nations Office on Drugs and Crime (UNODC)",
            "Fixture of WDR 2025 annex tables <b>1.2, 6.1.1, 7.1</b>", "UNODC (2025) fixture", "https://example.org",
            "CC BY 3.0 IGO", "2025", "fixture.xlsx", "abc123", "made by ResultsFixture", true);
    static final Origin ONS = new Origin("ons-sdg-351-fixture", "Office for National Statistics (ONS)",
            "Fixture of SDG 3.5.1 England", null, null, "OGL v3", "2020", null, null, null, true);
    static final Origin INCB = new Origin("incb-fixture", "International Narcotics Control Board (INCB)",
            "Fixture of opioid consumption", null, null, null, "2021", null, null, null, true);
    static final Origin NCHS = new Origin("nchs-fixture", "National Center for Health Statistics (NCHS)",
            "Fixture of drug poisoning mortality by state", null, null, "public domain", "2018", null, null, null,
            true);
    static final Origin EUDA = new Origin("euda-ww-fixture", "European Union Drugs Agency (EUDA)",
            "Fixture of waste-water analysis", null, null, "EUDA", "2025", null, null, null, true);
    static final List<Origin> ORIGINS = List.of(WDR, ONS, INCB, NCHS, EUDA);
    /** The footnotes of annex 6.1.1 that tell Peru's two coca series apart, as the ingest writes them. */
    static final String PERU_B = "footnote b: Figures represent the area under coca cultivation as interpreted on "
            + "satellite imagery (without deductions for subsequent eradication).";
    static final String PERU_C = "footnote c: Net area on 31 December, deducting fields eradicated after satellite "
            + "imagery was taken.";
    /** Issue 14's indicators. */
    static final String DEATH_RATE = "drug_poisoning_death_rate_age_adjusted";
    static final String WW_LOAD = "wastewater_mass_load";

    private ResultsFixture() {
    }

    /** Headline figures for the overview, among them some the fixture recomputes. */
    public static List<Headline> headlines() {
        return List.of(
                new Headline("people_with_dud.global.2021", "People with drug use disorders, world", 39.5, Double.NaN,
                        Double.NaN, "persons", 6, "2021", "World", "people_with_dud", null,
                        "CND background note <2024>", "para. 3", "WDR 2023", "WDR 2023",
                        "39.5 million people suffered from drug use disorders", null),
                new Headline("treatment_one_in_n.global.wdr2023", "People with drug use disorders in treatment", 5,
                        Double.NaN, Double.NaN, "one-in-n", 0, null, "World", "treatment_one_in_n", "3.5.1",
                        "CND background note", "para. 4", "WDR 2023 Special Points", "WDR 2023",
                        "only 1 in 5 persons", null),
                new Headline("medicine_consumption.population_share.global.wdr2023", "Population share", 84, Double.NaN,
                        Double.NaN, "percent", 0, null, "World", "consumption_lorenz_population_share", null,
                        "CND background note", "para. 5", "WDR 2023", "WDR 2023",
                        "84% of the world population accounts for 7.5% of consumption", null),
                new Headline("medicine_consumption.consumption_share.global.wdr2023", "Consumption share", 7.5,
                        Double.NaN, Double.NaN, "percent", 0, null, "World", "consumption_lorenz_consumption_share",
                        null, "CND background note", "para. 5", "WDR 2023", "WDR 2023",
                        "84% of the world population accounts for 7.5% of consumption", null),
                new Headline("cultivation_area_coca.global.2013.wdr2025", "Global area under coca bush cultivation, "
                        + "2013", 120800, Double.NaN, Double.NaN, "hectares", 0, "2013", "World",
                        "cultivation_area_coca", null, "WDR 2025 annex 6.1.1", "Total row", null, "WDR 2025", "120 800",
                        null),
                new Headline("cultivation_area_coca.change.2013_2017", "Coca cultivation 2017 relative to 2013", 2,
                        Double.NaN, Double.NaN, "ratio", 0, "2013-2017", "World", "cultivation_area_coca", null,
                        "E/CN.7/2020/2", "para. 9", "WDR 2019", "WDR 2019", "doubled", "approximately"),
                new Headline("people_who_use_drugs.global.2021", "People who used drugs in the past year, world", 296,
                        Double.NaN, Double.NaN, "persons", 6, "2021", "World", "people_who_use_drugs", null,
                        "WDR 2023", "Booklet 1", null, "WDR 2023", "296 million", null),
                new Headline("ids_submissions.global.2022", "Member States submitting IDS data", 92, Double.NaN,
                        Double.NaN, "count", 0, "2022", "World", "ids_submissions", null, "CND background note",
                        "para. 7", null, null, "92 Member States", null),
                new Headline("cultivation_area_opium_poppy.global.2018.wdr2019", "Global area under opium poppy "
                        + "cultivation, 2018", 345900, Double.NaN, Double.NaN, "hectares", 0, "2018", "World",
                        "cultivation_area_opium_poppy", null, "E/CN.7/2020/2", "para. 9", "WDR 2019", "WDR 2019",
                        "345,900 hectares", "approximately"),
                new Headline("iff.sdg_target.year", "Target year for reducing IFFs", 2030, Double.NaN, Double.NaN,
                        "year", 0, "2015", "World", "target_year", "16.4", "A/RES/70/1", "target 16.4", null, null,
                        "by 2030", null));
    }

    /** Writes the fixture run into {@code dir} (created) and returns it. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("results"));
        writeObservations(dir);
        writeAggregates(dir);
        writeIndicators(dir);
        writeTrends(dir);
        writeInequality(dir);
        writeManifest(dir);
        writeQuarantine(dir);
        return dir;
    }

    private static Observation.Builder obs(String indicator, String area, int year, double value, Unit unit,
            String origin) {
        return Observation.builder().indicator(indicator).refArea(area).timePeriod(year).age("15-64").value(value)
                .unit(unit).origin(origin);
    }

    static List<Observation> observations() {
        List<Observation> o = new ArrayList<>();
        // prevalence: two drugs, several countries; one with a nonstandard age base; one hostile name and source
        String[][] cannabis = {{"COL", "Colombia", "2019", "2.64", "2.1", "3.3", "12-65"},
            {"USA", "United States of America ", "2022", "21.9", "21.2", "22.6", "12+"},
            {"FRA", "France", "2021", "10.6", "", "", "15-64"},
            {"ZZX", EVIL_COUNTRY, "2020", "5.0", "4.0", "6.0", "15-64"},
            {"NGA", "Nigeria", "2018", "10.8", "10.1", "11.5", "15-64"},
            {"AUS", "Australia", "2019", "11.6", "", "", "14+"}, {"CAN", "Canada", "2019", "16.8", "", "", "15+"},
            {"DEU", "Germany", "2021", "8.8", "", "", "18-64"}, {"EGY", "Egypt", "2016", "2.7", "2.0", "3.4", "15-64"},
            {"IND", "India", "2018", "2.8", "2.5", "3.1", "10-75"}, {"BRA", "Brazil", "2015", "2.5", "", "", "12-65"}};
        for (String[] r : cannabis) {
            Observation.Builder b = obs("prevalence_annual", r[0], Integer.parseInt(r[2]), Double.parseDouble(r[3]),
                    Unit.PERCENT, WDR.id()).age(r[6]).drug("cannabis").method("HHS").areaName(r[1])
                    .source(r[0].equals("ZZX") ? EVIL_SOURCE : "National household survey " + r[2]);
            if (!r[4].isEmpty()) {
                b.lower(Double.parseDouble(r[4])).upper(Double.parseDouble(r[5]));
            }
            if (!r[6].equals("15-64")) {
                b.flag(QualityFlag.NONSTANDARD_AGE_BASE).adjustment("a");
            }
            o.add(b.build());
        }
        o.add(obs("prevalence_annual", "COL", 2013, 3.3, Unit.PERCENT, WDR.id()).drug("cannabis").areaName("Colombia")
                .method("HHS").build());
        o.add(obs("prevalence_annual", "COL", 2019, 0.6, Unit.PERCENT, WDR.id()).drug("cocaine").lower(0.5).upper(0.7)
                .areaName("  Colombia a").method("HHS").build());
        o.add(obs("prevalence_annual", "USA", 2022, 2.1, Unit.PERCENT, WDR.id()).drug("cocaine").age("12+")
                .areaName("United States of America").build());
        // coca cultivation: countries (Peru with two methods) and the published total
        double[][] col = {{2013, 48000, 45000, 51000}, {2015, 96000, 90000, 102000}, {2017, 171000, 160000, 182000},
            {2019, 154000, 143000, 165000}, {2021, 204000, 190000, 218000}, {2023, 253000, 235000, 271000}};
        for (double[] r : col) {
            o.add(obs("cultivation_area_coca", "COL", (int) r[0], r[1], Unit.HECTARES, WDR.id()).age("_T")
                    .lower(r[2]).upper(r[3]).drug("coca bush").areaName("  Colombia a").build());
        }
        double[][] per = {{2013, 49800}, {2015, 40300}, {2017, 49900}, {2019, 54700}, {2021, 80700}, {2023, 92800}};
        for (double[] r : per) {
            o.add(obs("cultivation_area_coca", "PER", (int) r[0], r[1], Unit.HECTARES, WDR.id()).age("_T")
                    .drug("coca bush").method("b").areaName("  Peru b").flag(QualityFlag.FOOTNOTE)
                    .notes(PERU_B).build());
        }
        o.add(obs("cultivation_area_coca", "PER", 2023, 90100, Unit.HECTARES, WDR.id()).age("_T").drug("coca bush")
                .method("c").areaName("  Peru c").obsStatus(ObsStatus.ESTIMATED).flag(QualityFlag.FOOTNOTE)
                .notes(PERU_C).build());
        double[][] total = {{2013, 120800}, {2015, 156500}, {2017, 245400}, {2019, 234200}, {2021, 315500},
            {2023, 378000}};
        for (double[] r : total) {
            o.add(obs("cultivation_area_coca", "WLD", (int) r[0], r[1], Unit.HECTARES, WDR.id()).age("_T")
                    .drug("coca bush").areaName("Total").flag(QualityFlag.PUBLISHED_AGGREGATE).build());
        }
        // seizures by country
        o.add(obs("seizures_quantity", "COL", 2022, 670000, Unit.KILOGRAMS, WDR.id()).age("_T").drug("cocaine")
                .drugGroup("Cocaine-type").areaName("Colombia").build());
        o.add(obs("seizures_quantity", "ZZX", 2022, 12, Unit.KILOGRAMS, WDR.id()).age("_T").drug("heroin")
                .drugGroup("Opiates").areaName(EVIL_COUNTRY).source(EVIL_SOURCE).build());
        // England SDG 3.5.1 inputs (alcohol)
        double[][] eng = {{2010, 116243, 580974}, {2012, 114920, 595131}, {2014, 104511, 589101},
            {2016, 93385, 586780}, {2018, 80469, 586780}};
        for (double[] r : eng) {
            String period = (int) r[0] + "/" + String.format("%02d", ((int) r[0] + 1) % 100);
            o.add(obs("people_in_treatment", "GBR_ENG", 0, r[1], Unit.PERSONS, ONS.id()).timePeriod(period).age("18+")
                    .drug("alcohol").areaName("England").build());
            o.add(obs("people_with_sud", "GBR_ENG", 0, r[2], Unit.PERSONS, ONS.id()).timePeriod(period).age("18+")
                    .drug("alcohol").areaName("England").build());
        }
        // issue 14: NCHS age-adjusted drug-poisoning death rates (Alabama 1999 and 2017, United States, as in the
        // NCHS file) and EUDA waste-water mass loads (Graz MDMA, daily means 2023 and 2024, as in the EUDA file)
        double[][] deaths = {{1999, 3.8521, 0}, {2017, 17.9803, 0}, {1999, 6.057, 1}, {2006, 11.4, 1},
            {2017, 21.7048, 1}};
        for (double[] r : deaths) {
            Observation.Builder b = obs(DEATH_RATE, "USA", (int) r[0], r[1], Unit.PER_100K, NCHS.id()).age("_T");
            o.add((r[2] == 0 ? b.subArea("US-AL").areaName("Alabama") : b.areaName("United States")).build());
        }
        double[][] graz = {{2023, 23.73}, {2024, 15.53}};
        for (double[] r : graz) {
            o.add(obs(WW_LOAD, "AUT", (int) r[0], r[1], Unit.MG_PER_1000_PER_DAY, EUDA.id()).age("_T")
                    .drug("MDMA").subArea("AT001").areaName("Graz").build());
        }
        // one imputed input value
        o.add(obs("population_15_64", "ZZX", 2020, 1.5, Unit.PERSONS, WDR.id()).unitMult(6)
                .obsStatus(ObsStatus.IMPUTED).areaName(EVIL_COUNTRY).build());
        return o;
    }

    private static void writeObservations(Path dir) {
        Path d = dir.resolve("results/observations");
        ParquetExtracts.write(mkdirs(d).resolve("part-00000.parquet"), Extract.of(observations(), ORIGINS).sorted());
    }

    private static Path mkdirs(Path d) {
        try {
            return Files.createDirectories(d);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A canonical table with extra string/double/int columns computed per row. */
    private static Table withExtras(String name, List<Observation> rows, List<String> names,
            List<Function<Integer, Object>> values) {
        Table t = ObservationTables.toTable(name, rows);
        for (int c = 0; c < names.size(); c++) {
            Object sample = values.get(c).apply(0);
            if (sample instanceof Double) {
                DoubleColumn col = DoubleColumn.create(names.get(c));
                for (int r = 0; r < rows.size(); r++) {
                    col.append((Double) values.get(c).apply(r));
                }
                t.addColumns(col);
            } else if (sample instanceof Integer) {
                IntColumn col = IntColumn.create(names.get(c));
                for (int r = 0; r < rows.size(); r++) {
                    col.append((Integer) values.get(c).apply(r));
                }
                t.addColumns(col);
            } else {
                StringColumn col = StringColumn.create(names.get(c));
                for (int r = 0; r < rows.size(); r++) {
                    Object v = values.get(c).apply(r);
                    col.append(v == null ? "" : v.toString());
                }
                t.addColumns(col);
            }
        }
        return t;
    }

    private static void writeAggregates(Path dir) {
        List<Observation> rows = new ArrayList<>();
        List<String> level = new ArrayList<>();
        List<Double> coverage = new ArrayList<>();
        List<Integer> nAreas = new ArrayList<>();
        List<Integer> nWith = new ArrayList<>();
        List<String> imputed = new ArrayList<>();
        Object[][] agg = {{"WLD", "world", "cannabis", 2022, 4.3, 3.6, 5.3, 0.82, 190, 120, "AFG;ZZX"},
            {"UNODC_AME", "unodc_region", "cannabis", 2022, 8.8, 8.6, 9.0, 0.95, 35, 30, "HTI"},
            {"UNODC_AFR", "unodc_region", "cannabis", 2022, 6.4, 3.6, 9.4, 0.41, 54, 20, "TCD;NER"},
            {"WLD", "world", "cocaine", 2022, 0.4, 0.3, 0.5, 0.7, 190, 90, ""},
            {"UNODC_AME", "unodc_region", "cocaine", 2022, 1.4, 1.3, 1.5, 0.9, 35, 25, ""}};
        for (Object[] a : agg) {
            rows.add(obs("prevalence_annual", (String) a[0], (Integer) a[3], (Double) a[4], Unit.PERCENT, WDR.id())
                    .lower((Double) a[5]).upper((Double) a[6]).drug((String) a[2]).method("population-weighted")
                    .obsStatus(ObsStatus.ESTIMATED).build());
            level.add((String) a[1]);
            coverage.add((Double) a[7]);
            nAreas.add((Integer) a[8]);
            nWith.add((Integer) a[9]);
            imputed.add((String) a[10]);
        }
        rows.add(obs("prevalence_annual", "UNODC_OCE", 2022, 0, Unit.PERCENT, WDR.id()).missing().drug("cocaine")
                .method("population-weighted").notes("coverage 0.12 below the minimum 0.5").flag(QualityFlag.LOW_COVERAGE)
                .build());
        level.add("unodc_region");
        coverage.add(0.12);
        nAreas.add(16);
        nWith.add(2);
        imputed.add("");
        // a sum of reported areas: 9% of the Americas' population lives in the three producing countries
        rows.add(obs("cultivation_area_coca", "UNODC_AME", 2023, 378000, Unit.HECTARES, WDR.id()).age("_T")
                .drug("coca bush").method("sum-of-reported").obsStatus(ObsStatus.ESTIMATED).build());
        level.add("unodc_region");
        coverage.add(0.09);
        nAreas.add(40);
        nWith.add(3);
        imputed.add("");
        Table t = withExtras("aggregates", rows, List.of("level", "coverage", "n_areas", "n_with_data", "imputed_areas"),
                List.of(level::get, i -> coverage.get(i), i -> nAreas.get(i), i -> nWith.get(i), imputed::get));
        ParquetTables.write(mkdirs(dir.resolve("results/aggregates")).resolve("part-00000.parquet"), t,
                "drugstats-aggregates/1", List.of(WDR));
    }

    private static void writeIndicators(Path dir) {
        List<Observation> rows = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        rows.add(obs("people_who_use_drugs", "WLD", 2022, 219, Unit.PERSONS, WDR.id()).unitMult(6).lower(183.0)
                .upper(270.0).drug("cannabis").method("prevalence x population").obsStatus(ObsStatus.ESTIMATED).build());
        inputs.add("prevalence_annual;population_15_64");
        rows.add(obs("people_who_use_drugs", "UNODC_AME", 2022, 60.1, Unit.PERSONS, WDR.id()).unitMult(6).lower(58.7)
                .upper(61.4).drug("cannabis").method("prevalence x population").obsStatus(ObsStatus.ESTIMATED).build());
        inputs.add("prevalence_annual;population_15_64");
        double[][] eng = {{2010, 116243, 580974}, {2012, 114920, 595131}, {2014, 104511, 589101},
            {2016, 93385, 586780}, {2018, 80469, 586780}};
        for (double[] r : eng) {
            String period = (int) r[0] + "/" + String.format("%02d", ((int) r[0] + 1) % 100);
            double cov = 100 * r[1] / r[2];
            rows.add(obs("treatment_coverage", "GBR_ENG", 0, cov, Unit.PERCENT, ONS.id()).timePeriod(period)
                    .age("18+").drug("alcohol").method("people in treatment / people with the disorder").build());
            inputs.add("people_in_treatment;people_with_sud");
            rows.add(obs("treatment_gap", "GBR_ENG", 0, 100 - cov, Unit.PERCENT, ONS.id()).timePeriod(period)
                    .age("18+").drug("alcohol").method("100 - coverage").build());
            inputs.add("treatment_coverage");
            rows.add(obs("treatment_one_in_n", "GBR_ENG", 0, Math.round(100 / cov), Unit.ONE_IN_N, ONS.id())
                    .timePeriod(period).age("18+").drug("alcohol").method("1 / coverage").build());
            inputs.add("treatment_coverage");
        }
        String[] regions = {"WLD", "UNODC_AME", "UNODC_EUR"};
        String[] groups = {"Cocaine-type", "Cannabis-type", "Opiates"};
        double[][] kg = {{1900000, 5800000, 520000}, {1700000, 2100000, 30000}, {150000, 900000, 90000}};
        for (int y = 2019; y <= 2023; y++) {
            for (int r = 0; r < regions.length; r++) {
                for (int g = 0; g < groups.length; g++) {
                    rows.add(obs("seizures_quantity", regions[r], y, kg[r][g] * (1 + 0.05 * (y - 2019)), Unit.KILOGRAMS,
                            WDR.id()).age("_T").drugGroup(groups[g]).method("sum of reported country seizures")
                            .build());
                    inputs.add("seizures_quantity");
                }
            }
        }
        for (double[] r : new double[][] {{2023, 23.73}, {2024, 15.53}}) { // one site: the mean is its load
            rows.add(obs("wastewater_mass_load_mean", "M49_150", (int) r[0], r[1], Unit.MG_PER_1000_PER_DAY,
                    EUDA.id()).age("_T").drug("MDMA").method("population-weighted mean of the sites")
                    .notes("1 sites, population served 291007").build());
            inputs.add(WW_LOAD);
        }
        rows.add(obs("cultivation_area_coca", "WLD", 2023, 19.8, Unit.PERCENT_CHANGE, WDR.id()).age("_T")
                .drug("coca bush").method("year-on-year change of the total").build());
        inputs.add("cultivation_area_coca");
        // opium poppy (WDR 2025 annex 6.2.1): Afghanistan 2018 with bounds, 2019 not held by the workbook (missing,
        // bounds only), the annex world total 2018-2019 and a change
        String op = "cultivation_area_opium_poppy";
        rows.add(obs(op, "AFG", 2018, 263000, Unit.HECTARES, WDR.id()).age("_T").lower(242000.0).upper(283000.0)
                .drug("opium poppy").method("as-published").obsStatus(ObsStatus.NORMAL).build());
        rows.add(obs(op, "AFG", 2019, 0, Unit.HECTARES, WDR.id()).value(null).age("_T").lower(149000.0)
                .upper(178000.0).drug("opium poppy").method("as-published").obsStatus(ObsStatus.MISSING)
                .flags(java.util.EnumSet.of(org.drugstats.core.data.QualityFlag.STALE_FORMULA))
                .notes("stale: the cell is a formula linking to another workbook").build());
        rows.add(obs(op, "WLD", 2018, 345703.2912498035, Unit.HECTARES, WDR.id()).age("_T").lower(310303.2912498035)
                .upper(382403.2912498035).drug("opium poppy").method("published-total").obsStatus(ObsStatus.NORMAL)
                .notes("published rounded 345700").build());
        rows.add(obs(op, "WLD", 2019, 236650.58452662788, Unit.HECTARES, WDR.id()).age("_T").lower(209350.58452662788)
                .upper(262726.58452662791).drug("opium poppy").method("published-total").obsStatus(ObsStatus.NORMAL)
                .build());
        for (int i = 0; i < 4; i++) {
            inputs.add(op);
        }
        rows.add(obs(op + "_change", "WLD", 2019, 100 * (236650.58452662788 - 345703.2912498035) / 345703.2912498035,
                Unit.PERCENT_CHANGE, WDR.id()).age("_T").drug("opium poppy").method("percent-change")
                .obsStatus(ObsStatus.ESTIMATED).notes("change from 2018 of the published total").build());
        inputs.add(op);
        Table t = withExtras("indicators", rows, List.of("inputs"), List.of(inputs::get));
        ParquetTables.write(mkdirs(dir.resolve("results/indicators")).resolve("part-00000.parquet"), t,
                "drugstats-indicators/1", ORIGINS);
    }

    private static void writeTrends(Path dir) {
        List<String> cols = List.of("series_id", "indicator", "ref_area", "sex", "age", "drug", "unit", "method",
                "selection", "note");
        List<String> num = List.of("seg_start", "seg_end", "slope", "apc", "apc_lower", "apc_upper", "p_value",
                "aapc", "aapc_lower", "aapc_upper", "aapc_start", "aapc_end", "mk_s", "mk_var_s", "mk_z", "mk_p", "tau",
                "sen_slope", "sen_intercept", "sen_lower", "sen_upper");
        Table t = Table.create("trends");
        cols.forEach(c -> t.addColumns(StringColumn.create(c)));
        t.addColumns(IntColumn.create("n"), IntColumn.create("k"), IntColumn.create("segment"));
        num.forEach(c -> t.addColumns(DoubleColumn.create(c)));
        String coca = "cultivation_area_coca|COL|T|_T|coca bush|joinpoint";
        addTrend(t, new String[] {coca, "cultivation_area_coca", "COL", "T", "_T", "coca bush", "hectares", "joinpoint",
            "permutation", ""}, 6, 1, 0, new double[] {2013, 2017, 0.32, 37.7, 20.1, 57.9, 0.002, 18.3, 9.0, 28.4, 2013,
                2023});
        addTrend(t, new String[] {coca, "cultivation_area_coca", "COL", "T", "_T", "coca bush", "hectares", "joinpoint",
            "permutation", "note with <em>markup</em> & \"quotes\""}, 6, 1, 1, new double[] {2017, 2023, 0.067, 6.9,
                -2.0, 16.6, 0.11, 18.3, 9.0, 28.4, 2013, 2023});
        String tc = "treatment_coverage|GBR_ENG|T|18+|alcohol|loglinear";
        addTrend(t, new String[] {tc, "treatment_coverage", "GBR_ENG", "T", "18+", "alcohol", "percent", "loglinear",
            "", ""}, 5, 0, 0, new double[] {2010, 2018, -0.046, -4.5, -6.9, -2.0, 0.006, -4.5, -6.9, -2.0, 2010, 2018});
        String us = DEATH_RATE + "|USA|T|_T||joinpoint";
        addTrend(t, new String[] {us, DEATH_RATE, "USA", "T", "_T", "", "per-100k", "joinpoint", "bic", ""}, 3, 1, 0,
                new double[] {1999, 2006, 0.091, 9.5, 7.0, 12.1, 0.001, 5.9, 4.8, 7.0, 1999, 2017});
        addTrend(t, new String[] {us, DEATH_RATE, "USA", "T", "_T", "", "per-100k", "joinpoint", "bic", ""}, 3, 1, 1,
                new double[] {2006, 2017, 0.058, 5.9, 4.1, 7.8, 0.002, 5.9, 4.8, 7.0, 1999, 2017});
        String mk = "seizures_quantity|WLD|T|_T||mann-kendall";
        Object[] mkRow = {mk, "seizures_quantity", "WLD", "T", "_T", "", "kg", "mann-kendall", "", "Cocaine-type"};
        addTrend(t, (String[]) java.util.Arrays.copyOf(mkRow, mkRow.length, String[].class), 5, null, null,
                new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        int last = t.rowCount() - 1;
        double[] mkValues = {10, 16.667, 2.205, 0.027, 1.0, 95000, 1900000, 80000, 110000};
        String[] mkCols = {"mk_s", "mk_var_s", "mk_z", "mk_p", "tau", "sen_slope", "sen_intercept", "sen_lower",
            "sen_upper"};
        for (int i = 0; i < mkCols.length; i++) {
            t.doubleColumn(mkCols[i]).set(last, mkValues[i]);
        }
        ParquetTables.write(mkdirs(dir.resolve("results/trends")).resolve("part-00000.parquet"), t,
                "drugstats-trends/1", ORIGINS);

        Table p = Table.create("trend_points", StringColumn.create("series_id"), StringColumn.create("method"),
                DoubleColumn.create("x"), DoubleColumn.create("y"), DoubleColumn.create("fitted"),
                BooleanColumn.create("imputed"));
        double[][] colPts = {{2013, 48000, 47000}, {2015, 96000, 89000}, {2017, 171000, 169000}, {2019, 154000, 193000},
            {2021, 204000, 220000}, {2023, 253000, 252000}};
        for (double[] r : colPts) {
            addPoint(p, coca, "joinpoint", r[0], r[1], r[2], r[0] == 2015);
        }
        double[][] tcPts = {{2010, 20.0, 20.3}, {2012, 19.3, 18.6}, {2014, 17.7, 17.0}, {2016, 15.9, 15.5},
            {2018, 13.7, 14.2}};
        for (double[] r : tcPts) {
            addPoint(p, tc, "loglinear", r[0], r[1], r[2], false);
        }
        for (double[] r : new double[][] {{1999, 6.057, 6.1}, {2006, 11.4, 11.3}, {2017, 21.7048, 21.2}}) {
            addPoint(p, us, "joinpoint", r[0], r[1], r[2], false);
        }
        ParquetTables.write(mkdirs(dir.resolve("results/trend_points")).resolve("part-00000.parquet"), p,
                "drugstats-trend-points/1", ORIGINS);
    }

    private static void addTrend(Table t, String[] text, Integer n, Integer k, Integer segment, double[] seg) {
        String[] cols = {"series_id", "indicator", "ref_area", "sex", "age", "drug", "unit", "method", "selection",
            "note"};
        for (int i = 0; i < cols.length; i++) {
            t.stringColumn(cols[i]).append(text[i]);
        }
        appendInt(t.intColumn("n"), n);
        appendInt(t.intColumn("k"), k);
        appendInt(t.intColumn("segment"), segment);
        String[] num = {"seg_start", "seg_end", "slope", "apc", "apc_lower", "apc_upper", "p_value", "aapc",
            "aapc_lower", "aapc_upper", "aapc_start", "aapc_end"};
        for (int i = 0; i < num.length; i++) {
            t.doubleColumn(num[i]).append(seg[i]);
        }
        for (String c : List.of("mk_s", "mk_var_s", "mk_z", "mk_p", "tau", "sen_slope", "sen_intercept", "sen_lower",
                "sen_upper")) {
            t.doubleColumn(c).appendMissing();
        }
    }

    private static void appendInt(IntColumn c, Integer v) {
        if (v == null) {
            c.appendMissing();
        } else {
            c.append(v);
        }
    }

    private static void addPoint(Table p, String id, String method, double x, double y, double fitted,
            boolean imputed) {
        p.stringColumn("series_id").append(id);
        p.stringColumn("method").append(method);
        p.doubleColumn("x").append(x);
        p.doubleColumn("y").append(y);
        p.doubleColumn("fitted").append(fitted);
        p.booleanColumn("imputed").append(imputed);
    }

    private static void writeInequality(Path dir) throws IOException {
        String[][] rows = {{"TCD", "Chad", "17000000", "0", "very low"}, {"IND", "India", "1324000000", "1300",
            "very low"}, {"NGA", "Nigeria", "186000000", "400", "low"}, {"ZZX", EVIL_COUNTRY, "5000000", "50",
                "moderate"}, {"BRA", "Brazil", "207000000", "2900", "moderate"}, {"DEU", "Germany", "82000000",
                    "9000", "adequate"}, {"CAN", "Canada", "36000000", "6000", "adequate"}};
        double totalPop = 0;
        double totalCons = 0;
        for (String[] r : rows) {
            totalPop += Double.parseDouble(r[2]);
            totalCons += Double.parseDouble(r[3]);
        }
        Table t = Table.create("inequality", StringColumn.create("ranking"), StringColumn.create("area"),
                StringColumn.create("area_name"), DoubleColumn.create("population"), DoubleColumn.create("consumption"),
                DoubleColumn.create("per_capita"), DoubleColumn.create("cum_population_share"),
                DoubleColumn.create("cum_consumption_share"), StringColumn.create("adequacy"));
        double cp = 0;
        double cc = 0;
        for (String[] r : rows) {
            double pop = Double.parseDouble(r[2]);
            double cons = Double.parseDouble(r[3]);
            cp += pop;
            cc += cons;
            t.stringColumn("ranking").append("consumption per capita");
            t.stringColumn("area").append(r[0]);
            t.stringColumn("area_name").append(r[1]);
            t.doubleColumn("population").append(pop);
            t.doubleColumn("consumption").append(cons);
            t.doubleColumn("per_capita").append(cons / pop);
            t.doubleColumn("cum_population_share").append(cp / totalPop);
            t.doubleColumn("cum_consumption_share").append(cc / totalCons);
            t.stringColumn("adequacy").append(r[4]);
        }
        ParquetTables.write(mkdirs(dir.resolve("results/inequality")).resolve("part-00000.parquet"), t,
                "drugstats-inequality/1", List.of(INCB));
        Files.writeString(dir.resolve("results/inequality.json"), """
                {"gini": 0.512, "consumption_share_of_bottom": {"0.84": 0.0931, "0.5": 0.012},
                 "population_share_of_bottom": {"0.075": 0.8},
                 "ranking": "consumption per capita", "reading": "interpolated",
                 "measure": "opioid consumption (kg), from kg per 100,000 inhabitants x population / 100,000",
                 "areas": 7, "adequacy_benchmark_mg_per_capita": 60.5}
                """, StandardCharsets.UTF_8);
    }

    private static void writeManifest(Path dir) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), """
                {"inputs": [
                   {"path": "data/unodc-wdr2025/prevalence.parquet", "sha256": "aa11", "rows_read": 120,
                    "rows_accepted": 117, "rows_quarantined": 3,
                    "ingest": {"kind": "unodc-annex-prevalence", "input": "1.2_prevalence.xlsx", "rows_read": 135,
                               "rows_accepted": 120, "rows_quarantined": 15,
                               "quarantined_by_reason": {"malformed-row": 3, "unmapped-area": 12},
                               "quarantine": "quarantine/ingest/prevalence.csv"}},
                   {"path": "data/sdg/england-<b>.parquet", "sha256": "bb22", "rows_read": 10, "rows_accepted": 10,
                    "rows_quarantined": 0}],
                 "parameters": {"min_coverage": 0.5, "joinpoint": {"max_joinpoints": 2, "permutations": 4499},
                                "seed": 20250601},
                 "versions": {"drugstats": "0.1.0-SNAPSHOT", "spark": "4.0.4", "java": "17"},
                 "started": "2025-06-01T10:00:00Z", "ended": "2025-06-01T10:01:30Z",
                 "steps": [{"name": "read", "seconds": 3.2, "rows_in": 130, "rows_out": 127},
                           {"name": "aggregate", "seconds": 12.5, "rows_in": 127, "rows_out": 6}],
                 "outputs": [{"path": "results/aggregates", "rows": 6, "sha256": "cc33"}]}
                """, StandardCharsets.UTF_8);
    }

    private static void writeQuarantine(Path dir) throws IOException {
        Path q = Files.createDirectories(dir.resolve("quarantine"));
        List<String> header = new ArrayList<>(CsvExtracts.quarantineHeader());
        try (Writer w = Files.newBufferedWriter(q.resolve("prevalence.csv"), StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord(header);
            p.printRecord(row(header, "Atlantis <script>alert(3)</script>", "unmapped-area", "Atlantis <script>alert(3)"
                    + "</script>"));
            p.printRecord(row(header, "Atlantis <script>alert(3)</script>", "unmapped-area", "Atlantis <script>alert(3)"
                    + "</script>"));
            p.printRecord(row(header, "Colombia", "out-of-domain", "140"));
        }
        Path ingest = Files.createDirectories(q.resolve("ingest"));
        try (Writer w = Files.newBufferedWriter(ingest.resolve("prevalence.csv"), StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord(header);
            for (int i = 0; i < 12; i++) {
                p.printRecord(row(header, "Ireland and Northern Ireland", "unmapped-area",
                        i == 0 ? "Ireland <img src=x onerror=alert(4)>" : "Ireland and Northern Ireland"));
            }
            for (int i = 0; i < 3; i++) {
                p.printRecord(row(header, "Tuvalu", "malformed-row", "Tuvalu"));
            }
        }
    }

    private static List<String> row(List<String> header, String name, String reason, String raw) {
        List<String> r = new ArrayList<>();
        for (String h : header) {
            r.add(switch (h) {
                case "indicator" -> "prevalence_annual";
                case "area_name" -> name;
                case "reason" -> reason;
                case "raw_value" -> raw;
                case "sheet" -> "Cannabis";
                case "row" -> "12";
                case "detail" -> "detail for " + reason;
                default -> "";
            });
        }
        return r;
    }
}
