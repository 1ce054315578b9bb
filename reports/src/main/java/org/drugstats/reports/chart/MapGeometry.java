package org.drugstats.reports.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drugstats.core.DrugstatsException;

/**
 * The world's country outlines for choropleth maps, decoded from the TopoJSON resource {@code maps/countries-110m.json}
 * (world-atlas 2.0.2, from Natural Earth 1:110m, public domain; see the README beside it) and projected with
 * {@link EqualEarth}.
 *
 * <p>TopoJSON (Bostock, TopoJSON format specification 1.0): shared arcs are lists of quantized positions, each after
 * the first a delta from the previous; a position (q<sub>x</sub>, q<sub>y</sub>) is longitude q<sub>x</sub>·s<sub>x</sub>
 * + t<sub>x</sub>, latitude q<sub>y</sub>·s<sub>y</sub> + t<sub>y</sub> with the topology's transform. A ring lists
 * arc indices; index i ≥ 0 is arc i, a negative index i is arc ~i (= −i − 1) reversed; consecutive arcs share their
 * end point, which is kept once.
 */
public final class MapGeometry {
    /** One country: its M49 (ISO 3166-1 numeric) code, its name in the boundary file, its rings in degrees. */
    public record Country(String m49, String name, List<double[][]> rings) {
    }

    private static final class Holder {
        static final MapGeometry WORLD = read("maps/countries-110m.json");
    }

    private final List<Country> countries;

    private MapGeometry(List<Country> countries) {
        this.countries = List.copyOf(countries);
    }

    /** The embedded world, decoded once. */
    public static MapGeometry world() {
        return Holder.WORLD;
    }

    /** Every country of the file, in file order (those without a code have an empty {@code m49}). */
    public List<Country> countries() {
        return countries;
    }

    /**
     * The projected outline of a country (unit Equal Earth coordinates, y northwards). A ring that crosses the
     * antimeridian (two consecutive points more than 180° of longitude apart, as in Russia's Chukotka and Fiji) is
     * made contiguous by adding 360° to its western longitudes and drawn twice, once shifted by −360°: drawn inside
     * the outline of the globe ({@link #sphere()} as clip) each copy shows its own side, with no band across the map.
     */
    public static Path2D.Double projected(Country c) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (double[][] ring : c.rings()) {
            if (!crossesAntimeridian(ring)) {
                addRing(p, ring, 0);
            } else {
                double[][] east = new double[ring.length][];
                for (int i = 0; i < ring.length; i++) {
                    east[i] = new double[] {ring[i][0] < 0 ? ring[i][0] + 360 : ring[i][0], ring[i][1]};
                }
                addRing(p, east, 0);
                addRing(p, east, -360);
            }
        }
        return p;
    }

    private static boolean crossesAntimeridian(double[][] ring) {
        for (int i = 1; i < ring.length; i++) {
            if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) {
                return true;
            }
        }
        return false;
    }

    private static void addRing(Path2D.Double p, double[][] ring, double shift) {
        for (int i = 0; i < ring.length; i++) {
            Point2D.Double q = EqualEarth.project(ring[i][0] + shift, ring[i][1]);
            if (i == 0) {
                p.moveTo(q.x, q.y);
            } else {
                p.lineTo(q.x, q.y);
            }
        }
        p.closePath();
    }

    /** The outline of the projected globe: the meridians ±180° from pole to pole. */
    public static Path2D.Double sphere() {
        Path2D.Double p = new Path2D.Double();
        for (int lat = -90; lat <= 90; lat++) {
            Point2D.Double q = EqualEarth.project(180, lat);
            if (lat == -90) {
                p.moveTo(q.x, q.y);
            } else {
                p.lineTo(q.x, q.y);
            }
        }
        for (int lat = 90; lat >= -90; lat--) {
            Point2D.Double q = EqualEarth.project(-180, lat);
            p.lineTo(q.x, q.y);
        }
        p.closePath();
        return p;
    }

    static MapGeometry read(String resource) {
        try (InputStream in = MapGeometry.class.getResourceAsStream("/org/drugstats/reports/" + resource)) {
            if (in == null) {
                throw DrugstatsException.of("the map boundaries %s are missing from the reports jar", resource);
            }
            return parse(new ObjectMapper().readTree(in), resource);
        } catch (IOException e) {
            throw new DrugstatsException("cannot read the map boundaries " + resource + ": " + e.getMessage(), e);
        }
    }

    static MapGeometry parse(JsonNode topo, String name) {
        JsonNode transform = topo.path("transform");
        double sx = transform.path("scale").path(0).asDouble(1);
        double sy = transform.path("scale").path(1).asDouble(1);
        double tx = transform.path("translate").path(0).asDouble(0);
        double ty = transform.path("translate").path(1).asDouble(0);
        List<double[][]> arcs = new ArrayList<>();
        for (JsonNode arc : topo.path("arcs")) {
            double[][] pts = new double[arc.size()][2];
            long x = 0;
            long y = 0;
            for (int i = 0; i < arc.size(); i++) {
                x += arc.get(i).get(0).asLong();
                y += arc.get(i).get(1).asLong();
                pts[i][0] = x * sx + tx;
                pts[i][1] = y * sy + ty;
            }
            arcs.add(pts);
        }
        JsonNode geometries = topo.path("objects").path("countries").path("geometries");
        if (!geometries.isArray() || arcs.isEmpty()) {
            throw DrugstatsException.of("%s: not a TopoJSON topology with objects.countries and arcs", name);
        }
        List<Country> out = new ArrayList<>();
        for (JsonNode g : geometries) {
            List<double[][]> rings = new ArrayList<>();
            String type = g.path("type").asText();
            if (type.equals("Polygon")) {
                for (JsonNode ring : g.path("arcs")) {
                    rings.add(ring(ring, arcs, name));
                }
            } else if (type.equals("MultiPolygon")) {
                for (JsonNode polygon : g.path("arcs")) {
                    for (JsonNode ring : polygon) {
                        rings.add(ring(ring, arcs, name));
                    }
                }
            } else {
                continue;
            }
            out.add(new Country(g.path("id").asText(""), g.path("properties").path("name").asText(""),
                    Collections.unmodifiableList(rings)));
        }
        return new MapGeometry(out);
    }

    private static double[][] ring(JsonNode indices, List<double[][]> arcs, String name) {
        List<double[]> pts = new ArrayList<>();
        for (JsonNode ix : indices) {
            int i = ix.asInt();
            int a = i >= 0 ? i : ~i;
            if (a >= arcs.size()) {
                throw DrugstatsException.of("%s: arc %d does not exist (%d arcs)", name, a, arcs.size());
            }
            double[][] arc = arcs.get(a);
            int n = arc.length;
            for (int k = 0; k < n; k++) {
                double[] p = i >= 0 ? arc[k] : arc[n - 1 - k];
                if (k == 0 && !pts.isEmpty()) {
                    continue;
                }
                pts.add(p);
            }
        }
        return pts.toArray(new double[0][]);
    }

    /** Countries by code (those with one). */
    public Map<String, Country> byCode() {
        Map<String, Country> m = new LinkedHashMap<>();
        for (Country c : countries) {
            if (!c.m49().isEmpty()) {
                m.put(c.m49(), c);
            }
        }
        return m;
    }
}
