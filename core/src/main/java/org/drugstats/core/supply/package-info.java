/**
 * Supply indicators counted as the UNODC <i>World Drug Report</i> counts them: seizure categories (what may be
 * added together), a country's "total of the above" rows never added to the rows they total, weights never mixed
 * with counted units, and the trends of the category totals.
 */
package org.drugstats.core.supply;
