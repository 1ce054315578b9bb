package org.drugstats.core.geo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normal forms of area names as published.
 *
 * <ul>
 *   <li>{@link #clean}: Unicode NFKC (so a non-breaking space becomes a space and a superscript letter a
 *       letter), zero-width characters removed, every run of white space collapsed to one space, trimmed.
 *       This is the form reported back to users.</li>
 *   <li>{@link #key}: the clean form without diacritics, lower case, with typographic apostrophes as
 *       {@code '}, {@code &} as {@code and} and no spaces around {@code /}. Two names with the same key are
 *       treated as the same name ("Cote d'Ivoire" = "Côte d’Ivoire", "Trinidad &amp; Tobago" = "Trinidad and
 *       Tobago").</li>
 *   <li>{@link #splitFootnote}: a trailing footnote marker of a UNODC table: one or more single lower-case
 *       letters ({@code "Colombia a"}, {@code "Peru b, c"}), or asterisks ({@code "Canada*"}). The caller
 *       strips it only when the full name is unknown and the remainder is known, so names that really end in a
 *       single letter are safe.</li>
 * </ul>
 *
 * <p>Null or blank input gives the empty string.
 */
public final class NameNormaliser {

    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("[\\u2018\\u2019\\u201B\\u02BC\\u0060\\u00B4]");
    private static final Pattern DASHES = Pattern.compile("[\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212]");
    private static final Pattern SLASH = Pattern.compile("\\s*/\\s*");
    private static final Pattern LETTER_NOTE = Pattern.compile("^(.*?\\S)\\s+([a-z](?:\\s*,\\s*[a-z])*)$");
    private static final Pattern STAR_NOTE = Pattern.compile("^(.*\\S)\\s*(\\*+)$");

    private NameNormaliser() {
    }

    /** NFKC, no zero-width characters, white space collapsed, trimmed; never null. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        s = ZERO_WIDTH.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ");
        return s.strip();
    }

    /** The comparison key of a name (see the class description). */
    public static String key(String raw) {
        String s = clean(raw);
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = APOSTROPHES.matcher(s).replaceAll("'");
        s = DASHES.matcher(s).replaceAll("-");
        s = s.replace("&", " and ");
        s = SLASH.matcher(s).replaceAll("/");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        return s.toLowerCase(Locale.ROOT);
    }

    /** A name split into the part before a trailing footnote marker and the marker. */
    public record Footnoted(String name, String marker) {
    }

    /** The clean name without its trailing footnote marker, if it has one. */
    public static Optional<Footnoted> splitFootnote(String raw) {
        String s = clean(raw);
        Matcher m = LETTER_NOTE.matcher(s);
        if (m.matches()) {
            return Optional.of(new Footnoted(m.group(1), m.group(2).replace(" ", "")));
        }
        m = STAR_NOTE.matcher(s);
        if (m.matches()) {
            return Optional.of(new Footnoted(m.group(1), m.group(2)));
        }
        return Optional.empty();
    }
}
