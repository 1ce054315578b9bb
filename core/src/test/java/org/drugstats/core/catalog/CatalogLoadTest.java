package org.drugstats.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Unit;
import org.junit.jupiter.api.Test;

class CatalogLoadTest {
    private final Catalog catalog = Catalog.load();

    @Test
    void shippedCatalogLoadsAndPassesValidation() {
        // Catalog.load() validates every entry and cross-reference; these counts pin the resource size.
        assertEquals(105, catalog.entries().size());
        assertEquals(33, catalog.indicators().size());
    }

    @Test
    void definesTheIndicatorsTheIssueNames() {
        // Issue 2: prevalence, users, disorders, treatment, coverage / gap / 1 in N, PWID and HIV/HCV,
        // deaths, cultivation, seizures, medicine consumption (S-DDD, mg ME), IFF, reporting counts.
        for (String id : List.of("prevalence_annual", "people_who_use_drugs", "people_with_dud", "people_in_treatment",
                "treatment_coverage", "treatment_gap", "treatment_one_in_n", "people_who_inject_drugs",
                "hiv_prevalence_pwid", "hcv_prevalence_pwid", "drug_related_deaths", "cultivation_area_coca",
                "cultivation_area_opium_poppy", "seizures_quantity", "medicine_consumption_sddd", "opioid_consumption_me",
                "illicit_financial_flows", "arq_submissions", "ids_submissions")) {
            assertTrue(catalog.indicator(id).isPresent(), id);
        }
        assertEquals(Unit.SDDD_PER_MILLION_PER_DAY, catalog.requireIndicator("medicine_consumption_sddd").unit());
        assertEquals(Unit.MG_PER_CAPITA, catalog.requireIndicator("opioid_consumption_me").unit());
        assertEquals(List.of("people_in_treatment", "people_with_dud"),
                catalog.requireIndicator("treatment_coverage").computedFrom().orElseThrow().inputs());
        assertEquals(List.of("prevalence_annual", "population_15_64"),
                catalog.requireIndicator("people_who_use_drugs").computedFrom().orElseThrow().inputs());
        assertEquals("WHO, with UNODC", catalog.requireIndicator("treatment_coverage").custodian().orElseThrow());
        assertEquals("UNODC and UNCTAD", catalog.requireIndicator("illicit_financial_flows").custodian().orElseThrow());
    }

    @Test
    void lookUpById() {
        CatalogEntry e = catalog.requireEntry("people_with_dud.global.2021");
        assertEquals(39.5, e.value());
        assertEquals(6, e.unitMultiplier());
        assertEquals(39_500_000.0, e.scaledValue());
        assertTrue(catalog.entry("no.such.entry").isEmpty());
        DrugstatsException ex = assertThrows(DrugstatsException.class, () -> catalog.requireEntry("no.such.entry"));
        assertEquals("no catalog entry 'no.such.entry' (the catalog has 105 entries)", ex.getMessage());
        assertEquals(Unit.PERCENT, catalog.requireIndicator("treatment_coverage").unit());
        assertTrue(catalog.indicator("nope").isEmpty());
    }

    @Test
    void lookUpByIndicatorKeepsResourceOrderAndIncludesChanges() {
        List<String> ids = catalog.entriesFor("people_with_dud").stream().map(CatalogEntry::id).toList();
        assertEquals(List.of("people_with_dud.global.2021", "people_with_dud.change.2011_2021",
                "people_with_dud.global.2017", "people_with_dud.global.2022"), ids);
        assertTrue(catalog.entriesFor("people_in_treatment").isEmpty());
        assertThrows(DrugstatsException.class, () -> catalog.entriesFor("no_such_indicator"));
    }

    @Test
    void lookUpBySdg() {
        List<String> ids = catalog.entriesForSdg("3.5.1").stream().map(CatalogEntry::id).toList();
        assertEquals(List.of("treatment_one_in_n.global.wdr2023", "treatment_one_in_n.global.2022"), ids);
        assertEquals(List.of("iff.sdg_target.year"),
                catalog.entriesForSdg("16.4").stream().map(CatalogEntry::id).toList());
        assertEquals(List.of("illicit_financial_flows"),
                catalog.indicatorsForSdg("16.4.1").stream().map(IndicatorDefinition::id).toList());
        assertEquals(List.of("treatment_coverage", "treatment_gap", "treatment_one_in_n"),
                catalog.indicatorsForSdg("3.5.1").stream().map(IndicatorDefinition::id).toList());
    }

    @Test
    void listsAreImmutable() {
        assertThrows(UnsupportedOperationException.class, () -> catalog.entries().clear());
        assertThrows(UnsupportedOperationException.class, () -> catalog.indicators().clear());
        assertThrows(UnsupportedOperationException.class,
                () -> catalog.requireEntry("ministerial_declaration.final_review.year").alsoStatedIn().clear());
    }

    @Test
    void jsonOutputLoadsBackToTheSameEntries() throws Exception {
        StringWriter json = new StringWriter();
        CatalogFormats.writeJson(catalog.entries(), json);
        try (InputStream indicators = Catalog.class.getResourceAsStream("indicators.json")) {
            Catalog again = Catalog.load(stream(json.toString()), indicators);
            assertEquals(catalog.entries(), again.entries());
        }
    }

    @Test
    void emptyCatalogIsValid() {
        Catalog empty = Catalog.load(stream("[]"), stream("[]"));
        assertTrue(empty.entries().isEmpty());
        assertTrue(empty.entriesForSdg("3.5.1").isEmpty());
    }

    @Test
    void yearsAndPeriods() {
        CatalogEntry change = catalog.requireEntry("cultivation_area_coca.change.2013_2017");
        assertTrue(change.isPeriod());
        assertEquals(2013, change.firstYear().getAsInt());
        assertEquals(2017, change.lastYear().getAsInt());
        CatalogEntry noYear = catalog.requireEntry("treatment_one_in_n.global.wdr2023");
        assertTrue(noYear.year().isEmpty());
        assertFalse(noYear.isPeriod());
        assertTrue(noYear.firstYear().isEmpty());
    }

    static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
