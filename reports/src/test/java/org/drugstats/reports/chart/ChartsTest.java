package org.drugstats.reports.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.drugstats.core.DrugstatsException;
import org.drugstats.reports.FileChecks;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

    private static final ReportTheme THEME = ReportTheme.standard();

    @TempDir
    Path dir;

    static List<TimeSeriesBandChart.Series> coca() {
        double[][] col = {{2019, 154000, 143000, 165000}, {2020, 143000, 133000, 153000}, {2021, 204000, 190000, 218000},
            {2022, 230000, 214000, 246000}, {2023, 253000, 235000, 271000}};
        List<TimeSeriesBandChart.Point> a = new ArrayList<>();
        for (double[] r : col) {
            a.add(new TimeSeriesBandChart.Point(r[0], r[1], r[2], r[3], PointKind.OBSERVED));
        }
        List<TimeSeriesBandChart.Point> b = List.of(
                new TimeSeriesBandChart.Point(2019, 54700, Double.NaN, Double.NaN, PointKind.OBSERVED),
                new TimeSeriesBandChart.Point(2020, 61800, Double.NaN, Double.NaN, PointKind.IMPUTED),
                new TimeSeriesBandChart.Point(2021, 80700, Double.NaN, Double.NaN, PointKind.OBSERVED));
        return List.of(new TimeSeriesBandChart.Series("Colombia", a), new TimeSeriesBandChart.Series("Peru", b));
    }

    @Test
    void timeSeriesWithBandRendersValidPngAndSvgWithComposedAltText() throws Exception {
        BuiltChart c = TimeSeriesBandChart.build(THEME, ChartText.of("Coca bush cultivation", null, "Year",
                "Hectares", "UNODC, World Drug Report 2025, annex table 6.1.1"), coca());
        assertEquals("Line chart of coca bush cultivation for Colombia and Peru, 2019\u20132023, hectares; best "
                + "estimate with a band showing the lower\u2013upper bound; imputed values marked with hollow markers. "
                + "Latest values: "
                + "Colombia 253,000 (235,000\u2013271,000) in 2023; Peru 80,700 in 2021.", c.altText());
        ChartFiles.Written w = ChartFiles.write(c, dir, "coca");
        BufferedImage img = ImageIO.read(dir.resolve(w.png()).toFile());
        assertEquals(2 * c.width(), img.getWidth());
        assertEquals(2 * c.height(), img.getHeight());
        FileChecks.assertPng(dir.resolve(w.png()));
        FileChecks.assertSvg(dir.resolve(w.svg()));
        String svg = Files.readString(dir.resolve(w.svg()));
        assertTrue(svg.contains("Source: UNODC, World Drug Report 2025"), "the source line is in the SVG");
    }

    @Test
    void renderingTwiceGivesTheSameBytes() throws Exception {
        ChartText t = ChartText.of("Coca bush cultivation", null, "Year", "Hectares", "UNODC");
        ChartFiles.write(TimeSeriesBandChart.build(THEME, t, coca()), dir.resolve("a"), "c");
        ChartFiles.write(TimeSeriesBandChart.build(THEME, t, coca()), dir.resolve("b"), "c");
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/c.svg")), Files.readAllBytes(dir.resolve("b/c.svg")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/c.png")), Files.readAllBytes(dir.resolve("b/c.png")));
    }

    @Test
    void joinpointChartLabelsSegmentsWithApcAndInterval() throws Exception {
        List<JoinpointChart.Point> pts = new ArrayList<>();
        for (int year = 2010; year <= 2023; year++) {
            double fitted = year <= 2016 ? 100 * Math.pow(1.05, year - 2010) : 134 * Math.pow(0.97, year - 2016);
            pts.add(new JoinpointChart.Point(year, fitted * (1 + 0.03 * Math.sin(year)), fitted,
                    year == 2015 ? PointKind.IMPUTED : PointKind.OBSERVED));
        }
        List<JoinpointChart.Segment> segs = List.of(new JoinpointChart.Segment(2010, 2016, 5.0, 3.1, 6.9),
                new JoinpointChart.Segment(2016, 2023, -3.0, -4.4, -1.5));
        BuiltChart c = JoinpointChart.build(THEME, ChartText.of("Seizures of cocaine, Americas", null, "Year",
                "Kilograms", "UNODC, World Drug Report 2025, annex table 7.1"),
                new JoinpointChart.Data(pts, segs, "Joinpoint model (1 joinpoint)"));
        assertTrue(c.altText().contains("2010\u20132016 APC +5.0% (+3.1% to +6.9%)"), c.altText());
        assertTrue(c.altText().contains("2016\u20132023 APC \u22123.0% (\u22124.4% to \u22121.5%)"), c.altText());
        ChartFiles.Written w = ChartFiles.write(c, dir, "jp");
        FileChecks.assertPng(dir.resolve(w.png()));
        String svg = Files.readString(dir.resolve(w.svg()));
        assertTrue(svg.contains("APC +5.0% (+3.1% to +6.9%)"), "segment label drawn");
        FileChecks.assertSvg(dir.resolve(w.svg()));
    }

    @Test
    void groupedBarsWithWhiskersAndGaps() throws Exception {
        List<GroupedIntervalBarChart.Bar> bars = List.of(
                new GroupedIntervalBarChart.Bar("Africa", "Cannabis", 6.4, 3.6, 9.4),
                new GroupedIntervalBarChart.Bar("Americas", "Cannabis", 8.8, 8.6, 9.0),
                new GroupedIntervalBarChart.Bar("World", "Cannabis", 4.3, 3.6, 5.3),
                new GroupedIntervalBarChart.Bar("Americas", "Cocaine", 1.4, 1.3, 1.5),
                new GroupedIntervalBarChart.Bar("World", "Cocaine", 0.4, Double.NaN, Double.NaN));
        BuiltChart c = GroupedIntervalBarChart.build(THEME, ChartText.of("Annual prevalence by drug and region",
                null, "Drug", "Percent of population aged 15\u201364", "UNODC, WDR 2025"), bars,
                GroupedIntervalBarChart.Orientation.VERTICAL);
        assertTrue(c.altText().contains("Cannabis, Africa: 6.4 (3.6\u20139.4)"), c.altText());
        // the gaps: no Africa bar for cocaine (a missing value, not a zero bar), no whisker for the world's cocaine
        CategoryDataset data = ((CategoryPlot) c.chart().getPlot()).getDataset();
        assertNull(data.getValue("Africa", "Cocaine"), "a missing value stays null in the dataset");
        assertEquals(0.4, data.getValue("World", "Cocaine").doubleValue());
        assertEquals(List.of("Africa", "Americas", "World"), data.getRowKeys());
        assertEquals(List.of("Cannabis", "Cocaine"), data.getColumnKeys());
        assertFalse(c.altText().contains("Cocaine, Africa"), c.altText());
        assertTrue(c.altText().endsWith("Cocaine, Americas: 1.4 (1.3\u20131.5); Cocaine, World: 0.4."), c.altText());
        ChartFiles.Written w = ChartFiles.write(c, dir, "bars");
        FileChecks.assertPng(dir.resolve(w.png()));
        FileChecks.assertSvg(dir.resolve(w.svg()));
    }

    @Test
    void lorenzCurveMarksTheReading() throws Exception {
        double[] f = {0, 0.5, 0.84, 0.95, 1};
        double[] l = {0, 0.02, 0.075, 0.3, 1};
        BuiltChart c = LorenzChart.build(THEME, ChartText.of("Opioid consumption", "Gini 0.79", "Population",
                "Consumption", "INCB via Richards et al. 2021"), new LorenzChart.Data(f, l, 0.79, 0.84, 0.075));
        assertTrue(c.altText().contains("Marked: 84% of the population: 7.5% of consumption"), c.altText());
        ChartFiles.Written w = ChartFiles.write(c, dir, "lorenz");
        FileChecks.assertPng(dir.resolve(w.png()));
        FileChecks.assertSvg(dir.resolve(w.svg()));
        assertThrows(DrugstatsException.class, () -> new LorenzChart.Data(new double[] {0, 1.5},
                new double[] {0, 1}, 0, Double.NaN, Double.NaN));
    }

    @Test
    void rankedDotsSortDescendingAndLeaveOutNonPositiveOnLogScale() throws Exception {
        List<RankedDotChart.Dot> dots = List.of(
                new RankedDotChart.Dot("Germany", 66, Double.NaN, Double.NaN, "adequate"),
                new RankedDotChart.Dot("India", 0.3, Double.NaN, Double.NaN, "very low"),
                new RankedDotChart.Dot("Chad", 0, Double.NaN, Double.NaN, "virtually none"),
                new RankedDotChart.Dot("Brazil", 5, 4, 7, "low"));
        BuiltChart c = RankedDotChart.build(THEME, ChartText.of("Opioid consumption per capita", null, "Country",
                "mg per capita", "INCB"), dots, List.of("adequate", "low", "very low", "virtually none"),
                RankedDotChart.Scale.LOG);
        assertTrue(c.altText().startsWith("Ranked dot plot of opioid consumption per capita, 3 rows"), c.altText());
        assertTrue(c.altText().contains("Highest: Germany 66, Brazil 5, India 0.3"), c.altText());
        assertTrue(c.altText().contains("1 row with a value of zero not drawn"), c.altText());
        ChartFiles.Written w = ChartFiles.write(c, dir, "dots");
        FileChecks.assertPng(dir.resolve(w.png()));
        FileChecks.assertSvg(dir.resolve(w.svg()));
    }

    @Test
    void chartTextRequiresTitleAndSource() {
        assertThrows(DrugstatsException.class, () -> ChartText.of(" ", null, "x", "y", "s"));
        assertThrows(DrugstatsException.class, () -> ChartText.of("t", null, "x", "y", ""));
        assertThrows(DrugstatsException.class, () -> ChartFiles.write(TimeSeriesBandChart.build(THEME,
                ChartText.of("t", null, "x", "y", "s"), coca()), dir, "../escape"));
    }
}
