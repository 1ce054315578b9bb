package org.drugstats.core.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Provenance of a dataset (after Our World in Data's {@code Origin}): who produced it, what it is called,
 * how to cite it, where it is, under which licence, when it was published and read, its checksum, and what
 * processing this library did. Every extract carries the origins of its rows in its file metadata; a
 * derived result carries the union of its inputs' origins.
 *
 * @param id stable id, the value of the {@code origin} column of the rows it describes
 * @param producer publisher, e.g. "United Nations Office on Drugs and Crime (UNODC)"
 * @param title title of the dataset or table
 * @param citation full citation
 * @param url where the data can be obtained, or null
 * @param licence licence, e.g. "CC BY 3.0 IGO"
 * @param datePublished publication date or year, or null
 * @param fileName the file the data were read from, or null
 * @param sha256 SHA-256 of that file, or null
 * @param processing what this library did to the data (e.g. the ingest command)
 * @param synthetic true for generated data, which must never be mixed with published data
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Origin(
        @JsonProperty("id") String id,
        @JsonProperty("producer") String producer,
        @JsonProperty("title") String title,
        @JsonProperty("citation") String citation,
        @JsonProperty("url") String url,
        @JsonProperty("licence") String licence,
        @JsonProperty("date_published") String datePublished,
        @JsonProperty("file_name") String fileName,
        @JsonProperty("sha256") String sha256,
        @JsonProperty("processing") String processing,
        @JsonProperty("synthetic") boolean synthetic) {

    public Origin {
        Objects.requireNonNull(id, "origin id");
        Objects.requireNonNull(producer, "origin producer");
        Objects.requireNonNull(title, "origin title");
    }

    /** A copy with another processing note. */
    public Origin withProcessing(String text) {
        return new Origin(id, producer, title, citation, url, licence, datePublished, fileName, sha256, text,
                synthetic);
    }
}
