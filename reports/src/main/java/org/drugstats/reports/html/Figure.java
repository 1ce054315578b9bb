package org.drugstats.reports.html;

import java.util.Objects;

/**
 * A chart on a page: the SVG shown, the SVG and PNG offered for download, the alt text and a caption.
 *
 * @param id anchor id, unique in the report
 * @param png relative href of the PNG
 * @param svg relative href of the SVG
 * @param alt what the chart shows, in words
 * @param caption caption under the chart (may be empty)
 * @param width display width in CSS pixels
 * @param height display height in CSS pixels
 */
public record Figure(String id, String png, String svg, String alt, String caption, int width, int height)
        implements Block {
    public Figure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(png, "png");
        Objects.requireNonNull(svg, "svg");
        Objects.requireNonNull(alt, "alt");
        caption = caption == null ? "" : caption;
    }

    @Override
    public String kind() {
        return "figure";
    }
}
