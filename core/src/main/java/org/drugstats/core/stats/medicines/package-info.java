/** Controlled medicines: opioid consumption in morphine equivalents (INCB consumption statistics). */
package org.drugstats.core.stats.medicines;
