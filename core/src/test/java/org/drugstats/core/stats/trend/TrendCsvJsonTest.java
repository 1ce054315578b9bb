package org.drugstats.core.stats.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendCsvJsonTest {
    @TempDir
    Path dir;

    private static List<String> csv(TrendSeries s, String name, boolean withSe) {
        List<String> lines = new ArrayList<>();
        lines.add(withSe ? "series,x,y,se" : "series,x,y");
        double[] x = s.x();
        double[] y = s.y();
        double[] se = s.standardErrors();
        for (int i = 0; i < x.length; i++) {
            lines.add(name + "," + x[i] + "," + (Double.isNaN(y[i]) ? "" : y[i]) + (withSe ? "," + se[i] : ""));
        }
        return lines;
    }

    @Test
    void parsesSeriesMissingValuesAndQuotes() {
        List<String> lines = List.of("\uFEFFy, series ,x", "1.5,\"A, \"\"quoted\"\"\",2001", "", ",B,2001",
                "2.5,\"A, \"\"quoted\"\"\",2002", "3,B,2002", "4e0,B,2003");
        List<TrendSeries> s = TrendCsv.parse("in.csv", lines);
        assertEquals(2, s.size());
        assertEquals("A, \"quoted\"", s.get(0).name());
        assertEquals(2, s.get(0).size());
        assertTrue(Double.isNaN(s.get(1).y()[0]));
        assertEquals(2, s.get(1).observedCount());
        assertFalse(s.get(1).hasStandardErrors());
    }

    @Test
    void errorsNameFileLineColumnAndValue() {
        String m = assertThrows(DrugstatsException.class,
                () -> TrendCsv.parse("in.csv", List.of("series,x,y", "a,2001,1", "a,2002,abc"))).getMessage();
        assertEquals("in.csv line 3, column y: 'abc' is not a finite number (leave the field empty for a missing"
                + " value)", m);
        m = assertThrows(DrugstatsException.class,
                () -> TrendCsv.parse("in.csv", List.of("series,x,y", "a,,1"))).getMessage();
        assertEquals("in.csv line 2, column x: empty value, expected a number", m);
        m = assertThrows(DrugstatsException.class,
                () -> TrendCsv.parse("in.csv", List.of("series,year,y"))).getMessage();
        assertTrue(m.contains("unexpected column 'year'"), m);
        m = assertThrows(DrugstatsException.class,
                () -> TrendCsv.parse("in.csv", List.of("series,x,y", "a,1,NaN"))).getMessage();
        assertTrue(m.contains("line 2, column y: 'NaN'"), m);
        m = assertThrows(DrugstatsException.class,
                () -> TrendCsv.parse("in.csv", List.of("series,x,y", "a,1"))).getMessage();
        assertEquals("in.csv line 2: expected 3 fields, got 2", m);
        assertThrows(DrugstatsException.class, () -> TrendCsv.parse("in.csv", List.of("series,x,y", "\"a,1,2")));
        assertThrows(DrugstatsException.class, () -> TrendCsv.read(dir.resolve("missing.csv")));
    }

    @Test
    void quotedFieldsMaySpanLinesAndLaterLinesKeepTheirNumbers() {
        List<String> lines = List.of("series,x,y", "\"rate,", "per 100k\",2001,1", "\"rate,", "per 100k\",2002,x");
        String m = assertThrows(DrugstatsException.class, () -> TrendCsv.parse("in.csv", lines)).getMessage();
        assertEquals("in.csv line 4, column y: 'x' is not a finite number (leave the field empty for a missing value)",
                m);
        List<TrendSeries> s = TrendCsv.parse("in.csv", List.of("series,x,y", "\"rate,", "per 100k\",2001,1",
                "\"rate,", "per 100k\",2002,2"));
        assertEquals(1, s.size());
        assertEquals("rate,\nper 100k", s.get(0).name());
        assertEquals(2, s.get(0).size());
    }

    @Test
    void joinpointJsonHasExactlyTheContractFields() throws Exception {
        TrendSeries s = TrendTestData.series();
        List<TrendSeries> in = TrendCsv.parse("t.csv", csv(s, "rate", true));
        TrendBatch batch = TrendBatch.of(TrendBatch.Method.JOINPOINT, Joinpoint.withDefaults().withPermutations(199),
                MannKendall.withDefaults(), 7);
        Path out = dir.resolve("out.json");
        TrendJson.write(out, batch.run(in));
        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertEquals(1, root.size());
        JsonNode o = root.get(0);
        assertEquals(Set.of("series", "method", "n", "joinpoints", "segments", "aapc", "selection"), names(o));
        assertEquals("rate", o.get("series").asText());
        assertEquals("joinpoint", o.get("method").asText());
        assertEquals(20, o.get("n").asInt());
        assertEquals(2008.0, o.get("joinpoints").get(0).asDouble());
        assertEquals(Set.of("start", "end", "slope", "apc", "apc_lower", "apc_upper", "p_value"),
                names(o.get("segments").get(0)));
        assertEquals(Set.of("start", "end", "value", "lower", "upper"), names(o.get("aapc")));
        assertEquals("permutation", o.get("selection").get("method").asText());
        assertEquals(7, o.get("selection").get("seed").asLong());
        assertEquals(3, o.get("selection").get("tests").size());
        // same as the library result
        JoinpointResult r = Joinpoint.withDefaults().withPermutations(199).fit(s, TrendBatch.randomFor(7, "rate"));
        assertEquals(r.segments().get(1).apcLower(), o.get("segments").get(1).get("apc_lower").asDouble(), 0);
        assertEquals(r.aapc().upper(), o.get("aapc").get("upper").asDouble(), 0);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count()); // no temporary file left behind
        }
    }

    @Test
    void resultsOfASeriesDoNotDependOnTheOtherSeries() {
        TrendSeries s = TrendTestData.series();
        TrendBatch batch = TrendBatch.of(TrendBatch.Method.JOINPOINT, Joinpoint.withDefaults().withPermutations(99),
                MannKendall.withDefaults(), 3);
        List<String> one = csv(s, "a", false);
        List<String> two = new ArrayList<>(csv(s, "b", false));
        two.addAll(one.subList(1, one.size()));
        ObjectNode alone = batch.run(TrendCsv.parse("1", one)).get(0);
        ObjectNode second = batch.run(TrendCsv.parse("2", two)).get(1);
        assertEquals(alone, second);
    }

    @Test
    void mannKendallAndLoglinearJson() {
        TrendSeries s = TrendTestData.series();
        ObjectNode mk = TrendBatch.of(TrendBatch.Method.MANN_KENDALL, Joinpoint.withDefaults(),
                MannKendall.withDefaults(), 1).run(List.of(s)).get(0);
        assertEquals(Set.of("series", "method", "n", "s", "var_s", "z", "p_value", "tau", "sen_slope",
                "sen_intercept", "sen_lower", "sen_upper"), names(mk));
        assertEquals(50, mk.get("s").asInt());
        ObjectNode ll = TrendBatch.of(TrendBatch.Method.LOGLINEAR, Joinpoint.withDefaults(),
                MannKendall.withDefaults(), 1).run(List.of(s)).get(0);
        assertEquals(0, ll.get("joinpoints").size());
        assertEquals(1, ll.get("segments").size());
        // R 4.2.2: 100 * (exp(coef(lm(log(y) ~ x))[2]) - 1)
        assertEquals(0.64299394536635468, ll.get("segments").get(0).get("apc").asDouble(), 1e-8);
        assertEquals(ll.get("segments").get(0).get("apc").asDouble(), ll.get("aapc").get("value").asDouble(),
                1e-12);
        // a two-point series: undefined interval written as null
        ObjectNode two = TrendBatch.of(TrendBatch.Method.LOGLINEAR, Joinpoint.withDefaults(),
                MannKendall.withDefaults(), 1).run(List.of(TrendSeries.of("t", new double[] {1, 2},
                        new double[] {1, 2}))).get(0);
        assertTrue(two.get("segments").get(0).get("apc_lower").isNull());
        assertThrows(DrugstatsException.class, () -> TrendBatch.Method.parse("arima"));
        // linear scale: the apc fields carry the annual change (slope) and its interval, aapc the AAC
        ObjectNode lin = TrendBatch.of(TrendBatch.Method.JOINPOINT, Joinpoint.withDefaults().withScale(Scale.LINEAR)
                .withMaxJoinpoints(0), MannKendall.withDefaults(), 1).run(List.of(s)).get(0);
        JsonNode seg = lin.get("segments").get(0);
        assertEquals(seg.get("slope").asDouble(), seg.get("apc").asDouble(), 0);
        // R 4.2.2: coef(lm(y ~ x))[2] = 0.356495488721813
        assertEquals(0.356495488721813, seg.get("slope").asDouble(), 1e-10);
        assertEquals(seg.get("slope").asDouble(), lin.get("aapc").get("value").asDouble(), 1e-12);
    }

    private static Set<String> names(JsonNode o) {
        Set<String> s = new TreeSet<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext();) {
            s.add(it.next());
        }
        return s;
    }
}
