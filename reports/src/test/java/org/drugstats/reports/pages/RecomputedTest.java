package org.drugstats.reports.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.drugstats.reports.ResultsFixture;
import org.drugstats.reports.model.Headline;
import org.drugstats.reports.model.RunResults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecomputedTest {

    @TempDir
    static Path dir;
    static RunResults run;

    @BeforeAll
    static void load() throws Exception {
        run = RunResults.load(ResultsFixture.write(dir.resolve("out")));
    }

    private static Headline headline(String indicator, String unit, String year, String scope) {
        return new Headline("x.y", "t", 1, Double.NaN, Double.NaN, unit, 0, year, scope, indicator, null, "doc", "p. 1",
                null, null, "q", null);
    }

    @Test
    void aLevelIsTheRunsValueForTheSameIndicatorAreaYearAndUnit() {
        Recomputed r = Recomputed.of(headline("cultivation_area_coca", "hectares", "2013", "World"), run).orElseThrow();
        assertEquals(120800, r.value(), 0.0);
        assertTrue(Recomputed.of(headline("cultivation_area_coca", "hectares", "1999", "World"), run).isEmpty());
        assertTrue(Recomputed.of(headline("cultivation_area_coca", "hectares", "2013", "Andean region"), run)
                .isEmpty(), "region names are not matched to codes");
    }

    @Test
    void aRatioOrChangeOverAPeriodComesFromTheLevelsAtItsEnds() {
        // 245,400 / 120,800 from the fixture's published totals
        assertEquals(245400.0 / 120800.0, Recomputed.of(headline("cultivation_area_coca", "ratio", "2013-2017",
                "World"), run).orElseThrow().value(), 1e-12);
        assertEquals(100 * (245400.0 / 120800.0 - 1), Recomputed.of(headline("cultivation_area_coca",
                "percent-change", "2013-2017", "World"), run).orElseThrow().value(), 1e-12);
    }

    @Test
    void lorenzReadingPrefersTheRunsSummaryElseInterpolates() {
        assertEquals(0.0931, Recomputed.lorenz(0.84, run).orElseThrow().value(), 0.0);
        // not in the summary: linear interpolation between the fixture's cumulative points
        // Chad 17e6 (0 kg), India 1324e6 (1300 kg): F = 0.009 .. 0.722, L = 0 .. 1300/19650
        double total = 17e6 + 1324e6 + 186e6 + 5e6 + 207e6 + 82e6 + 36e6;
        double f0 = 17e6 / total;
        double f1 = (17e6 + 1324e6) / total;
        double l1 = 1300.0 / (0 + 1300 + 400 + 50 + 2900 + 9000 + 6000);
        double expected = (0.3 - f0) / (f1 - f0) * l1;
        assertEquals(expected, Recomputed.lorenz(0.3, run).orElseThrow().value(), 1e-12);
    }
}
