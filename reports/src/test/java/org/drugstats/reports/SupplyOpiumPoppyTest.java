package org.drugstats.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Supply page's opium poppy section and the SDG 16.4 market-balance text, on {@link ResultsFixture}: the
 * Overview's 345,900 ha card links to an anchor that exists, the year the workbook does not hold is shown as missing
 * (not zero), the catalog figure stands beside the annex total, and the 16.4 page does not present a value of
 * seizures as a flow estimate.
 */
class SupplyOpiumPoppyTest {

    @TempDir
    static Path tmp;
    static Path report;

    @BeforeAll
    static void render() throws Exception {
        Path run = ResultsFixture.write(tmp.resolve("out"));
        report = run.resolve("report");
        Report.withDefaults().withHeadlines(ResultsFixture.headlines()).render(run, report);
    }

    @Test
    void theOverviewCardLinksToTheSectionWhichShowsTheMissingYearAndTheCatalogFigure() throws Exception {
        Document index = ReportStructureTest.parse(report.resolve("index.html"));
        assertTrue(ReportStructureTest.elements(index, "a").stream()
                .anyMatch(a -> a.getAttribute("href").equals("supply.html#opium-poppy")), "card link");
        Document supply = ReportStructureTest.parse(report.resolve("supply.html"));
        Element section = ReportStructureTest.byId(supply, "opium-poppy");
        String text = section.getTextContent();
        assertTrue(text.contains("Opium poppy cultivation"), text);
        List<String> rows = ReportStructureTest.elements(supply, "tr").stream()
                .filter(tr -> section.compareDocumentPosition(tr) == (Document.DOCUMENT_POSITION_CONTAINED_BY
                        | Document.DOCUMENT_POSITION_FOLLOWING))
                .map(SupplyOpiumPoppyTest::cells).toList();
        String afg19 = rows.stream().filter(r -> r.startsWith("Afghanistan|2019|")).findFirst().orElseThrow();
        // best shown as a dash, not 0; the bounds the workbook gives
        assertTrue(afg19.startsWith("Afghanistan|2019|\u2013|149,000|178,000|missing (no best estimate)|"), afg19);
        String afg18 = rows.stream().filter(r -> r.startsWith("Afghanistan|2018|")).findFirst().orElseThrow();
        assertTrue(afg18.startsWith("Afghanistan|2018|263,000|242,000|283,000|normal|as-published"), afg18);
        // the catalog's 345,900 ha beside the annex's 345,703 ha: difference -196.7 ha
        String catalog = rows.stream().filter(r -> r.contains("345,900")).findFirst().orElseThrow();
        assertTrue(catalog.contains("|2018|345,900|345,703|\u2212197|E/CN.7/2020/2, para. 9|"), catalog);
        assertEquals(1, ReportStructureTest.elements(supply, "img").stream()
                .filter(i -> i.getAttribute("src").contains("opium-poppy-world")).count(), "one chart");
    }

    /** The texts of a row's cells joined by '|'. */
    private static String cells(Element tr) {
        StringBuilder sb = new StringBuilder();
        org.w3c.dom.NodeList kids = tr.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            if (kids.item(i) instanceof Element e) {
                sb.append(sb.length() == 0 ? "" : "|").append(e.getTextContent().strip());
            }
        }
        return sb.toString();
    }

    @Test
    void theMarketBalanceSaysWhatPricesAreHeldAndThatAValueOfSeizuresIsNotAFlowEstimate() throws Exception {
        String sdg = Files.readString(report.resolve("sdg-16-4.html"));
        assertFalse(sdg.contains("and no prices are held, so no flow"), "the old text");
        assertTrue(sdg.contains("No prices are held, so no term can be valued in US dollars."), "the fixture has none");
        assertTrue(sdg.contains("That value of seizures is not an estimate of illicit financial flows"));
    }
}
