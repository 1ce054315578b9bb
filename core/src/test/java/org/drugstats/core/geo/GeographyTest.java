package org.drugstats.core.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

class GeographyTest {

    private final Geography geo = Geography.fromResources();

    @Test
    void m49HasEveryAreaOfTheFileWithFlags() {
        assertEquals(249, geo.countries().size());
        M49Country afg = geo.country("AFG").orElseThrow();
        assertEquals("004", afg.m49());
        assertEquals("Southern Asia", afg.subregion());
        assertTrue(afg.ldc() && afg.lldc() && !afg.sids());
        M49Country com = geo.country("COM").orElseThrow();
        assertEquals("014", com.intermediateCode());
        assertTrue(com.sids());
        assertEquals("", geo.country("ATA").orElseThrow().regionCode());
    }

    @Test
    void m49AggregatesHaveCodesAndMembers() {
        assertEquals("Africa", geo.aggregate("M49_002").orElseThrow().name());
        assertEquals("M49_202", geo.aggregate("M49_014").orElseThrow().parentCode());
        assertEquals(Set.of("BMU", "CAN", "GRL", "SPM", "USA"), geo.members("M49_021"));
        assertEquals(249, geo.members("WLD").size());
        // sub-regions partition their region
        Set<String> union = new HashSet<>();
        for (String sub : List.of("M49_015", "M49_202")) {
            union.addAll(geo.members(sub));
        }
        assertEquals(geo.members("M49_002"), union);
    }

    @Test
    void unodcGroupingFollowsTheAnnex() {
        assertEquals("UNODC_AME_NORTH", geo.unodc("MEX").orElseThrow().subregionCode());
        assertEquals("UNODC_EUR_SOUTHEAST", geo.unodc("TUR").orElseThrow().subregionCode());
        assertEquals("UNODC_EUR_WEST_CENTRAL", geo.unodc("CYP").orElseThrow().subregionCode());
        assertEquals("UNODC_ASI_CENTRAL_TRANSCAUCASIA", geo.unodc("GEO").orElseThrow().subregionCode());
        assertEquals("UNODC_AFR_NORTH", geo.unodc("EGY").orElseThrow().subregionCode());
        assertEquals("UNODC_AFR_SOUTH", geo.unodc("AGO").orElseThrow().subregionCode());
        assertEquals("annex", geo.unodc("XKX").orElseThrow().basis());
        assertEquals("m49:057", geo.unodc("FSM").orElseThrow().basis());
        assertEquals("UNODC_OCE_MICRONESIA", geo.unodc("FSM").orElseThrow().subregionCode());
        assertTrue(geo.members("UNODC_EUR_SOUTHEAST").contains("XKX"));
        assertFalse(geo.members("WLD").contains("XKX"));
    }

    @Test
    void everyM49CountryInARegionHasAUnodcSubregionThatNestsInItsRegion() {
        for (M49Country c : geo.countries()) {
            if (c.regionCode().isEmpty()) {
                assertTrue(geo.unodc(c.iso3()).isEmpty(), c.iso3());
                continue;
            }
            UnodcAssignment a = geo.unodc(c.iso3()).orElseThrow(() -> new AssertionError(c.iso3()));
            assertEquals(a.regionCode(), geo.aggregate(a.subregionCode()).orElseThrow().parentCode(), c.iso3());
        }
        for (AreaAggregate region : geo.aggregates(AreaAggregate.Scheme.UNODC)) {
            if ("WLD".equals(region.parentCode())) {
                Set<String> union = new HashSet<>();
                geo.aggregates(AreaAggregate.Scheme.UNODC).stream()
                        .filter(s -> region.code().equals(s.parentCode()))
                        .forEach(s -> union.addAll(geo.members(s.code())));
                assertEquals(geo.members(region.code()), union, region.code());
            }
        }
    }

    @Test
    void unknownAggregateCodeIsAnError() {
        DrugstatsException e = assertThrows(DrugstatsException.class, () -> geo.members("UNODC_MARS"));
        assertTrue(e.getMessage().contains("unknown aggregate code 'UNODC_MARS'"), e.getMessage());
    }
}
