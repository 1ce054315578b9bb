package org.drugstats.reports.pages;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.reports.model.ResultObservation;

/**
 * Footnote markers of the World Drug Report annex tables as they reach the report: the ingest keeps the letter
 * of a country's footnote ("Peru b", "Peru c": two methods for one country) in the row's method and the
 * footnote's text in its notes ("footnote b: Figures represent …"). A reader never sees the bare letter: a label
 * says what the footnote says ("Peru, net area after eradication"), and the full texts go in the caption.
 */
final class Footnotes {

    /** One or more footnote letters: "b", "b, c", "d,e,f". */
    private static final Pattern MARKER = Pattern.compile("[a-z](\\s*,\\s*[a-z])*");
    private static final Pattern NOTE = Pattern.compile("footnote ([a-z]): ([^;]+)");
    /** Longest label taken from a footnote's text before it is cut at a word. */
    private static final int MAX_LABEL = 48;

    private Footnotes() {
    }

    /** True when a method is a footnote marker rather than the name of a method. */
    static boolean isMarker(String method) {
        return method != null && MARKER.matcher(method.trim()).matches();
    }

    /** The text of footnote {@code letter} in a row's notes, if the notes give it. */
    static Optional<String> text(String letter, String notes) {
        if (letter == null || notes == null) {
            return Optional.empty();
        }
        Matcher m = NOTE.matcher(notes);
        while (m.find()) {
            if (m.group(1).equals(letter.trim())) {
                return Optional.of(m.group(2).trim());
            }
        }
        return Optional.empty();
    }

    /** The footnote text of a row's method marker (first row that gives it), else empty. */
    static Optional<String> text(String marker, List<ResultObservation> rows) {
        for (ResultObservation o : rows) {
            Optional<String> t = text(marker, o.notes());
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /**
     * A short label of what a method footnote says, for a legend or a table cell: the WDR's cultivation footnotes
     * on eradication ("Net area on 31 December, deducting fields eradicated …" → "net area after eradication";
     * "… as interpreted on satellite imagery (without deductions for subsequent eradication)" → "area on
     * satellite imagery, before eradication"), otherwise the footnote's first clause, cut at a word to about
     * {@value #MAX_LABEL} characters. Without a text: "footnote b" (never the bare letter).
     */
    static String label(String marker, Optional<String> text) {
        if (text.isEmpty()) {
            return "footnote " + marker.trim();
        }
        String t = text.get();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("net area") && lower.contains("eradicat")) {
            return "net area after eradication";
        }
        if (lower.contains("satellite imagery") && lower.contains("without deduction")) {
            return "area on satellite imagery, before eradication";
        }
        String first = t.split("[.;(]", 2)[0].trim();
        if (first.length() > MAX_LABEL) {
            int cut = first.lastIndexOf(' ', MAX_LABEL);
            first = first.substring(0, cut > 0 ? cut : MAX_LABEL) + "\u2026";
        }
        return first.isEmpty() ? "footnote " + marker.trim()
                : Character.toLowerCase(first.charAt(0)) + first.substring(1);
    }

    /** A method for display: a footnote marker becomes what its footnote says; a method name stays. */
    static String method(String method, String notes) {
        if (!isMarker(method)) {
            return method;
        }
        List<String> parts = new java.util.ArrayList<>();
        for (String letter : method.split(",")) {
            parts.add(label(letter.trim(), text(letter.trim(), notes)));
        }
        return String.join("; ", parts);
    }
}
