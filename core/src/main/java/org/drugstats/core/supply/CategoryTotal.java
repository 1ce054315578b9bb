package org.drugstats.core.supply;

import java.math.BigDecimal;
import java.util.List;

/**
 * The seized weight of one category by one country in one year.
 *
 * @param area ISO3 code
 * @param year reference year
 * @param category category code
 * @param kilograms exact decimal sum, in kg
 * @param basis how the value was counted
 * @param rows the published quantities counted (a key whose records were summed upstream counts once)
 * @param drugs the DrugNames counted, sorted
 * @param check the comparison of the family's breakdown and its own total, when the country reported both
 */
public record CategoryTotal(String area, String year, String category, BigDecimal kilograms, Basis basis, int rows,
        List<String> drugs, TotalCheck check) {

    public CategoryTotal {
        drugs = List.copyOf(drugs);
    }

    /** How a category total was counted. */
    public enum Basis {
        /** The sum of the breakdown rows (the family has no total row in this country-year, or it was set aside). */
        BREAKDOWN("breakdown"),
        /** The country's own total row: no breakdown of the family was reported. */
        REPORTED_TOTAL("reported-total"),
        /**
         * The breakdown rows plus the part of the country's own total beyond them ({@link TotalRule#COMPLETE_FIGURE}).
         */
        BREAKDOWN_AND_REMAINDER("breakdown-and-remainder-of-total");

        private final String code;

        Basis(String code) {
            this.code = code;
        }

        /** The code written in notes. */
        public String code() {
            return code;
        }
    }
}
