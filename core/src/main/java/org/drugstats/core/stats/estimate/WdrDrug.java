package org.drugstats.core.stats.estimate;

import java.util.List;
import java.util.Optional;

/**
 * The drugs of the WDR's world and regional estimates, with the annex table 1.2 rows (sheets, {@code drug}
 * codes of the extract) each is built from.
 *
 * <ul>
 *   <li>cannabis, cocaine, ecstasy: the country's row of that sheet.</li>
 *   <li>{@link #OPIOIDS}: the WDR's "opioids" are opiates (heroin, opium) and the non-medical use of
 *       prescription opioids. A country's {@code opioids} row is used where it has one for the survey year;
 *       otherwise its {@code opiates} and {@code prescription opioids} rows of that survey year are combined
 *       by {@link DefinitionRule#UNION} — never the sum of two world totals, which counts the people who use
 *       both twice.</li>
 *   <li>{@link #AMPHETAMINES}: amphetamines and the non-medical use of prescription stimulants (the WDR's
 *       "amphetamines" include both); the {@code amphetamines} and {@code prescription stimulants} rows of a
 *       survey year are combined the same way. The annex has no combined row for them.</li>
 * </ul>
 * Where a country reports only one component in its latest survey year, that component is used alone
 * ({@link DefinitionRule#COMPONENT_ONLY}, named on the estimate): it is a national measurement of most of the
 * group (opiates or amphetamines are the bulk in most countries that report only one), and the alternative —
 * imputing the whole group from neighbours while a national measurement exists — discards data. It understates
 * the group by the users of the missing component only.
 */
public enum WdrDrug {
    CANNABIS("cannabis", null, List.of()),
    COCAINE("cocaine", null, List.of()),
    OPIOIDS("opioids", "opioids", List.of("opiates", "prescription opioids")),
    AMPHETAMINES("amphetamines", null, List.of("amphetamines", "prescription stimulants")),
    ECSTASY("ecstasy", null, List.of());

    private final String code;
    private final String groupRow;
    private final List<String> components;

    WdrDrug(String code, String groupRow, List<String> components) {
        this.code = code;
        this.groupRow = groupRow;
        this.components = components;
    }

    /** The drug code written on estimates (as in the extracts). */
    public String code() {
        return code;
    }

    /** The annex row that measures the whole group, if the group has one and is defined by components. */
    public Optional<String> groupRow() {
        return Optional.ofNullable(groupRow);
    }

    /** The component rows (empty for a drug measured by its own row alone). */
    public List<String> components() {
        return components;
    }

    /** Every annex drug code this drug reads. */
    public List<String> inputs() {
        if (components.isEmpty()) {
            return List.of(code);
        }
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        groupRow().ifPresent(all::add);
        all.addAll(components);
        return List.copyOf(all);
    }

    /** The drug of a code, if it is one of these. */
    public static Optional<WdrDrug> ofCode(String code) {
        for (WdrDrug d : values()) {
            if (d.code.equals(code)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
