package org.drugstats.core.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Unit;

/**
 * Recomputes figures that follow from catalog entries, so that published statements can be checked
 * against each other: e.g. "39.5 million in 2021, a 45 per cent increase over the decade" implies
 * 39.5 / 1.45 = 27.2 million in 2011; "1 in 5 in treatment" is coverage 100 / 5 = 20% and gap 80%.
 *
 * <p>Formulas (values in base units, i.e. with the unit multiplier applied):
 * <ul>
 *   <li>value before a change: V1 = V2 / (1 + p/100) for a percent change p, V1 = V2 / r for a ratio r;</li>
 *   <li>percent change 100·(V2 − V1)/V1; ratio V2/V1; difference V2 − V1;</li>
 *   <li>share as percent: p for percent, 100·f for a fraction, 100/N for "1 in N"; complement 100 − p;</li>
 *   <li>part of a total: T·p/100; prevalence 100·count/population; implied population count/(p/100).</li>
 * </ul>
 *
 * <p>Relations that combine two entries refuse, under the default {@link EditionPolicy#SAME_EDITION},
 * entries from different World Drug Report editions, and check that the entries refer to the same
 * indicator and year where that matters. Errors are {@link DrugstatsException}s naming the entries.
 */
public final class CatalogRelations {
    private final Catalog catalog;
    private final EditionPolicy policy;

    private CatalogRelations(Catalog catalog, EditionPolicy policy) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Relations over {@code catalog} that refuse to chain editions. */
    public static CatalogRelations of(Catalog catalog) {
        return new CatalogRelations(catalog, EditionPolicy.SAME_EDITION);
    }

    /** A copy with another edition policy. */
    public CatalogRelations withEditionPolicy(EditionPolicy editionPolicy) {
        return new CatalogRelations(catalog, editionPolicy);
    }

    /** The edition policy in force. */
    public EditionPolicy editionPolicy() {
        return policy;
    }

    /**
     * The value at the start of a change's period, from the value at its end: V1 = V2 / (1 + p/100) for a
     * percent change, V2 / r for a ratio. The level's year must be the last year of the change's period.
     */
    public Derived valueBeforeChange(String levelId, String changeId) {
        CatalogEntry level = catalog.requireEntry(levelId);
        CatalogEntry change = catalog.requireEntry(changeId);
        requireChange(change);
        requireSameIndicator(level, change);
        OptionalInt end = change.lastYear();
        if (level.year().isEmpty() || level.isPeriod() || end.isEmpty() || level.lastYear().getAsInt() != end.getAsInt()) {
            throw DrugstatsException.of("entry '%s' (year %s) is not at the end of the period %s of change '%s'",
                    level.id(), level.year().orElse("not stated"), change.year().orElse("not stated"), change.id());
        }
        Set<String> eds = editions("value before change", level, change);
        double v2 = level.scaledValue();
        if (change.unit() == Unit.PERCENT_CHANGE) {
            double factor = 1 + change.value() / 100;
            if (!(factor > 0)) {
                throw DrugstatsException.of("change '%s' of %s%% leaves nothing to divide by", change.id(),
                        Numbers.plain(change.value()));
            }
            return new Derived(level.id() + " / (1 + " + change.id() + " / 100)", v2 / factor, level.unit(),
                    List.of(level.id(), change.id()), eds);
        }
        if (!(change.value() > 0)) {
            throw DrugstatsException.of("ratio '%s' is %s; a ratio must be > 0 to divide by", change.id(),
                    Numbers.plain(change.value()));
        }
        return new Derived(level.id() + " / " + change.id(), v2 / change.value(), level.unit(),
                List.of(level.id(), change.id()), eds);
    }

    /** Percent change from one entry to another: 100·(V2 − V1)/V1, in unit percent-change. */
    public Derived percentChange(String fromId, String toId) {
        CatalogEntry from = catalog.requireEntry(fromId);
        CatalogEntry to = catalog.requireEntry(toId);
        requireSameUnit(from, to);
        requireNonZero(from);
        Set<String> eds = editions("percent change", from, to);
        double v = 100 * (to.scaledValue() - from.scaledValue()) / from.scaledValue();
        return new Derived("100 * (" + to.id() + " - " + from.id() + ") / " + from.id(), v, Unit.PERCENT_CHANGE,
                List.of(from.id(), to.id()), eds);
    }

    /** Ratio of two entries in the same unit: V_numerator / V_denominator, in unit ratio. */
    public Derived ratio(String numeratorId, String denominatorId) {
        CatalogEntry num = catalog.requireEntry(numeratorId);
        CatalogEntry den = catalog.requireEntry(denominatorId);
        requireSameUnit(num, den);
        requireNonZero(den);
        Set<String> eds = editions("ratio", num, den);
        return new Derived(num.id() + " / " + den.id(), num.scaledValue() / den.scaledValue(), Unit.RATIO,
                List.of(num.id(), den.id()), eds);
    }

    /** Difference of two entries in the same unit: V_a − V_b, in that unit. */
    public Derived difference(String aId, String bId) {
        CatalogEntry a = catalog.requireEntry(aId);
        CatalogEntry b = catalog.requireEntry(bId);
        requireSameUnit(a, b);
        Set<String> eds = editions("difference", a, b);
        return new Derived(a.id() + " - " + b.id(), a.scaledValue() - b.scaledValue(), a.unit(),
                List.of(a.id(), b.id()), eds);
    }

    /** A share entry as a percent: p, 100·f or 100/N. For a "1 in N in treatment" entry this is the coverage. */
    public Derived asPercent(String shareId) {
        CatalogEntry s = catalog.requireEntry(shareId);
        return new Derived(percentFormula(s), percentOf(s), Unit.PERCENT, List.of(s.id()), editionsOf(s));
    }

    /** 100 minus a share in percent. For a "1 in N in treatment" entry this is the treatment gap. */
    public Derived complement(String shareId) {
        CatalogEntry s = catalog.requireEntry(shareId);
        return new Derived("100 - " + percentFormula(s), 100 - percentOf(s), Unit.PERCENT, List.of(s.id()),
                editionsOf(s));
    }

    /** The part of a total that a share describes: T · p / 100, in the total's unit. Years must agree. */
    public Derived partOf(String totalId, String shareId) {
        CatalogEntry total = catalog.requireEntry(totalId);
        CatalogEntry share = catalog.requireEntry(shareId);
        requireSameYear(total, share);
        Set<String> eds = editions("part of a total", total, share);
        double p = percentOf(share);
        return new Derived(total.id() + " * " + percentFormula(share) + " / 100", total.scaledValue() * p / 100,
                total.unit(), List.of(total.id(), share.id()), eds);
    }

    /** Prevalence in percent of a count entry in a population from outside the catalog: 100·count/population. */
    public Derived prevalence(String countId, double population) {
        CatalogEntry count = catalog.requireEntry(countId);
        if (!(population > 0) || Double.isInfinite(population)) {
            throw DrugstatsException.of("population for the prevalence of '%s' must be finite and > 0, got %s",
                    count.id(), population);
        }
        requireAmount(count);
        return new Derived("100 * " + count.id() + " / " + Numbers.plain(population),
                100 * count.scaledValue() / population, Unit.PERCENT, List.of(count.id()), editionsOf(count));
    }

    /** The population a count and a prevalence imply: count / (p/100), in persons. Years must agree. */
    public Derived impliedPopulation(String countId, String prevalenceId) {
        CatalogEntry count = catalog.requireEntry(countId);
        CatalogEntry prev = catalog.requireEntry(prevalenceId);
        requireAmount(count);
        requireSameYear(count, prev);
        Set<String> eds = editions("implied population", count, prev);
        double p = percentOf(prev);
        if (!(p > 0)) {
            throw DrugstatsException.of("prevalence '%s' is %s%%; the implied population needs a share > 0",
                    prev.id(), Numbers.plain(p));
        }
        return new Derived(count.id() + " / (" + percentFormula(prev) + " / 100)", count.scaledValue() / (p / 100),
                Unit.PERSONS, List.of(count.id(), prev.id()), eds);
    }

    /** The N of "1 in N" for a coverage in percent: 100 / percent (unrounded; publications round it). */
    public static double oneInN(double percent) {
        if (!(percent > 0) || percent > 100) {
            throw DrugstatsException.of("coverage must be in (0, 100] percent to give '1 in N', got %s", percent);
        }
        return 100 / percent;
    }

    /**
     * Sets a published entry against a derived figure in the same unit; the check holds when
     * |derived − published| ≤ tolerance (base units).
     */
    public RelationCheck check(String publishedId, Derived derived, double tolerance) {
        return RelationCheck.of(catalog.requireEntry(publishedId), derived, tolerance);
    }

    private static double percentOf(CatalogEntry s) {
        return switch (s.unit()) {
            case PERCENT -> s.value();
            case FRACTION -> 100 * s.value();
            case ONE_IN_N -> 100 / s.value();
            default -> throw DrugstatsException.of("entry '%s' has unit '%s'; expected a share (percent, fraction or one-in-n)",
                    s.id(), s.unit().code());
        };
    }

    private static String percentFormula(CatalogEntry s) {
        return switch (s.unit()) {
            case FRACTION -> "100 * " + s.id();
            case ONE_IN_N -> "100 / " + s.id();
            default -> s.id();
        };
    }

    private Set<String> editions(String relation, CatalogEntry a, CatalogEntry b) {
        Set<String> eds = new LinkedHashSet<>();
        a.edition().ifPresent(eds::add);
        b.edition().ifPresent(eds::add);
        if (eds.size() > 1 && policy == EditionPolicy.SAME_EDITION) {
            throw DrugstatsException.of(
                    "%s would chain figures from different editions: '%s' (%s) and '%s' (%s); each World Drug Report "
                            + "edition has its own model, so this is not a trend (use EditionPolicy.ALLOW_CROSS_EDITION "
                            + "to compare them on purpose)",
                    relation, a.id(), a.edition().orElseThrow(), b.id(), b.edition().orElseThrow());
        }
        return eds;
    }

    private static Set<String> editionsOf(CatalogEntry e) {
        return e.edition().stream().collect(Collectors.toSet());
    }

    private static void requireChange(CatalogEntry change) {
        if (change.unit() != Unit.PERCENT_CHANGE && change.unit() != Unit.RATIO) {
            throw DrugstatsException.of("entry '%s' has unit '%s'; expected a change (percent-change or ratio)",
                    change.id(), change.unit().code());
        }
    }

    private static void requireSameIndicator(CatalogEntry a, CatalogEntry b) {
        if (a.indicator().isPresent() && b.indicator().isPresent() && !a.indicator().equals(b.indicator())) {
            throw DrugstatsException.of("entries '%s' (indicator %s) and '%s' (indicator %s) measure different indicators",
                    a.id(), a.indicator().get(), b.id(), b.indicator().get());
        }
    }

    private static void requireSameUnit(CatalogEntry a, CatalogEntry b) {
        if (a.unit() != b.unit()) {
            throw DrugstatsException.of("entries '%s' (unit %s) and '%s' (unit %s) have different units",
                    a.id(), a.unit().code(), b.id(), b.unit().code());
        }
    }

    private static void requireSameYear(CatalogEntry a, CatalogEntry b) {
        if (a.year().isPresent() && b.year().isPresent() && !a.year().equals(b.year())) {
            throw DrugstatsException.of("entries '%s' (year %s) and '%s' (year %s) refer to different years",
                    a.id(), a.year().get(), b.id(), b.year().get());
        }
    }

    private static void requireNonZero(CatalogEntry e) {
        if (!(e.value() != 0)) {
            throw DrugstatsException.of("entry '%s' is 0; cannot divide by it", e.id());
        }
    }

    private static void requireAmount(CatalogEntry e) {
        if (e.unit() != Unit.PERSONS && e.unit() != Unit.COUNT) {
            throw DrugstatsException.of("entry '%s' has unit '%s'; expected a count of persons", e.id(), e.unit().code());
        }
    }
}
