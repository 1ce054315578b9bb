package org.drugstats.core.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Unit;

/**
 * Reads the two catalog resources with Jackson's tree model, so that every problem is reported with the
 * element (id, or index when the id is missing) and the field. Every field must be present; a field
 * without a value is written {@code null}, so that a misspelt or forgotten field is an error rather
 * than a silent null. Unknown fields and duplicate keys are errors too.
 */
final class CatalogReader {
    // Field names of headlines.json (and of the JSON output of CatalogFormats), in resource order.
    static final String ID = "id";
    static final String TITLE = "title";
    static final String VALUE = "value";
    static final String LOWER = "lower";
    static final String UPPER = "upper";
    static final String UNIT = "unit";
    static final String UNIT_MULTIPLIER = "unit_multiplier";
    static final String YEAR = "year";
    static final String SCOPE = "scope";
    static final String INDICATOR = "indicator";
    static final String DEFINITION = "definition";
    static final String SDG = "sdg";
    static final String SOURCE_DOCUMENT = "source_document";
    static final String SOURCE_LOCATOR = "source_locator";
    static final String UPSTREAM_SOURCE = "upstream_source";
    static final String EDITION = "edition";
    static final String QUOTE = "quote";
    static final String QUALIFIER = "qualifier";
    static final String ALSO_STATED_IN = "also_stated_in";
    static final List<String> ENTRY_FIELDS = List.of(ID, TITLE, VALUE, LOWER, UPPER, UNIT, UNIT_MULTIPLIER, YEAR,
            SCOPE, INDICATOR, DEFINITION, SDG, SOURCE_DOCUMENT, SOURCE_LOCATOR, UPSTREAM_SOURCE, EDITION, QUOTE,
            QUALIFIER, ALSO_STATED_IN);
    static final List<String> CITATION_FIELDS = List.of(SOURCE_DOCUMENT, SOURCE_LOCATOR, QUOTE);

    // Field names of indicators.json.
    static final String NAME = "name";
    static final String CUSTODIAN = "custodian";
    static final String COMPUTED_FROM = "computed_from";
    static final String REFERENCE = "reference";
    static final String FORMULA = "formula";
    static final String INPUTS = "inputs";
    static final List<String> INDICATOR_FIELDS = List.of(ID, NAME, UNIT, DEFINITION, SDG, CUSTODIAN, COMPUTED_FROM,
            REFERENCE);
    static final List<String> COMPUTED_FROM_FIELDS = List.of(FORMULA, INPUTS);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CatalogReader() {
    }

    /** Reads {@code indicators.json}: a JSON array of indicator definitions. */
    static List<IndicatorDefinition> readIndicators(InputStream in) {
        JsonNode root = readTree(in, "indicator definitions");
        List<IndicatorDefinition> out = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            out.add(indicator(root.get(i), i));
        }
        return out;
    }

    /** Reads {@code headlines.json}: a JSON array of catalog entries. */
    static List<CatalogEntry> readEntries(InputStream in) {
        JsonNode root = readTree(in, "catalog entries");
        List<CatalogEntry> out = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            out.add(entry(root.get(i), i));
        }
        return out;
    }

    private static JsonNode readTree(InputStream in, String what) {
        Objects.requireNonNull(in, what);
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw DrugstatsException.of("%s: malformed JSON at line %d, column %d: %s", what,
                    loc == null ? -1 : loc.getLineNr(), loc == null ? -1 : loc.getColumnNr(),
                    e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw DrugstatsException.of("%s: expected a JSON array, got %s", what, describe(root));
        }
        return root;
    }

    private static CatalogEntry entry(JsonNode node, int index) {
        Fields f = Fields.of(node, Problems.ENTRY, index, ENTRY_FIELDS);
        String id = f.id;
        String unitCode = f.text(UNIT);
        Unit unit = Unit.find(unitCode).orElseThrow(() -> Problems.entry(id, UNIT,
                "unknown unit '%s'; expected one of %s", unitCode, unitCodes()));
        String qualifierCode = f.text(QUALIFIER);
        Qualifier qualifier = Qualifier.find(qualifierCode).orElseThrow(() -> Problems.entry(id, QUALIFIER,
                "unknown qualifier '%s'; expected one of %s", qualifierCode, Qualifier.codes()));
        return new CatalogEntry(id, f.text(TITLE), f.number(VALUE), f.optionalNumber(LOWER), f.optionalNumber(UPPER),
                unit, f.integer(UNIT_MULTIPLIER), f.optionalText(YEAR), f.text(SCOPE), f.optionalText(INDICATOR),
                f.text(DEFINITION), f.optionalText(SDG), f.text(SOURCE_DOCUMENT), f.text(SOURCE_LOCATOR),
                f.optionalText(UPSTREAM_SOURCE), f.optionalText(EDITION), f.text(QUOTE), qualifier, citations(f));
    }

    private static List<Citation> citations(Fields f) {
        JsonNode arr = f.get(ALSO_STATED_IN);
        if (!arr.isArray()) {
            throw f.error(ALSO_STATED_IN, "expected an array of citations (possibly empty), got %s", describe(arr));
        }
        List<Citation> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            JsonNode c = arr.get(i);
            if (!c.isObject()) {
                throw f.error(ALSO_STATED_IN, "citation %d: expected an object, got %s", i, describe(c));
            }
            for (String name : CITATION_FIELDS) {
                JsonNode v = c.get(name);
                if (v == null || !v.isTextual()) {
                    throw f.error(ALSO_STATED_IN, "citation %d: field '%s': expected a string, got %s", i, name,
                            describe(v));
                }
            }
            Iterator<String> names = c.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!CITATION_FIELDS.contains(name)) {
                    throw f.error(ALSO_STATED_IN, "citation %d: unknown field '%s'; expected %s", i, name,
                            CITATION_FIELDS);
                }
            }
            out.add(new Citation(c.get(SOURCE_DOCUMENT).asText(), c.get(SOURCE_LOCATOR).asText(),
                    c.get(QUOTE).asText()));
        }
        return out;
    }

    private static IndicatorDefinition indicator(JsonNode node, int index) {
        Fields f = Fields.of(node, Problems.INDICATOR, index, INDICATOR_FIELDS);
        String unitCode = f.text(UNIT);
        Unit unit = Unit.find(unitCode).orElseThrow(() -> f.error(UNIT,
                "unknown unit '%s'; expected one of %s", unitCode, unitCodes()));
        return new IndicatorDefinition(f.id, f.text(NAME), unit, f.text(DEFINITION), f.optionalText(SDG),
                f.optionalText(CUSTODIAN), computedFrom(f), f.text(REFERENCE));
    }

    private static Optional<ComputedFrom> computedFrom(Fields f) {
        JsonNode c = f.get(COMPUTED_FROM);
        if (c.isNull()) {
            return Optional.empty();
        }
        if (!c.isObject()) {
            throw f.error(COMPUTED_FROM, "expected an object {formula, inputs} or null, got %s", describe(c));
        }
        Iterator<String> names = c.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!COMPUTED_FROM_FIELDS.contains(name)) {
                throw f.error(COMPUTED_FROM, "unknown field '%s'; expected %s", name, COMPUTED_FROM_FIELDS);
            }
        }
        JsonNode formula = c.get(FORMULA);
        if (formula == null || !formula.isTextual()) {
            throw f.error(COMPUTED_FROM, "formula: expected a string, got %s", describe(formula));
        }
        JsonNode inputs = c.get(INPUTS);
        if (inputs == null || !inputs.isArray()) {
            throw f.error(COMPUTED_FROM, "inputs: expected an array of indicator ids, got %s", describe(inputs));
        }
        List<String> ids = new ArrayList<>(inputs.size());
        for (JsonNode in : inputs) {
            if (!in.isTextual()) {
                throw f.error(COMPUTED_FROM, "inputs: expected indicator ids (strings), got %s", describe(in));
            }
            ids.add(in.asText());
        }
        return Optional.of(new ComputedFrom(formula.asText(), ids));
    }

    static List<String> unitCodes() {
        return java.util.Arrays.stream(Unit.values()).map(Unit::code).toList();
    }

    /** Short description of a JSON node for messages: {@code string "abc"}, {@code number 5}, {@code null}. */
    static String describe(JsonNode n) {
        if (n == null) {
            return "nothing";
        }
        if (n.isTextual()) {
            String s = n.asText();
            return "string \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (n.isNumber()) {
            return "number " + n.asText();
        }
        if (n.isBoolean()) {
            return "boolean " + n.asText();
        }
        if (n.isNull()) {
            return "null";
        }
        return n.isArray() ? "an array" : "an object";
    }

    /** Typed access to the fields of one JSON object, with messages naming the element and the field. */
    private static final class Fields {
        private final JsonNode node;
        private final String subject;
        private final String id;

        private Fields(JsonNode node, String subject, String id) {
            this.node = node;
            this.subject = subject;
            this.id = id;
        }

        static Fields of(JsonNode node, String kind, int index, List<String> known) {
            String at = Problems.subjectAt(kind, index);
            if (node == null || !node.isObject()) {
                throw DrugstatsException.of("%s: expected a JSON object, got %s", at, describe(node));
            }
            JsonNode idNode = node.get(ID);
            if (idNode == null || idNode.isNull()) {
                throw Problems.field(at, ID, "required field missing");
            }
            if (!idNode.isTextual() || idNode.asText().isBlank()) {
                throw Problems.field(at, ID, "expected a non-blank string, got %s", describe(idNode));
            }
            String id = idNode.asText();
            Fields f = new Fields(node, Problems.subject(kind, id), id);
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!known.contains(name)) {
                    throw f.error(name, "unknown field; expected one of %s", known);
                }
            }
            for (String name : known) {
                if (!node.has(name)) {
                    throw f.error(name, "required field missing (write null when there is no value)");
                }
            }
            return f;
        }

        DrugstatsException error(String field, String template, Object... args) {
            return Problems.field(subject, field, template, args);
        }

        JsonNode get(String field) {
            return node.get(field);
        }

        String text(String field) {
            JsonNode v = node.get(field);
            if (v.isNull()) {
                throw error(field, "required field is null");
            }
            if (!v.isTextual()) {
                throw error(field, "expected a string, got %s", describe(v));
            }
            return v.asText();
        }

        Optional<String> optionalText(String field) {
            JsonNode v = node.get(field);
            return v.isNull() ? Optional.empty() : Optional.of(text(field));
        }

        double number(String field) {
            JsonNode v = node.get(field);
            if (v.isNull()) {
                throw error(field, "required field is null");
            }
            if (!v.isNumber()) {
                throw error(field, "expected a number, got %s", describe(v));
            }
            return v.doubleValue();
        }

        OptionalDouble optionalNumber(String field) {
            JsonNode v = node.get(field);
            return v.isNull() ? OptionalDouble.empty() : OptionalDouble.of(number(field));
        }

        int integer(String field) {
            JsonNode v = node.get(field);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw error(field, "expected an integer, got %s", describe(v));
            }
            return v.intValue();
        }
    }
}
