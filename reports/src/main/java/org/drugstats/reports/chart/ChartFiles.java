package org.drugstats.reports.chart;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drugstats.core.DrugstatsException;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Renders a chart headless to an SVG (shown in the pages: sharp at any screen density and in print) and a PNG (at
 * twice the pixel density, for sharp display and print; very tall charts at their nominal size; for slides and
 * documents; encoded by {@link PngEncoder}) with the same base name. Rendering is deterministic: the SVG's definition ids are prefixed with the base
 * name instead of a time stamp, so the same chart gives the same files.
 */
public final class ChartFiles {

    /** PNG pixel density relative to the chart's nominal size (charts taller than {@link #TALL} get 1). */
    public static final int PNG_SCALE = 2;
    /** Height in pixels above which a chart's PNG is written at its nominal size, to keep files small. */
    public static final int TALL = 1400;

    private ChartFiles() {
    }

    /**
     * The CSS font-family list an SVG names for a Java font family: the family itself, then Verdana (whose metrics
     * are close to DejaVu Sans, so labels keep their layout where DejaVu is not installed), then sans-serif.
     */
    static String fontFamilies(String family) {
        return "\"" + family + "\", Verdana, \"Bitstream Vera Sans\", sans-serif";
    }

    /**
     * The chart drawn into an ARGB image of {@link #PNG_SCALE} times its size (its nominal size when taller than
     * {@link #TALL}): the chart's own coordinates, scaled by the graphics transform, so that lines and text are
     * drawn at the higher density rather than enlarged.
     */
    static BufferedImage raster(BuiltChart chart) {
        int scale = chart.height() > TALL ? 1 : PNG_SCALE;
        BufferedImage image = new BufferedImage(chart.width() * scale, chart.height() * scale,
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g2 = image.createGraphics();
        try {
            if (scale != 1) {
                g2.transform(AffineTransform.getScaleInstance(scale, scale));
            }
            chart.chart().draw(g2, new Rectangle2D.Double(0, 0, chart.width(), chart.height()), null, null);
        } finally {
            g2.dispose();
        }
        return image;
    }

    /** The files written for one chart, relative names. */
    public record Written(String png, String svg) {
    }

    /**
     * Writes {@code dir/baseName.png} and {@code dir/baseName.svg}.
     *
     * @throws DrugstatsException when a file cannot be written or the base name is not a plain file name
     */
    public static Written write(BuiltChart chart, Path dir, String baseName) {
        if (!baseName.matches("[a-z0-9][a-z0-9._-]*")) {
            throw DrugstatsException.of("chart file name '%s' must be lower-case letters, digits, '.', '_' or '-'",
                    baseName);
        }
        Path png = dir.resolve(baseName + ".png");
        Path svg = dir.resolve(baseName + ".svg");
        try {
            Files.createDirectories(dir);
            BufferedImage image = raster(chart);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(png), 1 << 16)) {
                PngEncoder.write(image, out);
            }
            SVGGraphics2D g2 = new SVGGraphics2D(chart.width(), chart.height());
            g2.setDefsKeyPrefix(baseName.replace('.', '_') + "_");
            g2.setFontFunction(ChartFiles::fontFamilies);
            chart.chart().draw(g2, new Rectangle2D.Double(0, 0, chart.width(), chart.height()));
            String element = g2.getSVGElement(null, true, new ViewBox(0, 0, chart.width(), chart.height()), null, null);
            Files.writeString(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DrugstatsException(dir.resolve(baseName) + ": cannot write chart: " + e.getMessage(), e);
        }
        return new Written(png.getFileName().toString(), svg.getFileName().toString());
    }
}
