/**
 * Age standardisation by the direct method: rates weighted by a standard population, so that areas with
 * different age structures can be compared. The standard is the WHO world standard population 2000–2025
 * (Ahmad et al. 2001, GPE Discussion Paper Series No. 31, WHO), truncated and renormalised to the ages of
 * the indicator (15–64 for drug use).
 */
package org.drugstats.core.stats.standardization;
