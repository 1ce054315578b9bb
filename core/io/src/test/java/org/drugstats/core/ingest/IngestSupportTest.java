package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestSupportTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            2019,       2019
            ' 2019 ',   2019
            2019.0,     2019
            2022/23,    2022/23
            2012-13,    2012/13
            2019-2021,  2019-2021
            2019 - 2021,2019-2021
            2099/00,    2099/00
            2100,       2100
            2019/21,    null
            2021-2019,  null
            19,         null
            n/a,        null
            ''  ,       null
            """)
    void periods(String text, String expected) {
        assertEquals(Optional.ofNullable(expected), IngestSupport.period(text));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", textBlock = """
            15-64,     15-64
            '12 - 64', 12-64
            '12 -70',  12-70
            '15-64 ',  15-64
            12+,       12+
            '18 +',    18+
            adults,    adults
            '  ',      null
            """)
    void ages(String text, String expected) {
        assertEquals(Optional.ofNullable(expected), IngestSupport.age(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            'a,e '     | a, e
            'd, e , z' | d, e, z
            'HHS '     | HHS
            '  '       | null
            """)
    void codeLists(String text, String expected) {
        assertEquals(expected, IngestSupport.codes(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Under 15 years old (UNWPP, 2017)              | 0-14
            Working age (15-64 years old) (UNWPP, 2017)   | 15-64
            65+ years old (UNWPP, 2017)                   | 65+
            5-14 years old (UNWPP, 2017)                  | 5-14
            """)
    void wppAgeColumns(String column, String expected) {
        assertEquals(Optional.of(expected), WppPopulationKind.ageGroup(column));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            375300,  100
            315481,  1
            155610,  10
            """)
    void roundingUnitOfPublishedTotals(double total, double unit) {
        assertEquals(unit, UnodcAnnexCultivationKind.roundingUnit(total));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            coca bush        | cultivation_area_coca
            opium poppy      | cultivation_area_opium_poppy
            cannabis plant   | cultivation_area_cannabis_plant
            """)
    void cultivationIndicators(String drug, String id) {
        assertEquals(id, UnodcAnnexCultivationKind.indicator(drug));
        assertEquals(List.of("a", "e"), IngestSupport.tokens("a, e"));
    }
}
