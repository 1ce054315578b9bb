package org.drugstats.core.ingest;

import java.util.Arrays;
import java.util.Locale;
import org.drugstats.core.DrugstatsException;

/** Format of the extract an ingest writes (the quarantine file is always CSV, the report always JSON). */
public enum OutputFormat {
    /** Parquet with the provenance in the file's key-value metadata ({@code extract.parquet}). */
    PARQUET("parquet"),
    /** RFC 4180 CSV with a header ({@code extract.csv}); provenance is in the report only. */
    CSV("csv");

    private final String code;

    OutputFormat(String code) {
        this.code = code;
    }

    /** The name used on the command line and as the file extension. */
    public String code() {
        return code;
    }

    /** The extract's file name in the output folder. */
    public String extractFileName() {
        return "extract." + code;
    }

    /** The format with this name; an error listing the names otherwise. */
    public static OutputFormat ofCode(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.code.equals(c)).findFirst().orElseThrow(() -> DrugstatsException
                .of("unknown format '%s'; expected one of %s", code, Arrays.stream(values()).map(f -> f.code).toList()));
    }
}
