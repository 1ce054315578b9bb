package org.drugstats.reports.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The world map's geometry against independent implementations. Reference: reports/src/test/reference/
 * map_reference.mjs (Node 20, d3-geo 3.1 geoEqualEarth at unit scale, topojson-client 3.1 feature()), output pasted
 * below with the tolerance beside each value.
 */
class MapGeometryTest {

    @Test
    void equalEarthMatchesD3Geo() {
        double[][] ref = {
            // lon, lat, x, y (d3-geo, y negated)
            {0, 0, 0.000000000000, 0.000000000000},
            {10, 20, 0.146017109262, 0.400825217562},
            {-75.5, 40.25, -1.004628333215, 0.778993915124},
            {179.9, -85, 1.619990648366, -1.309947879426},
            {120, 60, 1.359373391714, 1.088300835505}};
        for (double[] r : ref) {
            Point2D.Double p = EqualEarth.project(r[0], r[1]);
            assertEquals(r[2], p.x, 1e-11, "x at " + r[0] + "," + r[1]);
            assertEquals(r[3], p.y, 1e-11, "y at " + r[0] + "," + r[1]);
        }
    }

    @Test
    void theBoundaryFileIsWorldAtlas202DecodedAsTopojsonClientDoes() throws Exception {
        try (InputStream in = MapGeometry.class.getResourceAsStream(
                "/org/drugstats/reports/maps/countries-110m.json")) {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            assertEquals("2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8",
                    HexFormat.of().formatHex(sha));
        }
        MapGeometry w = MapGeometry.world();
        assertEquals(177, w.countries().size());
        // reference: feature 834 Tanzania rings=1 points=49 first=33.9033390334,-0.9506415531
        // feature 076 Brazil rings=1 points=203 first=-53.3723337233,-33.7676603131
        // feature 242 Fiji rings=2 points=20 first=178.1243812438,-17.5055572523
        // feature 643 Russia rings=12 points=610 first=93.7791377914,81.0250492820
        // feature 840 United States of America rings=10 points=443 first=-122.8386283863,49.0001479484
        Object[][] ref = {{"834", 1, 49, 33.9033390334, -0.9506415531}, {"076", 1, 203, -53.3723337233, -33.7676603131},
            {"242", 2, 20, 178.1243812438, -17.5055572523}, {"643", 12, 610, 93.7791377914, 81.0250492820},
            {"840", 10, 443, -122.8386283863, 49.0001479484}};
        for (Object[] r : ref) {
            MapGeometry.Country c = w.byCode().get((String) r[0]);
            assertEquals(r[1], c.rings().size(), c.name());
            assertEquals(r[2], c.rings().stream().mapToInt(x -> x.length).sum(), c.name());
            assertEquals((double) r[3], c.rings().get(0)[0][0], 1e-9, c.name());
            assertEquals((double) r[4], c.rings().get(0)[0][1], 1e-9, c.name());
        }
    }

    @Test
    void aRingAcrossTheAntimeridianNeverSpansTheMap() {
        MapGeometry.Country russia = MapGeometry.world().byCode().get("643");
        double halfWidth = EqualEarth.halfWidth();
        Rectangle2D globe = MapGeometry.sphere().getBounds2D();
        // every projected sub-path lies within the globe's width once clipped; unclipped, the copies are one
        // globe-width apart and no single segment is longer than a quarter of the map
        java.awt.geom.PathIterator it = MapGeometry.projected(russia).getPathIterator(null);
        double[] c = new double[6];
        double px = Double.NaN;
        double longest = 0;
        while (!it.isDone()) {
            int type = it.currentSegment(c);
            if (type == java.awt.geom.PathIterator.SEG_LINETO) {
                longest = Math.max(longest, Math.abs(c[0] - px));
            }
            px = c[0];
            it.next();
        }
        assertTrue(longest < halfWidth / 2, "longest segment " + longest);
        assertEquals(2 * halfWidth, globe.getWidth(), 1e-9);
    }

    @Test
    void noDataAndZeroAreTheirOwnClassesAndClassesFollowTheValues() {
        SplittableRandom rng = new SplittableRandom(15);
        for (int trial = 0; trial < 200; trial++) {
            List<Double> v = new ArrayList<>();
            int n = 1 + rng.nextInt(150);
            for (int i = 0; i < n; i++) {
                v.add(rng.nextInt(10) == 0 ? 0.0 : Math.exp(rng.nextDouble(-3, 6)));
            }
            MapClasses mc = MapClasses.quantiles(v, 1 + rng.nextInt(5));
            assertEquals(MapClasses.NO_DATA, mc.colour(null));
            for (double x : v) {
                Color col = mc.colour(x);
                assertNotEquals(MapClasses.NO_DATA, col);
                assertEquals(x == 0, col.equals(MapClasses.ZERO), "zero has its own colour");
            }
            double[] up = mc.upperBounds();
            for (int i = 1; i < up.length; i++) {
                assertTrue(up[i] > up[i - 1], "breaks increase");
            }
        }
    }

    @Test
    void threeCountriesGetThreeClasses() {
        // Bolivia 31,000 ha, Peru 92,784 ha, Colombia 253,000 ha: ranks 1 and 2 start the upper classes
        MapClasses mc = MapClasses.quantiles(List.of(31000.0, 92784.0, 253000.0), 3);
        assertEquals(List.of("below 92,000 ha", "92,000 – 250,000 ha", "≥ 250,000 ha", "No data"),
                mc.legend("ha").stream().map(o -> (String) o[0]).toList());
        assertNotEquals(mc.colour(31000.0), mc.colour(92784.0));
        assertNotEquals(mc.colour(92784.0), mc.colour(253000.0));
    }
}
