package org.drugstats.core.stats.estimate;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.geo.AreaAggregate;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.geo.M49Country;

/** The estimation inputs of the embedded {@code data/} extracts (tests and the window measurement). */
final class EmbeddedEstimates {
    final NationalEstimates national;
    final PopulationTable population;
    final Geography geography;
    final Map<String, String> names;

    EmbeddedEstimates(Path data) {
        List<Observation> prev = ParquetExtracts.read(data.resolve("unodc-wdr2025-prevalence/extract.parquet"))
                .observations();
        List<Observation> pop = ParquetExtracts.read(data.resolve("wpp2017-population/extract.parquet"))
                .observations();
        population = EstimationInputs.population(pop);
        national = NationalEstimates.of(EstimationInputs.surveyRows(prev), population);
        geography = Geography.fromResources();
        names = new HashMap<>();
        for (M49Country c : geography.countries()) {
            names.put(c.iso3(), c.name());
        }
        for (AreaAggregate a : geography.aggregates()) {
            names.put(a.code(), a.name());
        }
    }

    List<AreaEstimate> run(EstimationSettings s) {
        return WdrEstimator.of(s).estimate(national, population, geography.unodcAssignments(), names);
    }

    /** Prints world 2023 people (millions) and coverage by drug for windows 0..25 (BENCHMARKS.md). */
    public static void main(String[] args) {
        EmbeddedEstimates e = new EmbeddedEstimates(Path.of(args.length > 0 ? args[0] : "data"));
        System.out.println(e.national.counts());
        int[] windows = {0, 2, 4, 6, 8, 10, 12, 15, 20, 25};
        Map<String, Double> full = new HashMap<>();
        for (AreaEstimate a : e.run(EstimationSettings.defaults().withWindow(30))) {
            if (a.level() == EstimateLevel.WORLD) {
                full.put(a.drug().code() + a.year(), a.persons().best());
            }
        }
        for (int w : windows) {
            double max = 0;
            String at = "";
            for (AreaEstimate a : e.run(EstimationSettings.defaults().withWindow(w))) {
                if (a.level() == EstimateLevel.WORLD) {
                    double d = Math.abs(a.persons().best() / full.get(a.drug().code() + a.year()) - 1);
                    if (d > max) {
                        max = d;
                        at = a.drug().code() + " " + a.year();
                    }
                }
            }
            System.out.printf("W=%2d: largest move of a world total 2013-2023 against W=30: %.1f%% (%s)%n", w,
                    100 * max, at);
        }
        for (int y : new int[] {2023, 2018, 2013}) {
            System.out.printf("year %d: W, then per drug: people (millions) [low-high] coverage%n", y);
            for (int w : windows) {
                StringBuilder sb = new StringBuilder(String.format("W=%2d", w));
                for (AreaEstimate a : e.run(EstimationSettings.defaults().withWindow(w).withYears(y, y))) {
                    if (a.level() == EstimateLevel.WORLD) {
                        sb.append(String.format(" | %s %.1f [%.1f-%.1f] cov %.2f", a.drug().code(),
                                a.persons().best() / 1e6, a.persons().low() / 1e6, a.persons().high() / 1e6,
                                a.coverage()));
                    }
                }
                System.out.println(sb);
            }
        }
    }
}
