package org.drugstats.core.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Builds the rows of the road-to-2029 tracker: for each challenge of the 2019 Ministerial Declaration, in the
 * declaration's order, one row per indicator and area that bears on it, assessed by {@link TrackerRules}; a challenge
 * that no indicator measures gets one {@code not measurable} row that says what data would be needed, and an
 * indicator the run did not produce gets one that says so. No challenge is dropped.
 */
public final class Tracker {
    private final TrackerRules rules;

    private Tracker(TrackerRules rules) {
        this.rules = Objects.requireNonNull(rules);
    }

    public static Tracker of(TrackerRules rules) {
        return new Tracker(rules);
    }

    public TrackerRules rules() {
        return rules;
    }

    /**
     * The tracker's rows.
     *
     * @param mapping which indicators bear on which challenge (e.g. {@link ChallengeIndicator#defaults()})
     * @param lookup the series of a mapping line found in the run's results (empty when the run has none)
     */
    public List<TrackerRow> rows(List<ChallengeIndicator> mapping,
            Function<ChallengeIndicator, List<TrackedSeries>> lookup) {
        List<TrackerRow> out = new ArrayList<>();
        for (Challenge c : Challenge.values()) {
            boolean any = false;
            for (ChallengeIndicator m : mapping) {
                if (m.challenge() != c) {
                    continue;
                }
                any = true;
                if (!m.hasIndicator()) {
                    out.add(TrackerRow.notMeasurable(c, "", m.label(), "", "",
                            c.title() + ": not measurable from the run's data; it would need " + m.needed() + ".",
                            "", m.link()));
                    continue;
                }
                List<TrackedSeries> found = lookup.apply(m);
                if (found.isEmpty()) {
                    out.add(TrackerRow.notMeasurable(c, m.indicator(), m.label(), "", "",
                            m.label() + ": not measurable — the run produced no value of " + m.indicator()
                                    + (m.drug().isBlank() ? "" : " for " + m.drug()) + " (its input is not among the"
                                    + " run's data).",
                            "", m.link()));
                    continue;
                }
                for (TrackedSeries s : found) {
                    Assessment a = rules.assess(s);
                    out.add(TrackerRow.of(c, s, a, Verdicts.of(s, a, rules.alpha())));
                }
            }
            if (!any) {
                out.add(TrackerRow.notMeasurable(c, "", c.title(), "", "",
                        c.title() + ": not measurable — no indicator of the run's data is mapped to it.", "", ""));
            }
        }
        return List.copyOf(out);
    }
}
