/**
 * Text forms of numbers for the report (display rounding, units in words); CSV downloads keep full
 * precision.
 */
package org.drugstats.reports.format;
