package org.drugstats.core.stats.trend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.AtomicFiles;

/**
 * The JSON output of {@code drugstats trend}: an array with one object per series. Field names are a contract.
 *
 * <ul>
 *   <li>all: {@code series}, {@code method}, {@code n};
 *   <li>{@code joinpoint}, {@code loglinear}: {@code joinpoints} (x values), {@code segments} (each
 *       {@code start, end, slope, apc, apc_lower, apc_upper, p_value}), {@code aapc}
 *       ({@code start, end, value, lower, upper}, full range), {@code selection} (method, max_joinpoints, selected,
 *       alpha, seed, the permutation {@code tests} or the per-k {@code models} with SSE, BIC, BIC3, R²max, WBIC, and
 *       {@code notes});
 *   <li>with a jump or comparability-ratio model ({@link JumpModel}): {@code jump} ({@code at, value, se, lower,
 *       upper, t, p_value, comparability_ratio, cr_se, cr_lower, cr_upper, cr_p_value}, see {@link Jump});
 *   <li>with empirical-quantile intervals ({@link EmpiricalQuantileIntervals}): per segment
 *       {@code apc_empirical_lower, apc_empirical_upper}, in {@code aapc} {@code empirical_lower, empirical_upper},
 *       and {@code intervals} ({@code method, resamples, confidence_level, seed});
 *   <li>with AR(1) errors ({@link Autocorrelation}): {@code autocorrelation} ({@code rho, estimated, iterations,
 *       converged});
 *   <li>{@code mann-kendall}: {@code s, var_s, z, p_value, tau, sen_slope, sen_intercept, sen_lower, sen_upper}.
 * </ul>
 * On the linear scale {@code apc}, {@code apc_lower}, {@code apc_upper} hold the annual change (the slope, in y
 * units per x unit) and its interval, and {@code aapc} the average annual change, as NCI Joinpoint reports AC and
 * AAC for linear models. Undefined numbers (NaN) are written as {@code null}.
 */
public final class TrendJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private TrendJson() {
    }

    /** The object for a joinpoint or log-linear fit; {@code seed} is recorded when a permutation test ran. */
    public static ObjectNode joinpoint(JoinpointResult r, String method, Long seed) {
        ObjectNode o = F.objectNode();
        o.put("series", r.series());
        o.put("method", method);
        o.put("n", r.n());
        ArrayNode jp = o.putArray("joinpoints");
        r.joinpoints().forEach(jp::add);
        ArrayNode segs = o.putArray("segments");
        boolean log = r.scale() == Scale.LOG;
        EmpiricalIntervals emp = r.empirical().orElse(null);
        int gi = 0;
        for (Segment s : r.segments()) {
            ObjectNode g = segs.addObject();
            num(g, "start", s.start());
            num(g, "end", s.end());
            num(g, "slope", s.slope());
            num(g, "apc", log ? s.apc() : s.slope());
            num(g, "apc_lower", log ? s.apcLower() : s.slopeLower());
            num(g, "apc_upper", log ? s.apcUpper() : s.slopeUpper());
            num(g, "p_value", s.pValue());
            if (emp != null) {
                num(g, "apc_empirical_lower", emp.apcLower().get(gi));
                num(g, "apc_empirical_upper", emp.apcUpper().get(gi));
            }
            gi++;
        }
        Aapc a = r.aapc();
        ObjectNode ao = o.putObject("aapc");
        num(ao, "start", a.start());
        num(ao, "end", a.end());
        num(ao, "value", a.value());
        num(ao, "lower", a.lower());
        num(ao, "upper", a.upper());
        if (emp != null) {
            num(ao, "empirical_lower", emp.aapcLower());
            num(ao, "empirical_upper", emp.aapcUpper());
            ObjectNode io = o.putObject("intervals");
            io.put("method", "empirical");
            io.put("resamples", emp.resamples());
            num(io, "confidence_level", emp.confidenceLevel());
            if (seed != null) {
                io.put("seed", seed);
            }
        }
        r.jump().ifPresent(j -> jump(o, j));
        r.autocorrelation().ifPresent(ac -> {
            ObjectNode ao2 = o.putObject("autocorrelation");
            num(ao2, "rho", ac.rho());
            ao2.put("estimated", ac.estimated());
            ao2.put("iterations", ac.iterations());
            ao2.put("converged", ac.converged());
        });
        ObjectNode sel = o.putObject("selection");
        Selection s = r.selection();
        if (s == null) {
            sel.put("method", "none");
            sel.put("max_joinpoints", 0);
            sel.put("selected", 0);
        } else {
            sel.put("method", s.method().name().toLowerCase(Locale.ROOT));
            sel.put("max_joinpoints", s.maxJoinpoints());
            sel.put("selected", s.selected());
            if (s.method() == SelectionMethod.PERMUTATION) {
                num(sel, "alpha", s.alpha());
                if (seed != null && !s.tests().isEmpty()) {
                    sel.put("seed", seed);
                }
                ArrayNode tests = sel.putArray("tests");
                for (PermutationTest t : s.tests()) {
                    ObjectNode to = tests.addObject();
                    to.put("null_joinpoints", t.nullK());
                    to.put("alternative_joinpoints", t.alternativeK());
                    num(to, "statistic", t.statistic());
                    to.put("permutations", t.permutations());
                    to.put("exceedances", t.exceedances());
                    num(to, "p_value", t.pValue());
                    num(to, "level", t.level());
                    to.put("rejected", t.rejected());
                }
            }
            ArrayNode models = sel.putArray("models");
            for (ModelCriteria c : s.models()) {
                ObjectNode mo = models.addObject();
                mo.put("k", c.k());
                ArrayNode cj = mo.putArray("joinpoints");
                c.joinpoints().forEach(cj::add);
                num(mo, "sse", c.sse());
                num(mo, "bic", c.bic());
                num(mo, "bic3", c.bic3());
                num(mo, "r2max", c.r2max());
                num(mo, "wbic", c.wbic());
            }
        }
        sel.put("inference", r.inference().name().toLowerCase(Locale.ROOT));
        sel.put("degrees_of_freedom", r.degreesOfFreedom());
        ArrayNode notes = sel.putArray("notes");
        r.notes().forEach(notes::add);
        return o;
    }

    /** The {@code jump} object of a jump or comparability-ratio model (field names are a contract). */
    private static void jump(ObjectNode o, Jump j) {
        ObjectNode jo = o.putObject("jump");
        num(jo, "at", j.at());
        num(jo, "value", j.value());
        num(jo, "se", j.se());
        num(jo, "lower", j.lower());
        num(jo, "upper", j.upper());
        num(jo, "t", j.t());
        num(jo, "p_value", j.pValue());
        num(jo, "comparability_ratio", j.comparabilityRatio());
        num(jo, "cr_se", j.crSe());
        num(jo, "cr_lower", j.crLower());
        num(jo, "cr_upper", j.crUpper());
        num(jo, "cr_p_value", j.crPValue());
    }

    /** The object for a Mann–Kendall test. */
    public static ObjectNode mannKendall(String series, MannKendall.Result r) {
        ObjectNode o = F.objectNode();
        o.put("series", series);
        o.put("method", "mann-kendall");
        o.put("n", r.n());
        o.put("s", r.s());
        num(o, "var_s", r.varS());
        num(o, "z", r.z());
        num(o, "p_value", r.pValue());
        num(o, "tau", r.tau());
        num(o, "sen_slope", r.senSlope());
        num(o, "sen_intercept", r.senIntercept());
        num(o, "sen_lower", r.senLower());
        num(o, "sen_upper", r.senUpper());
        return o;
    }

    private static void num(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, v);
        } else {
            o.putNull(field);
        }
    }

    /**
     * Writes the array atomically: to a temporary file beside {@code out}, then moved over it, so readers never see
     * a partial file.
     */
    public static void write(Path out, List<ObjectNode> objects) {
        ArrayNode arr = F.arrayNode();
        objects.forEach(arr::add);
        Path abs = out.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || Files.isDirectory(abs)) {
            throw DrugstatsException.of("%s is a folder; expected the path of an output file (FILE.json)", out);
        }
        if (!Files.isDirectory(dir)) {
            throw DrugstatsException.of("%s: output folder %s does not exist", out, dir);
        }
        try {
            AtomicFiles.write(abs, tmp -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(tmp.toFile(), arr));
        } catch (IOException e) {
            throw new DrugstatsException(String.format(Locale.ROOT, "%s: cannot write output (%s)", out,
                    org.drugstats.core.io.IoMessages.describe(e)), e);
        }
    }
}
