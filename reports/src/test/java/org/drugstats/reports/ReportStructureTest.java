package org.drugstats.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Renders the report of {@link ResultsFixture} and checks its structure: every page exists and is well-formed,
 * every chart is a valid PNG with an SVG twin, every local link and image resolves (anchors included), every
 * table has headers and a CSV with as many rows as it says, and no markup from the data comes through.
 */
class ReportStructureTest {

    static final List<String> PAGES = List.of("road-to-2029.html", "index.html", "drug-use.html", "sdg-3-5.html",
            "sdg-16-4.html", "medicines.html", "supply.html", "deaths.html", "wastewater.html", "trends.html",
            "maps.html", "quality.html");

    @TempDir
    static Path tmp;

    static Path report;
    static ReportSummary summary;
    static final Map<String, Document> DOCS = new HashMap<>();

    @BeforeAll
    static void render() throws Exception {
        Path run = ResultsFixture.write(tmp.resolve("out"));
        report = run.resolve("report");
        summary = Report.withDefaults().withHeadlines(ResultsFixture.headlines()).render(run, report);
        for (String p : PAGES) {
            DOCS.put(p, parse(report.resolve(p)));
        }
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    static List<Element> elements(Document d, String tag) {
        NodeList nl = d.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    /**
     * The one element with this id attribute (the JDK's non-validating DOM declares no attribute as an ID, so
     * {@code Document.getElementById} always returns null); fails when there is none or more than one.
     */
    static Element byId(Document d, String id) {
        List<Element> found = new ArrayList<>();
        NodeList nl = d.getElementsByTagName("*");
        for (int i = 0; i < nl.getLength(); i++) {
            Element e = (Element) nl.item(i);
            if (id.equals(e.getAttribute("id"))) {
                found.add(e);
            }
        }
        assertEquals(1, found.size(), "elements with id '" + id + "'");
        return found.get(0);
    }

    @Test
    void everyPageExistsInNavigationOrderWithTitleAndNavigation() {
        assertEquals(PAGES, summary.pages());
        for (String p : PAGES) {
            Document d = DOCS.get(p);
            assertEquals(1, elements(d, "h1").size(), p);
            assertFalse(elements(d, "title").get(0).getTextContent().isBlank(), p);
            List<Element> nav = elements(d, "nav").stream().filter(n -> "Report pages".equals(n.getAttribute(
                    "aria-label"))).toList();
            assertEquals(1, nav.size(), p + " has one navigation bar");
            assertEquals(PAGES.size(), elements(d, "li").stream().filter(li -> li.getParentNode().getParentNode()
                    == nav.get(0)).count(), p + " links every page");
        }
    }

    @Test
    void chartsAreValidPngAndSvgWithAltTextAndEveryImageResolves() throws Exception {
        Set<String> pngs = new HashSet<>();
        for (String p : PAGES) {
            for (Element img : elements(DOCS.get(p), "img")) {
                String src = img.getAttribute("src");
                Path file = report.resolve(src);
                assertTrue(Files.isRegularFile(file), p + ": image " + src + " missing");
                assertTrue(src.endsWith(".svg"), p + ": pages show the SVG");
                FileChecks.assertSvg(file);
                Path png = report.resolve(src.replaceFirst("\\.svg$", ".png"));
                FileChecks.assertPng(png);
                assertTrue(img.getAttribute("alt").length() > 40, p + ": alt text of " + src + " says too little: '"
                        + img.getAttribute("alt") + "'");
                pngs.add(src);
            }
        }
        assertEquals(summary.charts(), pngs.size(), "every chart rendered is shown once on a page: " + pngs);
        try (Stream<Path> s = Files.list(report.resolve("charts"))) {
            List<Path> files = s.toList();
            assertEquals(2 * summary.charts(), files.size(), "a PNG and an SVG per chart");
            for (Path f : files) {
                if (f.toString().endsWith(".svg")) {
                    Document svg = FileChecks.assertSvg(f);
                    assertEquals(0, svg.getElementsByTagNameNS("*", "script").getLength(), f + " has a script");
                    assertEquals(0, svg.getElementsByTagName("script").getLength(), f + " has a script");
                }
            }
        }
        for (String page : List.of("drug-use.html", "sdg-3-5.html", "medicines.html", "supply.html", "trends.html")) {
            assertFalse(elements(DOCS.get(page), "img").isEmpty(), page + " has charts");
        }
    }

    @Test
    void everyLocalLinkResolvesIncludingAnchors() throws Exception {
        Map<String, Set<String>> ids = new HashMap<>();
        for (String p : PAGES) {
            Set<String> set = new HashSet<>();
            collectIds(DOCS.get(p).getDocumentElement(), set);
            ids.put(p, set);
        }
        int checked = 0;
        for (String p : PAGES) {
            for (Element a : elements(DOCS.get(p), "a")) {
                String href = a.getAttribute("href");
                if (href.startsWith("http://") || href.startsWith("https://") || href.startsWith("mailto:")) {
                    continue;
                }
                String path = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
                String frag = href.contains("#") ? href.substring(href.indexOf('#') + 1) : null;
                String target = path.isEmpty() ? p : URLDecoder.decode(path, StandardCharsets.UTF_8);
                assertTrue(Files.isRegularFile(report.resolve(target)), p + ": link " + href + " does not resolve");
                if (frag != null) {
                    assertTrue(ids.containsKey(target) && ids.get(target).contains(frag),
                            p + ": anchor " + href + " does not exist");
                }
                if (target.endsWith(".svg")) {
                    FileChecks.assertSvg(report.resolve(target));
                }
                checked++;
            }
            for (Element l : elements(DOCS.get(p), "link")) {
                assertTrue(Files.isRegularFile(report.resolve(l.getAttribute("href"))), p + ": stylesheet missing");
            }
        }
        assertTrue(checked > 100, "links checked: " + checked);
    }

    private static void collectIds(Element e, Set<String> out) {
        if (e.hasAttribute("id")) {
            assertTrue(out.add(e.getAttribute("id")), "duplicate id " + e.getAttribute("id"));
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element c) {
                collectIds(c, out);
            }
        }
    }

    @Test
    void everyTableHasHeadersAndACsvWithItsRows() throws Exception {
        int tables = 0;
        for (String p : PAGES) {
            for (Element table : elements(DOCS.get(p), "table")) {
                tables++;
                assertEquals(1, table.getElementsByTagName("caption").getLength(), p + ": table without caption");
                NodeList th = ((Element) table.getElementsByTagName("thead").item(0)).getElementsByTagName("th");
                assertTrue(th.getLength() > 0, p + ": table without header cells");
                for (int i = 0; i < th.getLength(); i++) {
                    assertEquals("col", ((Element) th.item(i)).getAttribute("scope"));
                }
                Element csvLink = (Element) ((Element) table.getElementsByTagName("caption").item(0))
                        .getElementsByTagName("a").item(0);
                Path csv = report.resolve(csvLink.getAttribute("href"));
                int declared = Integer.parseInt(csvLink.getTextContent().replace(",", "").replaceAll("\\D+", " ").trim()
                        .split(" ")[0]);
                try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                     CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                             .parse(r)) {
                    assertEquals(th.getLength(), parser.getHeaderNames().size(), csv + " header");
                    assertEquals(declared, parser.getRecords().size(), csv + " rows");
                }
            }
        }
        assertEquals(summary.tables(), tables, "every written table is on a page");
    }

    @Test
    void markupFromTheDataRendersAsText() throws Exception {
        for (String p : PAGES) {
            String html = Files.readString(report.resolve(p));
            assertFalse(html.contains("<script>alert"), p + " lets a script through");
            assertFalse(html.contains("<img src=x"), p + " lets an image tag through");
            assertFalse(html.contains("<b>"), p + " lets bold markup through");
            assertFalse(html.contains("<em>"), p + " lets emphasis markup through");
            assertEquals(1, elements(DOCS.get(p), "script").size(), p + ": only the page's own script");
            for (Element img : elements(DOCS.get(p), "img")) {
                assertFalse(img.hasAttribute("onerror"), p);
            }
        }
        String drugUse = Files.readString(report.resolve("drug-use.html"));
        assertTrue(drugUse.contains("Evil &quot;Quoted&quot; Land &lt;script&gt;alert(1)&lt;/script&gt;"),
                "the hostile country name is shown, escaped");
        assertTrue(drugUse.contains("&lt;img src=x onerror=alert(2)&gt;"), "the hostile source is shown, escaped");
        assertTrue(elements(DOCS.get("drug-use.html"), "td").stream()
                .anyMatch(td -> td.getTextContent().equals(ResultsFixture.EVIL_SOURCE)), "source cell reads as text");
        String quality = Files.readString(report.resolve("quality.html"));
        assertTrue(quality.contains("Atlantis &lt;script&gt;alert(3)&lt;/script&gt;"), "unmapped name escaped");
        String csv = Files.readString(report.resolve("tables/prevalence-cannabis.csv"));
        assertTrue(csv.contains("\"" + ResultsFixture.EVIL_COUNTRY.replace("\"", "\"\"") + "\""),
                "the CSV holds the name as data, quoted per RFC 4180");
    }

    @Test
    void pagesCarryTheRunsContent() throws Exception {
        String index = Files.readString(report.resolve("index.html"));
        assertTrue(index.contains("39.5 million"), "headline card");
        assertTrue(index.contains("CND background note &lt;2024&gt;"), "source of a card, escaped");
        Element coca = byId(DOCS.get("index.html"), "card-cultivation-area-coca-global-2013-wdr2025");
        assertTrue(coca.getTextContent().contains("This run"), coca.getTextContent());
        String cards = elements(DOCS.get("index.html"), "article").stream().map(Element::getTextContent)
                .reduce("", String::concat);
        assertTrue(cards.contains("120,800 ha") && cards.contains("\u00b10 (0.0%)"),
                "the run's 2013 coca total equals the published one");
        assertTrue(cards.contains("84% / 9.31%"), "the run's Lorenz reading beside the published 84% / 7.5%");
        assertTrue(cards.contains("2.03\u00d7"), "the run's ratio 245,400 / 120,800");
        String drugUse = Files.readString(report.resolve("drug-use.html"));
        assertTrue(drugUse.contains("12+ \u2020"), "age base marked");
        String sdg = Files.readString(report.resolve("sdg-3-5.html"));
        assertTrue(sdg.contains("116,243 in treatment \u00f7 580,974 with the disorder \u00d7 100 = 20.0%"),
                "worked example for England 2010/11");
        assertTrue(sdg.contains("No data in this run for regional treatment coverage"));
        assertTrue(Files.readString(report.resolve("sdg-16-4.html"))
                .contains("No data in this run for illicit financial flows in US dollars"));
        String medicines = Files.readString(report.resolve("medicines.html"));
        assertTrue(medicines.contains("0.512"), "Gini");
        assertTrue(medicines.contains("60.5 mg per capita"), "adequacy benchmark");
        // Germany: 9,000 kg for 82 million people = 109.8 mg per capita, shown in mg although the results hold kg
        assertTrue(elements(DOCS.get("medicines.html"), "td").stream().anyMatch(td -> td.getTextContent()
                .equals("110")), "per capita in mg");
        String trends = Files.readString(report.resolve("trends.html"));
        assertTrue(trends.contains("APC +37.7% (+20.1% to +57.9%)"), "segment label in alt text");
        String quality = Files.readString(report.resolve("quality.html"));
        assertTrue(quality.contains("data/quarantine/ingest/prevalence.csv"), "the ingest's quarantine linked");
        assertTrue(quality.contains("Ireland &lt;img src=x onerror=alert(4)&gt;"), "ingest raw value escaped");
        assertTrue(!quality.contains("<img src=x"), "no raw markup from a quarantined value");
        assertTrue(quality.contains("set aside 15 rows of 135 read"), "the ingest's accounting");
        assertTrue(quality.contains("the first 10 of 15 rows set aside by the ingest of 1.2_prevalence.xlsx"));
        assertTrue(Files.readString(report.resolve("index.html")).contains("Quarantined by the ingest"));
        assertTrue(quality.contains("data/quarantine/prevalence.csv"));
        assertTrue(Files.isRegularFile(report.resolve("data/quarantine/prevalence.csv")));
        assertTrue(quality.contains("20250601"), "parameters of the manifest");
    }

    @Test
    void anEmptyRunStillRendersEveryPageAndSaysSo(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("out/results"));
        ReportSummary s = Report.withDefaults().withHeadlines(List.of()).render(run, dir.resolve("out/report"));
        assertEquals(PAGES, s.pages());
        assertEquals(0, s.charts());
        for (String p : PAGES) {
            Document d = parse(dir.resolve("out/report").resolve(p));
            assertTrue(d.getDocumentElement().getTextContent().contains("No data in this run for"), p);
        }
    }

    @Test
    void anUnreadableResultFileIsReportedNotHidden(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("out/results/trends"));
        Files.writeString(run.resolve("part-00000.parquet"), "not parquet");
        ReportSummary s = Report.withDefaults().withHeadlines(List.of()).render(dir.resolve("out"),
                dir.resolve("out/report"));
        assertEquals(1, s.warnings().size());
        assertTrue(s.warnings().get(0).contains("part-00000.parquet"), s.warnings().get(0));
        assertTrue(Files.readString(dir.resolve("out/report/index.html")).contains("could not be read"));
    }

    @Test
    void replacesAPreviousReportButNeverOtherDirectories(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("out/results"));
        Path other = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(other.resolve("mine.txt"), "keep me");
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> Report.withDefaults().withHeadlines(List.of()).render(run, other));
        assertTrue(e.getMessage().contains("not a previous report"), e.getMessage());
        assertEquals("keep me", Files.readString(other.resolve("mine.txt")));
        assertThrows(DrugstatsException.class,
                () -> Report.withDefaults().withHeadlines(List.of()).render(run, dir.resolve("out")));
        Path target = dir.resolve("out/report");
        Report.withDefaults().withHeadlines(List.of()).render(run, target);
        Files.writeString(target.resolve("stale.txt"), "from the previous report");
        Report.withDefaults().withHeadlines(List.of()).render(run, target);
        assertFalse(Files.exists(target.resolve("stale.txt")), "the new report replaces the old one");
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("report", "results"), s.map(x -> x.getFileName().toString()).sorted().toList(),
                    "no staging directory left behind");
        }
    }
}
