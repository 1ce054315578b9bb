package org.drugstats.spark.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.ParquetFooters;
import org.drugstats.core.io.AtomicFiles;

/**
 * One Parquet file written record by record in constant memory (row groups of 128 MB): the schema version and the
 * origins in the key-value metadata as core's readers expect them ({@link ParquetExtracts#META_SCHEMA},
 * {@link ParquetExtracts#META_ORIGINS}), Snappy, dictionary encoding, a sorted footer ({@link ParquetFooters}).
 * The file appears under its name only when closed (hidden temporary file, then a move).
 *
 * @param <T> the record type; {@code recordWriter} turns one record into Parquet fields
 */
final class StreamingParquetFile<T> implements AutoCloseable {

    private final Path file;
    private final AtomicFiles.Pending pending;
    private final ParquetWriter<T> writer;

    private StreamingParquetFile(Path file, MessageType schema, String schemaVersion, List<Origin> origins,
            Map<String, String> extraMeta, BiConsumer<RecordConsumer, T> recordWriter) throws IOException {
        this.file = file;
        this.pending = AtomicFiles.begin(file);
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put(ParquetExtracts.META_SCHEMA, schemaVersion);
        try {
            kv.put(ParquetExtracts.META_ORIGINS, new ObjectMapper().writeValueAsString(origins));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        kv.putAll(extraMeta);
        this.writer = new Builder<>(new LocalOutputFile(pending.path()), schema, kv, recordWriter)
                .withConf(new Configuration(false))
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withDictionaryEncoding(true)
                .build();
    }

    /** Opens {@code file} for writing records of {@code schema}. */
    static <T> StreamingParquetFile<T> open(Path file, MessageType schema, String schemaVersion, List<Origin> origins,
            BiConsumer<RecordConsumer, T> recordWriter) {
        return open(file, schema, schemaVersion, origins, Map.of(), recordWriter);
    }

    /** As {@link #open(Path, MessageType, String, List, BiConsumer)}, with more key-value metadata. */
    static <T> StreamingParquetFile<T> open(Path file, MessageType schema, String schemaVersion, List<Origin> origins,
            Map<String, String> extraMeta, BiConsumer<RecordConsumer, T> recordWriter) {
        try {
            return new StreamingParquetFile<>(file, schema, schemaVersion, origins, extraMeta, recordWriter);
        } catch (IOException e) {
            throw new DrugstatsException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Writes one record. */
    void write(T record) {
        try {
            writer.write(record);
        } catch (IOException e) {
            throw new DrugstatsException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Closes the file, sorts its footer and moves it into place. */
    @Override
    public void close() {
        try {
            writer.close();
            ParquetFooters.normalise(pending.path());
            pending.commit();
        } catch (IOException e) {
            throw new DrugstatsException(file + ": cannot write: " + e.getMessage(), e);
        } finally {
            try {
                pending.close();
            } catch (IOException e) {
                // the temporary file stays hidden; the write's own outcome is what is reported
            }
        }
    }

    private static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {
        private final MessageType schema;
        private final Map<String, String> kv;
        private final BiConsumer<RecordConsumer, T> recordWriter;

        Builder(OutputFile out, MessageType schema, Map<String, String> kv, BiConsumer<RecordConsumer, T> recordWriter) {
            super(out);
            this.schema = schema;
            this.kv = kv;
            this.recordWriter = recordWriter;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return new WriteSupport<>() {
                private RecordConsumer rc;

                @Override
                public WriteContext init(Configuration configuration) {
                    return new WriteContext(schema, kv);
                }

                @Override
                public void prepareForWrite(RecordConsumer recordConsumer) {
                    rc = recordConsumer;
                }

                @Override
                public void write(T record) {
                    rc.startMessage();
                    recordWriter.accept(rc, record);
                    rc.endMessage();
                }
            };
        }
    }
}
