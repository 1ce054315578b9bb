package org.drugstats.core.stats.estimate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.drugstats.core.stats.uncertainty.Interval;

/**
 * The national 15–64 estimates of the WDR drugs, per country, drug and survey year, built from annex table 1.2
 * rows ({@link SurveyRow}) by the {@link AgeRule}s and the {@link WdrDrug} definitions. Immutable.
 *
 * <p>Steps, per country, annex drug and survey year: rows with an {@link AgeRule#EXCLUDED} age base are left out;
 * among the rest the first by {@link SurveyRow#PREFERENCE} is used (several rows of one key are alternative
 * estimates, never summed — e.g. Canada 2023 opioids publishes two records); it is converted to 15–64
 * ({@link AgeRule#factor}, the range scaled by the same factor); then the drug's definition picks or combines the
 * rows of the year ({@link DefinitionRule}).
 *
 * <p>Parts of countries: the United Kingdom is reported in annex 1.2 mostly by its parts; where the
 * {@code GBR} row is missing for a drug and year, the England and Wales survey ({@code GB-EAW}, the Crime Survey
 * for England and Wales, which holds most of the UK's population) stands for the United Kingdom (noted as
 * {@code proxy GB-EAW}). Other parts ({@code GB-ENG}, {@code GB-SCT}, {@code GB-NIR}) are not used, as they
 * overlap it.
 */
public final class NationalEstimates {
    /** Parts of a country whose survey stands for the country when the country has no row. */
    public static final Map<String, String> PROXIES = Map.of("GB-EAW", "GBR");

    private final Map<String, Map<WdrDrug, TreeMap<Integer, NationalEstimate>>> byCountry;
    private final Map<String, Long> counts;

    private NationalEstimates(Map<String, Map<WdrDrug, TreeMap<Integer, NationalEstimate>>> byCountry,
            Map<String, Long> counts) {
        this.byCountry = byCountry;
        this.counts = counts;
    }

    /**
     * Builds the estimates from annex rows (any order; rows of other drugs are ignored) and the populations the
     * age conversions need (of the survey year).
     */
    public static NationalEstimates of(Collection<SurveyRow> rows, PopulationTable population) {
        TreeMap<String, Long> counts = new TreeMap<>();
        // country -> annex drug -> year -> candidate rows (own rows first, then proxy rows)
        TreeMap<String, TreeMap<String, TreeMap<Integer, List<SurveyRow>>>> own = new TreeMap<>();
        TreeMap<String, TreeMap<String, TreeMap<Integer, List<SurveyRow>>>> proxy = new TreeMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>();
        for (WdrDrug d : WdrDrug.values()) {
            wanted.addAll(d.inputs());
        }
        for (SurveyRow r : rows) {
            if (!wanted.contains(r.drug())) {
                continue;
            }
            count(counts, "rows_read");
            if (AgeRule.of(r.age()) == AgeRule.EXCLUDED) {
                count(counts, "rows_excluded_age");
                continue;
            }
            String country = r.area();
            TreeMap<String, TreeMap<String, TreeMap<Integer, List<SurveyRow>>>> target = own;
            if (PROXIES.containsKey(r.area())) {
                country = PROXIES.get(r.area());
                target = proxy;
            } else if (r.area().length() != 3) {
                count(counts, "rows_subnational_not_used");
                continue;
            }
            target.computeIfAbsent(country, k -> new TreeMap<>()).computeIfAbsent(r.drug(), k -> new TreeMap<>())
                    .computeIfAbsent(r.surveyYear(), k -> new ArrayList<>()).add(r);
        }
        // a proxy row counts only where the country has no own row of that drug and year
        proxy.forEach((c, drugs) -> drugs.forEach((drug, years) -> years.forEach((y, list) -> {
            List<SurveyRow> mine = own.computeIfAbsent(c, k -> new TreeMap<>())
                    .computeIfAbsent(drug, k -> new TreeMap<>()).get(y);
            if (mine == null) {
                own.get(c).get(drug).put(y, list);
            } else {
                counts.merge("rows_proxy_not_needed", (long) list.size(), Long::sum);
            }
        })));
        Map<String, Map<WdrDrug, TreeMap<Integer, NationalEstimate>>> out = new TreeMap<>();
        for (var ce : own.entrySet()) {
            String iso3 = ce.getKey();
            // annex drug -> year -> converted row
            TreeMap<String, TreeMap<Integer, Converted>> chosen = new TreeMap<>();
            for (var de : ce.getValue().entrySet()) {
                for (var ye : de.getValue().entrySet()) {
                    List<SurveyRow> cands = new ArrayList<>(ye.getValue());
                    cands.sort(SurveyRow.PREFERENCE);
                    SurveyRow best = cands.get(0);
                    counts.merge("rows_alternative_not_used", (long) cands.size() - 1, Long::sum);
                    Optional<Converted> conv = convert(iso3, best, population, counts);
                    conv.ifPresent(c -> chosen.computeIfAbsent(de.getKey(), k -> new TreeMap<>()).put(ye.getKey(), c));
                }
            }
            Map<WdrDrug, TreeMap<Integer, NationalEstimate>> perDrug = new EnumMap<>(WdrDrug.class);
            for (WdrDrug d : WdrDrug.values()) {
                TreeMap<Integer, NationalEstimate> years = define(iso3, d, chosen);
                if (!years.isEmpty()) {
                    perDrug.put(d, years);
                    for (NationalEstimate e : years.values()) {
                        count(counts, "estimates_age_" + e.ageRule().code());
                        count(counts, "estimates_definition_" + e.definition().code());
                    }
                }
            }
            if (!perDrug.isEmpty()) {
                out.put(iso3, perDrug);
            }
        }
        return new NationalEstimates(out, counts);
    }

    /** A row converted to 15–64. */
    private record Converted(SurveyRow row, Interval percent, AgeRule rule, double factor, boolean hasRange) {
        String describe() {
            String s = row.drug() + " " + row.timePeriod() + " age " + row.age() + " " + rule.code();
            if (rule == AgeRule.CONVERTED) {
                s += String.format(Locale.ROOT, " x%.4f", factor);
            }
            if (PROXIES.containsKey(row.area())) {
                s += " proxy " + row.area();
            }
            return s;
        }
    }

    private static Optional<Converted> convert(String iso3, SurveyRow r, PopulationTable population,
            Map<String, Long> counts) {
        AgeRule rule = AgeRule.of(r.age());
        double factor = 1.0;
        if (rule == AgeRule.CONVERTED) {
            Optional<AgePopulation> p = population.get(iso3, r.surveyYear());
            if (p.isEmpty()) {
                count(counts, "rows_no_population_for_conversion");
                return Optional.empty();
            }
            factor = AgeRule.factor(r.age(), p.get());
        }
        double best = Math.min(100, r.value() * factor);
        Interval iv;
        if (r.hasRange()) {
            double lo = Math.min(r.lower() * factor, best);
            double hi = Math.min(100, Math.max(r.upper() * factor, best));
            iv = Interval.of(lo, best, hi);
        } else {
            iv = Interval.exact(best);
        }
        return Optional.of(new Converted(r, iv, rule, factor, r.hasRange()));
    }

    private static TreeMap<Integer, NationalEstimate> define(String iso3, WdrDrug d,
            TreeMap<String, TreeMap<Integer, Converted>> chosen) {
        TreeMap<Integer, NationalEstimate> out = new TreeMap<>();
        if (d.components().isEmpty()) {
            chosen.getOrDefault(d.code(), new TreeMap<>()).forEach((y, c) -> out.put(y,
                    new NationalEstimate(iso3, d, y, c.percent(), c.rule(), DefinitionRule.OWN_ROW, c.describe())));
            return out;
        }
        TreeMap<Integer, Converted> group = d.groupRow().map(g -> chosen.getOrDefault(g, new TreeMap<>()))
                .orElse(new TreeMap<>());
        TreeMap<Integer, Converted> a = chosen.getOrDefault(d.components().get(0), new TreeMap<>());
        TreeMap<Integer, Converted> b = chosen.getOrDefault(d.components().get(1), new TreeMap<>());
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>(group.keySet());
        years.addAll(a.keySet());
        years.addAll(b.keySet());
        for (int y : years) {
            Converted g = group.get(y);
            Converted ca = a.get(y);
            Converted cb = b.get(y);
            if (g != null) {
                out.put(y, new NationalEstimate(iso3, d, y, g.percent(), g.rule(), DefinitionRule.GROUP_ROW,
                        g.describe()));
            } else if (ca != null && cb != null) {
                AgeRule rule = ca.rule().ordinal() >= cb.rule().ordinal() ? ca.rule() : cb.rule();
                out.put(y, new NationalEstimate(iso3, d, y, DefinitionRule.union(ca.percent(), cb.percent()), rule,
                        DefinitionRule.UNION, ca.describe() + " + " + cb.describe()));
            } else {
                Converted only = ca != null ? ca : cb;
                out.put(y, new NationalEstimate(iso3, d, y, only.percent(), only.rule(), DefinitionRule.COMPONENT_ONLY,
                        only.describe()));
            }
        }
        return out;
    }

    private static void count(Map<String, Long> counts, String key) {
        counts.merge(key, 1L, Long::sum);
    }

    /**
     * The latest estimate of a country and drug with survey year in [year − window, year], if any.
     */
    public Optional<NationalEstimate> latest(String iso3, WdrDrug drug, int year, int window) {
        Map<WdrDrug, TreeMap<Integer, NationalEstimate>> perDrug = byCountry.get(iso3);
        if (perDrug == null || !perDrug.containsKey(drug)) {
            return Optional.empty();
        }
        Map.Entry<Integer, NationalEstimate> e = perDrug.get(drug).floorEntry(year);
        if (e == null || e.getKey() < year - window) {
            return Optional.empty();
        }
        return Optional.of(e.getValue());
    }

    /** Every estimate, by country (ISO3 order), drug and year. */
    public List<NationalEstimate> all() {
        List<NationalEstimate> all = new ArrayList<>();
        byCountry.values().forEach(m -> m.values().forEach(t -> all.addAll(t.values())));
        return all;
    }

    /**
     * Row accounting and rule counts: {@code rows_read} (annex rows of the drugs used), {@code rows_excluded_age},
     * {@code rows_subnational_not_used}, {@code rows_proxy_not_needed}, {@code rows_alternative_not_used},
     * {@code rows_no_population_for_conversion}, {@code estimates_age_<rule>}, {@code estimates_definition_<rule>}.
     */
    public Map<String, Long> counts() {
        return java.util.Collections.unmodifiableMap(counts);
    }
}
