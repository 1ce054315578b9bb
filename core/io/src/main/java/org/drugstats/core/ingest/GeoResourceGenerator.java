package org.drugstats.core.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.geo.CountryNames;
import org.drugstats.core.geo.GeoCsv;
import org.drugstats.core.geo.GeoCsv.UnodcRegionCode;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.M49Country;
import org.drugstats.core.geo.RegionScheme;

/**
 * Produces the derived geography resources ({@code m49.csv}, {@code unodc-regions.csv}) from the published
 * files: the UNSD M49 CSV and WDR 2025 annex tables 1.2 and 7.1. The hand-written resources (aliases,
 * aggregate names, UNODC region codes) are read from the class path. Output is deterministic: rows sorted by
 * ISO3, a comment naming each input file and its SHA-256, no dates.
 */
public final class GeoResourceGenerator {

    /** Path of the M49 file below the shared data folder. */
    public static final String M49_FILE = "geo/unsd-m49.csv";
    /** Path of annex table 1.2 below the shared data folder. */
    public static final String PREVALENCE_FILE = "unodc-wdr2025/1.2_prevalence_general_population_national.xlsx";
    /** Path of annex table 7.1 below the shared data folder. */
    public static final String SEIZURES_FILE = "unodc-wdr2025/7.1_drug_seizures_2019-2023.xlsx";

    private GeoResourceGenerator() {
    }

    /**
     * The generated resources and the derivation's notes.
     *
     * @param files resource file name → content
     * @param notes what the UNODC derivation noticed
     */
    public record Output(Map<String, String> files, List<String> notes) {
        /** Copies the map (keeping its order) and the list. */
        public Output {
            files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
            notes = List.copyOf(notes);
        }
    }

    /** Generates the resources from the files below {@code sharedData}. */
    public static Output generate(Path sharedData) {
        SourceFile m49File = SourceFile.of(sharedData.resolve(M49_FILE));
        SourceFile prevalence = SourceFile.of(sharedData.resolve(PREVALENCE_FILE));
        SourceFile seizures = SourceFile.of(sharedData.resolve(SEIZURES_FILE));

        List<M49Country> m49 = new ArrayList<>();
        for (UnsdM49File.Line line : UnsdM49File.read(m49File, "m49")) {
            for (String f : line.flags()) {
                if (!f.isEmpty() && !"x".equalsIgnoreCase(f)) {
                    throw DrugstatsException.of("%s line %d: flag '%s'; expected x or empty", m49File.name(),
                            line.line(), f);
                }
            }
            m49.add(line.country());
        }
        m49.sort(Comparator.comparing(M49Country::iso3));
        List<UnodcRegionCode> codes = load(GeoCsv.UNODC_REGION_CODES, GeoCsv::readUnodcRegionCodes);
        Geography bare = Geography.of(m49, List.of(), codes);
        CountryNames names = CountryNames.of(bare, load(GeoCsv.COUNTRY_ALIASES, GeoCsv::readAliases),
                load(GeoCsv.AGGREGATE_NAMES, GeoCsv::readAggregateNames)).withScheme(RegionScheme.UNODC);
        UnodcRegionDerivation.Result unodc = UnodcRegionDerivation.derive(prevalence, seizures, m49, names, codes);

        Map<String, String> files = new LinkedHashMap<>();
        files.put(GeoCsv.M49, GeoCsv.writeM49(String.join("\n",
                "UN M49 standard country or area codes (UN Statistics Division), with region, sub-region, intermediate",
                "region, ISO 3166-1 codes and the LDC/LLDC/SIDS groups. Data: UNSD via the datasets/country-codes",
                "project, ODC-PDDL. Derived by org.drugstats.core.ingest.GeoResourceGenerator from " + m49File.name(),
                "(sha256 " + m49File.sha256() + "); do not edit, run GenerateGeoResources (core test sources)."), m49));
        files.put(GeoCsv.UNODC_REGIONS, GeoCsv.writeUnodcRegions(String.join("\n",
                "UNODC regions and sub-regions of the World Drug Report by country. Derived by",
                "org.drugstats.core.ingest.GeoResourceGenerator (rules in UnodcRegionDerivation) from the Region and",
                "Sub-region columns of WDR 2025 statistical annex tables 1.2 and 7.1 (UNODC, CC BY 3.0 IGO):",
                prevalence.name() + " (sha256 " + prevalence.sha256() + "),",
                seizures.name() + " (sha256 " + seizures.sha256() + "),",
                "and " + m49File.name() + " for countries the annex does not list (basis m49:NNN).",
                "Do not edit; run GenerateGeoResources (core test sources)."), unodc.assignments()));
        return new Output(files, unodc.notes());
    }

    private static <T> List<T> load(String file, BiFunction<String, Reader, List<T>> reader) {
        try (Reader r = GeoCsv.resource(file)) {
            return reader.apply(file, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
