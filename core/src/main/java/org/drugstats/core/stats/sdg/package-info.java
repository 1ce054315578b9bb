/**
 * SDG indicators: 3.5.1 treatment coverage for substance use disorders (custodian WHO, with UNODC; SDG
 * series {@code SH_SUD_TREAT}) and 16.4.1 illicit financial flows (custodians UNODC and UNCTAD) with the
 * drug-market balance identity.
 *
 * <p>References: UN Statistics Division, SDG metadata for indicators 3.5.1 and 16.4.1; UNODC and UNCTAD
 * (2020), Conceptual Framework for the Statistical Measurement of Illicit Financial Flows.
 */
package org.drugstats.core.stats.sdg;
