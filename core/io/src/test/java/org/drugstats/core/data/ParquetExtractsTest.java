package org.drugstats.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

class ParquetExtractsTest {

    @TempDir
    Path dir;

    @Test
    void roundTripParquetObjectsParquetCsvIsUnchanged() throws Exception {
        Extract original = Fixtures.extract();
        Path first = dir.resolve("a.parquet");
        ParquetExtracts.write(first, original);
        Extract read = ParquetExtracts.read(first);
        assertEquals(original.observations(), read.observations());
        assertEquals(original.origins(), read.origins());

        Path second = dir.resolve("b.parquet");
        ParquetExtracts.write(second, read);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second),
                "writing the same extract twice must give the same bytes");

        StringWriter csv1 = new StringWriter();
        CsvExtracts.write(csv1, original.observations());
        StringWriter csv2 = new StringWriter();
        CsvExtracts.write(csv2, ParquetExtracts.read(second).observations());
        assertEquals(csv1.toString(), csv2.toString());

        List<String[]> back = CsvExtracts.readRaw("x.csv", new StringReader(csv1.toString()));
        assertEquals(original.observations(), ExtractValidator.validate("x.csv", back).accepted());
        assertTrue(csv1.toString().startsWith(
                "indicator,ref_area,time_period,sex,age,value,lower,upper,unit,obs_status,source,notes,origin,"));
    }

    @Test
    void failedWriteKeepsThePreviousFile() throws Exception {
        Path file = dir.resolve("keep.parquet");
        ParquetExtracts.write(file, Fixtures.extract());
        byte[] before = Files.readAllBytes(file);
        Observation bad = Fixtures.observations().get(0);
        // an extract cannot even be built with a row whose origin it does not describe
        assertThrows(DrugstatsException.class, () -> Extract.of(List.of(bad), List.of()));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nope.parquet");
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ParquetExtracts.read(missing));
        assertTrue(e.getMessage().contains("nope.parquet") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void notParquetNamesTheFile() throws Exception {
        Path junk = dir.resolve("junk.parquet");
        Files.writeString(junk, "indicator,ref_area\n");
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ParquetExtracts.read(junk));
        assertTrue(e.getMessage().contains("junk.parquet") && e.getMessage().contains("not a readable Parquet file"),
                e.getMessage());
    }

    @Test
    void missingColumnIsNamed() throws Exception {
        MessageType schema = Types.buildMessage()
                .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("indicator")
                .named("x");
        Path f = writeGroups(schema, "missing-col.parquet", g -> g.append("indicator", "prevalence"));
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ParquetExtracts.read(f));
        assertTrue(e.getMessage().contains("missing-col.parquet") && e.getMessage().contains("column 'ref_area' is missing"),
                e.getMessage());
    }

    @Test
    void mistypedColumnIsNamed() throws Exception {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column c : Column.contract()) {
            if (c == Column.VALUE) {
                b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("value");
            } else if (c.type() == Column.Type.DOUBLE) {
                b.optional(PrimitiveTypeName.DOUBLE).named(c.columnName());
            } else {
                b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c.columnName());
            }
        }
        Path f = writeGroups(b.named("x"), "mistyped.parquet", g -> g.append("value", "12"));
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> ParquetExtracts.read(f));
        assertTrue(e.getMessage().contains("mistyped.parquet") && e.getMessage().contains("column 'value' has type BINARY"),
                e.getMessage());
    }

    @Test
    void readsADirectoryOfParts() throws Exception {
        Path d = Files.createDirectory(dir.resolve("parts"));
        List<Observation> obs = Fixtures.observations();
        ParquetExtracts.write(d.resolve("part-00000.parquet"), Extract.of(obs.subList(0, 2), List.of(Fixtures.ORIGIN)));
        ParquetExtracts.write(d.resolve("part-00001.parquet"), Extract.of(obs.subList(2, 4), List.of(Fixtures.ORIGIN)));
        Extract all = ParquetExtracts.read(d);
        assertEquals(obs, all.observations());
        assertEquals(List.of(Fixtures.ORIGIN), all.origins());
    }

    private Path writeGroups(MessageType schema, String name, java.util.function.Consumer<Group> fill) throws Exception {
        Path f = dir.resolve(name);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(f))
                .withConf(new Configuration(false)).withType(schema).build()) {
            Group g = new SimpleGroupFactory(schema).newGroup();
            fill.accept(g);
            w.write(g);
        }
        return f;
    }
}
