package org.drugstats.core.stats.aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.CsvTable;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * Input and output of {@code drugstats aggregate}.
 *
 * <p>Input CSV columns {@code area,subregion,region,population,value[,lower,upper]}: an empty value means
 * no data; lower and upper are given together or not at all, with lower ≤ value ≤ upper. Output: a JSON
 * array, one object per aggregate (subregions, regions, world) with fields {@code level} ("subregion",
 * "region", "world"), {@code name}, {@code value}, {@code lower}, {@code upper} (null when any contributing
 * area lacks bounds), {@code coverage}, {@code imputed_areas} (names), {@code reason} (null unless the value
 * is withheld), and {@code population}, {@code population_with_data}, {@code areas},
 * {@code areas_with_data}. See {@link AggregationState} for the method.
 */
public final class AggregateReport {
    /** Required CSV columns. */
    public static final List<String> CSV_COLUMNS = List.of("area", "subregion", "region", "population", "value");

    private AggregateReport() {
    }

    /** Reads the input CSV; every bad value fails with file, line, column and value. */
    public static List<AreaObservation> readCsv(Path path) {
        CsvTable t = CsvTable.read(path, CSV_COLUMNS);
        List<AreaObservation> out = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            String area = r.requiredText("area");
            String sub = r.requiredText("subregion");
            String reg = r.requiredText("region");
            double pop = r.number("population");
            if (!(pop > 0)) {
                throw r.error("population", r.text("population"), "a population > 0");
            }
            OptionalDouble v = r.optionalNumber("value");
            OptionalDouble lo = r.optionalNumber("lower");
            OptionalDouble hi = r.optionalNumber("upper");
            if (lo.isPresent() != hi.isPresent()) {
                String missing = lo.isPresent() ? "upper" : "lower";
                throw r.error(missing, "", "lower and upper given together");
            }
            if (v.isEmpty()) {
                if (lo.isPresent()) {
                    throw r.error("value", "", "a value when lower and upper are given");
                }
                out.add(AreaObservation.withoutData(area, sub, reg, pop));
            } else if (lo.isPresent()) {
                if (!(lo.getAsDouble() <= v.getAsDouble() && v.getAsDouble() <= hi.getAsDouble())) {
                    throw r.error("value", r.text("value"),
                            "lower <= value <= upper (lower " + r.text("lower") + ", upper " + r.text("upper") + ")");
                }
                out.add(AreaObservation.withRange(area, sub, reg, pop,
                        Interval.of(lo.getAsDouble(), v.getAsDouble(), hi.getAsDouble())));
            } else {
                out.add(AreaObservation.withValue(area, sub, reg, pop, v.getAsDouble()));
            }
        }
        if (out.isEmpty()) {
            throw DrugstatsException.of("%s has no data rows; expected columns %s[,lower,upper]", t.file(),
                    CSV_COLUMNS);
        }
        return out;
    }

    /** The aggregates as JSON objects with the documented field names. */
    public static List<Map<String, Object>> toJsonTree(List<Aggregate> aggregates) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Aggregate a : aggregates) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", a.level().label());
            m.put("name", a.name());
            m.put("value", a.value().map(Interval::best).orElse(null));
            m.put("lower", a.boundsAvailable() ? a.value().map(Interval::low).orElse(null) : null);
            m.put("upper", a.boundsAvailable() ? a.value().map(Interval::high).orElse(null) : null);
            m.put("coverage", a.coverage());
            m.put("imputed_areas", a.imputedAreas().stream().map(ImputedArea::area).toList());
            m.put("reason", a.reason().orElse(null));
            m.put("population", a.population());
            m.put("population_with_data", a.populationWithData());
            m.put("areas", a.areas());
            m.put("areas_with_data", a.areasWithData());
            out.add(m);
        }
        return out;
    }

    /** {@link #toJsonTree} serialised with Jackson, indented. */
    public static String toJson(List<Aggregate> aggregates) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(toJsonTree(aggregates));
        } catch (JsonProcessingException e) {
            throw new DrugstatsException("cannot write aggregates as JSON: " + e.getMessage(), e);
        }
    }
}
