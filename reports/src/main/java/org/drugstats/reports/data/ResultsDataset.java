package org.drugstats.reports.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetTables;
import org.drugstats.reports.model.ResultObservation;
import org.drugstats.reports.model.RunResults;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The one dataset an analyst downloads with the report (issue 15): every value the run published — the regional and
 * world aggregates and the derived indicators (and the estimates of people who use drugs where the run has them) — in
 * one tidy table, one row per value, written as {@code data/results.csv} (RFC 4180, UTF-8) and
 * {@code data/results.parquet} (same columns and rows, schema tag {@value #SCHEMA}, the run's origins in its
 * metadata), with {@code data/dictionary.csv}: every column (type and meaning) and every indicator (unit, methods,
 * rows, sources). Values are in base units ({@code value × 10^unit_mult} of the result tables). The inputs as
 * published are in the run's {@code results/observations}; trends and the tracker keep their own tables (their
 * CSVs are linked from their pages), as their rows are not values of an indicator.
 */
public final class ResultsDataset {
    /** Schema tag of {@code results.parquet}. */
    public static final String SCHEMA = "drugstats-report-dataset/1";

    /** The columns, with their type and meaning (the dictionary's first part). */
    public static final List<String[]> COLUMNS = List.of(
            new String[] {"result_table", "text", "the run's result table the row comes from: aggregates, indicators, estimates"},
            new String[] {"indicator", "text", "indicator id (see the indicator rows of this dictionary)"},
            new String[] {"ref_area", "text", "ISO 3166-1 alpha-3 country code, or an aggregate code: WLD (world), UNODC_* (UNODC regions and sub-regions of the World Drug Report), M49_* (UN M49 regions)"},
            new String[] {"area_name", "text", "name of the area"},
            new String[] {"level", "text", "country, unodc_subregion, unodc_region, m49_subregion, m49_region, world (empty: as published)"},
            new String[] {"time_period", "text", "year (2019) or period as published (2020/21, 2015-2017)"},
            new String[] {"year", "integer", "first year of time_period"},
            new String[] {"sex", "text", "T both sexes, M male, F female"},
            new String[] {"age", "text", "age range, e.g. 15-64"},
            new String[] {"drug", "text", "drug or category code"},
            new String[] {"drug_group", "text", "drug group as published"},
            new String[] {"value", "number", "the value in base units of unit (no multiplier)"},
            new String[] {"lower", "number", "lower bound of the value's range (empty: none)"},
            new String[] {"upper", "number", "upper bound of the value's range (empty: none)"},
            new String[] {"unit", "text", "unit of value, lower and upper"},
            new String[] {"obs_status", "text", "normal, estimated, imputed, missing (value withheld)"},
            new String[] {"method", "text", "how the value was computed (see the indicator rows)"},
            new String[] {"coverage", "number", "share (0-1) of the aggregate's population aged 15-64 with data; "
                + "empty for cultivation and seizures, which do not scale with population (their coverage is "
                + "n_with_data of n_areas, the countries reporting)"},
            new String[] {"n_areas", "integer", "member countries of the aggregate"},
            new String[] {"n_with_data", "integer", "countries with data"},
            new String[] {"imputed_areas", "text", "countries imputed in the aggregate (ISO3, ';'-joined)"},
            new String[] {"flags", "text", "observation flags, ';'-joined (e.g. low-coverage, total-mismatch)"},
            new String[] {"source", "text", "source of the value"},
            new String[] {"notes", "text", "notes on the value"});

    private ResultsDataset() {
    }

    /** What was written. */
    public record Written(int rows, List<String> files) {
    }

    /** Rows the dataset of {@code run} has. */
    public static int rowCount(RunResults run) {
        return run.aggregates().size() + run.indicators().size();
    }

    /** Writes the dataset and its dictionary into {@code dir} (created if needed). */
    public static Written write(RunResults run, Path dir) {
        Map<String, List<ResultObservation>> tables = new LinkedHashMap<>();
        tables.put("aggregates", run.aggregates());
        tables.put("indicators", run.indicators());
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, List<ResultObservation>> t : tables.entrySet()) {
            for (ResultObservation o : t.getValue()) {
                rows.add(row(t.getKey(), o));
            }
        }
        try {
            Files.createDirectories(dir);
            writeCsv(dir.resolve("results.csv"), rows);
            writeParquet(dir.resolve("results.parquet"), rows, new ArrayList<>(run.origins().values()));
            writeDictionary(dir.resolve("dictionary.csv"), tables);
        } catch (IOException e) {
            throw new DrugstatsException(dir + ": cannot write the results dataset: " + e.getMessage(), e);
        }
        return new Written(rows.size(), List.of("results.csv", "results.parquet", "dictionary.csv"));
    }

    private static Object[] row(String table, ResultObservation o) {
        double y = o.year();
        return new Object[] {table, o.indicator(), o.refArea(), o.areaName(), o.level(), o.timePeriod(),
            Double.isNaN(y) ? null : (int) y, o.sex(), o.age(), o.drug(), o.drugGroup(), num(o.scaledValue()),
            num(o.scaledLower()), num(o.scaledUpper()), o.unit(), o.obsStatus(), o.method(), num(o.populationCoverage()),
            o.nAreas(), o.nWithData(), o.imputedAreas(), o.flags(), o.source(), o.notes()};
    }

    private static Double num(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static void writeCsv(Path file, List<Object[]> rows) throws IOException {
        CSVFormat f = CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                .setHeader(COLUMNS.stream().map(c -> c[0]).toArray(String[]::new)).build();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVPrinter p = new CSVPrinter(w, f)) {
            for (Object[] r : rows) {
                Object[] out = new Object[r.length];
                for (int i = 0; i < r.length; i++) {
                    out[i] = r[i] == null ? "" : r[i] instanceof Double d ? plain(d) : r[i];
                }
                p.printRecord(out);
            }
        }
    }

    /** Doubles with full precision and no exponent for ordinary magnitudes (Java's shortest round-trip form). */
    private static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static void writeParquet(Path file, List<Object[]> rows, List<Origin> origins) {
        Table t = Table.create("results");
        for (String[] c : COLUMNS) {
            switch (c[1]) {
                case "number":
                    t.addColumns(DoubleColumn.create(c[0]));
                    break;
                case "integer":
                    t.addColumns(IntColumn.create(c[0]));
                    break;
                default:
                    t.addColumns(StringColumn.create(c[0]));
            }
        }
        for (Object[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                tech.tablesaw.columns.Column<?> col = t.column(i);
                if (r[i] == null) {
                    col.appendMissing();
                } else if (col instanceof DoubleColumn dc) {
                    dc.append((Double) r[i]);
                } else if (col instanceof IntColumn ic) {
                    ic.append((Integer) r[i]);
                } else {
                    ((StringColumn) col).append(r[i].toString());
                }
            }
        }
        ParquetTables.write(file, t, SCHEMA, origins);
    }

    private static void writeDictionary(Path file, Map<String, List<ResultObservation>> tables) throws IOException {
        CSVFormat f = CSVFormat.RFC4180.builder().setRecordSeparator("\n")
                .setHeader("kind", "name", "type_or_unit", "description", "rows", "methods", "sources").build();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVPrinter p = new CSVPrinter(w, f)) {
            for (String[] c : COLUMNS) {
                p.printRecord("column", c[0], c[1], c[2], "", "", "");
            }
            Map<String, IndicatorSummary> ind = new TreeMap<>();
            for (Map.Entry<String, List<ResultObservation>> t : tables.entrySet()) {
                for (ResultObservation o : t.getValue()) {
                    ind.computeIfAbsent(o.indicator(), k -> new IndicatorSummary()).add(t.getKey(), o);
                }
            }
            for (Map.Entry<String, IndicatorSummary> e : ind.entrySet()) {
                IndicatorSummary s = e.getValue();
                p.printRecord("indicator", e.getKey(), String.join("; ", s.units.keySet()),
                        "values of " + e.getKey() + " in " + String.join(" and ", s.tables.keySet()), s.rows,
                        String.join("; ", s.methods.keySet()), String.join("; ", s.sources.keySet()));
            }
        }
    }

    private static final class IndicatorSummary {
        final Map<String, Boolean> units = new TreeMap<>();
        final Map<String, Boolean> methods = new TreeMap<>();
        final Map<String, Boolean> sources = new TreeMap<>();
        final Map<String, Boolean> tables = new TreeMap<>();
        int rows;

        void add(String table, ResultObservation o) {
            rows++;
            put(units, o.unit());
            put(methods, o.method());
            tables.put(table, true);
            if (sources.size() < 8) {
                put(sources, o.source());
            }
        }

        private static void put(Map<String, Boolean> m, String v) {
            if (v != null && !v.isBlank()) {
                m.put(v, true);
            }
        }
    }
}
