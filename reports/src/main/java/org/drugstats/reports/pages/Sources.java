package org.drugstats.reports.pages;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.data.Origin;
import org.drugstats.reports.model.ResultObservation;

/**
 * Source lines for charts and tables, from the origins the result files carry: "UNODC, World Drug Report
 * 2025 statistical annex, table 6.1.1 (2025)". Producers are shortened to the acronym in their name where
 * they have one.
 */
final class Sources {

    private static final Pattern ACRONYM = Pattern.compile("\\(([A-Z][A-Za-z]{1,12})\\)");

    private final Map<String, Origin> origins;
    private final String run;

    Sources(Map<String, Origin> origins, String run) {
        this.origins = origins;
        this.run = run;
    }

    /** The source line of these rows; derived values add "computed by drugstats". */
    String of(Collection<ResultObservation> rows, boolean derived) {
        Set<String> ids = new LinkedHashSet<>();
        for (ResultObservation o : rows) {
            if (o.origin() != null) {
                for (String id : o.origin().split(";")) {
                    if (!id.isBlank()) {
                        ids.add(id.trim());
                    }
                }
            }
        }
        return ofIds(ids, derived);
    }

    /** The source line of these origin ids. */
    String ofIds(Collection<String> ids, boolean derived) {
        Set<String> parts = new LinkedHashSet<>();
        for (String id : ids) {
            Origin o = origins.get(id);
            parts.add(o == null ? id : describe(o));
        }
        String s = parts.isEmpty() ? "drugstats run results" : String.join("; ", parts);
        return derived ? s + "; computed by drugstats (" + run + ")" : s;
    }

    /** "UNODC, title (2025)". */
    static String describe(Origin o) {
        Matcher m = ACRONYM.matcher(o.producer());
        String producer = m.find() ? m.group(1) : o.producer();
        String date = o.datePublished() == null || o.datePublished().isBlank() ? "" : " (" + o.datePublished() + ")";
        return producer + ", " + o.title() + date + (o.synthetic() ? " [synthetic data]" : "");
    }
}
