package org.drugstats.core.stats.trend;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON object of {@code drugstats trend --compare A,B} (field names are a contract): {@code method}
 * ("comparison"), {@code series} [A, B], {@code seed}, {@code selected} (joinpoints selected for {@code a},
 * {@code b}, {@code coincident}, {@code parallel}), {@code coincidence} and {@code parallelism} (each
 * {@code max_joinpoints, sse_null, sse_alternative, statistic, f_statistic, df_numerator, df_denominator,
 * permutations, exceedances, p_value}, the fitted {@code common_model} and {@code separate_models} [A, B] as
 * {@link TrendJson#joinpoint} objects; for parallelism also {@code shift}, the common model's offset of B on the
 * fitting scale), and {@code notes}. See {@link SeriesComparison}.
 */
public final class ComparisonJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ComparisonJson() {
    }

    /** The object for one comparison. */
    public static ObjectNode of(SeriesComparison.Result r, long seed) {
        ObjectNode o = F.objectNode();
        o.put("method", "comparison");
        ArrayNode s = o.putArray("series");
        s.add(r.seriesA());
        s.add(r.seriesB());
        o.put("seed", seed);
        ObjectNode sel = o.putObject("selected");
        sel.put("a", r.selectedA());
        sel.put("b", r.selectedB());
        sel.put("coincident", r.selectedCoincident());
        sel.put("parallel", r.selectedParallel());
        o.set("coincidence", test(r.coincidence(), false));
        o.set("parallelism", test(r.parallelism(), true));
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        return o;
    }

    private static ObjectNode test(SeriesComparison.Test t, boolean parallel) {
        ObjectNode o = F.objectNode();
        o.put("max_joinpoints", t.maxJoinpoints());
        num(o, "sse_null", t.sseNull());
        num(o, "sse_alternative", t.sseAlternative());
        num(o, "statistic", t.statistic());
        num(o, "f_statistic", t.fStatistic());
        o.put("df_numerator", t.dfNumerator());
        o.put("df_denominator", t.dfDenominator());
        o.put("permutations", t.permutations());
        o.put("exceedances", t.exceedances());
        num(o, "p_value", t.pValue());
        if (parallel) {
            double[] c = t.nullModel().coefficients();
            num(o, "shift", c[c.length - 1]);
        }
        o.set("common_model", TrendJson.joinpoint(t.nullModel(), "joinpoint", null));
        ArrayNode sep = o.putArray("separate_models");
        sep.add(TrendJson.joinpoint(t.separateA(), "joinpoint", null));
        sep.add(TrendJson.joinpoint(t.separateB(), "joinpoint", null));
        return o;
    }

    private static void num(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }
}
