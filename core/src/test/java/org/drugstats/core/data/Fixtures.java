package org.drugstats.core.data;

import java.util.List;

/** Small extracts for tests. */
final class Fixtures {
    private Fixtures() {
    }

    static final Origin ORIGIN = new Origin("test-origin", "Test producer", "Test table", "Producer (2025) Test table",
            "https://example.org/t", "CC BY 3.0 IGO", "2025", "t.xlsx", "00ff", "made by a test", false);

    static List<Observation> observations() {
        Observation a = Observation.builder().indicator("prevalence").refArea("COL").timePeriod(2019).age("12-65")
                .value(2.64).lower(2.1).upper(3.3).unit(Unit.PERCENT).drug("cannabis").method("HHS")
                .adjustment("a").source("National survey \"ENCSPA\", 2019").notes("comma, and quote \" inside")
                .origin("test-origin").areaName("  Colombia a").flag(QualityFlag.NONSTANDARD_AGE_BASE).build();
        Observation b = Observation.builder().indicator("cultivation_area").refArea("COL").timePeriod("2023")
                .age("_T").value(252600.0).unit(Unit.HECTARES).drug("coca bush").origin("test-origin").record("10")
                .flag(QualityFlag.MULTIPLE_RECORDS).build();
        Observation c = Observation.builder().indicator("cultivation_area").refArea("PER").timePeriod("2010")
                .age("_T").missing().unit(Unit.HECTARES).drug("coca bush").origin("test-origin").notes("..").build();
        Observation d = Observation.builder().indicator("people_with_dud").refArea("WLD").timePeriod("2021")
                .sex(Sex.FEMALE).age("15-64").value(1.0e-7).lower(1.234567890123e-9).upper(39.5e9).unit(Unit.PERSONS)
                .unitMult(6).origin("test-origin").obsStatus(ObsStatus.ESTIMATED).build();
        return List.of(a, b, c, d);
    }

    static Extract extract() {
        return Extract.of(observations(), List.of(ORIGIN));
    }
}
