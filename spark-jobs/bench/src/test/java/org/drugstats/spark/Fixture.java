package org.drugstats.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.drugstats.core.data.Extract;
import org.drugstats.core.data.ExtractValidator;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Origin;
import org.drugstats.core.data.ParquetExtracts;
import org.drugstats.core.data.QualityFlag;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;
import org.drugstats.spark.generate.SeizureEventWriter;
import org.drugstats.spark.generate.SeizureEventWriter.Event;

/**
 * A small data directory written with core's writers: a prevalence extract with three bad rows (a prevalence of
 * 120%, a duplicate key, a lower bound above the value), a population extract, and a seizure-events extract with three
 * bad events (a negative quantity, a lower-case area code, a duplicate event id).
 */
public final class Fixture {

    public static final Origin PREVALENCE = origin("test-prevalence", false);
    public static final Origin POPULATION = origin("test-population", false);
    public static final Origin EVENTS = origin("test-events", false);

    public static final String[] COUNTRIES = {"COL", "PER", "BOL", "FRA", "DEU", "ITA"};
    public static final int FIRST_YEAR = 2010;
    public static final int YEARS = 12;

    private Fixture() {
    }

    static Origin origin(String id, boolean synthetic) {
        return new Origin(id, "Test producer", "Test table " + id, "Producer (2025) " + id, null, "CC BY 4.0", "2025",
                id + ".xlsx", null, "written by a test", synthetic);
    }

    /** Writes the fixture under {@code dir} and returns it. */
    public static Path write(Path dir) {
        ParquetExtracts.write(dir.resolve("unodc/prevalence.parquet"), prevalenceRaw());
        ParquetExtracts.write(dir.resolve("population.parquet"), Extract.of(population(), List.of(POPULATION)));
        try (SeizureEventWriter w = SeizureEventWriter.open(dir.resolve("seizure-events.parquet"), List.of(EVENTS))) {
            for (Event e : events()) {
                w.write(e);
            }
        }
        return dir;
    }

    /** Prevalence rows, including the three bad ones (rows 5, 9 and 15, 1-based). */
    static Extract prevalenceRaw() {
        return Extract.of(prevalenceRows(), List.of(PREVALENCE));
    }

    static List<Observation> prevalenceRows() {
        List<Observation> rows = new ArrayList<>();
        int i = 0;
        for (String c : COUNTRIES) {
            for (int y = 0; y < YEARS; y++) {
                double v = 1.0 + 0.3 * i + 0.05 * y * (i % 3 == 0 ? 1 : -0.5) + 0.01 * ((y * 7 + i) % 5);
                rows.add(Observation.builder().indicator("prevalence_annual").refArea(c).timePeriod(FIRST_YEAR + y)
                        .age("15-64").value(v).lower(v * 0.8).upper(v * 1.2).unit(Unit.PERCENT).drug("cannabis")
                        .method("HHS").origin(PREVALENCE.id()).build());
            }
            i++;
        }
        // row 5: a prevalence above 100% (out of domain); Observation itself accepts it, validation does not
        rows.set(4, rows.get(4).toBuilder().value(120.0).lower(null).upper(null).build());
        // row 9: the same key as row 8 (a duplicate); rows 8 and 9 are COL 2017 and COL 2018: make 9 repeat 8
        rows.set(8, rows.get(7).toBuilder().value(rows.get(7).value() + 0.1).lower(null).upper(null).build());
        // row 14: a female row with a flag, accepted; row 15: lower above the value (range-inconsistent)
        rows.set(13, rows.get(13).toBuilder().sex(Sex.FEMALE).flag(QualityFlag.NONSTANDARD_AGE_BASE).build());
        rows.set(14, rows.get(14).toBuilder().lower(rows.get(14).value() + 1).upper(null).build());
        return rows;
    }

    static List<Observation> population() {
        List<Observation> rows = new ArrayList<>();
        double[] base = {32.0, 20.5, 6.8, 42.0, 55.0, 40.0};
        for (int c = 0; c < COUNTRIES.length; c++) {
            for (int y = 0; y < YEARS; y++) {
                rows.add(Observation.builder().indicator("population_15_64").refArea(COUNTRIES[c])
                        .timePeriod(FIRST_YEAR + y).age("15-64").value(base[c] * (1 + 0.01 * y)).unit(Unit.PERSONS)
                        .unitMult(6).origin(POPULATION.id()).build());
            }
        }
        return rows;
    }

    /** Events: 3 countries × 2 drugs × 3 years, 4 events each, then three bad events at the end. */
    static List<Event> events() {
        List<Event> ev = new ArrayList<>();
        long id = 1;
        String[][] drugs = {{"Cocaine-type", "Cocaine hydrochloride"}, {"Cannabis-type", "Cannabis herb (marijuana)"}};
        for (String c : new String[] {"COL", "PER", "FRA"}) {
            for (String[] d : drugs) {
                for (int y = 2019; y <= 2021; y++) {
                    for (int k = 0; k < 4; k++) {
                        double kg = Math.round((0.001 + k * 12.345 + (id % 7) * 100.0 / 3) * 1e6) / 1e6;
                        ev.add(new Event(id++, c, y, d[0], null, d[1], kg));
                    }
                }
            }
        }
        ev.add(new Event(id++, "COL", 2019, "Cocaine-type", null, "Cocaine hydrochloride", -1.0));
        ev.add(new Event(id++, "fra", 2019, "Cocaine-type", null, "Cocaine hydrochloride", 2.0));
        ev.add(new Event(5, "PER", 2020, "Cocaine-type", null, "Cocaine hydrochloride", 3.0));
        return ev;
    }

    /** Core's single-machine validation of the prevalence rows, for comparison with the Spark step. */
    static org.drugstats.core.data.ValidationResult coreValidation(Path dir) {
        return ExtractValidator.validate("unodc/prevalence.parquet",
                ParquetExtracts.readRaw(dir.resolve("unodc/prevalence.parquet")).rows());
    }
}
