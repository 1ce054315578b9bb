package org.drugstats.core.supply;

/**
 * A seizure category: the drugs whose seized weights may be added together (a row of
 * {@code seizure-categories.csv}).
 *
 * @param code category code ({@code cocaine}, {@code cannabis_herb}, ...): the {@code drug} of a
 *        {@code seizures_total} result
 * @param label label for reports
 * @param family the categories a country's "total" row of UNODC annex 7.1 covers share a family (the
 *        amphetamine-type stimulants: methamphetamine, amphetamine, ...); a category without a total row is
 *        its own family
 * @param summable whether quantities of the category's drugs may be added (false for precursor chemicals and for
 *        the miscellany of "other substances": they get no total)
 * @param headline position on the Supply page's headline list (1 first), 0 when not a headline category
 * @param description what the category holds and why
 */
public record SeizureCategory(String code, String label, String family, boolean summable, int headline,
        String description) {
}
