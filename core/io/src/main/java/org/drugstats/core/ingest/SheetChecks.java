package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.geo.NameNormaliser;

/**
 * Checks that keep a sheet-per-subject workbook (one sheet per drug in annex tables 1.2 and 1.4) from being read as
 * something else without a word: a sheet's tab name must agree with its own title where the title names the
 * subject of another sheet (swapped tab names would otherwise turn cannabis values into cocaine values), and a
 * sheet whose header row is recognisable but lacks a label (a blank or renamed header cell) is an error, not a
 * sheet silently skipped with its values.
 */
final class SheetChecks {

    private SheetChecks() {
    }

    /**
     * Refuses a sheet whose title (its first non-blank cell above the header row; first line only) names the subject
     * of another sheet of the workbook rather than its own. A sheet name names the title when its words occur in the
     * title's words; the longest such name is the one the title names ("PRESCRIPTION OPIOIDS" names "Prescription
     * opioids", not "Opioids"). A title that names no sheet is not checked.
     *
     * @throws DrugstatsException naming the file, sheet, cell and both names
     */
    static void titleAgreesWithTab(String file, XlsxWorkbook wb, XlsxSheet sheet, int headerIndex) {
        Optional<XlsxCell> title = sheet.head().stream().filter(r -> r.index() < headerIndex)
                .flatMap(r -> java.util.Arrays.stream(r.cells())).filter(c -> c != null && !c.isBlank()).findFirst();
        if (title.isEmpty()) {
            return;
        }
        String raw = title.get().raw() == null ? title.get().text() : title.get().raw();
        String firstLine = words(raw.lines().findFirst().orElse(""));
        String named = null;
        for (String name : wb.sheetNames()) {
            String w = words(name);
            if (!w.isBlank() && (" " + firstLine + " ").contains(" " + w + " ")
                    && (named == null || w.length() > words(named).length())) {
                named = name;
            }
        }
        if (named != null && !named.equals(sheet.name())) {
            throw DrugstatsException.of("%s, sheet '%s' cell %s: the sheet's title '%s' names the subject of sheet "
                    + "'%s', not '%s' (are tab names swapped?); expected each sheet's title to name its own tab's "
                    + "subject", file, sheet.name(), title.get().ref(), NameNormaliser.clean(raw.lines().findFirst()
                            .orElse("")), named, sheet.name());
        }
    }

    /**
     * Refuses a sheet with a header row that has at least {@code minFound} of the wanted labels but not all of them,
     * among the first {@code maxRows} non-blank rows: the sheet is of the kind, and one of its header cells is blank
     * or renamed.
     *
     * @param display the wanted labels as published, for the message, in the order of {@code wanted}
     * @throws DrugstatsException naming the file, sheet, row and the missing labels
     */
    static void noPartialHeader(String file, XlsxSheet sheet, List<String> wanted, List<String> display,
            int minFound, int maxRows) {
        noPartialHeader(file, sheet, IngestSupport::label, wanted, display, minFound, maxRows);
    }

    /**
     * {@link #noPartialHeader(String, XlsxSheet, List, List, int, int)} for a kind that reads a header cell's text
     * with its own function ({@code labelOf} gives the label a cell's text stands for, or null).
     */
    static void noPartialHeader(String file, XlsxSheet sheet, java.util.function.Function<String, String> labelOf,
            List<String> wanted, List<String> display, int minFound, int maxRows) {
        int seen = 0;
        for (XlsxRow row : sheet.head()) {
            if (seen++ >= maxRows) {
                return;
            }
            List<String> labels = new ArrayList<>();
            for (int c = 0; c < row.width(); c++) {
                String label = row.cell(c).isBlank() ? null : labelOf.apply(row.cell(c).text());
                if (label != null) {
                    labels.add(label);
                }
            }
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < wanted.size(); i++) {
                if (!labels.contains(wanted.get(i))) {
                    missing.add(display.get(i));
                }
            }
            if (wanted.size() - missing.size() >= minFound && !missing.isEmpty()) {
                throw DrugstatsException.of("%s, sheet '%s' row %d: the header row lacks %s (a blank or renamed header "
                        + "cell); expected the labels %s — the sheet's values cannot be read without it", file,
                        sheet.name(), row.number(), String.join(", ", missing), String.join(" / ", display));
            }
        }
    }

    private static String words(String s) {
        return NameNormaliser.clean(s).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
