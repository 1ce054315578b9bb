package org.drugstats.spark.generate;

import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.drugstats.core.data.Origin;
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

    private final StreamingParquetFile<Event> out;

    private SeizureEventWriter(StreamingParquetFile<Event> out) {
        this.out = out;
    }

    /** Opens a writer for {@code file}. */
    public static SeizureEventWriter open(Path file, List<Origin> origins) {
        return new SeizureEventWriter(StreamingParquetFile.open(file, SeizureEvents.schema(),
                SeizureEvents.SCHEMA_VERSION, origins, SeizureEventWriter::fields));
    }

    /** Writes one event. */
    public void write(Event e) {
        out.write(e);
    }

    /** Closes the file and moves it into place. */
    @Override
    public void close() {
        out.close();
    }

    /** The event's fields, in the order of {@link SeizureEvents#COLUMNS}; a null sub-group is left out. */
    private static void fields(RecordConsumer rc, Event e) {
        rc.startField(SeizureEvents.EVENT_ID, 0);
        rc.addLong(e.eventId());
        rc.endField(SeizureEvents.EVENT_ID, 0);
        string(rc, 1, SeizureEvents.REF_AREA, e.refArea());
        rc.startField(SeizureEvents.YEAR, 2);
        rc.addInteger(e.year());
        rc.endField(SeizureEvents.YEAR, 2);
        string(rc, 3, SeizureEvents.DRUG_GROUP, e.drugGroup());
        if (e.drugSubgroup() != null) {
            string(rc, 4, SeizureEvents.DRUG_SUBGROUP, e.drugSubgroup());
        }
        string(rc, 5, SeizureEvents.DRUG, e.drug());
        rc.startField(SeizureEvents.KILOGRAMS, 6);
        rc.addDouble(e.kilograms());
        rc.endField(SeizureEvents.KILOGRAMS, 6);
    }

    private static void string(RecordConsumer rc, int idx, String name, String v) {
        rc.startField(name, idx);
        rc.addBinary(Binary.fromString(v));
        rc.endField(name, idx);
    }
}
