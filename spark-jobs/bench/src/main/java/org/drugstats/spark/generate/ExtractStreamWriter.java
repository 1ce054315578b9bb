package org.drugstats.spark.generate;

import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.drugstats.core.data.Column;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetExtracts;

/**
 * Streams observations into one Parquet file of core's extract schema ({@link ParquetExtracts#schema()}), with
 * provenance in the metadata, in constant memory (core's {@link ParquetExtracts#write} takes a whole extract).
 * The file appears under its name only when closed. Core's readers read the result as any extract.
 */
public final class ExtractStreamWriter implements AutoCloseable {

    private final StreamingParquetFile<Observation> out;

    private ExtractStreamWriter(StreamingParquetFile<Observation> out) {
        this.out = out;
    }

    /** Opens a writer for {@code file}. */
    public static ExtractStreamWriter open(Path file, List<Origin> origins) {
        return new ExtractStreamWriter(StreamingParquetFile.open(file, ParquetExtracts.schema(),
                ParquetExtracts.SCHEMA_VERSION, origins, ExtractStreamWriter::fields));
    }

    /** Writes one observation. */
    public void write(Observation o) {
        out.write(o);
    }

    @Override
    public void close() {
        out.close();
    }

    /** The observation's non-null columns, in core's column order (the extract schema's field indices). */
    private static void fields(RecordConsumer rc, Observation o) {
        for (Column c : Column.values()) {
            String name = c.columnName();
            int i = c.ordinal();
            switch (c) {
                case VALUE, LOWER, UPPER, STD_ERROR -> {
                    Double d = c == Column.VALUE ? o.value() : c == Column.LOWER ? o.lower()
                            : c == Column.UPPER ? o.upper() : o.stdError();
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
    }
}
