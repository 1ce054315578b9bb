package org.drugstats.core.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.drugstats.core.geo.UnmappedReason;

/**
 * An area name of the input that does not denote one country, as listed in the ingest report.
 *
 * @param name the name as published (cleaned of stray spaces)
 * @param reason why it is not one country
 * @param code the code its rows were stored under ({@code WLD}, {@code M49_002}, ...), or null when its rows
 *     were quarantined as {@code unmapped-area}
 * @param rows how many rows carry the name
 * @param firstAt where it first occurs ("sheet 'NPS' row 215", "line 12")
 * @param detail what the name is, or what to do about it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "reason", "code", "rows", "first_at", "detail"})
public record UnmappedName(@JsonProperty("name") String name, @JsonProperty("reason") UnmappedReason reason,
        @JsonProperty("code") String code, @JsonProperty("rows") long rows, @JsonProperty("first_at") String firstAt,
        @JsonProperty("detail") String detail) {
}
