package org.drugstats.reports.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary of {@code results/inequality.json}: Gini, readings of the Lorenz curve and how the countries
 * were ranked. Shares are fractions 0–1 (keys written as percentages, e.g. {@code "84"}, are converted).
 *
 * @param gini the Gini coefficient, NaN when absent
 * @param consumptionShareOfBottom population share X → consumption share of the bottom X
 * @param populationShareOfBottom consumption share Y → population share holding the bottom Y
 * @param ranking what the countries are ranked by
 * @param reading the sentence the inequality command prints
 * @param measure the consumption measure, if given
 * @param benchmarkMgPerCapita the adequacy benchmark in mg per capita, NaN when absent
 */
public record InequalitySummary(double gini, Map<Double, Double> consumptionShareOfBottom,
        Map<Double, Double> populationShareOfBottom, String ranking, String reading, String measure,
        double benchmarkMgPerCapita) {

    public InequalitySummary {
        consumptionShareOfBottom = Map.copyOf(consumptionShareOfBottom);
        populationShareOfBottom = Map.copyOf(populationShareOfBottom);
    }

    /**
     * The mass unit of the consumption amounts, read from the measure's first parenthesis ("opioid consumption
     * (kg), from …" → "kg"), or empty when the measure names none.
     */
    public String massUnit() {
        if (measure == null) {
            return "";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((kg|g|mg|t|tonnes)\\)").matcher(measure);
        return m.find() ? m.group(1) : "";
    }

    static InequalitySummary fromJson(JsonNode n) {
        return new InequalitySummary(n.path("gini").isNumber() ? n.path("gini").asDouble() : Double.NaN,
                shares(n.path("consumption_share_of_bottom")), shares(n.path("population_share_of_bottom")),
                text(n, "ranking"), text(n, "reading"), text(n, "measure"),
                n.path("adequacy_benchmark_mg_per_capita").isNumber()
                        ? n.path("adequacy_benchmark_mg_per_capita").asDouble() : Double.NaN);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    private static Map<Double, Double> shares(JsonNode obj) {
        Map<Double, Double> out = new TreeMap<>();
        if (!obj.isObject()) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        boolean percent = false;
        Map<Double, Double> raw = new TreeMap<>();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                double k = Double.parseDouble(e.getKey().replace("%", "").trim());
                if (e.getValue().isNumber()) {
                    raw.put(k, e.getValue().asDouble());
                    percent |= k > 1 || e.getValue().asDouble() > 1;
                }
            } catch (NumberFormatException ignored) {
                // a key that is not a share is not a reading; the JSON's other fields are shown as is
            }
        }
        for (Map.Entry<Double, Double> e : raw.entrySet()) {
            out.put(percent ? e.getKey() / 100 : e.getKey(), percent ? e.getValue() / 100 : e.getValue());
        }
        return out;
    }
}
