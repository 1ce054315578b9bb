package org.drugstats.core.data;

/**
 * The identity of an observation within an extract: an extract holds at most one observation per key.
 * Published tables give several values for one country and year when they come from different surveys,
 * methods or sources, so those are part of the key.
 */
public record ObservationKey(String indicator, String refArea, String timePeriod, Sex sex, String age, String drug,
        String method, String source) {
}
