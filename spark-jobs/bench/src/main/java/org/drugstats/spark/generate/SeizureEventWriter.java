package org.drugstats.spark.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.SeizureEventCodes;
import org.drugstats.core.data.SeizureEvents;

/**
 * Streams seizure events into one Parquet file of core's {@link SeizureEvents} schema, with the provenance in
 * the file metadata. Rows are written as they come (row groups of 128 MB), so a file of any size needs constant
 * memory. The file appears under its name only when closed (temporary file, then move).
 *
 * <p>A writer opened with a code dictionary ({@link #open(Path, List, SeizureEventCodes)}) writes a coded file:
 * the dictionary in the metadata ({@value SeizureEvents#META_CODES}) and each event's {@code area_code} and
 * {@code drug_code} as the event carries them ({@link Event#coded}: the dictionary's codes for its names); a null code
 * is left empty, which the pipeline's validation quarantines.
 */
public final class SeizureEventWriter implements AutoCloseable {

    /** One seizure event. {@code drugSubgroup} may be null; {@code areaCode} and {@code drugCode} may be null. */
    public record Event(long eventId, String refArea, int year, String drugGroup, String drugSubgroup, String drug,
            double kilograms, Integer areaCode, Integer drugCode) {

        /** An event without codes. */
        public Event(long eventId, String refArea, int year, String drugGroup, String drugSubgroup, String drug,
                double kilograms) {
            this(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms, null, null);
        }

        /** This event with the codes {@code codes} gives its names (null where the dictionary lists none). */
        public Event coded(SeizureEventCodes codes) {
            return new Event(eventId, refArea, year, drugGroup, drugSubgroup, drug, kilograms,
                    boxed(codes.areaCode(refArea)), boxed(codes.drugCode(drugGroup, drugSubgroup, drug)));
        }
    }

    private final StreamingParquetFile<Event> out;

    private SeizureEventWriter(StreamingParquetFile<Event> out) {
        this.out = out;
    }

    /** Opens a writer for {@code file}: a file read by its names (no codes, no dictionary). */
    public static SeizureEventWriter open(Path file, List<Origin> origins) {
        return new SeizureEventWriter(StreamingParquetFile.open(file, SeizureEvents.schema(),
                SeizureEvents.SCHEMA_VERSION, origins, SeizureEventWriter::fields));
    }

    /** Opens a writer for a coded file with the dictionary {@code codes}. */
    public static SeizureEventWriter open(Path file, List<Origin> origins, SeizureEventCodes codes) {
        return new SeizureEventWriter(StreamingParquetFile.open(file, SeizureEvents.schema(),
                SeizureEvents.SCHEMA_VERSION, origins, Map.of(SeizureEvents.META_CODES, codes.toJson()),
                SeizureEventWriter::fields));
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

    /** The event's fields, in the order of {@link SeizureEvents#schema()}; null values are left out. */
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
        integer(rc, 7, SeizureEvents.AREA_CODE, e.areaCode());
        integer(rc, 8, SeizureEvents.DRUG_CODE, e.drugCode());
    }

    private static Integer boxed(OptionalInt i) {
        return i.isPresent() ? i.getAsInt() : null;
    }

    private static void integer(RecordConsumer rc, int idx, String name, Integer v) {
        if (v != null) {
            rc.startField(name, idx);
            rc.addInteger(v);
            rc.endField(name, idx);
        }
    }

    private static void string(RecordConsumer rc, int idx, String name, String v) {
        rc.startField(name, idx);
        rc.addBinary(Binary.fromString(v));
        rc.endField(name, idx);
    }
}
