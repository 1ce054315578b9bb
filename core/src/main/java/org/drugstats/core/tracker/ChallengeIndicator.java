package org.drugstats.core.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.drugstats.core.DrugstatsException;

/**
 * One line of the tracker's mapping ({@code tracker-indicators.csv} beside this class): an indicator of the run's
 * results that bears on a challenge, or — with an empty {@code indicator} — the statement of what data a challenge
 * would need.
 *
 * @param challenge the challenge
 * @param table the results table that holds the series ({@code indicators}, {@code estimates},
 *     {@code aggregates}, {@code tracker} for the series the tracker derives itself)
 * @param indicator the indicator id, empty for a challenge without an indicator
 * @param drug the {@code drug} code of the series (empty for none)
 * @param drugGroup the {@code drug_group} of the series (empty for any)
 * @param areas {@code world} (WLD), {@code regions} (WLD and the UNODC regions) or a list of codes separated by
 *     {@code ;}
 * @param label a readable name
 * @param link the report page (and anchor) that shows the series
 * @param needed for a challenge without an indicator: what data would measure it; otherwise why the indicator
 *     bears on the challenge
 */
public record ChallengeIndicator(Challenge challenge, String table, String indicator, String drug, String drugGroup,
        String areas, String label, String link, String needed) {

    /** The mapping shipped with the library, in file order. */
    public static List<ChallengeIndicator> defaults() {
        try (InputStream in = ChallengeIndicator.class.getResourceAsStream("tracker-indicators.csv")) {
            if (in == null) {
                throw new DrugstatsException("tracker-indicators.csv is missing from the drugstats-core jar");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), "tracker-indicators.csv");
        } catch (IOException e) {
            throw new DrugstatsException("cannot read tracker-indicators.csv: " + e.getMessage(), e);
        }
    }

    /** Reads a mapping in the layout of {@code tracker-indicators.csv} ({@code name} is used in errors). */
    public static List<ChallengeIndicator> read(Reader reader, String name) throws IOException {
        List<ChallengeIndicator> out = new ArrayList<>();
        CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
                .setIgnoreEmptyLines(true).build();
        for (CSVRecord r : f.parse(reader)) {
            String letter = r.get("challenge");
            Challenge c;
            try {
                c = Challenge.ofLetter(letter);
            } catch (DrugstatsException e) {
                throw new DrugstatsException(String.format(java.util.Locale.ROOT,
                        "%s, line %d, column challenge: '%s' is not a challenge letter a to l", name,
                        r.getRecordNumber() + 1, letter), e);
            }
            out.add(new ChallengeIndicator(c, r.get("table"), r.get("indicator"), r.get("drug"), r.get("drug_group"),
                    r.get("areas"), r.get("label"), r.get("link"), r.get("needed")));
        }
        return List.copyOf(out);
    }

    /** True when the line names an indicator. */
    public boolean hasIndicator() {
        return !indicator.isBlank();
    }
}
