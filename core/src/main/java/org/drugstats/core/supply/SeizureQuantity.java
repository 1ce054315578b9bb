package org.drugstats.core.supply;

import java.util.Objects;

/**
 * One seized quantity as published (a row of UNODC annex 7.1, or the sum of a key's records): country, year, the
 * annex's DrugGroup / DrugSubGroup / DrugName, the value and its unit.
 *
 * @param area ISO3 code of the country
 * @param year reference year
 * @param group DrugGroup as published
 * @param subgroup DrugSubGroup as published
 * @param name DrugName as published
 * @param value quantity, null when not published
 * @param unit unit code of core's {@code Unit} ({@code kg}, {@code tonnes}, {@code count}, ...)
 */
public record SeizureQuantity(String area, String year, String group, String subgroup, String name, Double value,
        String unit) {

    public SeizureQuantity {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(unit, "unit");
    }

    /** A quantity in kilograms. */
    public static SeizureQuantity kg(String area, String year, String group, String subgroup, String name,
            Double value) {
        return new SeizureQuantity(area, year, group, subgroup, name, value, "kg");
    }

    /**
     * The quantity of a canonical observation ({@code seizures_quantity}): ref_area, time_period, drug_group,
     * drug_subgroup, drug, the value in base units (value × 10^unit_mult; null when missing) and the unit.
     */
    public static SeizureQuantity of(org.drugstats.core.data.Observation o) {
        return new SeizureQuantity(o.refArea(), o.timePeriod(), o.drugGroup(), o.drugSubgroup(), o.drug(),
                o.value() == null ? null : o.scaledValue(), o.unit().code());
    }

    /** The drug as "group / subgroup / name", for messages. */
    public String drug() {
        return group + " / " + subgroup + " / " + name;
    }
}
