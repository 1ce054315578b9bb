package org.drugstats.core.stats.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.drugstats.core.geo.UnodcAssignment;
import org.drugstats.core.stats.uncertainty.BoundMethod;
import org.drugstats.core.stats.uncertainty.Interval;
import org.drugstats.core.stats.uncertainty.RangePropagation;

/**
 * World, regional, sub-regional and country estimates of drug use for every target year, as the World Drug Report
 * describes its method (UNODC, World Drug Report 2025, Methodology; see the package comment).
 *
 * <p>For each drug and target year Y:
 * <ol>
 *   <li>Each member country with a population aged 15–64 in Y (UN WPP) takes its latest national estimate with
 *       survey year in [Y − W, Y] ({@link NationalEstimates#latest}); one from before Y is <em>carried</em>
 *       (method {@code national-carried}, {@code ISO3:year} in {@code carried_areas}).</li>
 *   <li>A country without one is <em>imputed</em> ({@link ImputationSource}) from its sub-region's countries with
 *       data, else its region's, else the world's (method {@code imputed-subregion}, {@code imputed-region},
 *       {@code imputed-world}).</li>
 *   <li>People who use the drug in a country = prevalence/100 × P(Y), P the population aged 15–64 of Y (the
 *       population is taken as exact). A sub-region's people is the sum over its countries, its prevalence
 *       people/ΣP × 100; a region's is the sum over its sub-regions; the world's the sum over the regions
 *       (method {@code sum-of-countries}, {@code sum-of-subregions}, {@code sum-of-regions}).</li>
 *   <li>Coverage = Σ P of countries with a national estimate / Σ P. Every aggregate is produced, whatever its
 *       coverage; below {@link EstimationSettings#minCoverage()} it is not a headline ({@code headline} false and
 *       the reason in the notes).</li>
 *   <li>Ranges: {@link BoundMethod#CONSERVATIVE} — the lows and highs are summed like the best values (perfect
 *       correlation); or {@link BoundMethod#MONTE_CARLO} through core's {@link RangePropagation}, every country
 *       with data and every imputation source drawn once per replicate (see {@link EstimationSettings}).</li>
 *   <li>A sub-region whose countries with data are one country holding less than
 *       {@link EstimationSettings#smallCountryShare()} of its population is flagged ({@code rests on one small
 *       country}); its region and the world name it.</li>
 * </ol>
 * A country with a national estimate but no population of the year (Kosovo: UN WPP counts it within Serbia) is
 * left out and named in the notes of its sub-region, region and the world.
 * The result does not depend on the order of the inputs: every collection is keyed and sorted by code.
 */
public final class WdrEstimator {
    private final EstimationSettings settings;

    private WdrEstimator(EstimationSettings settings) {
        this.settings = settings;
    }

    /** An estimator with the given settings. */
    public static WdrEstimator of(EstimationSettings settings) {
        return new WdrEstimator(Objects.requireNonNull(settings, "settings"));
    }

    /** The settings. */
    public EstimationSettings settings() {
        return settings;
    }

    /** A member country in a year. */
    private record Member(UnodcAssignment geo, double population, Optional<NationalEstimate> estimate) {
        String iso3() {
            return geo.iso3();
        }
    }

    /** A country's contribution: population, prevalence range, and the key of its draw. */
    private record Contribution(String iso3, double population, Interval percent, String drawKey) {
    }

    /**
     * Every estimate of every drug and target year: country rows first, then sub-regions, regions and the world.
     *
     * @param estimates the national estimates
     * @param population populations of the target years
     * @param membership UNODC membership of the countries (the WDR grouping)
     * @param names names of countries by ISO3 and of aggregates by code (the code is used when absent)
     */
    public List<AreaEstimate> estimate(NationalEstimates estimates, PopulationTable population,
            List<UnodcAssignment> membership, Map<String, String> names) {
        TreeMap<String, UnodcAssignment> geo = new TreeMap<>();
        for (UnodcAssignment a : membership) {
            geo.put(a.iso3(), a);
        }
        List<AreaEstimate> out = new ArrayList<>();
        for (WdrDrug drug : WdrDrug.values()) {
            for (int y = settings.firstYear(); y <= settings.lastYear(); y++) {
                out.addAll(estimateYear(drug, y, estimates, population, geo, names));
            }
        }
        return out;
    }

    private List<AreaEstimate> estimateYear(WdrDrug drug, int y, NationalEstimates estimates,
            PopulationTable population, TreeMap<String, UnodcAssignment> geo, Map<String, String> names) {
        List<Member> members = new ArrayList<>();
        List<UnodcAssignment> noPopulation = new ArrayList<>();
        for (UnodcAssignment a : geo.values()) {
            double p = population.aged15to64(a.iso3(), y);
            Optional<NationalEstimate> e = estimates.latest(a.iso3(), drug, y, settings.window());
            if (p > 0) {
                members.add(new Member(a, p, e));
            } else if (e.isPresent()) {
                noPopulation.add(a);
            }
        }
        Optional<ImputationSource> world = source(EstimateLevel.WORLD, "WLD", members, m -> true);
        TreeMap<String, Optional<ImputationSource>> regions = new TreeMap<>();
        TreeMap<String, Optional<ImputationSource>> subregions = new TreeMap<>();
        for (Member m : members) {
            regions.computeIfAbsent(m.geo().regionCode(), c -> source(EstimateLevel.REGION, c, members,
                    x -> x.geo().regionCode().equals(c)));
            subregions.computeIfAbsent(m.geo().subregionCode(), c -> source(EstimateLevel.SUBREGION, c, members,
                    x -> x.geo().subregionCode().equals(c)));
        }
        List<AreaEstimate> rows = new ArrayList<>();
        TreeMap<String, Contribution> contributions = new TreeMap<>();
        TreeMap<String, ImputationSource> usedSources = new TreeMap<>();
        for (Member m : members) {
            String name = names.getOrDefault(m.iso3(), m.iso3());
            if (m.estimate().isPresent()) {
                NationalEstimate e = m.estimate().get();
                boolean carried = e.surveyYear() < y;
                contributions.put(m.iso3(), new Contribution(m.iso3(), m.population(), e.percent(), m.iso3()));
                String notes = "survey " + e.surveyYear() + "; age " + e.ageRule().code() + "; definition "
                        + e.definition().code() + "; " + e.detail();
                rows.add(new AreaEstimate(EstimateLevel.COUNTRY, m.iso3(), name, y, drug, e.percent(),
                        e.percent().scale(m.population() / 100), m.population(), 1.0, 1, 1, List.of(),
                        carried ? List.of(m.iso3() + ":" + e.surveyYear()) : List.of(),
                        carried ? "national-carried" : "national", true, notes));
                continue;
            }
            Optional<ImputationSource> src = subregions.get(m.geo().subregionCode());
            if (src.isEmpty()) {
                src = regions.get(m.geo().regionCode());
            }
            if (src.isEmpty()) {
                src = world;
            }
            if (src.isEmpty()) {
                continue; // no country has data for this drug and year anywhere: nothing to impute from
            }
            ImputationSource s = src.get();
            usedSources.put(s.code(), s);
            contributions.put(m.iso3(), new Contribution(m.iso3(), m.population(), s.percent(), "imputed:" + s.code()));
            rows.add(new AreaEstimate(EstimateLevel.COUNTRY, m.iso3(), name, y, drug, s.percent(),
                    s.percent().scale(m.population() / 100), m.population(), 0.0, 1, 0, List.of(m.iso3()), List.of(),
                    s.method(), false, String.format(Locale.ROOT, "imputed from %s (%s, %d countries with data)",
                            s.code(), names.getOrDefault(s.code(), s.code()), s.nCountries())));
        }
        if (contributions.isEmpty()) {
            return rows;
        }
        // sub-regions
        TreeMap<String, List<Member>> bySub = new TreeMap<>();
        TreeMap<String, List<Member>> byRegion = new TreeMap<>();
        for (Member m : members) {
            bySub.computeIfAbsent(m.geo().subregionCode(), k -> new ArrayList<>()).add(m);
            byRegion.computeIfAbsent(m.geo().regionCode(), k -> new ArrayList<>()).add(m);
        }
        TreeMap<String, String> flagged = new TreeMap<>();
        for (var e : bySub.entrySet()) {
            List<Member> ms = e.getValue();
            List<String> notes = new ArrayList<>();
            String code = e.getKey();
            leftOut(noPopulation, a -> a.subregionCode().equals(code)).ifPresent(notes::add);
            String flag = smallCountryFlag(ms);
            if (flag != null) {
                flagged.put(e.getKey(), flag);
                notes.add("rests on one small country: " + flag);
            }
            rows.add(aggregate(EstimateLevel.SUBREGION, e.getKey(), names, y, drug, ms, contributions, usedSources,
                    "sum-of-countries", notes));
        }
        for (var e : byRegion.entrySet()) {
            List<String> notes = new ArrayList<>();
            List<String> f = flagged.entrySet().stream().filter(x -> bySub.get(x.getKey()).get(0).geo().regionCode()
                    .equals(e.getKey())).map(x -> x.getKey() + " (" + x.getValue() + ")").toList();
            if (!f.isEmpty()) {
                notes.add("sub-regions resting on one small country: " + String.join(", ", f));
            }
            String code = e.getKey();
            leftOut(noPopulation, a -> a.regionCode().equals(code)).ifPresent(notes::add);
            rows.add(aggregate(EstimateLevel.REGION, e.getKey(), names, y, drug, e.getValue(), contributions,
                    usedSources, "sum-of-subregions", notes));
        }
        List<String> notes = new ArrayList<>();
        if (!flagged.isEmpty()) {
            notes.add("sub-regions resting on one small country: " + String.join(", ", flagged.keySet()));
        }
        leftOut(noPopulation, a -> true).ifPresent(notes::add);
        rows.add(aggregate(EstimateLevel.WORLD, "WLD", names, y, drug, members, contributions, usedSources,
                "sum-of-regions", notes));
        return rows;
    }

    /** The note naming countries with a national estimate but no population of the year (left out). */
    private static Optional<String> leftOut(List<UnodcAssignment> noPopulation, Predicate<UnodcAssignment> in) {
        List<String> codes = noPopulation.stream().filter(in).map(UnodcAssignment::iso3).sorted().toList();
        return codes.isEmpty() ? Optional.empty()
                : Optional.of("national estimate without a population aged 15-64 of the year, left out: "
                        + String.join(", ", codes));
    }

    private Optional<ImputationSource> source(EstimateLevel level, String code, List<Member> members,
            Predicate<Member> in) {
        List<Interval> values = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (Member m : members) {
            if (in.test(m) && m.estimate().isPresent()) {
                values.add(m.estimate().get().percent());
                w.add(m.population());
            }
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ImputationSource.of(level, code, values, w.stream().mapToDouble(Double::doubleValue)
                .toArray(), settings.lowQuantile(), settings.highQuantile()));
    }

    private String smallCountryFlag(List<Member> ms) {
        double total = 0;
        List<Member> withData = new ArrayList<>();
        for (Member m : ms) {
            total += m.population();
            if (m.estimate().isPresent()) {
                withData.add(m);
            }
        }
        if (withData.size() != 1) {
            return null;
        }
        double share = withData.get(0).population() / total;
        if (share >= settings.smallCountryShare()) {
            return null;
        }
        return String.format(Locale.ROOT, "%s, %.1f%% of the population aged 15-64", withData.get(0).iso3(),
                100 * share);
    }

    private AreaEstimate aggregate(EstimateLevel level, String code, Map<String, String> names, int y, WdrDrug drug,
            List<Member> ms, Map<String, Contribution> contributions, Map<String, ImputationSource> sources,
            String method, List<String> notes) {
        double pop = 0;
        double covered = 0;
        int withData = 0;
        TreeSet<String> imputed = new TreeSet<>();
        TreeSet<String> carried = new TreeSet<>();
        TreeSet<String> usedSources = new TreeSet<>();
        List<Contribution> cs = new ArrayList<>();
        for (Member m : ms) {
            Contribution c = contributions.get(m.iso3());
            if (c == null) {
                continue;
            }
            cs.add(c);
            pop += m.population();
            if (m.estimate().isPresent()) {
                covered += m.population();
                withData++;
                if (m.estimate().get().surveyYear() < y) {
                    carried.add(m.iso3() + ":" + m.estimate().get().surveyYear());
                }
            } else {
                imputed.add(m.iso3());
                usedSources.add(c.drawKey().substring("imputed:".length()));
            }
        }
        Interval persons = persons(cs, code, drug, y);
        Interval percent = persons.scale(100 / pop);
        double coverage = covered / pop;
        boolean headline = coverage >= settings.minCoverage();
        List<String> all = new ArrayList<>();
        all.add(headline ? String.format(Locale.ROOT, "headline: coverage %.2f >= %.2f", coverage,
                settings.minCoverage())
                : String.format(Locale.ROOT, "not a headline: coverage %.2f below the minimum %.2f", coverage,
                        settings.minCoverage()));
        if (!usedSources.isEmpty()) {
            all.add("imputed from " + String.join(", ", usedSources));
        }
        all.add("bounds " + (settings.bounds() == BoundMethod.CONSERVATIVE ? "conservative (sum of lows and highs)"
                : "monte-carlo P2.5-P97.5 of " + settings.draws() + " draws, seed " + settings.seed()));
        all.addAll(notes);
        return new AreaEstimate(level, code, names.getOrDefault(code, code), y, drug, percent, persons, pop, coverage,
                cs.size(), withData, List.copyOf(imputed), List.copyOf(carried), method, headline,
                String.join("; ", all));
    }

    /** People who use the drug among the contributions: conservative sums or Monte Carlo. */
    private Interval persons(List<Contribution> cs, String code, WdrDrug drug, int y) {
        double lo = 0;
        double be = 0;
        double hi = 0;
        TreeMap<String, double[]> draws = new TreeMap<>(); // draw key -> {weight}
        TreeMap<String, Interval> ranges = new TreeMap<>();
        for (Contribution c : cs) {
            double w = c.population() / 100;
            lo += c.percent().low() * w;
            be += c.percent().best() * w;
            hi += c.percent().high() * w;
            draws.computeIfAbsent(c.drawKey(), k -> new double[1])[0] += w;
            ranges.put(c.drawKey(), c.percent());
        }
        if (settings.bounds() == BoundMethod.CONSERVATIVE) {
            return Interval.of(Math.min(lo, be), be, Math.max(hi, be));
        }
        List<Interval> inputs = new ArrayList<>(ranges.values());
        double[] weights = draws.values().stream().mapToDouble(a -> a[0]).toArray();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed(code, drug, y));
        var mc = RangePropagation.withDefaults().withMethod(BoundMethod.MONTE_CARLO).withDraws(settings.draws())
                .simulate(inputs, x -> {
                    double s = 0;
                    for (int i = 0; i < x.length; i++) {
                        s += weights[i] * x[i];
                    }
                    return s;
                }, rng);
        return Interval.of(Math.min(mc.lower(), be), be, Math.max(mc.upper(), be));
    }

    /** The seed of one area, drug and year: the run's seed mixed with a stable hash of the key. */
    long seed(String code, WdrDrug drug, int y) {
        long h = 1125899906842597L;
        for (char ch : (code + "|" + drug.code() + "|" + y).toCharArray()) {
            h = 31 * h + ch;
        }
        return settings.seed() ^ (h * 0x9E3779B97F4A7C15L);
    }
}
