package org.drugstats.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

class TimePeriodTest {

    @Test
    void theThreeFormsGiveTheirStartAndEndYears() {
        assertEquals(new TimePeriod("2021", 2021, 2021), TimePeriod.parse("2021"));
        assertTrue(TimePeriod.parse("2021").isSingleYear());
        assertEquals(new TimePeriod("2015-2017", 2015, 2017), TimePeriod.parse("2015-2017"));
        assertEquals(new TimePeriod("2020/21", 2020, 2021), TimePeriod.parse("2020/21"));
        assertFalse(TimePeriod.parse("2020/21").isSingleYear());
        assertEquals(new TimePeriod("1999/00", 1999, 2000), TimePeriod.parse("1999/00"));
    }

    @Test
    void anythingElseIsNamed() {
        for (String s : List.of("2020/22", "2017-2015", "2017-2017", "21", "2020/2021", " 2021", "2021Q1", "")) {
            assertEquals(Optional.empty(), TimePeriod.tryParse(s), s);
        }
        assertEquals(Optional.empty(), TimePeriod.tryParse(null));
        assertEquals("time_period '2020/22' is not a year (2021), a range of years (2015-2017) or a split year "
                + "(2020/21)", assertThrows(DrugstatsException.class, () -> TimePeriod.parse("2020/22")).getMessage());
        assertThrows(DrugstatsException.class, () -> new TimePeriod("x", 2021, 2020));
    }

    @Test
    void everyTimePeriodOfTheEmbeddedExtractsReads() {
        String root = System.getProperty("drugstats.project.root", "..");
        for (String dir : List.of("unodc-wdr2025-prevalence", "ons-sdg-3.5.1-alcohol-england", "incb-opioid-consumption")) {
            Extract e = ParquetExtracts.read(java.nio.file.Path.of(root, "data", dir, "extract.parquet"));
            for (Observation o : e.observations()) {
                TimePeriod p = TimePeriod.parse(o.timePeriod());
                assertTrue(p.startYear() >= 1950 && p.endYear() <= 2100, o.timePeriod());
            }
        }
    }
}
