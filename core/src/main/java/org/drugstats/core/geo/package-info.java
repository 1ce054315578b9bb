/**
 * Geography: the UN M49 classification (regions, sub-regions, intermediate regions, ISO codes, LDC/LLDC/SIDS),
 * the UNODC regional grouping of the World Drug Report, aggregate codes, and the mapping of country names as
 * published (with footnote letters, stray spaces, old or short names) to ISO 3166 alpha-3 codes.
 *
 * <p>The resources under {@code org/drugstats/core/geo/} are derived by {@code org.drugstats.core.ingest.GeoResourceGenerator}
 * (module {@code drugstats-core-io}) from the published files (UNSD M49 via the datasets/country-codes project, ODC-PDDL; WDR 2025 statistical
 * annex tables 1.2 and 7.1, UNODC, CC BY 3.0 IGO); a test checks that the committed resources are exactly what
 * the generator produces. The alias and aggregate-name lists are written by hand and say why each entry exists.
 *
 * <p>Area codes: ISO 3166-1 alpha-3 for countries and territories ({@code XKX} for Kosovo, which has no ISO code);
 * ISO 3166-2 for the parts of the United Kingdom that UNODC reports separately ({@code GB-EAW}, {@code GB-SCT},
 * {@code GB-NIR}, {@code GB-ENG}); {@code WLD} for the world; {@code M49_nnn} for M49 regions, sub-regions and
 * intermediate regions (nnn = the M49 code); {@code UNODC_*} for UNODC regions and sub-regions (listed in
 * {@code unodc-region-codes.csv}); {@code WPP_*} and {@code WB_*} for the development and income groups of the
 * World Population Prospects; {@code WLD_OTHER} for a table's residual row ("Other countries").
 */
package org.drugstats.core.geo;
