package org.drugstats.core.stats.youth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.geo.Geography;
import org.drugstats.core.stats.estimate.EstimationInputs;
import org.drugstats.core.stats.estimate.PopulationTable;

/** The youth inputs of the embedded {@code data/} extracts (tests and the window measurement of BENCHMARKS.md). */
final class EmbeddedYouth {
    final List<Observation> observations;
    final List<YouthSurveyRow> rows;
    final PopulationTable population;
    final Geography geography;

    EmbeddedYouth(Path data) {
        observations = ParquetExtracts.read(data.resolve("unodc-wdr2025-youth-prevalence/extract.parquet"))
                .observations();
        rows = new ArrayList<>();
        for (Observation o : observations) {
            YouthSurveyRow.of(o).ifPresent(rows::add);
        }
        population = EstimationInputs.population(ParquetExtracts.read(
                data.resolve("wpp2017-population/extract.parquet")).observations());
        geography = Geography.fromResources();
    }

    List<YouthSummary> summaries(YouthSettings s) {
        YouthEstimator e = YouthEstimator.of(s);
        return e.summaries(e.latest(rows), population, geography.unodcAssignments());
    }

    /** Prints coverage and weighted means of the regional past-year cannabis summaries for several windows. */
    public static void main(String[] args) {
        EmbeddedYouth y = new EmbeddedYouth(Path.of(args.length > 0 ? args[0] : "data"));
        for (String drug : List.of("cannabis", "cocaine")) {
            for (YouthPeriod p : List.of(YouthPeriod.ANNUAL, YouthPeriod.LIFETIME)) {
                for (int w : new int[] {4, 5, 8, 10, 15}) {
                    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s %-9s W=%2d", drug,
                            p.label(), w));
                    for (YouthSummary s : y.summaries(YouthSettings.defaults().withWindow(w))) {
                        if (s.drug().equals(drug) && s.period() == p && s.level() != YouthLevel.SUBREGION) {
                            b.append(String.format(Locale.ROOT, " | %s %.2f n=%d %s", s.code().replace("UNODC_", ""),
                                    s.coverage(), s.nWithData(), Double.isNaN(s.mean()) ? "-"
                                            : String.format(Locale.ROOT, "%.1f%%", s.mean())));
                        }
                    }
                    System.out.println(b);
                }
            }
        }
    }
}
