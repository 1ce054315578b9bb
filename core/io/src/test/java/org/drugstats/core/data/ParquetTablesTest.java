package org.drugstats.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ParquetTablesTest {

    @TempDir
    Path dir;

    private static Table sample() {
        StringColumn s = StringColumn.create("series_id", "prevalence|COL|T|15-64|cannabis|loglinear",
                "<script>alert(1)</script>", "");
        DoubleColumn d = DoubleColumn.create("apc", 3.25, Double.NaN, -1.0e-9);
        IntColumn i = IntColumn.create("segment", 0, 1, 2);
        i.setMissing(1);
        LongColumn l = LongColumn.create("rows", 12_345_678_901L, 0L, -5L);
        l.setMissing(2);
        BooleanColumn b = BooleanColumn.create("imputed", new boolean[] {true, false, true});
        b.setMissing(0);
        return Table.create("trends", s, d, i, l, b);
    }

    @Test
    void roundTripKeepsTypesValuesMissingCellsAndMetadata() {
        Path file = dir.resolve("trends.parquet");
        ParquetTables.write(file, sample(), "drugstats-trends/1", List.of(Fixtures.ORIGIN));

        ParquetTables.TableFile read = ParquetTables.read(file);
        Table t = read.table();
        assertEquals("trends", t.name());
        assertEquals(List.of("series_id", "apc", "segment", "rows", "imputed"), t.columnNames());
        assertEquals(List.of(ColumnType.STRING, ColumnType.DOUBLE, ColumnType.INTEGER, ColumnType.LONG,
                ColumnType.BOOLEAN), t.columns().stream().map(c -> c.type()).toList());
        assertEquals(3, t.rowCount());
        assertEquals("<script>alert(1)</script>", t.stringColumn("series_id").get(1));
        assertTrue(t.stringColumn("series_id").isMissing(2));
        assertEquals(3.25, t.doubleColumn("apc").get(0), 0.0);
        assertTrue(t.doubleColumn("apc").isMissing(1));
        assertEquals(-1.0e-9, t.doubleColumn("apc").get(2), 0.0);
        assertTrue(t.intColumn("segment").isMissing(1));
        assertEquals(2, t.intColumn("segment").getInt(2));
        assertEquals(12_345_678_901L, t.longColumn("rows").getLong(0));
        assertTrue(t.longColumn("rows").isMissing(2));
        assertTrue(t.booleanColumn("imputed").isMissing(0));
        assertFalse(t.booleanColumn("imputed").get(1));
        assertTrue(t.booleanColumn("imputed").get(2));

        assertEquals(List.of(Fixtures.ORIGIN), read.origins());
        assertEquals("drugstats-trends/1", read.schema().orElseThrow());
    }

    /**
     * Text decoded once per dictionary entry must read the same values as decoding each cell: a column whose
     * dictionary outgrows parquet-java's 1 MB page limit switches to plain pages mid-chunk (250,000 distinct
     * 40-character values), with far more distinct values than the decoder remembers, repeated values, empty text,
     * non-ASCII text and missing cells interleaved.
     */
    @Test
    void textColumnsReadTheSameFromDictionaryAndPlainPages() {
        int n = 300_000;
        StringColumn repeated = StringColumn.create("area");
        StringColumn distinct = StringColumn.create("key");
        for (int r = 0; r < n; r++) {
            if (r % 11 == 0) {
                repeated.appendMissing();
            } else {
                repeated.append(r % 7 == 0 ? "" : (r % 5 == 0 ? "Côte d’Ivoire " : "area-") + (r % 6000));
            }
            distinct.append(r < 250_000 ? String.format("%040d", r) : "tail-" + (r % 3));
        }
        Table t = Table.create("texts", repeated, distinct);
        Path file = dir.resolve("texts.parquet");
        ParquetTables.write(file, t, "drugstats-test/1", List.of(Fixtures.ORIGIN));
        Table read = ParquetTables.read(file).table();
        assertEquals(n, read.rowCount());
        for (int r = 0; r < n; r++) {
            assertEquals(repeated.isMissing(r), read.stringColumn("area").isMissing(r), "missing at row " + r);
            assertEquals(repeated.get(r), read.stringColumn("area").get(r), "area at row " + r);
            assertEquals(distinct.get(r), read.stringColumn("key").get(r), "key at row " + r);
        }
    }

    @Test
    void writingTwiceGivesTheSameBytes() throws Exception {
        Path a = dir.resolve("a.parquet");
        Path b = dir.resolve("b.parquet");
        ParquetTables.write(a, sample(), "drugstats-trends/1", List.of(Fixtures.ORIGIN));
        ParquetTables.write(b, ParquetTables.read(a).table(), "drugstats-trends/1", List.of(Fixtures.ORIGIN));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void readsAnExtractWrittenByParquetExtractsWithTypedColumns() {
        Path file = dir.resolve("extract.parquet");
        ParquetExtracts.write(file, Fixtures.extract());
        ParquetTables.TableFile read = ParquetTables.read(file);
        Table t = read.table();
        // the optional columns (sub_area, std_error) are written only by extracts that use them
        assertEquals(Column.all().stream().filter(c -> !c.writtenOnlyWhenUsed()).map(Column::columnName).toList(),
                t.columnNames());
        assertEquals(ColumnType.DOUBLE, t.column("value").type());
        assertEquals(ColumnType.INTEGER, t.column("unit_mult").type());
        assertEquals(2.64, t.doubleColumn("value").get(0), 0.0);
        assertTrue(t.doubleColumn("value").isMissing(2), "the missing observation has no value");
        assertEquals("  Colombia a", t.stringColumn("area_name").get(0));
        assertEquals(ParquetExtracts.SCHEMA_VERSION, read.schema().orElseThrow());
        assertEquals(Fixtures.extract().origins(), read.origins());
        // and the typed table converts back to the same observations
        assertEquals(Fixtures.observations(), ObservationTables.fromTable(t));
    }

    @Test
    void directoryOfPartsIsReadInNameOrderAndOriginsAreUnited() throws Exception {
        Path table = dir.resolve("results.parquet.d");
        Files.createDirectories(table);
        Table t = sample();
        Origin other = new Origin("other", "Producer B", "Table B", null, null, null, null, null, null, null, false);
        ParquetTables.write(table.resolve("part-00001.parquet"), t.dropRange(0, 1), "s/1", List.of(other));
        ParquetTables.write(table.resolve("part-00000.parquet"), t.first(1), "s/1", List.of(Fixtures.ORIGIN, other));
        Files.writeString(table.resolve("_SUCCESS"), "");
        Files.writeString(table.resolve(".part-00000.parquet.crc"), "junk");

        ParquetTables.TableFile read = ParquetTables.read(table);
        assertEquals(3, read.table().rowCount());
        assertEquals(t.stringColumn("series_id").asList(), read.table().stringColumn("series_id").asList());
        assertEquals(List.of(Fixtures.ORIGIN, other), read.origins());
    }

    @Test
    void partsWithDifferentSchemasNameBothFiles() {
        Path table = dir.resolve("mixed");
        Table t = sample();
        ParquetTables.write(table.resolve("part-0.parquet"), t, "s/1", List.of());
        ParquetTables.write(table.resolve("part-1.parquet"), t.removeColumns("apc"), "s/1", List.of());
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ParquetTables.read(table));
        assertTrue(e.getMessage().contains("part-1.parquet") && e.getMessage().contains("part-0.parquet"),
                e.getMessage());
    }

    @Test
    void sparkStyleFloatInt64AndUnannotatedBinaryAreRead() throws Exception {
        MessageType schema = Types.buildMessage()
                .optional(PrimitiveTypeName.FLOAT).named("f")
                .required(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, true)).named("n")
                .optional(PrimitiveTypeName.BINARY).named("raw")
                .named("spark_schema");
        Path file = dir.resolve("spark.parquet");
        SimpleGroupFactory f = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new Configuration(false)).withType(schema).build()) {
            w.write(f.newGroup().append("f", 1.5f).append("n", 7L).append("raw", "abc"));
            w.write(f.newGroup().append("n", 8L));
        }
        Table t = ParquetTables.read(file).table();
        assertEquals(ColumnType.DOUBLE, t.column("f").type());
        assertEquals(1.5, t.doubleColumn("f").get(0), 0.0);
        assertTrue(t.doubleColumn("f").isMissing(1));
        assertEquals(8L, t.longColumn("n").getLong(1));
        assertEquals("abc", t.stringColumn("raw").get(0));
        assertTrue(ParquetTables.read(file).origins().isEmpty(), "no origins metadata gives no origins");
    }

    @Test
    void unsupportedParquetTypeNamesFileAndColumn() throws Exception {
        MessageType schema = Types.buildMessage()
                .optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named("day")
                .named("s");
        Path file = dir.resolve("dates.parquet");
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new Configuration(false)).withType(schema).build()) {
            w.write(new SimpleGroupFactory(schema).newGroup().append("day", 19000));
        }
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ParquetTables.read(file));
        assertTrue(e.getMessage().contains("dates.parquet") && e.getMessage().contains("'day'"), e.getMessage());
    }

    @Test
    void unsupportedTablesawTypeIsRefusedOnWrite() {
        Table t = Table.create("d", DateColumn.create("day"));
        Path file = dir.resolve("d.parquet");
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> ParquetTables.write(file, t, Map.of()));
        assertTrue(e.getMessage().contains("'day'") && e.getMessage().contains("LOCAL_DATE"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void emptyTableKeepsItsColumns() {
        Path file = dir.resolve("empty.parquet");
        ParquetTables.write(file, sample().emptyCopy(), "s/1", List.of());
        Table t = ParquetTables.read(file).table();
        assertEquals(0, t.rowCount());
        assertEquals(5, t.columnCount());
    }

    @Test
    void missingPathAndEmptyDirectoryAndBadOriginsAreClearErrors() throws Exception {
        DrugstatsException missing = assertThrows(DrugstatsException.class,
                () -> ParquetTables.read(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("nope") && missing.getMessage().contains("no such file"));

        Path emptyDir = Files.createDirectories(dir.resolve("emptydir"));
        DrugstatsException empty = assertThrows(DrugstatsException.class, () -> ParquetTables.read(emptyDir));
        assertTrue(empty.getMessage().contains("no .parquet part files"), empty.getMessage());

        Path bad = dir.resolve("bad.parquet");
        ParquetTables.write(bad, sample(), Map.of(ParquetTables.META_ORIGINS, "{not json"));
        DrugstatsException json = assertThrows(DrugstatsException.class, () -> ParquetTables.read(bad));
        assertTrue(json.getMessage().contains("drugstats.origins"), json.getMessage());

        Path junk = dir.resolve("junk.parquet");
        Files.writeString(junk, "a,b\n1,2\n");
        DrugstatsException notParquet = assertThrows(DrugstatsException.class, () -> ParquetTables.read(junk));
        assertTrue(notParquet.getMessage().contains("junk.parquet"), notParquet.getMessage());
    }
}
