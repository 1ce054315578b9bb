package org.drugstats.core.geo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.drugstats.core.DrugstatsException;

/**
 * Maps area names as published to ISO 3166-1 alpha-3 codes, or says why a name is not one country.
 *
 * <p>Order of look-up for a name (see {@link NameNormaliser} for the normal forms):
 * <ol>
 *   <li>empty after cleaning: {@link UnmappedReason#EMPTY};</li>
 *   <li>the clean name equals an M49 name: {@link MatchMethod#EXACT};</li>
 *   <li>the folded key equals the key of an M49 name ({@link MatchMethod#NORMALISED}), of an alias
 *       ({@link MatchMethod#ALIAS}), or of an aggregate or residual (unmapped, with its code; region names are
 *       read in the configured {@link RegionScheme} first, then in the other);</li>
 *   <li>the input is a known ISO3 code: {@link MatchMethod#ISO3_CODE};</li>
 *   <li>the name ends in a footnote marker ("Colombia a", "Peru b, c", "Canada*") and the rest is known by
 *       steps 2–3: that match, with the marker recorded. A name is never stripped when it is known as a whole,
 *       so a name that ends in a single letter keeps it;</li>
 *   <li>otherwise {@link UnmappedReason#UNKNOWN}.</li>
 * </ol>
 *
 * <p>Immutable and thread-safe. {@link #withDefaults()} uses the package resources; {@link #withScheme} gives a
 * copy that reads region names in another scheme first.
 */
public final class CountryNames {

    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");

    private final Geography geography;
    private final RegionScheme scheme;
    private final Map<String, NameMatch.Mapped> exact;
    private final Map<String, NameMatch.Mapped> byKey;
    private final Map<String, NameMatch.Unmapped> m49Groups;
    private final Map<String, NameMatch.Unmapped> unodcGroups;
    private final Map<String, NameMatch.Unmapped> otherGroups;

    private CountryNames(Geography geography, List<CountryAlias> aliases, List<AggregateName> aggregateNames,
            RegionScheme scheme) {
        this.geography = geography;
        this.scheme = scheme;
        this.exact = new HashMap<>();
        this.byKey = new HashMap<>();
        for (M49Country c : geography.countries()) {
            NameMatch.Mapped m = new NameMatch.Mapped(c.name(), c.iso3(), c.iso3(), c.name(), MatchMethod.EXACT, null);
            exact.put(NameNormaliser.clean(c.name()), m);
            put(byKey, NameNormaliser.key(c.name()), m, "M49 name");
        }
        for (CountryAlias a : aliases) {
            String name = a.name().isEmpty() ? geography.country(a.iso3()).map(M49Country::name).orElse(a.alias())
                    : a.name();
            if (geography.country(a.iso3()).isEmpty() && a.name().isEmpty()) {
                throw DrugstatsException.of("alias '%s' names ISO3 '%s', which is not in M49; give its name", a.alias(),
                        a.iso3());
            }
            put(byKey, NameNormaliser.key(a.alias()),
                    new NameMatch.Mapped(a.alias(), a.iso3(), a.areaCode(), name, MatchMethod.ALIAS, null), "alias");
        }
        this.m49Groups = new HashMap<>();
        this.unodcGroups = new HashMap<>();
        this.otherGroups = new HashMap<>();
        for (AreaAggregate g : geography.aggregates()) {
            Map<String, NameMatch.Unmapped> target = switch (g.scheme()) {
                case M49 -> m49Groups;
                case UNODC -> unodcGroups;
                case WORLD, OTHER -> otherGroups;
            };
            target.putIfAbsent(NameNormaliser.key(g.name()), new NameMatch.Unmapped(g.name(), UnmappedReason.AGGREGATE,
                    g.code(), null, g.scheme() + " group " + g.code()));
        }
        for (AggregateName a : aggregateNames) {
            String code = a.code().isEmpty() ? null : a.code();
            NameMatch.Unmapped u = new NameMatch.Unmapped(a.name(), a.reason(), code, null, a.note());
            Map<String, NameMatch.Unmapped> target = code != null && code.startsWith("M49_") ? m49Groups
                    : code != null && code.startsWith("UNODC_") ? unodcGroups : otherGroups;
            target.put(NameNormaliser.key(a.name()), u);
        }
    }

    private static void put(Map<String, NameMatch.Mapped> map, String key, NameMatch.Mapped m, String what) {
        NameMatch.Mapped old = map.putIfAbsent(key, m);
        if (old != null && !old.areaCode().equals(m.areaCode())) {
            throw DrugstatsException.of("%s '%s' folds to the same key as '%s' but names %s, not %s", what, m.input(),
                    old.input(), m.areaCode(), old.areaCode());
        }
    }

    /** A matcher over the package resources, reading region names as M49 groups first. */
    public static CountryNames withDefaults() {
        return of(Geography.fromResources(), Geography.load(GeoCsv.COUNTRY_ALIASES, GeoCsv::readAliases),
                Geography.load(GeoCsv.AGGREGATE_NAMES, GeoCsv::readAggregateNames));
    }

    /** A matcher over a geography, aliases and aggregate names, reading region names as M49 groups first. */
    public static CountryNames of(Geography geography, List<CountryAlias> aliases, List<AggregateName> aggregates) {
        return new CountryNames(Objects.requireNonNull(geography, "geography"), aliases, aggregates, RegionScheme.M49);
    }

    /** A copy that reads region names in {@code regionScheme} first. */
    public CountryNames withScheme(RegionScheme regionScheme) {
        if (regionScheme == scheme) {
            return this;
        }
        CountryNames copy = new CountryNames(this, regionScheme);
        return copy;
    }

    private CountryNames(CountryNames base, RegionScheme scheme) {
        this.geography = base.geography;
        this.scheme = scheme;
        this.exact = base.exact;
        this.byKey = base.byKey;
        this.m49Groups = base.m49Groups;
        this.unodcGroups = base.unodcGroups;
        this.otherGroups = base.otherGroups;
    }

    /** The scheme region names are read in first. */
    public RegionScheme scheme() {
        return scheme;
    }

    /** The geography this matcher maps into. */
    public Geography geography() {
        return geography;
    }

    /** Matches a name as published. Never null; never throws for any input. */
    public NameMatch match(String raw) {
        String input = raw == null ? "" : raw;
        String clean = NameNormaliser.clean(input);
        if (clean.isEmpty()) {
            return new NameMatch.Unmapped(input, UnmappedReason.EMPTY, null, null, "empty name");
        }
        Optional<NameMatch> whole = lookup(input, clean, null);
        if (whole.isPresent()) {
            return whole.get();
        }
        if (ISO3.matcher(clean).matches() && geography.country(clean).isPresent()) {
            M49Country c = geography.country(clean).get();
            return new NameMatch.Mapped(input, c.iso3(), c.iso3(), c.name(), MatchMethod.ISO3_CODE, null);
        }
        Optional<NameNormaliser.Footnoted> split = NameNormaliser.splitFootnote(clean);
        if (split.isPresent()) {
            Optional<NameMatch> part = lookup(input, split.get().name(), split.get().marker());
            if (part.isPresent()) {
                return part.get();
            }
        }
        return new NameMatch.Unmapped(input, UnmappedReason.UNKNOWN, null, null,
                "not an M49 name, alias, aggregate or residual name; add it to " + GeoCsv.COUNTRY_ALIASES + " or "
                        + GeoCsv.AGGREGATE_NAMES + " if it is one");
    }

    private Optional<NameMatch> lookup(String input, String clean, String footnote) {
        NameMatch.Mapped m = exact.get(clean);
        MatchMethod method = MatchMethod.EXACT;
        if (m == null) {
            m = byKey.get(NameNormaliser.key(clean));
            method = m == null ? null : m.method() == MatchMethod.ALIAS ? MatchMethod.ALIAS : MatchMethod.NORMALISED;
        }
        if (m != null) {
            return Optional.of(new NameMatch.Mapped(input, m.iso3(), m.areaCode(), m.name(), method, footnote));
        }
        String key = NameNormaliser.key(clean);
        NameMatch.Unmapped g = otherGroups.get(key);
        if (g == null) {
            Map<String, NameMatch.Unmapped> first = scheme == RegionScheme.M49 ? m49Groups : unodcGroups;
            Map<String, NameMatch.Unmapped> second = scheme == RegionScheme.M49 ? unodcGroups : m49Groups;
            g = first.containsKey(key) ? first.get(key) : second.get(key);
        }
        if (g != null) {
            return Optional.of(new NameMatch.Unmapped(input, g.reason(), g.code(), footnote, g.detail()));
        }
        return Optional.empty();
    }
}
