package org.drugstats.core.data;

/**
 * The identity of an observation within an extract: an extract holds at most one observation per key.
 * Published tables give several values for one country and year when they come from different surveys,
 * methods or sources, so those are part of the key. When a table publishes several records for what is
 * otherwise one key (annex 7.1: several seizure records of one country, drug and year), {@code record} numbers
 * them 1, 2, ... in the order of the table; it is null otherwise.
 */
public record ObservationKey(String indicator, String refArea, String timePeriod, Sex sex, String age, String drug,
        String method, String source, String record) {

    /** The key without its record number: what the records of one published key share. */
    public ObservationKey withoutRecord() {
        return record == null ? this : new ObservationKey(indicator, refArea, timePeriod, sex, age, drug, method,
                source, null);
    }
}
