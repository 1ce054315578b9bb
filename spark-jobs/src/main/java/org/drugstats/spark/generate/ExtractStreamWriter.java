package org.drugstats.spark.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.ParquetFooters;

/**
 * Streams observations into one Parquet file of core's extract schema ({@link ParquetExtracts#schema()}), with
 * provenance in the metadata, in constant memory (core's {@link ParquetExtracts#write} takes a whole extract).
 * The file appears under its name only when closed. Core's readers read the result as any extract.
 */
public final class ExtractStreamWriter implements AutoCloseable {

    private final Path file;
    private final Path tmp;
    private final ParquetWriter<Observation> writer;

    private ExtractStreamWriter(Path file, List<Origin> origins) throws IOException {
        this.file = file;
        this.tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(tmp);
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put(ParquetExtracts.META_SCHEMA, ParquetExtracts.SCHEMA_VERSION);
        try {
            kv.put(ParquetExtracts.META_ORIGINS, new ObjectMapper().writeValueAsString(origins));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        this.writer = new Builder(new LocalOutputFile(tmp), kv)
                .withConf(new Configuration(false))
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryEncoding(true)
                .build();
    }

    /** Opens a writer for {@code file}. */
    public static ExtractStreamWriter open(Path file, List<Origin> origins) {
        try {
            return new ExtractStreamWriter(file, origins);
        } catch (IOException e) {
            throw DrugstatsException.of("%s: cannot write: %s", file, e.getMessage());
        }
    }

    /** Writes one observation. */
    public void write(Observation o) {
        try {
            writer.write(o);
        } catch (IOException e) {
            throw DrugstatsException.of("%s: cannot write: %s", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            writer.close();
            ParquetFooters.normalise(tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw DrugstatsException.of("%s: cannot write: %s", file, e.getMessage());
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Observation, Builder> {
        private final Map<String, String> kv;

        Builder(OutputFile out, Map<String, String> kv) {
            super(out);
            this.kv = kv;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Observation> getWriteSupport(Configuration conf) {
            return new WriteSupport<>() {
                private RecordConsumer rc;

                @Override
                public WriteContext init(Configuration configuration) {
                    return new WriteContext(ParquetExtracts.schema(), kv);
                }

                @Override
                public void prepareForWrite(RecordConsumer recordConsumer) {
                    rc = recordConsumer;
                }

                @Override
                public void write(Observation o) {
                    rc.startMessage();
                    for (Column c : Column.values()) {
                        String name = c.columnName();
                        int i = c.ordinal();
                        switch (c) {
                            case VALUE, LOWER, UPPER -> {
                                Double d = c == Column.VALUE ? o.value() : c == Column.LOWER ? o.lower() : o.upper();
                                if (d != null) {
                                    rc.startField(name, i);
                                    rc.addDouble(d);
                                    rc.endField(name, i);
                                }
                            }
                            case UNIT_MULT -> {
                                rc.startField(name, i);
                                rc.addInteger(o.unitMult());
                                rc.endField(name, i);
                            }
                            default -> {
                                String s = o.text(c);
                                if (s != null) {
                                    rc.startField(name, i);
                                    rc.addBinary(Binary.fromString(s));
                                    rc.endField(name, i);
                                }
                            }
                        }
                    }
                    rc.endMessage();
                }
            };
        }
    }
}
