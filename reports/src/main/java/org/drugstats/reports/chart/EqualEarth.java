package org.drugstats.reports.chart;

import java.awt.geom.Point2D;

/**
 * The Equal Earth map projection (Šavrič, Patterson and Jenny 2019, "The Equal Earth map projection", International
 * Journal of Geographical Information Science 33:454–465, doi:10.1080/13658816.2018.1504949): equal-area, so that
 * the area of a country on a choropleth map is in proportion to its real area.
 *
 * <p>With λ, φ in radians and sin θ = (√3/2)·sin φ:
 * x = 2√3·λ·cos θ / (3·(9A₄θ⁸ + 7A₃θ⁶ + 3A₂θ² + A₁)), y = A₄θ⁹ + A₃θ⁷ + A₂θ³ + A₁θ, with A₁ = 1.340264,
 * A₂ = −0.081106, A₃ = 0.000893, A₄ = 0.003796 (unit sphere; y grows northwards).
 */
public final class EqualEarth {
    private static final double A1 = 1.340264;
    private static final double A2 = -0.081106;
    private static final double A3 = 0.000893;
    private static final double A4 = 0.003796;
    private static final double M = Math.sqrt(3) / 2;

    private EqualEarth() {
    }

    /** The projected point of longitude {@code lon} and latitude {@code lat} in degrees. */
    public static Point2D.Double project(double lon, double lat) {
        double lambda = Math.toRadians(lon);
        double theta = Math.asin(M * Math.sin(Math.toRadians(lat)));
        double t2 = theta * theta;
        double t6 = t2 * t2 * t2;
        double x = lambda * Math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)));
        double y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
        return new Point2D.Double(x, y);
    }

    /** Half the width of the projected world (λ = 180°, φ = 0). */
    public static double halfWidth() {
        return project(180, 0).x;
    }

    /** Half the height of the projected world (φ = 90°). */
    public static double halfHeight() {
        return project(0, 90).y;
    }
}
