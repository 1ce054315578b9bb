package org.drugstats.core.catalog;

import java.util.Optional;
import java.util.regex.Pattern;

/** Formats of catalog identifiers and codes, shared by entries and indicator definitions. */
final class Identifiers {
    /** Lowercase dotted ids: {@code people_with_dud.global.2021}. */
    static final Pattern ID = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
    /** An SDG target ({@code 16.4}) or indicator ({@code 3.5.1}); targets may be lettered ({@code 3.a}). */
    static final Pattern SDG = Pattern.compile("[1-9][0-9]?\\.([1-9][0-9]?|[a-z])(\\.[1-9][0-9]?)?");

    private Identifiers() {
    }

    static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    static boolean isSdg(String s) {
        return s != null && SDG.matcher(s).matches();
    }

    /** True when the string has at least one non-whitespace character. */
    static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    static boolean hasText(Optional<String> s) {
        return s.isEmpty() || hasText(s.get());
    }
}
