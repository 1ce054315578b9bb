package org.drugstats.reports.pages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.Manifest;
import org.drugstats.reports.model.QuarantineRows;

/**
 * The Quality page's section on the rows the ingest set aside before the run: per input, the ingest's quarantined
 * rows by reason with the full CSV linked, and the first rows of each with their raw values (escaped by the
 * table renderer like every cell).
 */
final class IngestQuarantineSection {

    /** How many quarantined rows of each input are listed on the page. */
    static final int FIRST_ROWS = 10;

    private IngestQuarantineSection() {
    }

    static Section build(PageContext c) {
        Section.Builder s = Section.builder("ingest-quarantine", "Set aside by the ingest");
        List<Manifest.Input> inputs = c.run.manifest().map(Manifest::inputs).orElse(List.of()).stream()
                .filter(i -> i.ingest() != null).toList();
        if (inputs.isEmpty()) {
            return s.add(Note.empty("ingest accounting", "No input of this run carries the report of the ingest that "
                    + "made it (ingest-report.json beside an extract).")).build();
        }
        long total = inputs.stream().mapToLong(i -> i.ingest().rowsQuarantined()).sum();
        s.text(String.format(java.util.Locale.ROOT, "Before this run, the ingest of the published files set aside %,d "
                + "rows of %,d read; they never reached the extracts. Per input and reason, with the full file:",
                total, inputs.stream().mapToLong(i -> i.ingest().rowsRead()).sum()));
        Set<String> reasons = new TreeSet<>();
        inputs.forEach(i -> reasons.addAll(i.ingest().byReason().keySet()));
        TableBuilder t = TableBuilder.of("ingest-quarantine-summary", "Rows quarantined by the ingest per input and "
                + "reason").text("Input").text("Published file").column("Rows", Kind.INTEGER);
        reasons.forEach(r -> t.column(r, Kind.INTEGER));
        t.column("File", Kind.LINK);
        List<Manifest.Input> withRows = new ArrayList<>();
        for (Manifest.Input i : inputs) {
            Manifest.Ingest g = i.ingest();
            List<Object> row = new ArrayList<>();
            row.add(i.path());
            row.add(g.input());
            row.add(g.rowsQuarantined());
            reasons.forEach(r -> row.add(g.byReason().getOrDefault(r, 0L)));
            Path file = g.quarantine().isEmpty() ? null : c.run.runDir().resolve(g.quarantine());
            row.add(file != null && Files.isRegularFile(file) ? c.assets.copy(file, "quarantine/ingest") : null);
            t.row(row.toArray());
            if (g.rowsQuarantined() > 0 && file != null && Files.isRegularFile(file)) {
                withRows.add(i);
            }
        }
        s.add(c.assets.table(t.note("The ingest's quarantine files are copied into the report under "
                + "data/quarantine/ingest/: the canonical columns as read, then reason, sheet, row, column, raw_value "
                + "and detail.")));
        for (Manifest.Input i : withRows) {
            Manifest.Ingest g = i.ingest();
            Path file = c.run.runDir().resolve(g.quarantine());
            List<QuarantineRows.Row> rows = QuarantineRows.first(file, FIRST_ROWS);
            String id = "ingest-quarantine-" + i.path().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            TableBuilder r = TableBuilder.of(id, String.format(java.util.Locale.ROOT, "%s: the first %d of %,d rows "
                    + "set aside by the ingest of %s", i.path(), rows.size(), g.rowsQuarantined(), g.input()))
                    .text("Reason").text("Sheet").text("Row").text("Column").text("Raw value").text("Detail");
            rows.forEach(q -> r.row(q.reason(), q.sheet(), q.row(), q.column(), q.rawValue(), q.detail()));
            s.add(c.assets.table(r));
        }
        return s.build();
    }
}
