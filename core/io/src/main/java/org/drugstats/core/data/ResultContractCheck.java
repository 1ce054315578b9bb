package org.drugstats.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.results.ResultField;
import org.drugstats.core.results.ResultTable;
import org.drugstats.core.results.ResultsLayout;

/**
 * Checks written result files against the results contract ({@link ResultTable}): that every table directory
 * under {@code results/} is a table of the contract, and that each file's Parquet schema (column names in order,
 * physical type and logical type, and required or optional where the table's {@link ResultTable#nullabilityWritten()})
 * and {@code drugstats.schema} tag are the contract's.
 * Reads only the footers.
 */
public final class ResultContractCheck {

    private ResultContractCheck() {
    }

    /**
     * The differences between a run's output directory and the contract, one line each (empty when the run keeps
     * the contract): a directory under {@code results/} that no {@link ResultTable} names, and every difference of
     * a table's file ({@link #differences(Path, ResultTable)}). Files directly under {@code results/} (the JSON
     * summaries) are not tables and are not checked.
     *
     * @throws DrugstatsException when {@code results/} cannot be listed
     */
    public static List<String> differences(Path outDir) {
        Path results = outDir.resolve(ResultsLayout.RESULTS);
        List<String> out = new ArrayList<>();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(results)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new DrugstatsException(results + ": cannot list the result tables (" + e.getMessage() + ")", e);
        }
        for (Path d : dirs) {
            String name = d.getFileName().toString();
            Optional<ResultTable> t = Arrays.stream(ResultTable.values()).filter(x -> x.tableName().equals(name))
                    .findFirst();
            if (t.isEmpty()) {
                out.add(d + ": a result table that is not in the results contract (ResultTable)");
            } else {
                out.addAll(differences(outDir.resolve(t.get().partFile()), t.get()));
            }
        }
        return out;
    }

    /**
     * The differences between one written file and its table of the contract, one line each naming the file and
     * column: a missing file, another schema tag, another column list, another type or nullability.
     */
    public static List<String> differences(Path partFile, ResultTable table) {
        List<String> out = new ArrayList<>();
        if (!Files.isRegularFile(partFile)) {
            return List.of(partFile + ": missing (" + table + ")");
        }
        MessageType schema;
        Map<String, String> kv;
        try (ParquetFileReader r = ParquetFileReader.open(PathInputFile.of(partFile))) {
            schema = r.getFooter().getFileMetaData().getSchema();
            kv = r.getFooter().getFileMetaData().getKeyValueMetaData();
        } catch (IOException | RuntimeException e) {
            return List.of(partFile + ": not a readable Parquet file (" + e.getMessage() + ")");
        }
        String tag = kv.get(ParquetTables.META_SCHEMA);
        if (!table.schemaVersion().equals(tag)) {
            out.add(partFile + ": schema tag " + tag + ", expected " + table.schemaVersion());
        }
        List<String> names = schema.getFields().stream().map(Type::getName).toList();
        if (!names.equals(table.columnNames())) {
            out.add(partFile + ": columns " + names + ", expected " + table.columnNames());
            return out;
        }
        for (int i = 0; i < names.size(); i++) {
            ResultField f = table.fields().get(i);
            Type t = schema.getFields().get(i);
            String found = describe(t, table.nullabilityWritten());
            String expected = describe(f, table.nullabilityWritten());
            if (!found.equals(expected)) {
                out.add(partFile + ": column " + f.name() + " is " + found + ", expected " + expected);
            }
        }
        return out;
    }

    private static String describe(ResultField f, boolean repetition) {
        String t = switch (f.type()) {
            case STRING -> "binary (STRING)";
            case DOUBLE -> "double";
            case INT -> "int32";
            case BOOLEAN -> "boolean";
        };
        return repetition ? (f.nullable() ? "optional " : "required ") + t : t;
    }

    private static String describe(Type t, boolean repetition) {
        if (!t.isPrimitive()) {
            return "group";
        }
        PrimitiveTypeName p = t.asPrimitiveType().getPrimitiveTypeName();
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        String s = p.name().toLowerCase(java.util.Locale.ROOT);
        if (a != null) {
            s += " (" + a + ")";
        }
        return repetition ? t.getRepetition().name().toLowerCase(java.util.Locale.ROOT) + " " + s : s;
    }
}
