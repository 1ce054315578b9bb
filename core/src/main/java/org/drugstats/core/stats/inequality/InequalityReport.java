package org.drugstats.core.stats.inequality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.CsvTable;

/**
 * The inequality report written by {@code drugstats inequality}: Gini, Lorenz points and the requested
 * "bottom X% of population → share of consumption" and "bottom Y% of consumption → share of population"
 * readings, shares as fractions 0–1.
 *
 * <p>JSON: {@code {"gini", "lorenz": [[F, L], ...], "consumption_share_of_bottom": {"X": Y},
 * "population_share_of_bottom": {"Y": X}, "ranking": "per-capita ascending", "reading": "interpolated"}},
 * map keys being the requested shares in plain decimal notation. Input CSV: columns
 * {@code area,population,consumption} (any consumption unit; population &gt; 0, consumption ≥ 0, areas
 * unique).
 *
 * @param gini Gini coefficient from the curve ({@link LorenzCurve#gini()})
 * @param curve the curve
 * @param consumptionShareOfBottom requested population share → reading
 * @param populationShareOfBottom requested consumption share → reading
 * @param reading how the readings were taken
 */
public record InequalityReport(double gini, LorenzCurve curve, Map<Double, LorenzReading> consumptionShareOfBottom,
        Map<Double, LorenzReading> populationShareOfBottom, Reading reading) {

    /** CSV columns read by {@link #readCsv}. */
    public static final List<String> CSV_COLUMNS = List.of("area", "population", "consumption");

    /** Builds the report for the given areas, requested shares, ranking and reading. */
    public static InequalityReport of(List<AreaConsumption> areas, List<Double> populationShares,
            List<Double> consumptionShares, Ranking ranking, Reading reading) {
        Objects.requireNonNull(reading, "reading");
        LorenzCurve c = LorenzCurve.of(areas, ranking);
        Map<Double, LorenzReading> byPop = new LinkedHashMap<>();
        for (double x : populationShares) {
            byPop.put(x, c.consumptionShareOfBottom(x, reading));
        }
        Map<Double, LorenzReading> byCons = new LinkedHashMap<>();
        for (double y : consumptionShares) {
            byCons.put(y, c.populationShareOfBottom(y, reading));
        }
        return new InequalityReport(c.gini(), c, byPop, byCons, reading);
    }

    /** Reads {@code area,population,consumption}; errors name file, line, column and value. */
    public static List<AreaConsumption> readCsv(Path path) {
        CsvTable t = CsvTable.read(path, CSV_COLUMNS);
        List<AreaConsumption> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row r : t.rows()) {
            String area = r.requiredText("area");
            if (!seen.add(area)) {
                throw r.error("area", area, "each area once (duplicate)");
            }
            double pop = r.number("population");
            if (!(pop > 0)) {
                throw r.error("population", r.text("population"), "a population > 0");
            }
            double cons = r.number("consumption");
            if (!(cons >= 0)) {
                throw r.error("consumption", r.text("consumption"), "a consumption >= 0");
            }
            out.add(AreaConsumption.of(area, pop, cons));
        }
        if (out.isEmpty()) {
            throw DrugstatsException.of("%s has no data rows; expected columns %s", t.file(), CSV_COLUMNS);
        }
        return out;
    }

    /** The report as a JSON object with the field names listed in the class comment. */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gini", gini);
        List<double[]> pts = new ArrayList<>();
        for (LorenzPoint p : curve.points()) {
            pts.add(new double[] {p.populationShare(), p.consumptionShare()});
        }
        m.put("lorenz", pts);
        Map<String, Double> a = new LinkedHashMap<>();
        consumptionShareOfBottom.forEach((k, v) -> a.put(key(k), v.consumptionShare()));
        m.put("consumption_share_of_bottom", a);
        Map<String, Double> b = new LinkedHashMap<>();
        populationShareOfBottom.forEach((k, v) -> b.put(key(k), v.populationShare()));
        m.put("population_share_of_bottom", b);
        m.put("ranking", curve.ranking().label());
        m.put("reading", reading.label());
        return m;
    }

    /** {@link #toJsonTree()} serialised with Jackson, indented. */
    public String toJson() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJsonTree());
        } catch (JsonProcessingException e) {
            throw new DrugstatsException("cannot write inequality report as JSON: " + e.getMessage(), e);
        }
    }

    static String key(double share) {
        return BigDecimal.valueOf(share).stripTrailingZeros().toPlainString();
    }
}
