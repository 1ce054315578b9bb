package org.drugstats.core.stats.standardization;

import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.DrugstatsException;

/**
 * A standard population: five-year age groups with weights that sum to one.
 *
 * <p>{@link #whoWorld2000to2025()} is the WHO world standard (Ahmad OB, Boschi-Pinto C, Lopez AD, Murray CJL,
 * Lozano R, Inoue M. <i>Age standardization of rates: a new WHO standard</i>. GPE Discussion Paper Series
 * No. 31. Geneva: WHO, 2001, Table 4), whose published percentages sum to 100.03; they are normalised here.
 * {@link #restrict(int, int)} keeps the groups inside an age range and renormalises, e.g. 15–64 for the
 * population base of drug use indicators.
 *
 * @param groups the age groups, in order
 */
public record StandardPopulation(List<AgeGroup> groups) {

    /** An age group {@code [from, to]} in whole years ({@code to} = {@link Integer#MAX_VALUE} for open-ended) and its weight. */
    public record AgeGroup(int from, int to, double weight) {
        /** Label as published: {@code 15-19}, {@code 85+}. */
        public String label() {
            return to == Integer.MAX_VALUE ? from + "+" : from + "-" + to;
        }
    }

    private static final double[] WHO_PERCENT = {8.86, 8.69, 8.60, 8.47, 8.22, 7.93, 7.61, 7.15, 6.59, 6.04, 5.37,
        4.55, 3.72, 2.96, 2.21, 1.52, 0.91, 0.63};

    public StandardPopulation {
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new DrugstatsException("standard population: no age groups");
        }
        double sum = 0;
        for (AgeGroup g : groups) {
            if (!(g.weight() > 0)) {
                throw DrugstatsException.of("standard population: weight of age group %s is %s; expected > 0",
                        g.label(), g.weight());
            }
            sum += g.weight();
        }
        if (Math.abs(sum - 1) > 1e-12) {
            throw DrugstatsException.of("standard population: weights sum to %s; expected 1", sum);
        }
    }

    /** Weights normalised from any positive numbers (percentages, counts) for the given groups. */
    public static StandardPopulation of(int[] from, int[] to, double[] weights) {
        if (from.length != weights.length || to.length != weights.length) {
            throw new DrugstatsException("standard population: from, to and weights differ in length");
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        List<AgeGroup> g = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            g.add(new AgeGroup(from[i], to[i], weights[i] / sum));
        }
        return new StandardPopulation(g);
    }

    /** The WHO world standard population 2000–2025: 0–4, 5–9, …, 80–84, 85+ (normalised). */
    public static StandardPopulation whoWorld2000to2025() {
        int n = WHO_PERCENT.length;
        int[] from = new int[n];
        int[] to = new int[n];
        for (int i = 0; i < n; i++) {
            from[i] = 5 * i;
            to[i] = i == n - 1 ? Integer.MAX_VALUE : 5 * i + 4;
        }
        return of(from, to, WHO_PERCENT);
    }

    /**
     * The groups that lie wholly inside {@code [fromAge, toAge]}, renormalised. The range must be covered
     * exactly by whole groups (15–64 is; 12–64 is not).
     */
    public StandardPopulation restrict(int fromAge, int toAge) {
        List<AgeGroup> kept = groups.stream().filter(g -> g.from() >= fromAge && g.to() <= toAge).toList();
        if (kept.isEmpty() || kept.get(0).from() != fromAge || kept.get(kept.size() - 1).to() != toAge) {
            throw DrugstatsException.of("standard population: ages %d-%d are not a union of its age groups %s",
                    fromAge, toAge, groups.stream().map(AgeGroup::label).toList());
        }
        double[] w = kept.stream().mapToDouble(AgeGroup::weight).toArray();
        return of(kept.stream().mapToInt(AgeGroup::from).toArray(), kept.stream().mapToInt(AgeGroup::to).toArray(), w);
    }

    /** Weights in group order. */
    public double[] weights() {
        return groups.stream().mapToDouble(AgeGroup::weight).toArray();
    }

    /** Number of groups. */
    public int size() {
        return groups.size();
    }
}
