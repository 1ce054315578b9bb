package org.drugstats.core.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Unit;

/**
 * One published figure with its provenance: e.g. 39.5 million people with drug use disorders in 2021
 * ({@code value} 39.5, {@code unit} persons, {@code unitMultiplier} 6), from the 2024 CND background note,
 * which draws on the World Drug Report 2023.
 *
 * <p>Invariants, checked by the constructor (a violation throws {@link DrugstatsException} naming the
 * entry id and the field):
 * <ul>
 *   <li>{@code id} is lowercase and dotted; titles, scope, definition, source and quote are not blank;</li>
 *   <li>{@code value}, {@code lower} and {@code upper} are finite, {@code lower ≤ value ≤ upper}, and each
 *       scaled value {@code v × 10^unitMultiplier} lies in the unit's domain ({@link Unit#admits});</li>
 *   <li>{@code unitMultiplier} is 0 for units that are not amounts (percent, fraction, change, ratio,
 *       1-in-N, ordinal, year) and lies in [−12, 12] otherwise;</li>
 *   <li>{@code year} is {@code YYYY} or a period {@code YYYY-YYYY} with start &lt; end, or empty when the
 *       source states no year;</li>
 *   <li>{@code sdg}, when present, is an SDG target or indicator code ({@code 16.4}, {@code 3.5.1}).</li>
 * </ul>
 * References to indicator definitions and the uniqueness of ids are checked by {@link Catalog}.
 *
 * @param id stable lowercase dotted id, e.g. {@code people_with_dud.global.2021}
 * @param title short human-readable title
 * @param value the figure as published, in units of {@code 10^unitMultiplier × unit}
 * @param lower lower bound where the source gives one
 * @param upper upper bound where the source gives one
 * @param unit unit of measure
 * @param unitMultiplier power of ten (SDMX UNIT_MULT): 39.5 million persons is 39.5 with multiplier 6
 * @param year reference year {@code 2021} or period {@code 2013-2017}; empty when the source states none
 * @param scope geographic scope: {@code World}, an ISO 3166 alpha-3 code or a region name
 * @param indicator id of the {@link IndicatorDefinition} the figure is a value (or change) of
 * @param definition what the figure measures
 * @param sdg SDG target or indicator code the figure relates to
 * @param sourceDocument UN symbol of the document stating the figure, or its title and date when it has none
 * @param sourceLocator paragraph or section in the source document
 * @param upstreamSource what the source document cites for the figure
 * @param edition World Drug Report edition (model) the figure comes from, e.g. {@code WDR 2023}
 * @param quote the exact short phrase from the source document
 * @param qualifier how the source hedges the figure
 * @param alsoStatedIn further documents stating the same figure
 */
public record CatalogEntry(String id, String title, double value, OptionalDouble lower, OptionalDouble upper,
        Unit unit, int unitMultiplier, Optional<String> year, String scope, Optional<String> indicator,
        String definition, Optional<String> sdg, String sourceDocument, String sourceLocator,
        Optional<String> upstreamSource, Optional<String> edition, String quote, Qualifier qualifier,
        List<Citation> alsoStatedIn) {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(\\d{4}))?");
    private static final Set<Unit> AMOUNTS = Set.of(Unit.PERSONS, Unit.COUNT, Unit.HECTARES, Unit.KILOGRAMS,
            Unit.TONNES, Unit.USD, Unit.SDDD_PER_MILLION_PER_DAY, Unit.MG_PER_CAPITA, Unit.KG_PER_100K);
    private static final int MAX_MULTIPLIER = 12;

    public CatalogEntry {
        Objects.requireNonNull(lower, "lower");
        Objects.requireNonNull(upper, "upper");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(sdg, "sdg");
        Objects.requireNonNull(upstreamSource, "upstreamSource");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(qualifier, "qualifier");
        alsoStatedIn = List.copyOf(alsoStatedIn);
        if (!Identifiers.isId(id)) {
            throw Problems.entry(String.valueOf(id), "id",
                    "expected a lowercase dotted id like 'people_with_dud.global.2021', got '%s'", id);
        }
        requireText(id, "title", title);
        requireText(id, "scope", scope);
        requireText(id, "definition", definition);
        requireText(id, "source_document", sourceDocument);
        requireText(id, "source_locator", sourceLocator);
        requireText(id, "quote", quote);
        requireText(id, "indicator", indicator);
        requireText(id, "upstream_source", upstreamSource);
        requireText(id, "edition", edition);
        checkMultiplier(id, unit, unitMultiplier);
        checkInDomain(id, "value", value, unit, unitMultiplier);
        if (lower.isPresent()) {
            checkInDomain(id, "lower", lower.getAsDouble(), unit, unitMultiplier);
            if (!(lower.getAsDouble() <= value)) {
                throw Problems.entry(id, "lower", "lower bound %s exceeds value %s", Numbers.plain(lower.getAsDouble()),
                        Numbers.plain(value));
            }
        }
        if (upper.isPresent()) {
            checkInDomain(id, "upper", upper.getAsDouble(), unit, unitMultiplier);
            if (!(upper.getAsDouble() >= value)) {
                throw Problems.entry(id, "upper", "upper bound %s is below value %s", Numbers.plain(upper.getAsDouble()),
                        Numbers.plain(value));
            }
        }
        year.ifPresent(y -> checkPeriod(id, y));
        if (sdg.isPresent() && !Identifiers.isSdg(sdg.get())) {
            throw Problems.entry(id, "sdg", "expected an SDG target or indicator code like '16.4' or '3.5.1', got '%s'",
                    sdg.get());
        }
        for (int i = 0; i < alsoStatedIn.size(); i++) {
            Citation c = alsoStatedIn.get(i);
            if (!Identifiers.hasText(c.sourceDocument()) || !Identifiers.hasText(c.sourceLocator())
                    || !Identifiers.hasText(c.quote())) {
                throw Problems.entry(id, "also_stated_in",
                        "citation %d needs a non-blank source_document, source_locator and quote", i);
            }
        }
    }

    /** The value in base units: {@code value × 10^unitMultiplier} (39.5 million → 3.95E7). */
    public double scaledValue() {
        return Numbers.scale(value, unitMultiplier);
    }

    /** The lower bound in base units, if given. */
    public OptionalDouble scaledLower() {
        return lower.isPresent() ? OptionalDouble.of(Numbers.scale(lower.getAsDouble(), unitMultiplier))
                : OptionalDouble.empty();
    }

    /** The upper bound in base units, if given. */
    public OptionalDouble scaledUpper() {
        return upper.isPresent() ? OptionalDouble.of(Numbers.scale(upper.getAsDouble(), unitMultiplier))
                : OptionalDouble.empty();
    }

    /** First year of {@link #year()} ({@code 2013} for {@code 2013-2017}); empty when no year is stated. */
    public OptionalInt firstYear() {
        return year.map(y -> OptionalInt.of(Integer.parseInt(y.substring(0, 4)))).orElse(OptionalInt.empty());
    }

    /** Last year of {@link #year()} ({@code 2017} for {@code 2013-2017}; the year itself for {@code 2021}). */
    public OptionalInt lastYear() {
        return year.map(y -> OptionalInt.of(Integer.parseInt(y.substring(y.length() - 4)))).orElse(OptionalInt.empty());
    }

    /** True when {@link #year()} is a period of two years rather than a single year. */
    public boolean isPeriod() {
        return year.isPresent() && year.get().length() > 4;
    }

    private static void requireText(String id, String field, String value) {
        if (!Identifiers.hasText(value)) {
            throw Problems.entry(id, field, "must not be blank");
        }
    }

    private static void requireText(String id, String field, Optional<String> value) {
        if (!Identifiers.hasText(value)) {
            throw Problems.entry(id, field, "must not be blank (write null when there is none)");
        }
    }

    private static void checkMultiplier(String id, Unit unit, int multiplier) {
        if (!AMOUNTS.contains(unit) && multiplier != 0) {
            throw Problems.entry(id, "unit_multiplier", "must be 0 for unit '%s', got %d", unit.code(), multiplier);
        }
        if (multiplier < -MAX_MULTIPLIER || multiplier > MAX_MULTIPLIER) {
            throw Problems.entry(id, "unit_multiplier", "expected a power of ten in [-%d, %d], got %d", MAX_MULTIPLIER,
                    MAX_MULTIPLIER, multiplier);
        }
    }

    private static void checkInDomain(String id, String field, double v, Unit unit, int multiplier) {
        if (!Double.isFinite(v)) {
            throw Problems.entry(id, field, "expected a finite number, got %s", v);
        }
        double scaled = Numbers.scale(v, multiplier);
        if (!unit.admits(scaled)) {
            throw Problems.entry(id, field, "%s outside the domain of unit '%s' [%s, %s]",
                    multiplier == 0 ? Numbers.plain(v) : Numbers.plain(v) + " × 10^" + multiplier,
                    unit.code(), Numbers.plain(unit.min()), Numbers.plain(unit.max()));
        }
    }

    private static void checkPeriod(String id, String y) {
        Matcher m = PERIOD.matcher(y);
        if (!m.matches() || (m.group(2) != null && Integer.parseInt(m.group(1)) >= Integer.parseInt(m.group(2)))) {
            throw Problems.entry(id, "year",
                    "expected a year 'YYYY' or a period 'YYYY-YYYY' with start before end, got '%s'", y);
        }
    }
}
