package org.drugstats.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 and the report side of issue 14, on the rendered report of {@link ResultsFixture}: every count a
 * page shows is the same on each page that shows it (and right, counted by hand from the fixture); the deaths
 * and waste-water pages show the known values of the files, rounded for display; no footnote letter reaches a
 * label; cultivation has no population coverage; the waste-water band is named the same in subtitle and legend.
 */
class ReportReadabilityTest {

    @TempDir
    static Path tmp;

    static Path report;

    @BeforeAll
    static void render() throws Exception {
        Path run = ResultsFixture.write(tmp.resolve("out"));
        report = run.resolve("report");
        Report.withDefaults().withHeadlines(ResultsFixture.headlines()).render(run, report);
    }

    /** The page's text content: tags dropped, entities of the fixture decoded, white space collapsed. */
    static String text(String page) throws Exception {
        String html = Files.readString(report.resolve(page), StandardCharsets.UTF_8);
        String t = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
        return t.replaceAll("\\s+", " ");
    }

    /** Every match of a pattern's first group on a page. */
    static List<String> all(String page, String regex) throws Exception {
        Matcher m = Pattern.compile(regex).matcher(text(page));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The fixture's trends by hand: models (series id × method) are coca joinpoint, England coverage log-linear,
     * seizures Mann–Kendall and US deaths joinpoint = 4, in 6 rows (two segments each for coca and the US); series
     * 4; fitted (joinpoint or log-linear that succeeded) 3.
     */
    @Test
    void trendCountsAreTheSameOnEveryPageThatShowsThem() throws Exception {
        String expected = "3 series with a fitted trend (joinpoint, else log-linear), of 4 series with a trend model;"
                + " 4 models (joinpoint, log-linear or Mann\u2013Kendall, fitted or not) in 6 rows of results/trends"
                + " (one row per segment or test)";
        for (String page : List.of("index.html", "quality.html", "trends.html")) {
            assertTrue(text(page).contains(expected), page + " shows the trend counts: " + expected);
        }
        // and no other count of trends beside it (the old Overview fact "N fitted series and tests")
        assertFalse(text("index.html").contains("fitted series and tests"));
        String counts = "(\\d[\\d,]*) series with a fitted trend";
        for (String page : List.of("index.html", "quality.html", "trends.html")) {
            assertEquals(List.of("3"), all(page, counts), page);
        }
    }

    /**
     * Imputed: one observation (population of ZZX, obs_status imputed); countries imputed inside aggregates:
     * AFG, ZZX, HTI, TCD, NER = 5 distinct.
     */
    @Test
    void imputedCountsSayWhatEachCounts() throws Exception {
        String expected = "1 published or derived rows with an imputed value; 5 countries imputed inside at least "
                + "one regional or world aggregate";
        for (String page : List.of("index.html", "quality.html")) {
            assertTrue(text(page).contains(expected), page + " shows: " + expected);
        }
    }

    /** NCHS: Alabama 1999 age-adjusted 3.8521 per 100,000, shown to one decimal; the US 2017 rate 21.7048. */
    @Test
    void deathsPageShowsTheFileValuesRounded() throws Exception {
        String t = text("deaths.html");
        assertTrue(t.contains("Alabama US-AL 3.9 18.0"), "Alabama: 1999 and 2017 rates to one decimal");
        assertTrue(t.contains("United States USA 6.1 21.7"), "United States: 1999 and 2017 rates");
        assertTrue(t.contains("AAPC 1999\u20132017: +5.9% (95% CI +4.8% to +7.0%)"), "the fitted AAPC of the US");
        String csv = Files.readString(report.resolve("tables/deaths-apc.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Alabama,US-AL,3.8521,17.9803"), "the CSV keeps full precision");
        assertFalse(t.contains("None of the run's inputs holds the NCHS file"));
    }

    /** EUDA: Graz MDMA daily mean 15.53 in 2024 (23.73 in 2023), shown to three significant digits. */
    @Test
    void wastewaterPageShowsTheFileValuesRounded() throws Exception {
        String t = text("wastewater.html");
        assertTrue(t.contains("Graz (AUT) AT001 MDMA 23.7 15.5 \u221234.6%"), "Graz MDMA 2023, 2024 and change");
        String csv = Files.readString(report.resolve("tables/ww-change.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Graz (AUT),AT001,MDMA,23.73,15.53,"), "the CSV keeps the published values");
        assertFalse(t.contains("None of the run's inputs holds the EUDA file"));
        assertTrue(t.contains("Europe (M49) 2024 15.5 1 site, 291,007 people served"), "the mean's sites and people");
    }

    /** The European mean's band is the spread of the sites: the subtitle, the legend and the alt text agree. */
    @Test
    void wastewaterBandIsNamedOnceForWhatItIs() throws Exception {
        String html = Files.readString(report.resolve("wastewater.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("a band showing the interquartile range of the site loads"), "alt text");
        Path svg = report.resolve("charts/ww-europe-mdma.svg");
        String chart = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(chart.contains("band: interquartile range of the site loads"), "subtitle");
        assertTrue(chart.contains("shaded: interquartile range of the site loads"), "legend");
        assertFalse(chart.contains("lower\u2013upper bound"), "no bounds the chart does not draw");
    }

    /** Peru's two coca series are told apart by what their footnotes say, never by the letters b and c. */
    @Test
    void noFootnoteLetterInALabel() throws Exception {
        String t = text("supply.html");
        assertFalse(Pattern.compile("Peru \\([a-z]\\)").matcher(t).find(), "Peru (b) or Peru (c)");
        assertFalse(t.contains(" b, c "), "a footnote marker as a method");
        String chart = Files.readString(report.resolve("charts/coca-countries.svg"), StandardCharsets.UTF_8);
        assertTrue(chart.contains("Peru, net area after eradication"), "legend of the net-area series");
        assertTrue(chart.contains("Peru, area on satellite imagery, before eradication"), "legend of the other");
        assertTrue(t.contains("Peru (net area after eradication): Net area on 31 December, deducting fields "
                + "eradicated after satellite imagery was taken."), "the caption quotes the footnote");
    }

    /** Cultivation aggregates carry no population coverage (in results.csv and on the Quality page). */
    @Test
    void cultivationHasNoPopulationCoverage() throws Exception {
        boolean seen = false;
        for (String line : Files.readAllLines(report.resolve("data/results.csv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("aggregates,cultivation_area_coca,UNODC_AME")) {
                seen = true;
                assertTrue(line.contains(",hectares,estimated,sum-of-reported,,40,3,"), "no coverage: " + line);
            }
            if (line.startsWith("aggregates,prevalence_annual,WLD") && line.contains(",cannabis,")) {
                assertTrue(line.contains(",0.82,190,120,"), "prevalence keeps its population coverage: " + line);
            }
        }
        assertTrue(seen, "the fixture's coca aggregate is in results.csv");
        assertTrue(text("quality.html").contains("Coca bush cultivation Americas UNODC region coca bush 2023 – 3 40"),
                "the Quality page shows no population coverage for coca, and the 3 of 40 countries reporting");
    }

    /** The supply page's text promises bounds exactly when its chart draws them. */
    @Test
    void boundsPromisedOnlyWhereTheChartDrawsThem() throws Exception {
        String t = text("supply.html");
        // the fixture's Colombia has survey bounds: text and chart subtitle both say so
        assertTrue(t.contains("best estimate with lower and upper bounds where the survey gives them"));
        String chart = Files.readString(report.resolve("charts/coca-countries.svg"), StandardCharsets.UTF_8);
        assertTrue(chart.contains("Best estimate with survey bounds"), "chart subtitle");
        assertFalse(t.contains("best estimates only"));
    }
}
