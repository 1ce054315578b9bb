package org.drugstats.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/** Each class of defect in a catalog resource gives its own message naming the element and the field. */
class CatalogValidationTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final String ID = "people_with_dud.global.2021";
    private static final String E = "catalog entry '" + ID + "': ";

    private static ObjectNode validEntry() {
        ObjectNode n = M.createObjectNode();
        n.put("id", ID);
        n.put("title", "People with drug use disorders, world");
        n.put("value", 39.5);
        n.putNull("lower");
        n.putNull("upper");
        n.put("unit", "persons");
        n.put("unit_multiplier", 6);
        n.put("year", "2021");
        n.put("scope", "World");
        n.put("indicator", "people_with_dud");
        n.put("definition", "People with drug use disorders.");
        n.putNull("sdg");
        n.put("source_document", "Background note (20 February 2024)");
        n.put("source_locator", "para. 4");
        n.putNull("upstream_source");
        n.put("edition", "WDR 2023");
        n.put("quote", "39.5 million globally in 2021");
        n.put("qualifier", "none");
        n.putArray("also_stated_in");
        return n;
    }

    private static ObjectNode indicator(String id, String unit) {
        ObjectNode n = M.createObjectNode();
        n.put("id", id);
        n.put("name", id);
        n.put("unit", unit);
        n.put("definition", "d");
        n.putNull("sdg");
        n.putNull("custodian");
        n.putNull("computed_from");
        n.put("reference", "r");
        return n;
    }

    private static ArrayNode indicators() {
        ArrayNode a = M.createArrayNode();
        a.add(indicator("people_with_dud", "persons"));
        ObjectNode cov = indicator("treatment_coverage", "percent");
        cov.put("sdg", "3.5.1");
        ObjectNode cf = cov.putObject("computed_from");
        cf.put("formula", "treated / people_with_dud × 100");
        cf.putArray("inputs").add("people_with_dud");
        a.add(cov);
        return a;
    }

    private static Catalog load(ArrayNode entries, ArrayNode indicators) {
        return Catalog.load(CatalogLoadTest.stream(entries.toString()), CatalogLoadTest.stream(indicators.toString()));
    }

    /** Message of loading a catalog whose one entry is the valid entry changed by {@code change}. */
    private static String entryProblem(Consumer<ObjectNode> change) {
        ObjectNode n = validEntry();
        change.accept(n);
        ArrayNode entries = M.createArrayNode().add(n);
        return assertThrows(DrugstatsException.class, () -> load(entries, indicators())).getMessage();
    }

    private static String indicatorProblem(Consumer<ArrayNode> change) {
        ArrayNode defs = indicators();
        change.accept(defs);
        ArrayNode entries = M.createArrayNode().add(validEntry());
        return assertThrows(DrugstatsException.class, () -> load(entries, defs)).getMessage();
    }

    @Test
    void theValidFixtureLoads() {
        Catalog c = load(M.createArrayNode().add(validEntry()), indicators());
        assertEquals(39_500_000.0, c.requireEntry(ID).scaledValue());
    }

    @Test
    void unknownUnitNamesEntryFieldAndExpectedCodes() {
        String m = entryProblem(n -> n.put("unit", "persns"));
        assertTrue(m.startsWith(E + "field 'unit': unknown unit 'persns'; expected one of [percent, fraction, persons"), m);
    }

    @Test
    void missingIdNamesTheIndex() {
        ObjectNode bad = validEntry();
        bad.remove("id");
        ArrayNode entries = M.createArrayNode().add(validEntry().put("id", "a.b")).add(bad);
        String m = assertThrows(DrugstatsException.class, () -> load(entries, indicators())).getMessage();
        assertEquals("catalog entry at index 1: field 'id': required field missing", m);
    }

    @Test
    void malformedId() {
        assertEquals("catalog entry 'People With DUD': field 'id': expected a lowercase dotted id like "
                + "'people_with_dud.global.2021', got 'People With DUD'", entryProblem(n -> n.put("id", "People With DUD")));
        assertEquals("catalog entry at index 0: field 'id': expected a non-blank string, got number 7",
                entryProblem(n -> n.put("id", 7)));
    }

    @Test
    void missingFieldMustBeWrittenAsNull() {
        assertEquals(E + "field 'lower': required field missing (write null when there is no value)",
                entryProblem(n -> n.remove("lower")));
    }

    @Test
    void requiredFieldNull() {
        assertEquals(E + "field 'quote': required field is null", entryProblem(n -> n.putNull("quote")));
        assertEquals(E + "field 'value': required field is null", entryProblem(n -> n.putNull("value")));
    }

    @Test
    void blankText() {
        assertEquals(E + "field 'scope': must not be blank", entryProblem(n -> n.put("scope", "  ")));
        assertEquals(E + "field 'edition': must not be blank (write null when there is none)",
                entryProblem(n -> n.put("edition", "")));
    }

    @Test
    void unknownFieldIsATypoNotIgnored() {
        String m = entryProblem(n -> n.put("vale", 1));
        assertTrue(m.startsWith(E + "field 'vale': unknown field; expected one of [id, title, value,"), m);
    }

    @Test
    void wrongTypes() {
        assertEquals(E + "field 'value': expected a number, got string \"39.5\"", entryProblem(n -> n.put("value", "39.5")));
        assertEquals(E + "field 'title': expected a string, got number 3", entryProblem(n -> n.put("title", 3)));
        assertEquals(E + "field 'unit_multiplier': expected an integer, got number 6.5",
                entryProblem(n -> n.put("unit_multiplier", 6.5)));
        assertEquals(E + "field 'year': expected a string, got number 2021", entryProblem(n -> n.put("year", 2021)));
        assertEquals(E + "field 'also_stated_in': expected an array of citations (possibly empty), got null",
                entryProblem(n -> n.putNull("also_stated_in")));
    }

    @Test
    void valueOutsideTheUnitDomain() {
        assertEquals(E + "field 'value': -3 × 10^6 outside the domain of unit 'persons' [0, Infinity]",
                entryProblem(n -> n.put("value", -3)));
        assertEquals(E + "field 'value': 120 outside the domain of unit 'percent' [0, 100]",
                entryProblem(n -> n.put("unit", "percent").put("unit_multiplier", 0).put("value", 120)
                        .put("indicator", "treatment_coverage")));
        assertEquals(E + "field 'value': 0 outside the domain of unit 'one-in-n' [1, Infinity]",
                entryProblem(n -> n.put("unit", "one-in-n").put("unit_multiplier", 0).put("value", 0)
                        .put("indicator", "treatment_coverage")));
    }

    @Test
    void multiplierOnlyForAmounts() {
        assertEquals(E + "field 'unit_multiplier': must be 0 for unit 'percent', got 6",
                entryProblem(n -> n.put("unit", "percent").put("value", 20).put("indicator", "treatment_coverage")));
        assertEquals(E + "field 'unit_multiplier': expected a power of ten in [-12, 12], got 15",
                entryProblem(n -> n.put("unit_multiplier", 15)));
    }

    @Test
    void boundsMustEncloseTheValue() {
        assertEquals(E + "field 'lower': lower bound 40 exceeds value 39.5", entryProblem(n -> n.put("lower", 40)));
        assertEquals(E + "field 'upper': upper bound 39 is below value 39.5", entryProblem(n -> n.put("upper", 39)));
        assertEquals(E + "field 'lower': -1 × 10^6 outside the domain of unit 'persons' [0, Infinity]",
                entryProblem(n -> n.put("lower", -1)));
        Catalog ok = load(M.createArrayNode().add(validEntry().put("lower", 35.1).put("upper", 39.5)), indicators());
        assertEquals(35_100_000.0, ok.requireEntry(ID).scaledLower().getAsDouble());
    }

    @Test
    void yearFormat() {
        assertEquals(E + "field 'year': expected a year 'YYYY' or a period 'YYYY-YYYY' with start before end, got '21'",
                entryProblem(n -> n.put("year", "21")));
        assertEquals(E + "field 'year': expected a year 'YYYY' or a period 'YYYY-YYYY' with start before end, got '2017-2013'",
                entryProblem(n -> n.put("year", "2017-2013")));
    }

    @Test
    void sdgFormat() {
        assertEquals(E + "field 'sdg': expected an SDG target or indicator code like '16.4' or '3.5.1', got 'SDG 3.5.1'",
                entryProblem(n -> n.put("sdg", "SDG 3.5.1")));
    }

    @Test
    void unknownQualifier() {
        assertEquals(E + "field 'qualifier': unknown qualifier 'circa'; expected one of "
                + "[none, approximately, more-than, nearly, less-than]", entryProblem(n -> n.put("qualifier", "circa")));
    }

    @Test
    void citationsNeedAllFields() {
        assertEquals(E + "field 'also_stated_in': citation 0: field 'quote': expected a string, got nothing",
                entryProblem(n -> n.putArray("also_stated_in").addObject().put("source_document", "d")
                        .put("source_locator", "para. 1")));
        assertEquals(E + "field 'also_stated_in': citation 0 needs a non-blank source_document, source_locator and quote",
                entryProblem(n -> n.putArray("also_stated_in").addObject().put("source_document", "d")
                        .put("source_locator", "").put("quote", "q")));
    }

    @Test
    void indicatorReferenceMustExist() {
        assertEquals(E + "field 'indicator': unknown indicator 'people_with_dudd'; no such indicator definition",
                entryProblem(n -> n.put("indicator", "people_with_dudd")));
    }

    @Test
    void unitMustFitTheIndicator() {
        assertEquals(E + "field 'unit': unit 'hectares' does not fit indicator 'people_with_dud' (unit 'persons')",
                entryProblem(n -> n.put("unit", "hectares")));
        assertEquals(E + "field 'unit': unit 'percent-change' does not fit indicator 'people_with_dud' (unit 'persons'); "
                + "a change needs a period 'YYYY-YYYY' in field 'year'",
                entryProblem(n -> n.put("unit", "percent-change").put("unit_multiplier", 0).put("value", 45)));
        // The same change over a period fits; a fraction fits a percent indicator.
        load(M.createArrayNode()
                .add(validEntry().put("unit", "percent-change").put("unit_multiplier", 0).put("value", 45)
                        .put("year", "2011-2021"))
                .add(validEntry().put("id", "x.share").put("unit", "fraction").put("unit_multiplier", 0)
                        .put("value", 0.2).put("indicator", "treatment_coverage")),
                indicators());
    }

    @Test
    void duplicateIds() {
        ArrayNode entries = M.createArrayNode().add(validEntry()).add(validEntry().put("year", "2020"));
        String m = assertThrows(DrugstatsException.class, () -> load(entries, indicators())).getMessage();
        assertEquals(E + "field 'id': duplicate id (at index 0 and 1)", m);
    }

    @Test
    void duplicateJsonKeyAndMalformedJson() {
        String dup = "[{\"id\": \"a\", \"id\": \"b\"}]";
        String m = assertThrows(DrugstatsException.class,
                () -> Catalog.load(CatalogLoadTest.stream(dup), CatalogLoadTest.stream(indicators().toString())))
                .getMessage();
        assertTrue(m.startsWith("catalog entries: malformed JSON at line 1, column "), m);
        assertTrue(m.contains("Duplicate field 'id'"), m);
        String trailingComma = "[{\"id\": \"a\",}]";
        m = assertThrows(DrugstatsException.class, () -> Catalog.load(CatalogLoadTest.stream(trailingComma),
                CatalogLoadTest.stream(indicators().toString()))).getMessage();
        assertTrue(m.startsWith("catalog entries: malformed JSON at line 1, column 13: "), m);
    }

    @Test
    void topLevelMustBeAnArrayOfObjects() {
        String m = assertThrows(DrugstatsException.class, () -> Catalog.load(CatalogLoadTest.stream("{}"),
                CatalogLoadTest.stream(indicators().toString()))).getMessage();
        assertEquals("catalog entries: expected a JSON array, got an object", m);
        m = assertThrows(DrugstatsException.class, () -> Catalog.load(CatalogLoadTest.stream("[1]"),
                CatalogLoadTest.stream(indicators().toString()))).getMessage();
        assertEquals("catalog entry at index 0: expected a JSON object, got number 1", m);
    }

    @Test
    void indicatorDefinitionProblems() {
        assertEquals("indicator definition 'people_with_dud': field 'id': duplicate id (at index 0 and 2)",
                indicatorProblem(a -> a.add(indicator("people_with_dud", "count"))));
        assertEquals("indicator definition 'treatment_coverage': field 'computed_from': unknown input indicator 'treated'",
                indicatorProblem(a -> ((ArrayNode) a.get(1).get("computed_from").get("inputs")).add("treated")));
        String m = indicatorProblem(a -> ((ObjectNode) a.get(0)).put("unit", "people"));
        assertTrue(m.startsWith("indicator definition 'people_with_dud': field 'unit': unknown unit 'people'; expected"), m);
        assertEquals("indicator definition 'treatment_coverage': field 'sdg': expected an SDG target or indicator code "
                + "like '16.4' or '3.5.1', got '3.5.1.a'", indicatorProblem(a -> ((ObjectNode) a.get(1)).put("sdg", "3.5.1.a")));
        assertEquals("indicator definition at index 0: field 'id': required field missing",
                indicatorProblem(a -> ((ObjectNode) a.get(0)).remove("id")));
        assertEquals("indicator definition 'treatment_coverage': field 'computed_from': inputs must name at least one "
                + "indicator id", indicatorProblem(a -> ((ObjectNode) a.get(1).get("computed_from")).putArray("inputs")));
        assertEquals("indicator definition 'people_with_dud': field 'reference': required field missing "
                + "(write null when there is no value)", indicatorProblem(a -> ((ObjectNode) a.get(0)).remove("reference")));
    }
}
