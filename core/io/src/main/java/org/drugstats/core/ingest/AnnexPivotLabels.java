package org.drugstats.core.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.drugstats.core.data.Unit;
import org.drugstats.core.geo.NameNormaliser;

/**
 * The label columns an annex 6 pivot table may carry between its area label and its year columns (eradication by
 * method and unit, production by unit), found by their header text on the year header row or the row above it:
 * a method ("Method", "Type of eradication", "Eradication method", "Method of eradication") and a unit ("Unit",
 * "Units", "Unit of measure"). The unit of a row decides its indicator's unit — hectares for an area, tons or
 * kilograms for a quantity — so that areas and quantities are never one series (and never summed into one total);
 * without a unit column the title's unit ("(hectares)", "(tons)") decides, hectares when it names none.
 *
 * @param cols the label columns by 0-based column, with their role
 * @param headers the header text of each label column, as published
 */
record AnnexPivotLabels(Map<Integer, Role> cols, Map<Integer, String> headers) {

    /** What an extra label column holds. */
    enum Role {
        METHOD,
        UNIT
    }

    /** No extra label columns. */
    static final AnnexPivotLabels NONE = new AnnexPivotLabels(Map.of(), Map.of());

    /** The role a header names, or null. */
    static Role role(String text) {
        String k = NameNormaliser.clean(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (k) {
            case "method", "methods", "typeoferadication", "eradicationmethod", "methodoferadication",
                    "eradicationtype", "type" -> Role.METHOD;
            case "unit", "units", "unitofmeasure", "unitofmeasurement", "measurementunit" -> Role.UNIT;
            default -> null;
        };
    }

    /** The label columns left of {@code firstYearCol} on the header row or the row just above it. */
    static AnnexPivotLabels find(XlsxSheet sheet, int headerIndex, int firstYearCol) {
        Map<Integer, Role> cols = new TreeMap<>();
        Map<Integer, String> headers = new TreeMap<>();
        for (XlsxRow row : sheet.rows()) {
            if (row.index() != headerIndex && row.index() != headerIndex - 1) {
                continue;
            }
            for (int c = 0; c < Math.min(firstYearCol, row.width()); c++) {
                XlsxCell cell = row.cell(c);
                Role r = cell.isBlank() || cell.isNumber() ? null : role(cell.text());
                if (r != null && !cols.containsKey(c) && !cols.containsValue(r)) {
                    cols.put(c, r);
                    headers.put(c, cell.text());
                }
            }
        }
        return cols.isEmpty() ? NONE : new AnnexPivotLabels(Map.copyOf(cols), Map.copyOf(headers));
    }

    /** The column of a role, or -1. */
    int col(Role role) {
        return cols.entrySet().stream().filter(e -> e.getValue() == role).mapToInt(Map.Entry::getKey).findFirst()
                .orElse(-1);
    }

    /** The header of a role's column, or the role's name. */
    String header(Role role) {
        int c = col(role);
        return c < 0 ? role.name().toLowerCase(Locale.ROOT) : headers.get(c);
    }

    /** The unit a unit cell names: hectares, tons (metric), kilograms; empty for anything else. */
    static Optional<Unit> unit(String text) {
        String k = NameNormaliser.clean(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (k) {
            case "ha", "hectare", "hectares" -> Optional.of(Unit.HECTARES);
            case "t", "mt", "ton", "tons", "tonne", "tonnes", "metricton", "metrictons", "metrictonnes" ->
                    Optional.of(Unit.TONNES);
            case "kg", "kgs", "kilogram", "kilograms" -> Optional.of(Unit.KILOGRAMS);
            default -> Optional.empty();
        };
    }

    /** The unit a title names in brackets ("(hectares)", "(tons)"); hectares when it names none. */
    static Unit titleUnit(String title) {
        String t = title == null ? "" : title.toLowerCase(Locale.ROOT);
        if (t.matches(".*\\((?:metric )?(?:tons|tonnes)\\b.*")) {
            return Unit.TONNES;
        }
        if (t.matches(".*\\((?:kg|kilograms)\\b.*")) {
            return Unit.KILOGRAMS;
        }
        return Unit.HECTARES;
    }

    /**
     * The indicator of an annex 6 pivot: {@code <activity>_<measure>_<crop>} — activity {@code cultivation},
     * {@code eradication} or {@code production}; measure {@code area} for hectares, {@code quantity} for a weight;
     * crop {@code coca} or {@code opium_poppy} (else the title's words). The cultivation tables' indicators stay
     * the catalog's {@code cultivation_area_coca} and {@code cultivation_area_opium_poppy}.
     */
    static String indicator(String activity, String drug, Unit unit) {
        String d = drug.toLowerCase(Locale.ROOT);
        String crop = activity.equals("production") ? SdgOpenCsvKind.slug(d)
                : d.startsWith("coca") ? "coca" : d.startsWith("opium") ? "opium_poppy" : SdgOpenCsvKind.slug(d);
        return activity + "_" + (unit == Unit.HECTARES ? "area" : "quantity") + "_" + crop;
    }
}
