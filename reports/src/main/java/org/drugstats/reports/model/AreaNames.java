package org.drugstats.reports.model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.M49Country;

/**
 * Display names of reference areas, in this order: core's {@link Geography} (M49 names of countries and areas,
 * names of M49 and UNODC regions and {@code WLD}; M49 groups marked "(M49)", since the report's regions are
 * UNODC's and both schemes have an "Americas"); else the names the data give (the most frequent published name
 * of each code, cleaned of footnote letters and stray spaces; "Total" rows name no area), which covers areas
 * outside M49 such as England ({@code GB-ENG}); else, for aggregate codes, a name read from the code
 * ({@code UNODC_AME_SOUTH} → "Ame south"). Unknown codes show as themselves, so a name is never invented.
 */
public final class AreaNames {

    private static final Map<String, String> KNOWN = Map.of("WLD", "World");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern FOOTNOTES = java.util.regex.Pattern.compile("(\\s[a-z](,[a-z])*)+$");
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("[*\u2020\u2021]+$");

    private final Map<String, String> names;
    private final Geography geography;

    private AreaNames(Map<String, String> names, Geography geography) {
        this.names = Map.copyOf(names);
        this.geography = geography;
    }

    /** Names from core's geography, then from the rows of a run. */
    public static AreaNames from(RunResults run, Geography geography) {
        return new AreaNames(fromData(run), java.util.Objects.requireNonNull(geography, "geography"));
    }

    /** Names from the rows of a run only (observations first, then aggregates and indicators, then Lorenz rows). */
    public static AreaNames from(RunResults run) {
        return new AreaNames(fromData(run), null);
    }

    private static Map<String, String> fromData(RunResults run) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (List<ResultObservation> rows : List.of(run.observations(), run.aggregates(), run.indicators())) {
            for (ResultObservation o : rows) {
                if (o.refArea() != null && o.areaName() != null) {
                    counts.computeIfAbsent(o.refArea(), k -> new HashMap<>()).merge(o.areaName(), 1, Integer::sum);
                }
            }
        }
        for (LorenzRow r : run.lorenz()) {
            if (r.area() != null && r.areaName() != null) {
                counts.computeIfAbsent(r.area(), k -> new HashMap<>()).merge(r.areaName(), 1, Integer::sum);
            }
        }
        Map<String, String> best = new HashMap<>();
        counts.forEach((code, raw) -> cleaned(raw).entrySet().stream()
                .filter(e -> !e.getKey().isEmpty())
                .max(java.util.Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
                .ifPresent(e -> best.put(code, e.getKey())));
        return best;
    }

    /** Counts per cleaned name (each distinct published name cleaned once), without total-row names. */
    private static Map<String, Integer> cleaned(Map<String, Integer> raw) {
        Map<String, Integer> out = new TreeMap<>();
        raw.forEach((name, n) -> {
            if (!isTotalRow(name)) {
                out.merge(clean(name), n, Integer::sum);
            }
        });
        return out;
    }

    /** True for the names of table total rows ("Total", "Sub-total", "World total"), which name no area. */
    static boolean isTotalRow(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.equals("total") || n.startsWith("total ") || n.startsWith("sub-total") || n.startsWith("subtotal")
                || n.endsWith(" total");
    }

    /** No names from data: codes only. */
    public static AreaNames none() {
        return new AreaNames(Map.of(), null);
    }

    /** The display name of a code. */
    public String name(String code) {
        if (code == null) {
            return "";
        }
        String n = KNOWN.get(code);
        if (n != null) {
            return n;
        }
        if (geography != null) {
            java.util.Optional<String> g = geography.country(code).map(M49Country::name)
                    .or(() -> geography.aggregate(code).map(a -> code.startsWith("M49_") ? a.name() + " (M49)"
                            : a.name()));
            if (g.isPresent()) {
                return g.get();
            }
        }
        n = names.get(code);
        if (n != null) {
            return n;
        }
        if (code.startsWith("UNODC_") || code.startsWith("M49_")) {
            String rest = code.substring(code.indexOf('_') + 1).replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        }
        return code;
    }

    /**
     * A published name without footnote markers and stray spaces: "  Colombia a" → "Colombia",
     * "United States of America " → "United States of America", "Peru b,c" → "Peru".
     */
    static String clean(String published) {
        String s = SPACES.matcher(published.replace('\u00a0', ' ').trim()).replaceAll(" ");
        s = FOOTNOTES.matcher(s).replaceAll("");
        return MARKS.matcher(s).replaceAll("").trim();
    }
}
