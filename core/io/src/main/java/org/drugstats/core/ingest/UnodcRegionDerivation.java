package org.drugstats.core.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.geo.CountryNames;
import org.drugstats.core.geo.GeoCsv.UnodcRegionCode;
import org.drugstats.core.geo.M49Country;
import org.drugstats.core.geo.NameMatch;
import org.drugstats.core.geo.NameNormaliser;
import org.drugstats.core.geo.UnodcAssignment;

/**
 * Derives the UNODC regional grouping from the Region and Sub-region columns of World Drug Report annex tables
 * 1.2 (prevalence, one sheet per drug, region and sub-region filled on the first row of a group only) and 7.1
 * (seizures, long format with ISO3 codes), and extends it to the M49 countries those tables do not list.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>Every data row of both tables votes for its country's sub-region (table 1.2: the region and sub-region
 *       are carried down from the last row that filled them; a region cell that is not a UNODC region name, such
 *       as "new" in the NPS sheet, is ignored and noted). A country takes the sub-region with most votes; ties
 *       go to table 7.1's sub-region. Disagreements are noted (table 1.2 lists Egypt once under West and Central
 *       Africa because the row follows Nigeria without a sub-region cell).</li>
 *   <li>An M49 country absent from both tables takes the sub-region most annex countries of its finest M49
 *       group (intermediate region, else sub-region) belong to; when that group has no annex country, the
 *       UNODC sub-region of the same name (Micronesia, Polynesia); else the majority of its M49 sub-region, then
 *       region. Ties go to the first code in alphabetical order. Areas outside every M49 region (Antarctica)
 *       get no UNODC region.</li>
 * </ol>
 * The {@code basis} column of the result says which rule gave each row.
 */
public final class UnodcRegionDerivation {

    private UnodcRegionDerivation() {
    }

    /**
     * The derived grouping and what the derivation noticed.
     *
     * @param assignments one row per country, sorted by ISO3
     * @param notes one line per noteworthy fact (ignored region labels, disagreements, unmapped names)
     */
    public record Result(List<UnodcAssignment> assignments, List<String> notes) {
        /** Copies the lists. */
        public Result {
            assignments = List.copyOf(assignments);
            notes = List.copyOf(notes);
        }
    }

    private static final class Votes {
        final Map<String, Integer> count = new TreeMap<>();
        final Map<String, String> where = new HashMap<>();
        String fromSeizures;
    }

    /**
     * Derives the grouping.
     *
     * @param prevalence annex table 1.2
     * @param seizures annex table 7.1
     * @param m49 the M49 countries
     * @param names a matcher for the annex country names (UNODC scheme)
     * @param codes the UNODC region and sub-region codes
     */
    public static Result derive(SourceFile prevalence, SourceFile seizures, List<M49Country> m49, CountryNames names,
            List<UnodcRegionCode> codes) {
        Map<String, UnodcRegionCode> byKey = new HashMap<>();
        for (UnodcRegionCode c : codes) {
            byKey.put(NameNormaliser.key(c.name()), c);
        }
        Map<String, Votes> votes = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        readPrevalence(prevalence, names, byKey, votes, notes);
        readSeizures(seizures, names, byKey, votes, notes);

        Map<String, UnodcRegionCode> byCode = new HashMap<>();
        codes.forEach(c -> byCode.put(c.code(), c));
        Map<String, String> chosen = new TreeMap<>();
        for (Map.Entry<String, Votes> e : votes.entrySet()) {
            Votes v = e.getValue();
            int max = v.count.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            List<String> top = v.count.entrySet().stream().filter(x -> x.getValue() == max).map(Map.Entry::getKey)
                    .toList();
            String pick = top.size() > 1 && v.fromSeizures != null && top.contains(v.fromSeizures) ? v.fromSeizures
                    : top.get(0);
            chosen.put(e.getKey(), pick);
            if (v.count.size() > 1) {
                StringBuilder sb = new StringBuilder(e.getKey()).append(": annex rows disagree:");
                v.count.forEach((code, n) -> sb.append(' ').append(byCode.get(code).name()).append(" (").append(n)
                        .append(" rows, first at ").append(v.where.get(code)).append(')'));
                notes.add(sb.append("; took ").append(byCode.get(pick).name()).toString());
            }
        }

        List<UnodcAssignment> out = new ArrayList<>();
        for (Map.Entry<String, String> e : chosen.entrySet()) {
            out.add(assignment(e.getKey(), byCode.get(e.getValue()), byCode, "annex"));
        }
        Map<String, String> groupOf = new HashMap<>();
        for (M49Country c : m49) {
            groupOf.put(c.iso3(), c.finestGroupCode());
        }
        for (M49Country c : m49) {
            if (chosen.containsKey(c.iso3())) {
                continue;
            }
            if (c.regionCode().isEmpty()) {
                notes.add(c.iso3() + " (" + c.name() + "): outside every M49 region; no UNODC region");
                continue;
            }
            Optional<String[]> inferred = infer(c, m49, chosen, byKey);
            if (inferred.isEmpty()) {
                throw DrugstatsException.of("cannot assign %s (%s) to a UNODC sub-region: no annex country shares its "
                        + "M49 groups and no UNODC sub-region has the name of its M49 group", c.iso3(), c.name());
            }
            out.add(assignment(c.iso3(), byCode.get(inferred.get()[0]), byCode, "m49:" + inferred.get()[1]));
        }
        out.sort(Comparator.comparing(UnodcAssignment::iso3));
        return new Result(out, notes);
    }

    private static UnodcAssignment assignment(String iso3, UnodcRegionCode sub, Map<String, UnodcRegionCode> byCode,
            String basis) {
        UnodcRegionCode region = byCode.get(sub.parentCode());
        return new UnodcAssignment(iso3, region.code(), region.name(), sub.code(), sub.name(), basis);
    }

    /** [sub-region code, M49 group code used]. */
    private static Optional<String[]> infer(M49Country c, List<M49Country> m49, Map<String, String> chosen,
            Map<String, UnodcRegionCode> byKey) {
        List<String[]> levels = new ArrayList<>();
        if (!c.intermediateCode().isEmpty()) {
            levels.add(new String[] {c.intermediateCode(), c.intermediateRegion()});
        }
        levels.add(new String[] {c.subregionCode(), c.subregion()});
        levels.add(new String[] {c.regionCode(), c.region()});
        for (int i = 0; i < levels.size(); i++) {
            String code = levels.get(i)[0];
            Map<String, Integer> tally = new TreeMap<>();
            for (M49Country o : m49) {
                String sub = chosen.get(o.iso3());
                if (sub != null && (code.equals(o.intermediateCode()) || code.equals(o.subregionCode())
                        || code.equals(o.regionCode()))) {
                    tally.merge(sub, 1, Integer::sum);
                }
            }
            if (!tally.isEmpty()) {
                int max = tally.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
                String pick = tally.entrySet().stream().filter(x -> x.getValue() == max).map(Map.Entry::getKey)
                        .findFirst().orElseThrow();
                return Optional.of(new String[] {pick, code});
            }
            UnodcRegionCode same = byKey.get(NameNormaliser.key(levels.get(i)[1]));
            if (same != null && same.parentCode() != null) {
                return Optional.of(new String[] {same.code(), code});
            }
        }
        return Optional.empty();
    }

    private static void vote(Map<String, Votes> votes, String iso3, String subCode, String where, boolean seizures) {
        Votes v = votes.computeIfAbsent(iso3, k -> new Votes());
        v.count.merge(subCode, 1, Integer::sum);
        v.where.putIfAbsent(subCode, where);
        if (seizures && v.fromSeizures == null) {
            v.fromSeizures = subCode;
        }
    }

    /** Column positions of the first row (among the first 11) that has all the wanted headers, or null. */
    static Map<String, Integer> findHeader(XlsxSheet sheet, List<String> wanted) {
        for (XlsxRow row : sheet.rows()) {
            if (row.index() > 10) {
                break;
            }
            Map<String, Integer> cols = new HashMap<>();
            for (int c = 0; c < row.width(); c++) {
                cols.putIfAbsent(row.cell(c).text().toLowerCase(Locale.ROOT), c);
            }
            if (cols.keySet().containsAll(wanted)) {
                cols.put("#row", row.index());
                return cols;
            }
        }
        return null;
    }

    private static void readPrevalence(SourceFile file, CountryNames names, Map<String, UnodcRegionCode> byKey,
            Map<String, Votes> votes, List<String> notes) {
        XlsxWorkbook wb = XlsxWorkbook.read(file, "unodc-annex-prevalence");
        for (XlsxSheet sheet : wb.sheets()) {
            String sheetName = sheet.name();
            Map<String, Integer> cols = findHeader(sheet, List.of("region", "sub-region", "country/territory"));
            if (cols == null) {
                throw DrugstatsException.of("%s, sheet '%s': no header row with Region, Sub-region and "
                        + "Country/Territory in the first 11 rows", file.name(), sheetName);
            }
            int headerRow = cols.get("#row");
            int rc = cols.get("region");
            int sc = cols.get("sub-region");
            int cc = cols.get("country/territory");
            UnodcRegionCode region = null;
            UnodcRegionCode sub = null;
            for (XlsxRow row : sheet.rows()) {
                if (row.index() <= headerRow) {
                    continue;
                }
                XlsxCell regionCell = row.cell(rc);
                XlsxCell subCell = row.cell(sc);
                XlsxCell countryCell = row.cell(cc);
                if (!regionCell.isBlank()) {
                    UnodcRegionCode g = byKey.get(NameNormaliser.key(regionCell.text()));
                    if (g != null && g.parentCode() == null) {
                        if (region == null || !region.code().equals(g.code())) {
                            sub = null;
                        }
                        region = g;
                    } else if (!countryCell.isBlank()) {
                        notes.add(String.format(Locale.ROOT, "%s, sheet '%s', %s: region cell '%s' is not a UNODC "
                                + "region name; ignored", file.name(), sheetName, regionCell.ref(), regionCell.text()));
                    }
                }
                if (!subCell.isBlank()) {
                    UnodcRegionCode g = byKey.get(NameNormaliser.key(subCell.text()));
                    if (g != null && g.parentCode() != null && region != null && g.parentCode().equals(region.code())) {
                        sub = g;
                    } else {
                        notes.add(String.format(Locale.ROOT, "%s, sheet '%s', %s: sub-region cell '%s' is not a "
                                + "sub-region of %s; ignored", file.name(), sheetName, subCell.ref(), subCell.text(),
                                region == null ? "any region" : region.name()));
                    }
                }
                if (countryCell.isBlank() || sub == null) {
                    continue;
                }
                NameMatch m = names.match(countryCell.raw());
                if (m instanceof NameMatch.Mapped mapped) {
                    vote(votes, mapped.iso3(), sub.code(), "1.2 '" + sheetName + "' " + countryCell.ref(), false);
                } else {
                    NameMatch.Unmapped u = (NameMatch.Unmapped) m;
                    notes.add(String.format(Locale.ROOT, "%s, sheet '%s', %s: '%s' is not one country (%s); not used",
                            file.name(), sheetName, countryCell.ref(), countryCell.text(), u.reason()));
                }
            }
        }
    }

    private static void readSeizures(SourceFile file, CountryNames names, Map<String, UnodcRegionCode> byKey,
            Map<String, Votes> votes, List<String> notes) {
        XlsxWorkbook wb = XlsxWorkbook.read(file, "unodc-annex-seizures");
        XlsxSheet sheet = wb.sheets().get(0);
        Map<String, Integer> cols = findHeader(sheet, List.of("subregion", "country", "mscode"));
        if (cols == null) {
            throw DrugstatsException.of("%s: no header row with SubRegion, Country and msCode in the first 11 rows",
                    file.name());
        }
        int headerRow = cols.get("#row");
        for (XlsxRow row : sheet.rows()) {
            if (row.index() <= headerRow) {
                continue;
            }
            XlsxCell subCell = row.cell(cols.get("subregion"));
            XlsxCell codeCell = row.cell(cols.get("mscode"));
            XlsxCell nameCell = row.cell(cols.get("country"));
            UnodcRegionCode sub = byKey.get(NameNormaliser.key(subCell.text()));
            if (sub == null || sub.parentCode() == null) {
                notes.add(String.format(Locale.ROOT, "%s, %s: sub-region '%s' is not a UNODC sub-region; row not used",
                        file.name(), subCell.ref(), subCell.text()));
                continue;
            }
            NameMatch m = names.match(codeCell.text());
            if (!(m instanceof NameMatch.Mapped)) {
                m = names.match(nameCell.raw());
            }
            if (m instanceof NameMatch.Mapped mapped) {
                vote(votes, mapped.iso3(), sub.code(), "7.1 " + nameCell.ref(), true);
            } else {
                notes.add(String.format(Locale.ROOT, "%s, %s: country '%s' / msCode '%s' not mapped; row not used",
                        file.name(), nameCell.ref(), nameCell.text(), codeCell.text()));
            }
        }
    }
}
