package org.drugstats.core.stats.inequality;

/** How areas are ordered along the curve's population axis. */
public enum Ranking {
    /** By consumption per capita, ascending: the Lorenz curve (DOMAIN §4). */
    PER_CAPITA_ASCENDING("per-capita ascending"),
    /**
     * By the areas' external ranking variable (e.g. income per capita), ascending: a concentration curve
     * (Knaul et al. 2018 rank by income). Every area must carry the variable.
     */
    EXTERNAL_VARIABLE_ASCENDING("external variable ascending");

    private final String label;

    Ranking(String label) {
        this.label = label;
    }

    /** Human-readable label written to reports ("per-capita ascending"). */
    public String label() {
        return label;
    }
}
