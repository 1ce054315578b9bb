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
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.ParquetFooters;
import org.drugstats.core.data.SeizureEvents;

/**
 * Streams seizure events into one Parquet file of core's {@link SeizureEvents} schema, with the provenance in
 * the file metadata. Rows are written as they come (row groups of 128 MB), so a file of any size needs constant
 * memory. The file appears under its name only when closed (temporary file, then move).
 */
public final class SeizureEventWriter implements AutoCloseable {

    /** One seizure event. {@code drugSubgroup} may be null. */
    public record Event(long eventId, String refArea, int year, String drugGroup, String drugSubgroup, String drug,
            double kilograms) {
    }

    private final Path file;
    private final Path tmp;
    private final ParquetWriter<Event> writer;
    private long rows;

    private SeizureEventWriter(Path file, List<Origin> origins) throws IOException {
        this.file = file;
        this.tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(tmp);
        Map<String, String> kv = new LinkedHashMap<>();
        kv.put(ParquetExtracts.META_SCHEMA, SeizureEvents.SCHEMA_VERSION);
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
    public static SeizureEventWriter open(Path file, List<Origin> origins) {
        try {
            return new SeizureEventWriter(file, origins);
        } catch (IOException e) {
            throw DrugstatsException.of("%s: cannot write: %s", file, e.getMessage());
        }
    }

    /** Writes one event. */
    public void write(Event e) {
        try {
            writer.write(e);
            rows++;
        } catch (IOException ex) {
            throw DrugstatsException.of("%s: cannot write: %s", file, ex.getMessage());
        }
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** Closes the file and moves it into place. */
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

    private static final class Builder extends ParquetWriter.Builder<Event, Builder> {
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
        protected WriteSupport<Event> getWriteSupport(Configuration conf) {
            return new EventWriteSupport(kv);
        }
    }

    private static final class EventWriteSupport extends WriteSupport<Event> {
        private final Map<String, String> kv;
        private RecordConsumer rc;

        EventWriteSupport(Map<String, String> kv) {
            this.kv = kv;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(SeizureEvents.schema(), kv);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.rc = recordConsumer;
        }

        @Override
        public void write(Event e) {
            rc.startMessage();
            rc.startField(SeizureEvents.EVENT_ID, 0);
            rc.addLong(e.eventId());
            rc.endField(SeizureEvents.EVENT_ID, 0);
            string(1, SeizureEvents.REF_AREA, e.refArea());
            rc.startField(SeizureEvents.YEAR, 2);
            rc.addInteger(e.year());
            rc.endField(SeizureEvents.YEAR, 2);
            string(3, SeizureEvents.DRUG_GROUP, e.drugGroup());
            if (e.drugSubgroup() != null) {
                string(4, SeizureEvents.DRUG_SUBGROUP, e.drugSubgroup());
            }
            string(5, SeizureEvents.DRUG, e.drug());
            rc.startField(SeizureEvents.KILOGRAMS, 6);
            rc.addDouble(e.kilograms());
            rc.endField(SeizureEvents.KILOGRAMS, 6);
            rc.endMessage();
        }

        private void string(int idx, String name, String v) {
            rc.startField(name, idx);
            rc.addBinary(Binary.fromString(v));
            rc.endField(name, idx);
        }
    }
}
