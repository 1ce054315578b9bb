package org.drugstats.core.supply;

/**
 * A published quantity that no category total counts, and why.
 *
 * @param quantity the quantity as given
 * @param reason why it is not counted
 * @param detail the specifics (unit, category)
 */
public record Excluded(SeizureQuantity quantity, Reason reason, String detail) {

    /** Why a quantity is not counted. */
    public enum Reason {
        /** No published value. */
        NO_VALUE,
        /** The unit is not a weight (units, tablets, litres, counted plants): never added to kilograms. */
        NOT_WEIGHT,
        /** The drug is not in the mapping. */
        UNMAPPED,
        /** The category may not be summed (precursors, other substances). */
        NOT_SUMMABLE;

        /** Code for reports ({@code not-weight}). */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
