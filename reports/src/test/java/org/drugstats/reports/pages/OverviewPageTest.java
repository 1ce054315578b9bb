package org.drugstats.reports.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OverviewPageTest {

    @Test
    void figuresReadInTheirUnit() {
        assertEquals("39.5 million", OverviewPage.formatValue(39.5, "persons", 6));
        assertEquals("1 in 5", OverviewPage.formatValue(5, "one-in-n", 0));
        assertEquals("84%", OverviewPage.formatValue(84, "percent", 0));
        assertEquals("+45%", OverviewPage.formatValue(45, "percent-change", 0));
        assertEquals("\u221217%", OverviewPage.formatValue(-17, "percent-change", 0));
        assertEquals("345,900 ha", OverviewPage.formatValue(345900, "hectares", 0));
        assertEquals("2\u00d7", OverviewPage.formatValue(2, "ratio", 0));
        assertEquals("191st", OverviewPage.formatValue(191, "ordinal", 0));
        assertEquals("112th", OverviewPage.formatValue(112, "ordinal", 0));
        assertEquals("66.7%", OverviewPage.formatValue(0.667, "fraction", 0));
        assertEquals("2030", OverviewPage.formatValue(2030, "year", 0));
        assertEquals("775 tonnes", OverviewPage.formatValue(775, "tonnes", 0));
    }

    @Test
    void differencesSayHowFarTheRunIsFromThePublishedFigure() {
        assertEquals("+1.20 million (+3.0%)", OverviewPage.difference(41.2e6, 40e6, "persons"));
        assertEquals("\u22120.4 percentage points", OverviewPage.difference(5.4, 5.8, "percent"));
        assertEquals("\u00b10 (0.0%)", OverviewPage.difference(120800, 120800, "hectares"));
        assertEquals("+0.0315", OverviewPage.difference(2.0315, 2, "ratio"));
    }
}
