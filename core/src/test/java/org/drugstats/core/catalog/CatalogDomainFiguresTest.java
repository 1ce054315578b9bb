package org.drugstats.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import org.drugstats.core.data.Unit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every headline figure of the five seed documents (the CND round-table background note of 20 February 2024,
 * the 2019 round-table summary, the 2024 midterm declaration, the 2025 follow-up report and the Secretary-General's
 * report of 12 June 2020), with the programme counts and the World Drug Report 2024 figures they quote, is in the
 * catalog with the value, unit, multiplier, year, edition and seed document named in each row below. Values are compared exactly: they are the published numbers.
 */
class CatalogDomainFiguresTest {
    private static final Catalog CATALOG = Catalog.load();
    private static final String SEED_000 = "sixty-seventh session (20 February 2024)";
    private static final String SEED_004 = "International cooperation against the world drug problem";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # id                                                  | value  | unit           | mult | year      | edition  | seed / source                         | qualifier
        people_with_dud.global.2021                           | 39.5   | persons        | 6    | 2021      | WDR 2023 | sixty-seventh session (20 February 2024) | none
        people_with_dud.change.2011_2021                      | 45     | percent-change | 0    | 2011-2021 | WDR 2023 | sixty-seventh session (20 February 2024) | none
        treatment_one_in_n.global.wdr2023                     | 5      | one-in-n       | 0    | -         | WDR 2023 | sixty-seventh session (20 February 2024) | none
        medicine_consumption.population_share.global.wdr2023  | 84     | percent        | 0    | -         | WDR 2023 | sixty-seventh session (20 February 2024) | none
        medicine_consumption.consumption_share.global.wdr2023 | 7.5    | percent        | 0    | -         | WDR 2023 | sixty-seventh session (20 February 2024) | none
        ids_submissions.global.2022                           | 92     | count          | 0    | 2022      | -        | sixty-seventh session (20 February 2024) | none
        arq_submissions.global.2022                           | 129    | count          | 0    | 2022      | -        | sixty-seventh session (20 February 2024) | none
        people_who_use_drugs.global.2017                      | 271    | persons        | 6    | 2017      | WDR 2019 | International cooperation against the world drug problem | approximately
        prevalence_annual.any_drug.global.2017                | 5.5    | percent        | 0    | 2017      | WDR 2019 | International cooperation against the world drug problem | approximately
        people_with_dud.global.2017                           | 35     | persons        | 6    | 2017      | WDR 2019 | International cooperation against the world drug problem | approximately
        dud_deaths_share.opioids.global.wdr2019               | 0.667  | fraction       | 0    | -         | WDR 2019 | International cooperation against the world drug problem | none
        people_who_inject_drugs.global.2017                   | 11     | persons        | 6    | 2017      | WDR 2019 | International cooperation against the world drug problem | approximately
        hcv_prevalence_pwid.global.2017                       | 0.5    | fraction       | 0    | 2017      | WDR 2019 | International cooperation against the world drug problem | more-than
        hiv_prevalence_pwid.global.2017                       | 8      | one-in-n       | 0    | 2017      | WDR 2019 | International cooperation against the world drug problem | none
        cultivation_area_coca.change.2013_2017                | 2      | ratio          | 0    | 2013-2017 | WDR 2019 | International cooperation against the world drug problem | none
        cultivation_area_opium_poppy.global.2018.wdr2019      | 345900 | hectares       | 0    | 2018      | WDR 2019 | International cooperation against the world drug problem | approximately
        cultivation_area_opium_poppy.change.2017_2018         | -17    | percent-change | 0    | 2017-2018 | WDR 2019 | International cooperation against the world drug problem | none
        cultivation_area_opium_poppy.global.2018.wdr2025      | 345700 | hectares       | 0    | 2018      | WDR 2025 | UNODC World Drug Report 2025          | none
        treaty_parties.1988_convention.2019                   | 191    | ordinal        | 0    | 2019      | -        | International cooperation against the world drug problem | none
        drug_control_repository.legislation                   | 938    | count          | 0    | 2020      | -        | International cooperation against the world drug problem | none
        drug_control_repository.countries                     | 174    | count          | 0    | 2020      | -        | International cooperation against the world drug problem | none
        container_control.seizures.cumulative                 | 775    | tonnes         | 0    | -         | -        | International cooperation against the world drug problem | more-than
        proficiency_test.laboratories.2019                    | 289    | count          | 0    | 2019      | -        | International cooperation against the world drug problem | none
        proficiency_test.member_states.2019                   | 90     | count          | 0    | 2019      | -        | International cooperation against the world drug problem | none
        iff.sdg_target.year                                   | 2030   | year           | 0    | 2015      | -        | International cooperation against the world drug problem | none
        family_skills.beneficiaries                           | 95000  | persons        | 0    | -         | -        | International cooperation against the world drug problem | none
        family_skills.countries                               | 18     | count          | 0    | -         | -        | International cooperation against the world drug problem | none
        treatment_services.patients                           | 51000  | persons        | 0    | -         | -        | International cooperation against the world drug problem | approximately
        treatment_services.countries                          | 22     | count          | 0    | -         | -        | International cooperation against the world drug problem | none
        aml_assistance.countries.2019                         | 102    | count          | 0    | 2019      | -        | International cooperation against the world drug problem | none
        people_with_dud.global.2022                           | 64     | persons        | 6    | 2022      | WDR 2024 | UNODC World Drug Report 2024          | none
        treatment_one_in_n.global.2022                        | 11     | one-in-n       | 0    | 2022      | WDR 2024 | UNODC World Drug Report 2024          | none
        """)
    void figureIsInTheCatalog(String id, double value, String unit, int multiplier, String year, String edition,
            String source, String qualifier) {
        CatalogEntry e = CATALOG.requireEntry(id);
        assertEquals(value, e.value(), 0.0, "value");
        assertEquals(Unit.ofCode(unit), e.unit(), "unit");
        assertEquals(multiplier, e.unitMultiplier(), "unit_multiplier");
        assertEquals(Optional.ofNullable(year), e.year(), "year");
        assertEquals(Optional.ofNullable(edition), e.edition(), "edition");
        assertTrue(e.sourceDocument().contains(source), () -> "source_document " + e.sourceDocument());
        assertEquals(qualifier, e.qualifier().code(), "qualifier");
    }

    @Test
    void upstreamSourcesOfTheSeed000Figures() {
        assertTrue(CATALOG.requireEntry("treatment_one_in_n.global.wdr2023").upstreamSource().orElseThrow()
                .equals("UNODC World Drug Report 2023, booklet 'Special Points', p. 1"));
        assertTrue(CATALOG.requireEntry("medicine_consumption.population_share.global.wdr2023").upstreamSource()
                .orElseThrow().startsWith("UNODC World Drug Report 2023, booklet 'Special Points', p. 3"));
        assertTrue(CATALOG.requireEntry("people_with_dud.global.2021").upstreamSource().orElseThrow()
                .startsWith("UNODC World Drug Report 2023"));
        for (String id : new String[] {"people_who_use_drugs.global.2017", "people_with_dud.global.2017",
            "cultivation_area_opium_poppy.global.2018.wdr2019"}) {
            assertTrue(CATALOG.requireEntry(id).upstreamSource().orElseThrow().startsWith("UNODC World Drug Report 2019"), id);
        }
        assertEquals("para. 7", CATALOG.requireEntry("people_who_use_drugs.global.2017").sourceLocator());
        assertEquals("para. 46", CATALOG.requireEntry("treaty_parties.1988_convention.2019").sourceLocator());
        assertTrue(CATALOG.requireEntry("ids_submissions.global.2022").sourceDocument().contains(SEED_000));
        assertTrue(CATALOG.requireEntry("iff.sdg_target.year").sourceDocument().contains(SEED_004));
    }

    @Test
    void sdgIndicatorsOfSection1() {
        IndicatorDefinition coverage = CATALOG.requireIndicator("treatment_coverage");
        assertEquals(Optional.of("3.5.1"), coverage.sdg());
        // The seed's wording of the indicator (000, Roundtable I, para. 9), modulo "after care"/"aftercare".
        assertTrue(coverage.name().toLowerCase(Locale.ROOT).replace("aftercare", "after care").equals(
                "coverage of treatment interventions (pharmacological, psychosocial and rehabilitation and after care "
                        + "services) for substance use disorders"), coverage.name());
        IndicatorDefinition iff = CATALOG.requireIndicator("illicit_financial_flows");
        assertEquals(Optional.of("16.4.1"), iff.sdg());
        assertEquals(Unit.USD, iff.unit());
        assertEquals(Optional.of("16.4"), CATALOG.requireEntry("iff.sdg_target.year").sdg());
    }
}
