package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.geo.NameNormaliser;

/**
 * A row label of a World Drug Report annex pivot table, taken apart by its content, not its position: the area
 * name, the qualifiers in parentheses ("Afghanistan (best estimate)", "TOTAL (best estimate, rounded)"), and
 * whether the row holds a bound of the row above ("lower bound a", "upper bound a", "Low", "High", "Min", "Max",
 * with the bound's footnote letters).
 *
 * @param raw the label as published
 * @param name the label without the qualifiers (footnote letters after the name are kept for the name matcher)
 * @param role what the row holds
 * @param qualifiers the qualifiers in lower case ("best estimate", "rounded"), in order
 * @param boundMarkers the footnote letters of a bound label ("a" in "lower bound a"), comma-joined, or null
 */
record AnnexLabel(String raw, String name, Role role, List<String> qualifiers, String boundMarkers) {

    /** What a labelled row holds. */
    enum Role {
        /** A value row: a country, a residual or a total. */
        VALUE,
        /** The lower bounds of the value row above. */
        LOWER,
        /** The upper bounds of the value row above. */
        UPPER
    }

    private static final Pattern QUALIFIER = Pattern.compile(
            "\\s*\\(((?:[^()]*\\b(?:estimate|rounded|preliminary|provisional|revised)\\b[^()]*))\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BOUND = Pattern.compile(
            "^(lower|low|min(?:imum)?|upper|high|max(?:imum)?)(?:\\s+(?:bound|limit|estimate|range))?"
                    + "(?:\\s+([a-z](?:\\s*,\\s*[a-z])*))?$", Pattern.CASE_INSENSITIVE);

    /** Takes a label apart. */
    static AnnexLabel parse(String raw) {
        String clean = NameNormaliser.clean(raw == null ? "" : raw);
        String key = NameNormaliser.key(clean);
        boolean lower = key.startsWith("lower") || key.startsWith("low ") || key.equals("low") || key.startsWith("min");
        boolean upper = key.startsWith("upper") || key.startsWith("high") || key.startsWith("max");
        if (lower || upper) {
            Matcher b = BOUND.matcher(clean);
            String markers = b.matches() && b.group(2) != null ? b.group(2).replace(" ", "") : null;
            return new AnnexLabel(raw, clean, lower ? Role.LOWER : Role.UPPER, List.of(), markers);
        }
        List<String> qualifiers = new ArrayList<>();
        Matcher q = QUALIFIER.matcher(clean);
        StringBuilder name = new StringBuilder();
        while (q.find()) {
            for (String part : q.group(1).split(",")) {
                if (!part.isBlank()) {
                    qualifiers.add(part.strip().toLowerCase(Locale.ROOT));
                }
            }
            q.appendReplacement(name, "");
        }
        q.appendTail(name);
        return new AnnexLabel(raw, NameNormaliser.clean(name.toString()), Role.VALUE, List.copyOf(qualifiers), null);
    }

    /** True when the label says the values are rounded ("TOTAL (best estimate, rounded)"). */
    boolean rounded() {
        return qualifiers.contains("rounded");
    }

    /** True when the label carries qualifiers in parentheses. */
    boolean qualified() {
        return !qualifiers.isEmpty();
    }

    /**
     * True when the name is written in capitals (" SOUTH-WEST ASIA", "OTHER"): with no value in the row, a region
     * header. At least three letters, all upper case, once footnote letters after the name are set aside.
     */
    boolean inCapitals() {
        String letters = NameNormaliser.splitFootnote(name).map(NameNormaliser.Footnoted::name).orElse(name)
                .replaceAll("[^\\p{L}]", "");
        return letters.length() >= 3 && letters.equals(letters.toUpperCase(Locale.ROOT));
    }
}
