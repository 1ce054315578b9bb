package org.drugstats.core.geo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.geo.GeoCsv.UnodcRegionCode;

/**
 * The countries of UN M49, the UNODC regional grouping and the aggregates built on them, with look-ups by
 * code and membership lists.
 *
 * <p>Immutable. {@link #fromResources()} reads the resources of this package; {@link #of} builds one from
 * given lists (used by the resource generator and by tests).
 *
 * <p>Aggregates: {@code WLD} (all M49 countries and areas); {@code M49_nnn} for every M49 region, sub-region and
 * intermediate region that has members; {@code UNODC_*} for every UNODC region and sub-region listed in
 * {@code unodc-region-codes.csv}. Areas that are not in M49 but are reported by UNODC (Kosovo, {@code XKX})
 * belong to their UNODC groups but not to {@code WLD} or any M49 group.
 */
public final class Geography {

    private final List<M49Country> countries;
    private final Map<String, M49Country> byIso3;
    private final Map<String, UnodcAssignment> unodc;
    private final Map<String, AreaAggregate> aggregates;
    private final Map<String, Set<String>> members;

    private Geography(List<M49Country> countries, List<UnodcAssignment> unodc, List<UnodcRegionCode> unodcCodes) {
        this.countries = List.copyOf(countries);
        this.byIso3 = index(countries, M49Country::iso3, "M49 ISO3 code");
        this.unodc = index(unodc, UnodcAssignment::iso3, "UNODC assignment ISO3 code");
        Map<String, AreaAggregate> agg = new LinkedHashMap<>();
        Map<String, Set<String>> mem = new LinkedHashMap<>();
        agg.put("WLD", new AreaAggregate("WLD", "World", AreaAggregate.Scheme.WORLD, null));
        mem.put("WLD", new TreeSet<>(byIso3.keySet()));
        for (M49Country c : countries) {
            addM49(agg, mem, c.regionCode(), c.region(), "001", c.iso3());
            addM49(agg, mem, c.subregionCode(), c.subregion(), c.regionCode(), c.iso3());
            addM49(agg, mem, c.intermediateCode(), c.intermediateRegion(), c.subregionCode(), c.iso3());
        }
        Map<String, UnodcRegionCode> codes = index(unodcCodes, UnodcRegionCode::code, "UNODC region code");
        for (UnodcRegionCode rc : unodcCodes) {
            agg.put(rc.code(), new AreaAggregate(rc.code(), rc.name(), AreaAggregate.Scheme.UNODC,
                    rc.parentCode() == null ? "WLD" : rc.parentCode()));
            mem.put(rc.code(), new TreeSet<>());
        }
        for (UnodcAssignment a : unodc) {
            for (String code : List.of(a.regionCode(), a.subregionCode())) {
                if (!codes.containsKey(code)) {
                    throw DrugstatsException.of("UNODC assignment of %s names region code '%s', which %s does not list",
                            a.iso3(), code, GeoCsv.UNODC_REGION_CODES);
                }
                mem.get(code).add(a.iso3());
            }
        }
        this.aggregates = Collections.unmodifiableMap(agg);
        Map<String, Set<String>> frozen = new LinkedHashMap<>();
        mem.forEach((k, v) -> frozen.put(k, Collections.unmodifiableSet(v)));
        this.members = Collections.unmodifiableMap(frozen);
    }

    private static void addM49(Map<String, AreaAggregate> agg, Map<String, Set<String>> mem, String code, String name,
            String parent, String iso3) {
        if (code.isEmpty()) {
            return;
        }
        String c = AreaAggregate.m49Code(code);
        agg.putIfAbsent(c, new AreaAggregate(c, name, AreaAggregate.Scheme.M49, AreaAggregate.m49Code(parent)));
        mem.computeIfAbsent(c, k -> new TreeSet<>()).add(iso3);
    }

    private static <T> Map<String, T> index(List<T> rows, Function<T, String> key, String what) {
        Map<String, T> m = new LinkedHashMap<>();
        for (T t : rows) {
            if (m.put(key.apply(t), t) != null) {
                throw DrugstatsException.of("duplicate %s '%s'", what, key.apply(t));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** A geography of these countries, UNODC assignments and UNODC region codes. */
    public static Geography of(List<M49Country> countries, List<UnodcAssignment> unodc,
            List<UnodcRegionCode> unodcCodes) {
        return new Geography(countries, unodc, unodcCodes);
    }

    /** The geography of this package's resources. */
    public static Geography fromResources() {
        return new Geography(load(GeoCsv.M49, GeoCsv::readM49), load(GeoCsv.UNODC_REGIONS, GeoCsv::readUnodcRegions),
                load(GeoCsv.UNODC_REGION_CODES, GeoCsv::readUnodcRegionCodes));
    }

    static <T> List<T> load(String file, java.util.function.BiFunction<String, Reader, List<T>> reader) {
        try (Reader r = GeoCsv.resource(file)) {
            return reader.apply(file, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All M49 countries and areas, in resource order. */
    public List<M49Country> countries() {
        return countries;
    }

    /** The M49 country with this ISO3 code. */
    public Optional<M49Country> country(String iso3) {
        return Optional.ofNullable(byIso3.get(iso3));
    }

    /** The UNODC region and sub-region of a country. */
    public Optional<UnodcAssignment> unodc(String iso3) {
        return Optional.ofNullable(unodc.get(iso3));
    }

    /** All UNODC assignments. */
    public List<UnodcAssignment> unodcAssignments() {
        return List.copyOf(unodc.values());
    }

    /** The aggregate with this code. */
    public Optional<AreaAggregate> aggregate(String code) {
        return Optional.ofNullable(aggregates.get(code));
    }

    /** All aggregates: WLD, then M49 groups, then UNODC groups. */
    public List<AreaAggregate> aggregates() {
        return new ArrayList<>(aggregates.values());
    }

    /** Aggregates of one scheme. */
    public List<AreaAggregate> aggregates(AreaAggregate.Scheme scheme) {
        return aggregates.values().stream().filter(a -> a.scheme() == scheme).collect(Collectors.toList());
    }

    /**
     * The ISO3 codes of the members of an aggregate, sorted.
     *
     * @throws DrugstatsException when the code is not an aggregate of this geography
     */
    public Set<String> members(String aggregateCode) {
        Set<String> m = members.get(aggregateCode);
        if (m == null) {
            throw DrugstatsException.of("unknown aggregate code '%s'; expected WLD, M49_nnn or a UNODC code such as %s",
                    aggregateCode, aggregates(AreaAggregate.Scheme.UNODC).stream().limit(3).map(AreaAggregate::code)
                            .toList());
        }
        return m;
    }
}
