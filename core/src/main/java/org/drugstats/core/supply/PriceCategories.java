package org.drugstats.core.supply;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.io.CsvTable;

/**
 * Which price of UNODC <i>World Drug Report</i> annex 8.1 values a seizure category: resource
 * {@code price-categories.csv} ({@code drug,category,priority,note}), the Drug names of the price sheet (as the
 * {@code unodc-annex-prices} ingest stores them) that price the weight of a category, in order of preference (a
 * country-year with two of them is valued at the one of lowest priority). Only categories priced per gram are
 * listed: "ecstasy" is priced per tablet and gets no value.
 */
public final class PriceCategories {

    static final String RESOURCE = "price-categories.csv";

    /** A priced drug: its category and preference (1 first). */
    public record Priced(String category, int priority) {
    }

    private final Map<String, Priced> byDrug;

    private PriceCategories(Map<String, Priced> byDrug) {
        this.byDrug = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byDrug));
    }

    /** The mapping shipped with core. */
    public static PriceCategories fromResources() {
        InputStream in = PriceCategories.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw DrugstatsException.of("price category resource %s is missing from the class path", RESOURCE);
        }
        Map<String, Priced> m = new LinkedHashMap<>();
        try (InputStreamReader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (CsvTable.Row row : CsvTable.parse(RESOURCE, r).rows()) {
                int p;
                try {
                    p = Integer.parseInt(row.requiredText("priority").strip());
                } catch (NumberFormatException e) {
                    throw (DrugstatsException) row.error("priority", row.text("priority"), "a whole number").initCause(e);
                }
                SeizureCategories.fromResources().category(row.requiredText("category").strip());
                if (m.put(row.requiredText("drug").strip(), new Priced(row.requiredText("category").strip(), p)) != null) {
                    throw row.error("drug", row.text("drug"), "a drug not listed before");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PriceCategories(m);
    }

    /** Every priced drug, in file order. */
    public Map<String, Priced> all() {
        return byDrug;
    }

    /** The category a price of this Drug values, empty when it values none. */
    public Optional<Priced> of(String drug) {
        return Optional.ofNullable(drug == null ? null : byDrug.get(drug.strip()));
    }
}
