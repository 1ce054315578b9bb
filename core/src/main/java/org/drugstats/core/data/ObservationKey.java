package org.drugstats.core.data;

/**
 * The identity of an observation within an extract: an extract holds at most one observation per key.
 * Published tables give several values for one country and year when they come from different surveys,
 * methods or sources, so those are part of the key. When a table publishes several records for what is
 * otherwise one key (annex 7.1: several seizure records of one country, drug and year), {@code record} numbers
 * them 1, 2, ... in the order of the table; it is null otherwise. {@code subArea} tells apart the sub-national areas
 * (a US state, a waste-water site) of one ref_area. {@code drugGroup} tells apart the rows of one drug name under
 * different groups (annex 7.1 files "Other drugs/substances" under several groups) and the group totals that have
 * no drug ({@code seizures_quantity} summed by drug group): without it, a run's own result tables would repeat keys.
 */
public record ObservationKey(String indicator, String refArea, String timePeriod, Sex sex, String age, String drug,
        String drugGroup, String method, String source, String record, String subArea) {

    /** The key's columns, in key order, for code that works on tables (e.g. the Spark validation step). */
    public static final java.util.List<Column> COLUMNS = java.util.List.of(Column.INDICATOR, Column.REF_AREA,
            Column.TIME_PERIOD, Column.SEX, Column.AGE, Column.DRUG, Column.DRUG_GROUP, Column.METHOD, Column.SOURCE, Column.RECORD,
            Column.SUB_AREA);

    /** The key without its record number: what the records of one published key share. */
    public ObservationKey withoutRecord() {
        return record == null ? this : new ObservationKey(indicator, refArea, timePeriod, sex, age, drug,
                drugGroup, method, source, null, subArea);
    }
}
