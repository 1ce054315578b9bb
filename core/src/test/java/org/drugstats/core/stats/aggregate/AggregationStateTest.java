package org.drugstats.core.stats.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.stats.uncertainty.Interval;
import org.junit.jupiter.api.Test;

/**
 * Reference values: core/src/test/reference/aggregate_reference.py (an independent plain-Python
 * implementation of the imputation rule; /usr/bin/python3 3.11.2, numpy 1.24.2 np.average with weights)
 * on core/src/test/resources/aggregate/fixture.csv. Tolerance 1e-12.
 */
class AggregationStateTest {
    static final double TOL = 1e-12;

    static List<AreaObservation> fixture() {
        try {
            return AggregateReport.readCsv(Path.of(AggregationStateTest.class.getResource("/aggregate/fixture.csv").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Aggregate find(List<Aggregate> all, AggregateLevel level, String name) {
        return all.stream().filter(a -> a.level() == level && a.name().equals(name)).findFirst().orElseThrow();
    }

    static void check(Aggregate a, double coverage, double value, double lower, double upper) {
        assertEquals(coverage, a.coverage(), TOL, a.name() + " coverage");
        Interval v = a.value().orElseThrow(() -> new AssertionError(a.name() + " has no value: " + a.reason()));
        assertEquals(value, v.best(), TOL, a.name() + " value");
        assertEquals(lower, v.low(), TOL, a.name() + " lower");
        assertEquals(upper, v.high(), TOL, a.name() + " upper");
    }

    @Test
    void matchesIndependentPythonImplementationWithoutCoverageRule() {
        List<Aggregate> all = AggregationState.of(fixture()).finish(AggregationRule.withDefaults().withMinimumCoverage(0));
        assertEquals(10, all.size());
        // python: "subregion Sub A coverage 0.666.. value 3.5 lower 2.625 upper 4.375 imputed [A3 subregion]"
        check(find(all, AggregateLevel.SUBREGION, "Sub A"), 0.6666666666666666, 3.5, 2.625, 4.375);
        check(find(all, AggregateLevel.SUBREGION, "Sub B"), 0.0, 2.5384615384615383, 1.8076923076923075,
                3.269230769230769);
        check(find(all, AggregateLevel.SUBREGION, "Sub F"), 0.0, 3.439024390243903, 2.524390243902439,
                4.7926829268292686);
        check(find(all, AggregateLevel.REGION, "Region A"), 0.65, 2.730769230769231, 1.9711538461538463,
                3.4903846153846154);
        check(find(all, AggregateLevel.REGION, "Region B"), 0.7368421052631579, 3.6315789473684212,
                2.6315789473684212, 5.2368421052631575);
        check(find(all, AggregateLevel.REGION, "Region C"), 0.0, 3.439024390243903, 2.524390243902439,
                4.7926829268292686);
        check(find(all, AggregateLevel.WORLD, "World"), 0.5616438356164384, 3.345215759849906, 2.4286154874193633,
                4.667095016577142);
        Aggregate w = find(all, AggregateLevel.WORLD, "World");
        assertEquals(List.of("A3", "A4", "B2", "C1", "C2"), w.imputedAreas().stream().map(ImputedArea::area).toList());
        assertEquals(List.of(AggregateLevel.SUBREGION, AggregateLevel.REGION, AggregateLevel.SUBREGION,
                AggregateLevel.WORLD, AggregateLevel.WORLD),
                w.imputedAreas().stream().map(ImputedArea::source).toList());
        assertTrue(w.boundsAvailable());
    }

    @Test
    void defaultMinimumCoverageWithholdsWithReason() {
        List<Aggregate> all = AggregationState.of(fixture()).finish(AggregationRule.withDefaults());
        assertEquals(0.5, AggregationRule.withDefaults().minimumCoverage(), 0);
        Aggregate subB = find(all, AggregateLevel.SUBREGION, "Sub B");
        assertTrue(subB.value().isEmpty());
        assertEquals("coverage 0.0000 (population with data / population) is below the minimum 0.5000",
                subB.reason().orElseThrow());
        assertTrue(find(all, AggregateLevel.REGION, "Region C").value().isEmpty());
        // above 0.5: same numbers as without the rule (python reference)
        check(find(all, AggregateLevel.WORLD, "World"), 0.5616438356164384, 3.345215759849906, 2.4286154874193633,
                4.667095016577142);
        // world coverage 0.5616 is below 0.6
        Aggregate w = find(AggregationState.of(fixture()).finish(AggregationRule.withDefaults().withMinimumCoverage(0.6)),
                AggregateLevel.WORLD, "World");
        assertFalse(w.value().isPresent());
    }

    @Test
    void unboundedValuesMakeBoundsUnavailable() {
        List<AreaObservation> in = List.of(AreaObservation.withValue("x", "s", "r", 10, 2),
                AreaObservation.withRange("y", "s", "r", 30, Interval.of(1, 2, 4)));
        Aggregate s = AggregationState.of(in).finish(AggregationRule.withDefaults()).get(0);
        assertFalse(s.boundsAvailable());
        assertEquals(2, s.value().orElseThrow().best(), 0);
    }

    @Test
    void noDataAnywhereAndEmptyState() {
        List<Aggregate> all = AggregationState.of(List.of(AreaObservation.withoutData("x", "s", "r", 10)))
                .finish(AggregationRule.withDefaults().withMinimumCoverage(0));
        assertEquals("no area has data", all.get(2).reason().orElseThrow());
        List<Aggregate> none = AggregationState.empty().finish(AggregationRule.withDefaults());
        assertEquals(1, none.size());
        assertEquals("no areas", none.get(0).reason().orElseThrow());
    }

    // ---- mergeable-state properties -------------------------------------------------------------

    static List<AreaObservation> random(Random r, int n, String prefix) {
        List<AreaObservation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sub = "s" + r.nextInt(4);
            String reg = "r" + (sub.charAt(1) - '0') / 2;
            double pop = 1 + r.nextInt(10_000_000) + r.nextDouble();
            switch (r.nextInt(3)) {
                case 0 -> out.add(AreaObservation.withoutData(prefix + i, sub, reg, pop));
                case 1 -> out.add(AreaObservation.withValue(prefix + i, sub, reg, pop, r.nextDouble() * 10));
                default -> {
                    double b = r.nextDouble() * 10;
                    out.add(AreaObservation.withRange(prefix + i, sub, reg, pop,
                            Interval.of(b * r.nextDouble(), b, b * (1 + r.nextDouble()))));
                }
            }
        }
        return out;
    }

    @Test
    void combineIsAssociativeCommutativeAndEqualsStateOfUnion() {
        Random r = new Random(42);
        for (int rep = 0; rep < 30; rep++) {
            List<AreaObservation> a = random(r, r.nextInt(8), "a");
            List<AreaObservation> b = random(r, r.nextInt(8), "b");
            List<AreaObservation> c = random(r, r.nextInt(8), "c");
            AggregationState sa = AggregationState.of(a);
            AggregationState sb = AggregationState.of(b);
            AggregationState sc = AggregationState.of(c);
            assertEquals(sa.combine(sb).combine(sc), sa.combine(sb.combine(sc)), "associative");
            assertEquals(sa.combine(sb), sb.combine(sa), "commutative");
            List<AreaObservation> union = new ArrayList<>(a);
            union.addAll(b);
            assertEquals(AggregationState.of(union), sa.combine(sb), "of(a u b)");
            assertEquals(sa, sa.combine(AggregationState.empty()), "identity");
            AggregationRule rule = AggregationRule.withDefaults().withMinimumCoverage(0);
            assertEquals(AggregationState.of(union).finish(rule), sa.combine(sb).finish(rule));
        }
    }

    @Test
    void finishIsInvariantUnderPermutationAndPartitioning() {
        Random r = new Random(7);
        List<AreaObservation> in = random(r, 60, "x");
        AggregationRule rule = AggregationRule.withDefaults().withMinimumCoverage(0.2);
        List<Aggregate> ref = AggregationState.of(in).finish(rule);
        for (int rep = 0; rep < 10; rep++) {
            List<AreaObservation> shuffled = new ArrayList<>(in);
            Collections.shuffle(shuffled, r);
            int cut = r.nextInt(shuffled.size());
            AggregationState left = AggregationState.of(shuffled.subList(0, cut));
            AggregationState right = AggregationState.of(shuffled.subList(cut, shuffled.size()));
            assertEquals(ref, right.combine(left).finish(rule), "bit-identical result, rep " + rep);
        }
    }

    @Test
    void stateSurvivesJavaSerialization() throws Exception {
        AggregationState s = AggregationState.of(fixture());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(s, in.readObject());
        }
    }

    @Test
    void duplicateAreasFail() {
        AggregationState a = AggregationState.of(AreaObservation.withValue("x", "s", "r", 10, 1));
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> a.combine(AggregationState.of(AreaObservation.withValue("x", "t", "r", 10, 1))));
        assertTrue(e.getMessage().contains("'x' occurs more than once"), e.getMessage());
    }
}
