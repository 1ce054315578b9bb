package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.NameMatch;

/**
 * A labelled data row of an annex 6 pivot ({@link UnodcAnnexCultivationKind}) and its cells by year: the best
 * estimates, the footnote letters in spacer cells, the lower and upper bound cells of the bound rows under it, and
 * its method and unit cells.
 */
final class AnnexCultivationRow {
    final XlsxRow row;
    final String label;
    final NameMatch match;
    final Map<String, XlsxCell> cells = new LinkedHashMap<>();
    final Map<String, String> footnotes = new HashMap<>();
    final Map<String, XlsxCell> lower = new HashMap<>();
    final Map<String, XlsxCell> upper = new HashMap<>();
    final List<XlsxRow> boundRows = new ArrayList<>();
    final AnnexLabel parsed;
    String boundMarkers;
    AnnexLabel.Role lastBound;
    String method;
    XlsxCell unitCell;
    Unit unit;

    AnnexCultivationRow(XlsxRow row, String label, NameMatch match, AnnexLabel parsed) {
        this.row = row;
        this.label = label;
        this.match = match;
        this.parsed = parsed;
    }
}
