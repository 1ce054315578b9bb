package org.drugstats.core.supply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drugstats.core.DrugstatsException;

/**
 * Seized weight by country, year and category, counted as the <i>World Drug Report</i> counts it (UNODC, WDR 2025,
 * statistical annex table 7.1 and its methodology): quantities are added only within a {@link SeizureCategory},
 * and a country's own "total of the above" row is never added to the rows it totals.
 *
 * <p>Per country, year and family (the categories one total row covers):
 * <ul>
 * <li>breakdown rows only: each category is the sum of its rows;</li>
 * <li>the total row(s) only: the total is counted in the category the total row maps to (cocaine; for the ATS,
 * non-specified ATS);</li>
 * <li>both: the {@link TotalRule} decides, and a {@link TotalCheck} records the breakdown, the total and what was
 * counted; it {@linkplain TotalCheck#disagrees() disagrees} when they differ by more than one gram.</li>
 * </ul>
 * Only weights are added: kilograms, and tonnes × 1,000. A quantity in any other unit (units, tablets, litres,
 * counted plants) is never added to kilograms; it is {@link Excluded} as {@code not-weight}, as are quantities
 * without a value, drugs the mapping does not know and categories that may not be summed. Sums are exact
 * ({@link BigDecimal} of each value's shortest decimal form).
 */
public final class SeizureCountryTotals {

    private final SeizureCategories categories;
    private final TotalRule rule;

    private SeizureCountryTotals(SeizureCategories categories, TotalRule rule) {
        this.categories = Objects.requireNonNull(categories, "categories");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** Totals with the given categories and rule. */
    public static SeizureCountryTotals of(SeizureCategories categories, TotalRule rule) {
        return new SeizureCountryTotals(categories, rule);
    }

    /** The rule used. */
    public TotalRule rule() {
        return rule;
    }

    /**
     * The result.
     *
     * @param totals one per country, year and category counted, ordered by country, year and category file order
     * @param checks one per country, year and family that reported both a breakdown and a total
     * @param excluded the quantities not counted, in input order
     */
    public record Result(List<CategoryTotal> totals, List<TotalCheck> checks, List<Excluded> excluded) {
        public Result {
            totals = List.copyOf(totals);
            checks = List.copyOf(checks);
            excluded = List.copyOf(excluded);
        }

        /** The checks where the breakdown and the total disagree. */
        public List<TotalCheck> disagreements() {
            return checks.stream().filter(TotalCheck::disagrees).toList();
        }
    }

    /** Totals of quantities of any number of countries and years. */
    public Result compute(Collection<SeizureQuantity> quantities) {
        Map<String, List<SeizureQuantity>> byKey = new TreeMap<>();
        for (SeizureQuantity q : quantities) {
            byKey.computeIfAbsent(q.area() + "\u0000" + q.year(), k -> new ArrayList<>()).add(q);
        }
        List<CategoryTotal> totals = new ArrayList<>();
        List<TotalCheck> checks = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (List<SeizureQuantity> one : byKey.values()) {
            Result r = countryYear(one);
            totals.addAll(r.totals());
            checks.addAll(r.checks());
            excluded.addAll(r.excluded());
        }
        return new Result(totals, checks, excluded);
    }

    /** One family's rows of one country-year. */
    private static final class Family {
        final Map<String, Part> parts = new LinkedHashMap<>();
        BigDecimal total;
        int totalRows;
        final TreeSet<String> totalNames = new TreeSet<>();
    }

    private static final class Part {
        BigDecimal kg = BigDecimal.ZERO;
        int rows;
        final TreeSet<String> names = new TreeSet<>();
    }

    /**
     * Totals of the quantities of one country and year.
     *
     * @throws DrugstatsException when the quantities are not all of one country and year
     */
    public Result countryYear(List<SeizureQuantity> quantities) {
        List<Excluded> excluded = new ArrayList<>();
        if (quantities.isEmpty()) {
            return new Result(List.of(), List.of(), List.of());
        }
        String area = quantities.get(0).area();
        String year = quantities.get(0).year();
        Map<String, Family> families = new TreeMap<>();
        for (SeizureQuantity q : quantities) {
            if (!q.area().equals(area) || !q.year().equals(year)) {
                throw DrugstatsException.of("seizure quantities of %s %s and %s %s given as one country-year", area,
                        year, q.area(), q.year());
            }
            Optional<BigDecimal> kg = kilograms(q);
            Optional<SeizureCategories.Mapping> m = categories.lookup(q.group(), q.subgroup(), q.name());
            if (q.value() == null) {
                excluded.add(new Excluded(q, Excluded.Reason.NO_VALUE, "no published value"));
            } else if (kg.isEmpty()) {
                excluded.add(new Excluded(q, Excluded.Reason.NOT_WEIGHT,
                        "unit '" + q.unit() + "' is not a weight; never added to kilograms"));
            } else if (m.isEmpty()) {
                excluded.add(new Excluded(q, Excluded.Reason.UNMAPPED, "not in " + SeizureCategories.MAPPING));
            } else if (!m.get().category().summable()) {
                excluded.add(new Excluded(q, Excluded.Reason.NOT_SUMMABLE,
                        "category " + m.get().category().code() + " may not be summed"));
            } else {
                SeizureCategory c = m.get().category();
                Family f = families.computeIfAbsent(c.family(), k -> new Family());
                if (m.get().role() == TotalRole.TOTAL) {
                    f.total = f.total == null ? kg.get() : f.total.add(kg.get());
                    f.totalRows++;
                    f.totalNames.add(q.name());
                } else {
                    Part p = f.parts.computeIfAbsent(c.code(), k -> new Part());
                    p.kg = p.kg.add(kg.get());
                    p.rows++;
                    p.names.add(q.name());
                }
            }
        }
        List<CategoryTotal> totals = new ArrayList<>();
        List<TotalCheck> checks = new ArrayList<>();
        for (Map.Entry<String, Family> e : families.entrySet()) {
            Family f = e.getValue();
            String family = e.getKey();
            if (f.total == null) {
                f.parts.forEach((code, p) -> totals.add(total(area, year, code, p, CategoryTotal.Basis.BREAKDOWN, null)));
                continue;
            }
            String totalCode = categories.totalCategory(family).orElseThrow().code();
            if (f.parts.isEmpty()) {
                Part p = new Part();
                p.kg = f.total;
                p.rows = f.totalRows;
                p.names.addAll(f.totalNames);
                totals.add(total(area, year, totalCode, p, CategoryTotal.Basis.REPORTED_TOTAL, null));
                continue;
            }
            BigDecimal breakdown = f.parts.values().stream().map(p -> p.kg).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal remainder = f.total.subtract(breakdown);
            boolean addRemainder = rule == TotalRule.COMPLETE_FIGURE && remainder.compareTo(TotalCheck.TOLERANCE_KG) > 0;
            TotalCheck check = new TotalCheck(area, year, family, breakdown, f.total, addRemainder ? f.total : breakdown);
            checks.add(check);
            if (addRemainder) {
                Part p = f.parts.computeIfAbsent(totalCode, k -> new Part());
                p.kg = p.kg.add(remainder);
                p.rows += f.totalRows;
                p.names.addAll(f.totalNames);
            }
            f.parts.forEach((code, p) -> totals.add(total(area, year, code, p,
                    addRemainder && code.equals(totalCode) ? CategoryTotal.Basis.BREAKDOWN_AND_REMAINDER
                            : CategoryTotal.Basis.BREAKDOWN, check)));
        }
        List<String> order = categories.categories().stream().map(SeizureCategory::code).toList();
        totals.sort(Comparator.comparingInt(t -> order.indexOf(t.category())));
        return new Result(totals, checks, excluded);
    }

    private static CategoryTotal total(String area, String year, String code, Part p, CategoryTotal.Basis basis,
            TotalCheck check) {
        return new CategoryTotal(area, year, code, p.kg, basis, p.rows, List.copyOf(p.names), check);
    }

    /** The quantity in kilograms when its unit is a weight (kg; tonnes × 1,000), else empty. */
    static Optional<BigDecimal> kilograms(SeizureQuantity q) {
        if (q.value() == null) {
            return Optional.empty();
        }
        if (!Double.isFinite(q.value())) {
            throw DrugstatsException.of("seizure quantity of %s %s, %s: value %s is not a finite number", q.area(),
                    q.year(), q.drug(), q.value());
        }
        BigDecimal v = BigDecimal.valueOf(q.value());
        return switch (q.unit()) {
            case "kg" -> Optional.of(v);
            case "tonnes" -> Optional.of(v.scaleByPowerOfTen(3));
            default -> Optional.empty();
        };
    }
}
