/**
 * The indicator catalog: definitions of the indicators the project computes, and the headline figures
 * published in the United Nations source documents, each with its provenance.
 *
 * <p>Two resources in this package hold the data, both read with Jackson and validated on load by
 * {@link org.drugstats.core.catalog.Catalog#load()}:
 * <ul>
 *   <li>{@code indicators.json}: {@link org.drugstats.core.catalog.IndicatorDefinition}s (what is
 *       measured, in which unit, how it is computed from other indicators, SDG code and custodian);</li>
 *   <li>{@code headlines.json}: {@link org.drugstats.core.catalog.CatalogEntry}s, one per quantitative
 *       statement in the seed documents (Commission on Narcotic Drugs and General Assembly documents,
 *       2019–2025), with value, bounds, unit and unit multiplier, year, scope, source document,
 *       paragraph, upstream source (usually a World Drug Report edition) and the exact quote.</li>
 * </ul>
 *
 * <p>What counts as a quantitative statement: every number that counts or measures something (people,
 * countries, laboratories, tonnes, hectares, shares, changes, ratios such as "doubled" or "one in
 * eight") and every year that is a target or planned milestone. Not included: session and meeting
 * numbers ("sixty-third session"), anniversaries, dates of events, numbers that only structure a text
 * ("three areas", "five-pillar approach", "seven strategies") and lists of names whose length the
 * document does not state, except the substances scheduled in 2020, which are counted and say so.
 *
 * <p>Figures from different World Drug Report editions come from different models (WDR 2019:
 * 35 million people with drug use disorders in 2017; WDR 2023: 39.5 million in 2021; WDR 2024:
 * 64 million in 2022). Each entry records its edition, and
 * {@link org.drugstats.core.catalog.CatalogRelations} refuses to chain figures across editions unless
 * asked to with {@link org.drugstats.core.catalog.EditionPolicy#ALLOW_CROSS_EDITION}.
 */
package org.drugstats.core.catalog;
