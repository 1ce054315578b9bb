/**
 * The observation model and extracts: immutable {@link org.drugstats.core.data.Observation} records keyed
 * like SDMX (indicator, REF_AREA, TIME_PERIOD, SEX, AGE), the canonical {@link org.drugstats.core.data.Column}
 * schema, Parquet and CSV forms with provenance ({@link org.drugstats.core.data.Origin}), row-level validation
 * with quarantine, and Tablesaw tables for people who embed core.
 */
package org.drugstats.core.data;
