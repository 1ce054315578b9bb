package org.drugstats.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryNamesTest {

    private final CountryNames names = CountryNames.withDefaults();

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            '  Colombia a'                         | COL | COL    | a
            'United States of America '            | USA | USA    |
            'Bolivia (Plurinational State of)'     | BOL | BOL    |
            '  Bolivia (Plurinational State of) '  | BOL | BOL    |
            'Türkiye'                              | TUR | TUR    |
            'Turkiye'                              | TUR | TUR    |
            'Côte d''Ivoire'                       | CIV | CIV    |
            'Cote d’Ivoire'                        | CIV | CIV    |
            'Kosovo under UNSCR 1244'              | XKX | XKX    |
            'China, Hong Kong SAR'                 | HKG | HKG    |
            'Iran (Islamic Republic of)'           | IRN | IRN    |
            'Czech Republic'                       | CZE | CZE    |
            'Swaziland'                            | SWZ | SWZ    |
            'Macedonia'                            | MKD | MKD    |
            'Peru b'                               | PER | PER    | b
            'Peru c'                               | PER | PER    | c
            'Peru b, c'                            | PER | PER    | b,c
            'Canada*'                              | CAN | CAN    | *
            'Guinea'                               | GIN | GIN    |
            'Guinea-Bissau'                        | GNB | GNB    |
            'Papua New Guinea'                     | PNG | PNG    |
            'Niger'                                | NER | NER    |
            'Nigeria a'                            | NGA | NGA    | a
            'Dominica'                             | DMA | DMA    |
            'Trinidad & Tobago'                    | TTO | TTO    |
            'Micronesia (Federated States of)'     | FSM | FSM    |
            'Micronesia (country)'                 | FSM | FSM    |
            'United Kingdom (Scotland)'            | GBR | GB-SCT |
            'United Kingdom (England and Wales)'   | GBR | GB-EAW |
            'UK'                                   | GBR | GBR    |
            'Netherlands (Kingdom of the)'         | NLD | NLD    |
            'Tanzania (United Republic of)'        | TZA | TZA    |
            'Reunion'                              | REU | REU    |
            'Curacao'                              | CUW | CUW    |
            'COM'                                  | COM | COM    |
            """)
    void trickyNamesMap(String raw, String iso3, String area, String footnote) {
        NameMatch m = names.match(raw);
        NameMatch.Mapped mapped = assertInstanceOf(NameMatch.Mapped.class, m, raw + " -> " + m);
        assertEquals(iso3, mapped.iso3());
        assertEquals(area, mapped.areaCode());
        assertEquals(footnote, mapped.footnote());
        assertEquals(raw, mapped.input());
    }

    @Test
    void nonBreakingAndZeroWidthSpacesAreSpaces() {
        assertEquals("NGA", ((NameMatch.Mapped) names.match("Nigeria\u00a0")).iso3());
        assertEquals("USA", ((NameMatch.Mapped) names.match("\u00a0United\u00a0States of\u200b America")).iso3());
        assertEquals(MatchMethod.EXACT, names.match("Peru").isMapped() ? ((NameMatch.Mapped) names.match("Peru"))
                .method() : null);
    }

    @ParameterizedTest(name = "''{0}'' -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            World                  | AGGREGATE | WLD
            '  Total'              | AGGREGATE | WLD
            Other countries        | RESIDUAL  | WLD_OTHER
            Africa                 | AGGREGATE | M49_002
            Eastern Africa         | AGGREGATE | M49_014
            South-Eastern Asia     | AGGREGATE | M49_035
            Australia/New Zealand  | AGGREGATE | M49_053
            High-income countries  | AGGREGATE | WB_HIGH_INCOME
            Channel Islands        | AGGREGATE | M49_830
            Ireland and Northern Ireland | AGGREGATE | null
            Atlantis               | UNKNOWN   | null
            '   '                  | EMPTY     | null
            """)
    void aggregatesResidualsAndUnknownNamesAreUnmappedWithAReason(String raw, UnmappedReason reason, String code) {
        NameMatch m = names.match(raw);
        NameMatch.Unmapped u = assertInstanceOf(NameMatch.Unmapped.class, m, raw + " -> " + m);
        assertEquals(reason, u.reason());
        assertEquals(code, u.code());
    }

    @Test
    void regionNamesAreReadInTheConfiguredSchemeFirst() {
        assertEquals("M49_013", ((NameMatch.Unmapped) names.match("Central America")).code());
        CountryNames unodc = names.withScheme(RegionScheme.UNODC);
        assertEquals("UNODC_AME_CENTRAL", ((NameMatch.Unmapped) unodc.match("Central America")).code());
        assertEquals("UNODC_ASI_NEAR_MIDDLE_EAST",
                ((NameMatch.Unmapped) unodc.match("Near and Middle East/ South-West Asia")).code());
        // names only one scheme knows are found in the other scheme too
        assertEquals("UNODC_AFR_EAST", ((NameMatch.Unmapped) names.match("East Africa")).code());
        assertEquals("M49_202", ((NameMatch.Unmapped) unodc.match("Sub-Saharan Africa")).code());
    }

    @Test
    void everyOfficialNameAndAliasMapsToItselfWithoutStripping() {
        Geography geo = names.geography();
        for (M49Country c : geo.countries()) {
            NameMatch.Mapped m = assertInstanceOf(NameMatch.Mapped.class, names.match(c.name()), c.name());
            assertEquals(c.iso3(), m.iso3(), c.name());
            assertEquals(MatchMethod.EXACT, m.method());
            assertNull(m.footnote(), c.name());
        }
        List<CountryAlias> aliases = Geography.load(GeoCsv.COUNTRY_ALIASES, GeoCsv::readAliases);
        for (CountryAlias a : aliases) {
            NameMatch.Mapped m = assertInstanceOf(NameMatch.Mapped.class, names.match(a.alias()), a.alias());
            assertEquals(a.areaCode(), m.areaCode(), a.alias());
            assertNull(m.footnote(), a.alias());
            assertTrue(a.iso3().equals("XKX") || geo.country(a.iso3()).isPresent(), a.alias());
        }
    }
}
