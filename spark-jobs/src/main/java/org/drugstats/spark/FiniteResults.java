package org.drugstats.spark;

import org.drugstats.core.results.ResultTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.drugstats.core.DrugstatsException;

/**
 * Refuses a result table that holds NaN or an infinity: a value the inputs did not hold, made by a step that
 * overflowed or divided by zero (IEEE 754-2019 §6.2: NaN is the result of an invalid operation, an infinity of an
 * overflow). {@link Publisher} checks every Parquet result before it is published, reading the file Spark wrote
 * (no Spark job), so the check costs one read of the table and nothing in the steps. The error names the step, the
 * table, the column, the row's key (the table's leading sort columns) and what was expected.
 */
final class FiniteResults {

    /** The step that computes each result table, by the table's folder. */
    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry(ResultTable.OBSERVATIONS.dir(), "validate"),
            Map.entry(ResultTable.AGGREGATES.dir(), "aggregate"),
            Map.entry(ResultTable.TRENDS.dir(), "trend"),
            Map.entry(ResultTable.TREND_POINTS.dir(), "trend"),
            Map.entry(ResultTable.TREND_EXTENSIONS.dir(), "trend"),
            Map.entry(ResultTable.INDICATORS.dir(), "indicator"),
            Map.entry(ResultTable.INEQUALITY.dir(), "inequality"),
            Map.entry(ResultTable.INEQUALITY_ME.dir(), "inequality (medicines)"),
            Map.entry(ResultTable.ESTIMATES.dir(), "estimate"),
            Map.entry(ResultTable.TRACKER.dir(), "tracker"));

    private FiniteResults() {
    }

    /** The step that computes the table at {@code rel}, or the table's own name when it is not listed. */
    static String step(String rel) {
        return STEPS.getOrDefault(rel, rel.substring(rel.lastIndexOf('/') + 1));
    }

    /**
     * Checks every DOUBLE and FLOAT value of {@code file}, the table published at {@code rel}.
     *
     * @param key the columns that name a row in the message (the table's leading sort columns)
     * @throws DrugstatsException at the first NaN or infinity
     */
    static void check(Path file, String rel, List<String> key) {
        try (ParquetFileReader reader = ParquetFileReader.open(org.drugstats.core.data.PathInputFile.of(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<Type> numbers = new ArrayList<>();
            for (Type t : schema.getFields()) {
                if (t.isPrimitive() && (t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.DOUBLE
                        || t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.FLOAT)) {
                    numbers.add(t);
                }
            }
            if (numbers.isEmpty()) {
                return;
            }
            // only the number columns are read: the text columns of a row are decoded for the message alone
            MessageType projection = new MessageType(schema.getName(), numbers);
            reader.setRequestedSchema(projection);
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(projection, schema);
            PageReadStore pages;
            long row = 0;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> rr = io.getRecordReader(pages, new GroupRecordConverter(projection));
                for (long i = 0, n = pages.getRowCount(); i < n; i++, row++) {
                    Group g = rr.read();
                    for (int f = 0; f < numbers.size(); f++) {
                        boolean isDouble = numbers.get(f).asPrimitiveType().getPrimitiveTypeName()
                                == PrimitiveTypeName.DOUBLE;
                        for (int k = 0; k < g.getFieldRepetitionCount(f); k++) {
                            double v = isDouble ? g.getDouble(f, k) : g.getFloat(f, k);
                            if (!Double.isFinite(v)) {
                                throw DrugstatsException.of("step %s, table %s, row %d %s: column '%s' is %s; "
                                        + "expected a finite number (the step overflowed or divided by zero; nothing "
                                        + "was published)", step(rel), rel, row + 1, describe(file, row, key),
                                        numbers.get(f).getName(), Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity"
                                                : "-Infinity");
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: cannot read the result to check it: %s", file, e.getMessage());
        }
    }

    /** The key of row {@code index} (0-based) of {@code file}, read again whole for the message. */
    private static String describe(Path file, long index, List<String> key) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(org.drugstats.core.data.PathInputFile.of(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            long row = 0;
            for (var block : reader.getRowGroups()) {
                long n = block.getRowCount();
                if (index >= row + n) {
                    // the row groups before the row's are skipped, not decoded
                    reader.skipNextRowGroup();
                    row += n;
                    continue;
                }
                PageReadStore pages = reader.readNextRowGroup();
                RecordReader<Group> rr = io.getRecordReader(pages, new GroupRecordConverter(schema));
                Group g = null;
                for (long i = row; i <= index; i++) {
                    g = rr.read();
                }
                return describe(g, schema, key);
            }
            return "(row not found)";
        }
    }

    private static String describe(Group g, MessageType schema, List<String> key) {
        List<String> parts = new ArrayList<>();
        for (String k : key) {
            if (!schema.containsField(k)) {
                continue;
            }
            int f = schema.getFieldIndex(k);
            parts.add(k + "=" + (g.getFieldRepetitionCount(f) == 0 ? "null" : g.getValueToString(f, 0)));
        }
        return String.format(Locale.ROOT, "(%s)", String.join(", ", parts));
    }
}
