package org.drugstats.core.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.M49Country;
import org.drugstats.core.supply.SeizureCategories;

/**
 * The dictionary of a coded seizure-events file: what each {@code area_code} and {@code drug_code} of the file
 * stands for, with the exact names its rows carry. It travels in the file's key-value metadata
 * ({@value SeizureEvents#META_CODES}, JSON {@code {"areas": {"4": "AFG", ...}, "drugs": {"12": [group, subgroup
 * or null, drug], ...}}}), so a reader checks every row's codes against its names without any outside table.
 *
 * <p>Codes. {@code area_code} is the area's UN M49 numeric code (UN Statistics Division, <i>Standard country or area
 * codes for statistical use</i>, the {@code m49} column of core's M49 table; Taiwan 158 as listed there);
 * an area M49 does not list (Kosovo, {@code XKX}) gets a code from {@value #FIRST_UNLISTED_AREA} up, in the
 * alphabetical order of the areas of that kind in the dictionary. {@code drug_code} is the fixed code of the drug
 * group / sub-group / drug combination in core's seizure taxonomy ({@code seizure-drug-categories.csv},
 * {@link SeizureCategories#drugCode}, 1–169 for the combinations of WDR 2025 annex 7.1); a combination the
 * taxonomy does not list gets a code from {@value #FIRST_UNLISTED_DRUG} up, in the order of its names. Codes lie in
 * [0, {@value #MAX_CODE}] (readers look names up in arrays indexed by code). The
 * dictionary is a bijection: one code per exact name (or name triple) and one name per code, so grouping by codes
 * gives the same groups as grouping by names.
 */
public final class SeizureEventCodes implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** First code of areas M49 does not list. */
    public static final int FIRST_UNLISTED_AREA = 1000;
    /** First code of drug combinations core's taxonomy does not list. */
    public static final int FIRST_UNLISTED_DRUG = 10_000;

    /** Largest code a dictionary may hold (readers index arrays by code). */
    public static final int MAX_CODE = 999_999;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One drug combination as the rows write it; {@code subgroup} may be null. */
    public record Drug(String group, String subgroup, String drug) implements Comparable<Drug>, java.io.Serializable {
        public Drug {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(drug, "drug");
        }

        @Override
        public int compareTo(Drug o) {
            int c = group.compareTo(o.group);
            if (c != 0) {
                return c;
            }
            c = Objects.compare(subgroup, o.subgroup, java.util.Comparator.nullsFirst(String::compareTo));
            return c != 0 ? c : drug.compareTo(o.drug);
        }
    }

    private final SortedMap<Integer, String> areas;
    private final SortedMap<Integer, Drug> drugs;
    private final Map<String, Integer> areaCodes;
    private final Map<Drug, Integer> drugCodes;

    private SeizureEventCodes(SortedMap<Integer, String> areas, SortedMap<Integer, Drug> drugs) {
        this.areas = Collections.unmodifiableSortedMap(areas);
        this.drugs = Collections.unmodifiableSortedMap(drugs);
        this.areaCodes = inverse(areas, "area");
        this.drugCodes = inverse(drugs, "drug");
    }

    /**
     * A dictionary from its entries.
     *
     * @throws DrugstatsException when a code is outside [0, {@value #MAX_CODE}] or a name has two codes
     */
    public static SeizureEventCodes of(Map<Integer, String> areas, Map<Integer, Drug> drugs) {
        for (Integer c : areas.keySet()) {
            if (c < 0 || c > MAX_CODE) {
                throw DrugstatsException.of("seizure codes: area code %d; expected a code in [0, %d]", c, MAX_CODE);
            }
        }
        for (Integer c : drugs.keySet()) {
            if (c < 0 || c > MAX_CODE) {
                throw DrugstatsException.of("seizure codes: drug code %d; expected a code in [0, %d]", c, MAX_CODE);
            }
        }
        return new SeizureEventCodes(new TreeMap<>(areas), new TreeMap<>(drugs));
    }

    /**
     * Codes for the given exact names: M49 codes and the taxonomy's drug codes, codes from
     * {@value #FIRST_UNLISTED_AREA} / {@value #FIRST_UNLISTED_DRUG} up for what those do not list.
     *
     * @throws DrugstatsException when two spellings of one combination would share a taxonomy code
     */
    public static SeizureEventCodes assign(Collection<String> areaNames, Collection<Drug> drugNames, Geography geo,
            SeizureCategories taxonomy) {
        SortedMap<Integer, String> areas = new TreeMap<>();
        int nextArea = FIRST_UNLISTED_AREA;
        for (String a : new TreeSet<>(areaNames)) {
            Optional<M49Country> m = geo.country(a);
            int code = m.isPresent() ? Integer.parseInt(m.get().m49()) : nextArea++;
            areas.put(code, a);
        }
        SortedMap<Integer, Drug> drugs = new TreeMap<>();
        int nextDrug = FIRST_UNLISTED_DRUG;
        for (Drug d : new TreeSet<>(drugNames)) {
            OptionalInt t = taxonomy.drugCode(d.group(), d.subgroup(), d.drug());
            int code = t.isPresent() ? t.getAsInt() : nextDrug++;
            Drug before = drugs.put(code, d);
            if (before != null) {
                throw DrugstatsException.of("seizure codes: %s and %s are two spellings of drug code %d of the "
                        + "taxonomy; write one spelling per combination", before, d, code);
            }
        }
        return new SeizureEventCodes(areas, drugs);
    }

    /** Code → area, in code order. */
    public SortedMap<Integer, String> areas() {
        return areas;
    }

    /** Code → drug combination, in code order. */
    public SortedMap<Integer, Drug> drugs() {
        return drugs;
    }

    /** The code of an exact area name. */
    public OptionalInt areaCode(String area) {
        Integer c = areaCodes.get(area);
        return c == null ? OptionalInt.empty() : OptionalInt.of(c);
    }

    /** The code of an exact drug combination. */
    public OptionalInt drugCode(String group, String subgroup, String drug) {
        Integer c = group == null || drug == null ? null : drugCodes.get(new Drug(group, subgroup, drug));
        return c == null ? OptionalInt.empty() : OptionalInt.of(c);
    }

    /** The dictionary as the JSON text of the file metadata. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode a = root.putObject("areas");
        areas.forEach((k, v) -> a.put(Integer.toString(k), v));
        ObjectNode d = root.putObject("drugs");
        drugs.forEach((k, v) -> {
            ArrayNode t = d.putArray(Integer.toString(k));
            t.add(v.group());
            t.add(v.subgroup());
            t.add(v.drug());
        });
        return root.toString();
    }

    /**
     * Reads the metadata's JSON text.
     *
     * @param where the file, for errors
     * @throws DrugstatsException naming the file, the entry and what was expected
     */
    public static SeizureEventCodes fromJson(String json, String where) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw DrugstatsException.of(e, "%s: metadata '%s' is not JSON: %s", where, SeizureEvents.META_CODES,
                    e.getMessage());
        }
        if (root == null || !root.path("areas").isObject() || !root.path("drugs").isObject()) {
            throw DrugstatsException.of("%s: metadata '%s' must be an object with objects 'areas' and 'drugs'", where,
                    SeizureEvents.META_CODES);
        }
        Map<Integer, String> areas = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("areas").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw DrugstatsException.of("%s: metadata '%s', area %s: expected a text name, got %s", where,
                        SeizureEvents.META_CODES, e.getKey(), e.getValue());
            }
            areas.put(code(e.getKey(), where), e.getValue().asText());
        }
        Map<Integer, Drug> drugs = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("drugs").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode t = e.getValue();
            if (!t.isArray() || t.size() != 3 || !t.get(0).isTextual() || !(t.get(1).isTextual() || t.get(1).isNull())
                    || !t.get(2).isTextual()) {
                throw DrugstatsException.of("%s: metadata '%s', drug %s: expected [group, subgroup or null, drug], "
                        + "got %s", where, SeizureEvents.META_CODES, e.getKey(), t);
            }
            drugs.put(code(e.getKey(), where),
                    new Drug(t.get(0).asText(), t.get(1).isNull() ? null : t.get(1).asText(), t.get(2).asText()));
        }
        try {
            return of(areas, drugs);
        } catch (DrugstatsException e) {
            throw DrugstatsException.of(e, "%s: metadata '%s': %s", where, SeizureEvents.META_CODES, e.getMessage());
        }
    }

    private static int code(String key, String where) {
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            throw DrugstatsException.of(e, "%s: metadata '%s': code '%s' is not an integer", where,
                    SeizureEvents.META_CODES, key);
        }
    }

    private static <V> Map<V, Integer> inverse(SortedMap<Integer, V> m, String what) {
        Map<V, Integer> inv = new HashMap<>();
        for (Map.Entry<Integer, V> e : m.entrySet()) {
            Integer before = inv.put(e.getValue(), e.getKey());
            if (before != null) {
                throw DrugstatsException.of("seizure codes: %s %s has two codes, %d and %d; expected one code per name",
                        what, e.getValue(), before, e.getKey());
            }
        }
        return Collections.unmodifiableMap(inv);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeizureEventCodes c && areas.equals(c.areas) && drugs.equals(c.drugs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(areas, drugs);
    }

    @Override
    public String toString() {
        return "SeizureEventCodes[" + areas.size() + " areas, " + drugs.size() + " drugs]";
    }
}
