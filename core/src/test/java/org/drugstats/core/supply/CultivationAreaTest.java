package org.drugstats.core.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.drugstats.core.catalog.Catalog;
import org.drugstats.core.data.ObsStatus;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Unit;
import org.junit.jupiter.api.Test;

/**
 * Opium poppy area on a fixture in the cultivation extract schema, shaped like WDR 2025 annex 6.2.1 (its 2018,
 * 2019 and 2020 figures for Afghanistan, Myanmar, "other countries" and the rounded total; the 2019 best estimates
 * are links to another workbook in the file, so the extract holds them as missing with their bounds). Expected
 * values are hand computations written beside each assertion.
 */
class CultivationAreaTest {

    private static final String OPIUM = "cultivation_area_opium_poppy";

    private static Observation obs(String area, int year, Double v, Double lo, Double hi, QualityFlag... flags) {
        return Observation.builder().indicator(OPIUM).refArea(area).timePeriod(year).age("_T").value(v).lower(lo)
                .upper(hi).unit(Unit.HECTARES).obsStatus(v == null ? ObsStatus.MISSING : ObsStatus.NORMAL)
                .origin("unodc-annex-cultivation/6.2.1_opium_poppy_cultivation.xlsx").drug("opium poppy")
                .flags(flags.length == 0 ? EnumSet.noneOf(QualityFlag.class) : EnumSet.of(flags[0], flags))
                .build();
    }

    private static List<Observation> fixture() {
        List<Observation> o = new ArrayList<>();
        o.add(obs("AFG", 2018, 263000.0, 242000.0, 283000.0));
        o.add(obs("AFG", 2019, null, 149000.0, 178000.0));
        o.add(obs("AFG", 2020, 224000.0, 202000.0, 246000.0));
        o.add(obs("MMR", 2018, 37300.0, 29700.0, 47200.0));
        o.add(obs("MMR", 2019, null, 25800.0, 42800.0));
        o.add(obs("MMR", 2020, 29500.0, 21000.0, 50400.0));
        o.add(obs("WLD_OTHER", 2018, 11815.29, null, null, QualityFlag.RESIDUAL_AREA));
        o.add(obs("WLD_OTHER", 2019, 14426.58, null, null, QualityFlag.RESIDUAL_AREA));
        o.add(obs("WLD_OTHER", 2020, 19224.57, null, null, QualityFlag.RESIDUAL_AREA));
        o.add(obs("WLD", 2018, 345700.0, null, null, QualityFlag.PUBLISHED_AGGREGATE));
        o.add(obs("WLD", 2019, 236650.0, null, null, QualityFlag.PUBLISHED_AGGREGATE));
        o.add(obs("WLD", 2020, 296400.0, null, null, QualityFlag.PUBLISHED_AGGREGATE));
        return o;
    }

    @Test
    void seriesWithBoundsMissingYearsChangesAndTheCatalogFigures() {
        CultivationArea.Result r = CultivationArea.of(fixture(), OPIUM, 2017, 2020, Catalog.load());
        Map<String, CultivationArea.Point> p = r.countries().stream()
                .collect(Collectors.toMap(x -> x.area() + x.year(), x -> x));
        assertEquals(3 * 4, r.countries().size());
        assertEquals(CultivationArea.Status.NOT_IN_SOURCE, p.get("AFG2017").status()); // before the fixture's years
        CultivationArea.Point afg19 = p.get("AFG2019");
        assertEquals(CultivationArea.Status.MISSING, afg19.status()); // the 2019 best estimate is not in the workbook
        assertNull(afg19.hectares());
        assertEquals(149000.0, afg19.lower(), 0.0);
        assertEquals(242000.0, p.get("AFG2018").lower(), 0.0);

        // published world 2018-2020; computed 2018 = 263,000 + 37,300 + 11,815.29 = 312,115.29, no bounds (residual)
        assertEquals(345700.0, r.publishedWorld().get(1).hectares(), 0.0);
        CultivationArea.Point c18 = r.computedWorld().get(1);
        assertEquals(312115.29, c18.hectares(), 1e-9);
        assertNull(c18.lower());
        assertTrue(c18.note().endsWith("published total 345700, difference -33584.71"), c18.note());
        CultivationArea.Point c19 = r.computedWorld().get(2);
        assertNull(c19.hectares()); // Afghanistan and Myanmar have no 2019 best estimate
        assertEquals("not computed: no estimate for AFG, MMR", c19.note());

        Map<String, Double> ch = r.changes().stream()
                .collect(Collectors.toMap(c -> c.area() + c.fromYear() + "-" + c.toYear(), CultivationArea.Change::percent));
        assertEquals(100 * (236650.0 - 345700.0) / 345700.0, ch.get("WLD2018-2019"), 1e-9); // -31.545%
        assertEquals(100 * (296400.0 - 236650.0) / 236650.0, ch.get("WLD2019-2020"), 1e-9); // +25.248%
        assertNull(ch.get("AFG2018-2019")); // no change across a year without an estimate
        assertNull(ch.get("AFG2019-2020"));
        assertEquals(100 * (19224.57 - 14426.58) / 14426.58, ch.get("WLD_OTHER2019-2020"), 1e-9);

        // the catalog's 2018 world figures: 345,900 ha (WDR 2019) and 345,700 ha (WDR 2025 annex)
        Map<Double, Double> diff = r.comparisons().stream()
                .collect(Collectors.toMap(c -> c.entry().scaledValue(), CultivationArea.Comparison::difference));
        assertEquals(Map.of(345900.0, -200.0, 345700.0, 0.0), diff);
    }
}
