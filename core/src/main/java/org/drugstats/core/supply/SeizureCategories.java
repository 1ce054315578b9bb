package org.drugstats.core.supply;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.CsvTable;

/**
 * The seizure categories and the mapping of every DrugGroup / DrugSubGroup / DrugName of UNODC, <i>World Drug
 * Report 2025</i>, statistical annex table 7.1 (drug seizures 2019–2023) to one of them, read from two resource
 * files of this package:
 * <ul>
 * <li>{@code seizure-categories.csv} — {@code code,label,family,summable,headline,description}: what may be added
 * together. Cocaine is cocaine hydrochloride, base and paste, "crack" and other smokable forms and non-specified
 * cocaine; coca leaf and coca bush are apart; cannabis herb, resin, oil, seed and plants are apart from each other;
 * opium, heroin, morphine, poppy plants and poppy straw are apart; precursor chemicals and "other substances" are
 * not summable. This is the grouping of the annex's own sub-groups and of the WDR 2025 seizure chapters (cocaine
 * excluding coca leaf and bush; methamphetamine and amphetamine under the ATS).</li>
 * <li>{@code seizure-drug-categories.csv} — {@code drug_group,drug_subgroup,drug_name,category,role,code}: every
 * combination published in the annex (169 in the WDR 2025 file), {@code role} {@code part} or {@code total}
 * (the country's own "total of the above" row, {@link TotalRole#TOTAL}), and {@code code}, the combination's
 * fixed drug code (a positive integer, unique; the WDR 2025 file numbers its rows 1–169 in file order; a code is
 * never reused for another combination, a new combination gets the next number). The drug code is what
 * record-level seizure extracts carry in their {@code drug_code} column. Names are matched exactly after
 * trimming, with runs of white space (no-break spaces included) as one space, ignoring case.</li>
 * </ul>
 * Lines that start with {@code #} are comments. Loading checks that every mapped category exists, that the total
 * rows of a family all map to one category of that family, and that no combination is mapped twice.
 */
public final class SeizureCategories {

    static final String CATEGORIES = "seizure-categories.csv";
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    static final String MAPPING = "seizure-drug-categories.csv";

    /** A mapped annex combination. */
    public record Mapping(SeizureCategory category, TotalRole role) {
    }

    private final Map<String, SeizureCategory> categories;
    private final Map<String, Mapping> mapping;
    private final Map<String, String> familyTotal;
    private final Map<String, Integer> drugCodes;

    private SeizureCategories(Map<String, SeizureCategory> categories, Map<String, Mapping> mapping,
            Map<String, String> familyTotal, Map<String, Integer> drugCodes) {
        this.categories = Collections.unmodifiableMap(categories);
        this.mapping = Collections.unmodifiableMap(mapping);
        this.familyTotal = Collections.unmodifiableMap(familyTotal);
        this.drugCodes = Collections.unmodifiableMap(drugCodes);
    }

    /** The categories and mapping shipped with core. */
    public static SeizureCategories fromResources() {
        return of(resource(CATEGORIES), CATEGORIES, resource(MAPPING), MAPPING);
    }

    /** Categories and mapping from CSV text in the resource formats (for tests and other editions). */
    public static SeizureCategories of(String categoriesCsv, String mappingCsv) {
        return of(new StringReader(categoriesCsv), "categories", new StringReader(mappingCsv), "mapping");
    }

    private static SeizureCategories of(Reader categoriesIn, String categoriesName, Reader mappingIn,
            String mappingName) {
        Map<String, SeizureCategory> cats = new LinkedHashMap<>();
        for (CsvTable.Row r : table(categoriesName, categoriesIn).rows()) {
            String code = r.requiredText("code").strip();
            String summable = r.requiredText("summable").strip();
            if (!summable.equals("true") && !summable.equals("false")) {
                throw r.error("summable", summable, "true or false");
            }
            int headline;
            try {
                headline = Integer.parseInt(r.requiredText("headline").strip());
            } catch (NumberFormatException e) {
                throw (DrugstatsException) r.error("headline", r.text("headline"), "an integer (0 when not a headline category)")
                        .initCause(e);
            }
            SeizureCategory c = new SeizureCategory(code, r.requiredText("label").strip(),
                    r.requiredText("family").strip(), Boolean.parseBoolean(summable), headline,
                    r.text("description") == null ? "" : r.text("description").strip());
            if (cats.put(code, c) != null) {
                throw r.error("code", code, "a code not listed before");
            }
        }
        Map<String, Mapping> map = new LinkedHashMap<>();
        Map<String, String> familyTotal = new TreeMap<>();
        Map<String, Integer> drugCodes = new LinkedHashMap<>();
        Map<Integer, Long> codeLines = new java.util.HashMap<>();
        for (CsvTable.Row r : table(mappingName, mappingIn).rows()) {
            String code = r.requiredText("category").strip();
            SeizureCategory c = cats.get(code);
            if (c == null) {
                throw r.error("category", code, "a code of " + categoriesName);
            }
            TotalRole role;
            try {
                role = TotalRole.valueOf(r.requiredText("role").strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw (DrugstatsException) r.error("role", r.text("role"), "part or total").initCause(e);
            }
            if (role == TotalRole.TOTAL) {
                String before = familyTotal.putIfAbsent(c.family(), code);
                if (before != null && !before.equals(code)) {
                    throw r.error("category", code, "the category of the family's other total rows (" + before + ")");
                }
            }
            String key = key(r.text("drug_group"), r.text("drug_subgroup"), r.text("drug_name"));
            if (map.put(key, new Mapping(c, role)) != null) {
                throw r.error("drug_name", r.text("drug_name"), "a combination of group, sub-group and name not mapped before");
            }
            String codeText = r.text("code");
            if (codeText != null && !codeText.isBlank()) {
                int drugCode;
                try {
                    drugCode = Integer.parseInt(codeText.strip());
                } catch (NumberFormatException e) {
                    throw (DrugstatsException) r.error("code", codeText, "a positive integer drug code").initCause(e);
                }
                if (drugCode < 1) {
                    throw r.error("code", codeText, "a positive integer drug code");
                }
                Long before = codeLines.putIfAbsent(drugCode, r.line());
                if (before != null) {
                    throw r.error("code", codeText, "a drug code not used before (line " + before + " has it)");
                }
                drugCodes.put(key, drugCode);
            }
        }
        return new SeizureCategories(cats, map, familyTotal, drugCodes);
    }

    private static CsvTable table(String name, Reader in) {
        StringBuilder text = new StringBuilder();
        char[] buf = new char[8192];
        try (Reader r = in) {
            for (int n; (n = r.read(buf)) >= 0;) {
                text.append(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // comment lines become blank lines, so that line numbers in errors stay those of the file
        String uncommented = text.toString().replaceAll("(?m)^#.*$", "");
        CsvTable t = CsvTable.parse(name, new StringReader(uncommented));
        return t;
    }

    private static Reader resource(String file) {
        InputStream in = SeizureCategories.class.getResourceAsStream(file);
        if (in == null) {
            throw DrugstatsException.of("seizure category resource %s is missing from the class path", file);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static String key(String group, String subgroup, String name) {
        return norm(group) + "\u0000" + norm(subgroup) + "\u0000" + norm(name);
    }

    private static String norm(String s) {
        return s == null ? "" : SPACES.matcher(s.replace('\u00A0', ' ').strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** The mapping of an annex combination, empty when it is not mapped. */
    public Optional<Mapping> lookup(String group, String subgroup, String name) {
        return Optional.ofNullable(mapping.get(key(group, subgroup, name)));
    }

    /**
     * The fixed drug code of an annex combination (the mapping's {@code code} column; names matched as in
     * {@link #lookup}), empty when the combination is not mapped or has no code.
     */
    public java.util.OptionalInt drugCode(String group, String subgroup, String name) {
        Integer c = drugCodes.get(key(group, subgroup, name));
        return c == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(c);
    }

    /** The category of a code. */
    public SeizureCategory category(String code) {
        SeizureCategory c = categories.get(code);
        if (c == null) {
            throw DrugstatsException.of("unknown seizure category '%s'; expected one of %s", code, categories.keySet());
        }
        return c;
    }

    /** Every category, in file order. */
    public List<SeizureCategory> categories() {
        return List.copyOf(categories.values());
    }

    /** The headline categories in their headline order. */
    public List<SeizureCategory> headlines() {
        List<SeizureCategory> h = new ArrayList<>(categories.values().stream().filter(c -> c.headline() > 0).toList());
        h.sort(java.util.Comparator.comparingInt(SeizureCategory::headline));
        return h;
    }

    /**
     * The category a family's total row maps to (where its not-broken-down quantity is counted), empty when the
     * family has no total row.
     */
    public Optional<SeizureCategory> totalCategory(String family) {
        String c = familyTotal.get(family);
        return c == null ? Optional.empty() : Optional.of(categories.get(c));
    }

    /** Number of mapped combinations. */
    public int size() {
        return mapping.size();
    }
}
