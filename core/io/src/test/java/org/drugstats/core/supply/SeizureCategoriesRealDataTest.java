package org.drugstats.core.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.ParquetExtracts;
import org.junit.jupiter.api.Test;

/**
 * The categories on the embedded annex 7.1 extract ({@code data/unodc-wdr2025-seizures}): every DrugGroup /
 * DrugSubGroup / DrugName published is mapped, and the totals agree with an independent count.
 *
 * <p>Reference: {@code core/src/test/reference/seizure_categories.py} (openpyxl 3.0.9 on the workbook itself,
 * Python 3.11.2, decimal arithmetic; output in {@code seizure_categories.out}), run as
 * {@code /usr/bin/python3 core/src/test/reference/seizure_categories.py ../shared/data}. Tolerance 1e-6 kg (the
 * two sides take the decimal form of each double differently: Python's shortest repr, Java's
 * {@code Double.toString}).
 */
class SeizureCategoriesRealDataTest {

    private static final SeizureCategories CATS = SeizureCategories.fromResources();

    private static List<SeizureQuantity> quantities() {
        String root = System.getProperty("drugstats.project.root", "..");
        Extract e = ParquetExtracts.read(Path.of(root, "data", "unodc-wdr2025-seizures", "extract.parquet"));
        return e.observations().stream().map(SeizureQuantity::of).toList();
    }

    @Test
    void everyDrugOfTheAnnexIsMapped() {
        List<SeizureQuantity> q = quantities();
        Set<String> unmapped = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (SeizureQuantity s : q) {
            seen.add(s.drug());
            if (CATS.lookup(s.group(), s.subgroup(), s.name()).isEmpty()) {
                unmapped.add(s.drug());
            }
        }
        assertEquals(Set.of(), unmapped);
        assertEquals(169, seen.size());
        assertEquals(169, CATS.size());
        assertTrue(q.stream().allMatch(s -> s.unit().equals("kg")));
    }

    private static BigDecimal world(SeizureCountryTotals.Result r, String year, String category) {
        return r.totals().stream().filter(t -> t.year().equals(year) && t.category().equals(category))
                .map(CategoryTotal::kilograms).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void assertClose(String expected, BigDecimal actual) {
        assertTrue(new BigDecimal(expected).subtract(actual).abs().compareTo(new BigDecimal("1e-6")) <= 0,
                () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void worldCocaineAsTheReferenceCountsIt() {
        List<SeizureQuantity> q = quantities();
        SeizureCountryTotals.Result b = SeizureCountryTotals.of(CATS, TotalRule.BREAKDOWN).compute(q);
        SeizureCountryTotals.Result c = SeizureCountryTotals.of(CATS, TotalRule.COMPLETE_FIGURE).compute(q);
        // seizure_categories.out
        assertClose("1357692.0", world(b, "2019", "cocaine"));
        assertClose("2254995.7594231999999841158", world(b, "2023", "cocaine"));
        assertClose("1357692.0", world(c, "2019", "cocaine"));
        assertClose("2274637.8038371999999841158", world(c, "2023", "cocaine"));
        assertClose("2026375.3229750000004002597", world(c, "2021", "cocaine"));
        assertClose("17005058.0", world(c, "2023", "coca_bush"));
        assertClose("1452752.5224492", world(c, "2023", "coca_leaf"));
        assertClose("20455900.588736500001994", world(c, "2023", "cannabis_plants"));
        assertClose("19539.2554902000000000105", world(c, "2023", "fentanyl"));
        assertEquals(122, c.totals().stream().filter(t -> t.year().equals("2023") && t.category().equals("cocaine"))
                .map(CategoryTotal::area).distinct().count());
        // 139 country-years x families report both a breakdown and a total; 134 of them disagree by more than 1 g
        assertEquals(139, b.checks().size());
        assertEquals(134, b.disagreements().size());
        assertEquals(b.checks().stream().map(k -> k.area() + k.year() + k.family()).toList(),
                c.checks().stream().map(k -> k.area() + k.year() + k.family()).toList());
        TotalCheck arg = b.checks().stream().filter(k -> k.area().equals("ARG") && k.year().equals("2021")).findFirst()
                .orElseThrow();
        assertEquals("cocaine", arg.family());
        assertClose("1.11465", arg.breakdown());
        assertClose("6257.30649", arg.total());
    }
}
