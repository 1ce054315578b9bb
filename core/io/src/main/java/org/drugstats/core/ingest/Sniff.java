package org.drugstats.core.ingest;

import java.util.Objects;

/**
 * What a kind says about a file it is asked to recognise ({@code drugstats ingest --source auto}): whether the
 * content has the kind's shape, how specific the evidence is, and why.
 *
 * @param kind the kind's name
 * @param matches true when the file has the kind's shape
 * @param strength how specific the evidence is when it matches (1 = the shape check passed; higher = markers
 *     only this kind's tables carry, e.g. a title naming the table); 0 when it does not match
 * @param why one line: the evidence, or what was expected and found
 */
public record Sniff(String kind, boolean matches, int strength, String why) {

    public Sniff {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(why, "why");
    }

    /** A match. */
    public static Sniff match(String kind, int strength, String why) {
        return new Sniff(kind, true, strength, why);
    }

    /** No match. */
    public static Sniff noMatch(String kind, String why) {
        return new Sniff(kind, false, 0, why);
    }
}
