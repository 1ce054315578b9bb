package org.drugstats.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Unit;

/**
 * The indicator catalog: indicator definitions and the headline figures published in the source
 * documents, validated on load and immutable afterwards.
 *
 * <p>{@link #load()} reads the resources {@code indicators.json} and {@code headlines.json} of this
 * package; {@link #load(InputStream, InputStream)} reads other streams (tests, user catalogs). Each
 * element is checked on its own (see {@link CatalogEntry} and {@link IndicatorDefinition}), then
 * across elements:
 * <ul>
 *   <li>ids are unique among entries and among indicator definitions;</li>
 *   <li>an entry's {@code indicator} and a definition's {@code computed_from.inputs} name existing
 *       definitions;</li>
 *   <li>an entry's unit fits its indicator's unit: the same unit, or units of the same kind (shares:
 *       percent, fraction, 1-in-N; masses: kg, tonnes; counts: count, ordinal), or a change unit
 *       (percent-change, ratio) when the entry's year is a period {@code YYYY-YYYY}.</li>
 * </ul>
 * The first violation throws {@link DrugstatsException} with a one-line message naming the entry (by
 * id, or by index when the id is missing) and the field, e.g.
 * {@code catalog entry 'people_with_dud.global.2021': field 'unit': unknown unit 'persns'; expected one of [...]}.
 *
 * <p>Look-ups: by id ({@link #entry}, {@link #requireEntry}, {@link #indicator}), by indicator
 * ({@link #entriesFor}) and by SDG code ({@link #entriesForSdg}, {@link #indicatorsForSdg}). Lists keep
 * the resource order. An empty catalog (two empty arrays) is valid.
 */
public final class Catalog {
    private static final String HEADLINES = "headlines.json";
    private static final String INDICATORS = "indicators.json";
    private static final Set<Unit> SHARES = Set.of(Unit.PERCENT, Unit.FRACTION, Unit.ONE_IN_N);
    private static final Set<Unit> MASSES = Set.of(Unit.KILOGRAMS, Unit.TONNES);
    private static final Set<Unit> COUNTS = Set.of(Unit.COUNT, Unit.ORDINAL);
    private static final Set<Unit> CHANGES = Set.of(Unit.PERCENT_CHANGE, Unit.RATIO);

    private final List<CatalogEntry> entries;
    private final List<IndicatorDefinition> indicators;
    private final Map<String, CatalogEntry> entryById;
    private final Map<String, IndicatorDefinition> indicatorById;

    private Catalog(List<IndicatorDefinition> indicators, List<CatalogEntry> entries) {
        this.indicators = List.copyOf(indicators);
        this.entries = List.copyOf(entries);
        this.indicatorById = indexIndicators(this.indicators);
        this.entryById = indexEntries(this.entries);
        checkComputedFrom();
        checkEntryReferences();
    }

    /** Loads and validates the catalog shipped with the library. */
    public static Catalog load() {
        try (InputStream headlines = resource(HEADLINES); InputStream indicators = resource(INDICATORS)) {
            return load(headlines, indicators);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the catalog resources", e);
        }
    }

    /**
     * Loads and validates a catalog from two JSON streams in the format of the resources. The streams
     * are read to the end and not closed.
     */
    public static Catalog load(InputStream headlines, InputStream indicators) {
        List<IndicatorDefinition> defs = CatalogReader.readIndicators(indicators);
        List<CatalogEntry> list = CatalogReader.readEntries(headlines);
        return new Catalog(defs, list);
    }

    /** A validated catalog of the given definitions and entries (the same cross-checks as loading). */
    public static Catalog of(List<IndicatorDefinition> indicators, List<CatalogEntry> entries) {
        return new Catalog(indicators, entries);
    }

    /** All entries, in resource order. */
    public List<CatalogEntry> entries() {
        return entries;
    }

    /** All indicator definitions, in resource order. */
    public List<IndicatorDefinition> indicators() {
        return indicators;
    }

    /** The entry with this id, if any. */
    public Optional<CatalogEntry> entry(String id) {
        return Optional.ofNullable(entryById.get(id));
    }

    /** The entry with this id, or an error naming the id. */
    public CatalogEntry requireEntry(String id) {
        CatalogEntry e = entryById.get(id);
        if (e == null) {
            throw DrugstatsException.of("no catalog entry '%s' (the catalog has %d entries)", id, entries.size());
        }
        return e;
    }

    /** The indicator definition with this id, if any. */
    public Optional<IndicatorDefinition> indicator(String id) {
        return Optional.ofNullable(indicatorById.get(id));
    }

    /** The indicator definition with this id, or an error naming the id. */
    public IndicatorDefinition requireIndicator(String id) {
        IndicatorDefinition d = indicatorById.get(id);
        if (d == null) {
            throw DrugstatsException.of("no indicator definition '%s'; known: %s", id, indicatorById.keySet());
        }
        return d;
    }

    /**
     * Entries that are values (or changes) of the indicator {@code indicatorId}, in resource order; empty
     * when the indicator has none. An unknown indicator id is an error.
     */
    public List<CatalogEntry> entriesFor(String indicatorId) {
        requireIndicator(indicatorId);
        return entries.stream().filter(e -> e.indicator().filter(indicatorId::equals).isPresent()).toList();
    }

    /**
     * Entries related to the SDG code {@code sdg} ({@code 3.5.1}, {@code 16.4}): those whose own
     * {@code sdg} equals it, and those whose indicator's {@code sdg} equals it.
     */
    public List<CatalogEntry> entriesForSdg(String sdg) {
        return entries.stream().filter(e -> e.sdg().filter(sdg::equals).isPresent()
                || e.indicator().map(indicatorById::get).flatMap(IndicatorDefinition::sdg).filter(sdg::equals)
                        .isPresent())
                .toList();
    }

    /** Indicator definitions whose SDG code equals {@code sdg}. */
    public List<IndicatorDefinition> indicatorsForSdg(String sdg) {
        return indicators.stream().filter(d -> d.sdg().filter(sdg::equals).isPresent()).toList();
    }

    private static InputStream resource(String name) {
        InputStream in = Catalog.class.getResourceAsStream(name);
        if (in == null) {
            throw DrugstatsException.of("catalog resource '%s' not found next to %s", name, Catalog.class.getName());
        }
        return in;
    }

    private static Map<String, IndicatorDefinition> indexIndicators(List<IndicatorDefinition> defs) {
        Map<String, IndicatorDefinition> map = new LinkedHashMap<>();
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < defs.size(); i++) {
            IndicatorDefinition d = defs.get(i);
            Integer first = firstIndex.putIfAbsent(d.id(), i);
            if (first != null) {
                throw Problems.indicator(d.id(), "id", "duplicate id (at index %d and %d)", first, i);
            }
            map.put(d.id(), d);
        }
        return Collections.unmodifiableMap(map);
    }

    private static Map<String, CatalogEntry> indexEntries(List<CatalogEntry> list) {
        Map<String, CatalogEntry> map = new LinkedHashMap<>();
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            CatalogEntry e = list.get(i);
            Integer first = firstIndex.putIfAbsent(e.id(), i);
            if (first != null) {
                throw Problems.entry(e.id(), "id", "duplicate id (at index %d and %d)", first, i);
            }
            map.put(e.id(), e);
        }
        return Collections.unmodifiableMap(map);
    }

    private void checkComputedFrom() {
        for (IndicatorDefinition d : indicators) {
            if (d.computedFrom().isEmpty()) {
                continue;
            }
            for (String input : d.computedFrom().get().inputs()) {
                if (!indicatorById.containsKey(input)) {
                    throw Problems.indicator(d.id(), "computed_from", "unknown input indicator '%s'", input);
                }
            }
        }
    }

    private void checkEntryReferences() {
        for (CatalogEntry e : entries) {
            if (e.indicator().isEmpty()) {
                continue;
            }
            String ref = e.indicator().get();
            IndicatorDefinition d = indicatorById.get(ref);
            if (d == null) {
                throw Problems.entry(e.id(), "indicator", "unknown indicator '%s'; no such indicator definition", ref);
            }
            if (!unitFits(e, d.unit())) {
                throw Problems.entry(e.id(), "unit",
                        "unit '%s' does not fit indicator '%s' (unit '%s')%s", e.unit().code(), d.id(), d.unit().code(),
                        CHANGES.contains(e.unit()) ? "; a change needs a period 'YYYY-YYYY' in field 'year'" : "");
            }
        }
    }

    private static boolean unitFits(CatalogEntry e, Unit indicatorUnit) {
        Unit u = e.unit();
        if (u == indicatorUnit) {
            return true;
        }
        if (CHANGES.contains(u)) {
            return e.isPeriod();
        }
        return sameKind(SHARES, u, indicatorUnit) || sameKind(MASSES, u, indicatorUnit)
                || sameKind(COUNTS, u, indicatorUnit);
    }

    private static boolean sameKind(Set<Unit> kind, Unit a, Unit b) {
        return kind.contains(a) && kind.contains(b);
    }
}
