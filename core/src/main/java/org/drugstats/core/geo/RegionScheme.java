package org.drugstats.core.geo;

/**
 * Which classification a region name is read in first. Several names exist in both UN M49 and the UNODC
 * grouping with different members ("Central America" includes Mexico in M49 but not in UNODC tables;
 * "Eastern Europe" includes Poland in M49 but not in UNODC tables).
 */
public enum RegionScheme {
    /** Region names are M49 groups first (WPP, OWID, SDG files). */
    M49,
    /** Region names are UNODC groups first (World Drug Report tables). */
    UNODC
}
