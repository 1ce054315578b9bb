package org.drugstats.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.drugstats.core.data.Unit;
import org.junit.jupiter.api.Test;

class CatalogFormatsTest {
    private static CatalogEntry entry(String title, String locator, double value, OptionalDouble lower,
            OptionalDouble upper, int multiplier) {
        return new CatalogEntry("x.test", title, value, lower, upper, Unit.PERSONS, multiplier, Optional.of("2021"),
                "World", Optional.empty(), "d", Optional.of("3.5.1"), "doc", locator, Optional.empty(),
                Optional.of("WDR 2023"), "q", Qualifier.NONE, List.of());
    }

    private static String csv(List<CatalogEntry> entries) throws Exception {
        StringWriter w = new StringWriter();
        CatalogFormats.write(CatalogFormats.Format.CSV, entries, w);
        return w.toString();
    }

    @Test
    void csvHeaderIsExact() throws Exception {
        assertEquals("id,title,value,lower,upper,unit,year,scope,sdg,source_document,source_locator,upstream_source\n",
                csv(List.of()));
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaks() throws Exception {
        CatalogEntry e = entry("People, \"with\" disorders", "para. 4\nsecond line", 39.5, OptionalDouble.of(35.25),
                OptionalDouble.empty(), 6);
        String[] lines = csv(List.of(e)).split("\n", 2);
        assertEquals("x.test,\"People, \"\"with\"\" disorders\",39500000,35250000,,persons,2021,World,3.5.1,doc,"
                + "\"para. 4\nsecond line\",\n", lines[1]);
    }

    @Test
    void csvValuesAreInBaseUnitsWithoutExponent() throws Exception {
        assertTrue(csv(List.of(entry("t", "l", 95000, OptionalDouble.empty(), OptionalDouble.empty(), 0)))
                .contains(",95000,,,persons,"));
        assertTrue(csv(List.of(entry("t", "l", 1.5, OptionalDouble.empty(), OptionalDouble.empty(), 9)))
                .contains(",1500000000,,,persons,"));
        assertTrue(csv(List.of(entry("t", "l", 0.1, OptionalDouble.empty(), OptionalDouble.empty(), 0)))
                .contains(",0.1,,,persons,"));
        // 0.1 scaled by 10^1 in decimal is exactly 1, not 1.0000000000000002.
        assertTrue(csv(List.of(entry("t", "l", 0.1, OptionalDouble.empty(), OptionalDouble.empty(), 1)))
                .contains(",1,,,persons,"));
    }

    @Test
    void shippedCatalogAsCsvHasOneLinePerEntryAndTwelveFields() throws Exception {
        Catalog catalog = Catalog.load();
        String out = csv(catalog.entries());
        List<List<String>> rows = parseCsv(out);
        assertEquals(catalog.entries().size() + 1, rows.size());
        for (List<String> row : rows) {
            assertEquals(12, row.size(), row::toString);
        }
        List<String> first = rows.get(1);
        assertEquals("people_with_dud.global.2021", first.get(0));
        assertEquals("39500000", first.get(2));
        assertEquals(catalog.entries().get(0).sourceDocument(), first.get(9)); // contains commas: quoted and restored
        assertTrue(out.contains("\nhcv_prevalence_pwid.global.2017,"));
    }

    @Test
    void jsonIsAnArrayOfFullEntriesWithResourceFieldNames() throws Exception {
        Catalog catalog = Catalog.load();
        StringWriter w = new StringWriter();
        CatalogFormats.write(CatalogFormats.Format.JSON, catalog.entries(), w);
        JsonNode root = new ObjectMapper().readTree(w.toString());
        assertEquals(catalog.entries().size(), root.size());
        JsonNode e = root.get(0);
        List<String> names = new java.util.ArrayList<>();
        e.fieldNames().forEachRemaining(names::add);
        assertEquals(CatalogReader.ENTRY_FIELDS, names);
        assertEquals(39.5, e.get("value").doubleValue(), 0.0);
        assertEquals(6, e.get("unit_multiplier").intValue());
        assertTrue(e.get("year").isTextual());
        assertTrue(e.get("lower").isNull());
        assertEquals("95000", root.findValues("value").get(indexOf(catalog, "family_skills.beneficiaries")).toString());
        StringWriter empty = new StringWriter();
        CatalogFormats.writeJson(List.of(), empty);
        assertEquals("[ ]\n", empty.toString());
    }

    private static int indexOf(Catalog c, String id) {
        return c.entries().indexOf(c.requireEntry(id));
    }

    /** A small RFC 4180 reader, to check that the writer's quoting reads back. */
    private static List<List<String>> parseCsv(String s) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
            } else {
                f.append(c);
            }
        }
        return rows;
    }

    @Test
    void formatCodes() {
        assertEquals(CatalogFormats.Format.CSV, CatalogFormats.Format.ofCode("csv"));
        assertEquals(CatalogFormats.Format.JSON, CatalogFormats.Format.ofCode(" JSON "));
        assertEquals("json", CatalogFormats.Format.JSON.code());
        org.drugstats.core.DrugstatsException ex = org.junit.jupiter.api.Assertions.assertThrows(
                org.drugstats.core.DrugstatsException.class, () -> CatalogFormats.Format.ofCode("xml"));
        assertEquals("unknown format 'xml'; expected one of [csv, json]", ex.getMessage());
    }
}
