package org.drugstats.core.data;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * The Hadoop question of issue 10, measured: does parquet-java's non-Hadoop path (PlainParquetConfiguration,
 * LocalInputFile / LocalOutputFile) read every embedded extract and write it back byte-identically, with and without
 * the Hadoop jars on the class path? Run by hand (not a test), e.g. with core's test class path minus
 * hadoop-client-api and hadoop-client-runtime:
 * {@code java -cp core/target/test-classes:core/target/classes:<deps without hadoop> \
 * org.drugstats.core.data.NonHadoopParquetProbe data}. Prints one line per extract and exits 1 on any failure.
 *
 * <p>Measured with parquet-java 1.15.2 (the version Spark 4.0.4 uses) on the seven embedded extracts (2026-12-07):
 * <ul>
 *   <li>with the Hadoop jars on the class path, writing with {@code PlainParquetConfiguration} gives byte-identical
 *       files for all seven (585 to 254,737 rows);</li>
 *   <li>without any Hadoop jar, reading fails: {@code ParquetFileReader.open(InputFile)} builds
 *       {@code HadoopParquetConfiguration} (NoClassDefFoundError org.apache.hadoop.conf.Configuration); with
 *       {@code ParquetReadOptions.builder(new PlainParquetConfiguration())} it fails one step later, at
 *       {@code ParquetReadOptions$Builder.<init>} (ParquetReadOptions.java:287), which loads
 *       {@code ParquetInputFormat}, a subclass of Hadoop's {@code org.apache.hadoop.mapreduce.lib.input.FileInputFormat};</li>
 *   <li>with hadoop-client-api but without hadoop-client-runtime, the Snappy codec fails:
 *       {@code CodecFactory.getCodec} (CodecFactory.java:305) calls {@code ConfigurationUtil.createHadoopConfiguration},
 *       which needs the shaded Woodstox of hadoop-client-runtime.</li>
 * </ul>
 * So parquet-java 1.15.2 cannot read or write Snappy Parquet without both Hadoop client jars (50 MB); the extracts'
 * I/O keeps them until a parquet-java release whose codec and read options need no Hadoop class.
 */
public final class NonHadoopParquetProbe {

    private NonHadoopParquetProbe() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        List<Path> extracts;
        try (Stream<Path> s = Files.walk(Path.of(args.length > 0 ? args[0] : "data"))) {
            extracts = s.filter(p -> p.getFileName().toString().equals("extract.parquet")).sorted().toList();
        }
        boolean hadoop;
        try {
            Class.forName("org.apache.hadoop.conf.Configuration", false, NonHadoopParquetProbe.class.getClassLoader());
            hadoop = true;
        } catch (ClassNotFoundException e) {
            hadoop = false;
        }
        out.println("Hadoop classes on the class path: " + hadoop);
        int failed = 0;
        for (Path f : extracts) {
            String step = "read";
            try {
                Extract e = ParquetExtracts.read(f);
                step = "write";
                Path tmp = Files.createTempFile("probe", ".parquet");
                Map<String, String> kv = new LinkedHashMap<>();
                kv.put(ParquetExtracts.META_SCHEMA, ParquetExtracts.SCHEMA_VERSION);
                kv.put(ParquetExtracts.META_ORIGINS, ParquetExtracts.JSON.writeValueAsString(e.origins()));
                SimpleGroupFactory factory = new SimpleGroupFactory(ParquetExtracts.SCHEMA);
                try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(tmp))
                        .withConf(new PlainParquetConfiguration())
                        .withType(ParquetExtracts.SCHEMA)
                        .withExtraMetaData(kv)
                        .withCompressionCodec(CompressionCodecName.SNAPPY)
                        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                        .withDictionaryEncoding(true)
                        .build()) {
                    for (Observation o : e.observations()) {
                        Group g = factory.newGroup();
                        for (Column c : Column.values()) {
                            ParquetExtracts.putValue(g, c, o);
                        }
                        w.write(g);
                    }
                }
                step = "normalise";
                ParquetFooters.normalise(tmp);
                boolean same = Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(tmp));
                out.println(f + ": " + e.size() + " rows, " + (same ? "byte-identical" : "DIFFERENT BYTES"));
                failed += same ? 0 : 1;
                Files.delete(tmp);
            } catch (Throwable t) {
                failed++;
                out.println(f + ": " + step + " FAILED: " + t);
                Arrays.stream(t.getStackTrace()).filter(fr -> !fr.getClassName().startsWith("java.") && !fr.getClassName().startsWith("jdk.")).limit(6).forEach(fr -> out.println("      at " + fr));
                Throwable c = t.getCause();
                while (c != null) {
                    out.println("    caused by " + c);
                    c = c.getCause();
                }
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
