package org.drugstats.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The checked parsers of {@link RunConfig.Key} values: each reads one JSON value (from a YAML or JSON file, or given
 * in code) and returns it typed, or throws {@link IllegalArgumentException} with the message "expected ...", which
 * {@link RunConfig} completes with the file, the key and the value found.
 */
final class ConfigValues {

    private ConfigValues() {
    }

    static long asLong(JsonNode v) {
        if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        throw new IllegalArgumentException("expected an integer");
    }

    static long longIn(JsonNode v, long min, long max) {
        long x = asLong(v);
        if (x >= min && x <= max) {
            return x;
        }
        throw new IllegalArgumentException("expected an integer in [" + min + ", " + max + "]");
    }

    static int intIn(JsonNode v, int min, int max) {
        if (v != null && v.isIntegralNumber() && v.canConvertToInt() && v.intValue() >= min && v.intValue() <= max) {
            return v.intValue();
        }
        throw new IllegalArgumentException("expected an integer in [" + min + ", " + max + "]");
    }

    static double doubleIn(JsonNode v, double min, double max) {
        if (v != null && v.isNumber()) {
            double x = v.doubleValue();
            if (x >= min && x <= max) {
                return x;
            }
        }
        throw new IllegalArgumentException("expected a number in [" + min + ", " + max + "]");
    }

    static List<String> stringList(JsonNode v) {
        if (v != null && v.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isTextual() || e.textValue().isBlank()) {
                    throw new IllegalArgumentException("expected a list of indicator ids");
                }
                out.add(e.textValue());
            }
            return List.copyOf(out);
        }
        throw new IllegalArgumentException("expected a list of indicator ids");
    }

    static String autocorrelation(JsonNode v) {
        if (v != null && v.isTextual()) {
            String t = v.textValue();
            if (t.equals("none") || t.equals("estimate")) {
                return t;
            }
            try {
                double r = Double.parseDouble(t);
                if (Math.abs(r) < 1) {
                    return t;
                }
            } catch (NumberFormatException e) {
                // fall through to the message
            }
        }
        throw new IllegalArgumentException("expected \"none\", \"estimate\" or a number in (-1, 1) as text");
    }

    static List<String> jumps(JsonNode v) {
        List<String> out = stringList(v);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String e : out) {
            TrendJumpSpec j = TrendJumpSpec.parse(e);
            if (!seen.add(j.indicator())) {
                throw new IllegalArgumentException("indicator '" + j.indicator() + "' has two jumps");
            }
        }
        return out;
    }

    static List<String> compare(JsonNode v) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String e : stringList(v)) {
            TrendCompareSpec c = TrendCompareSpec.parse(e);
            if (!seen.add(c.toString())) {
                throw new IllegalArgumentException("comparison '" + c + "' is listed twice");
            }
            out.add(c.toString());
        }
        return List.copyOf(out);
    }

    static List<Double> fractionList(JsonNode v) {
        if (v != null && v.isArray() && v.size() > 0) {
            List<Double> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isNumber() || !(e.doubleValue() > 0 && e.doubleValue() < 1)) {
                    throw new IllegalArgumentException("expected a non-empty list of fractions in (0, 1)");
                }
                out.add(e.doubleValue());
            }
            return List.copyOf(out);
        }
        throw new IllegalArgumentException("expected a non-empty list of fractions in (0, 1)");
    }

    static double benchmark(JsonNode v) {
        if (v != null && v.isNumber() && (v.doubleValue() == -1 || (v.doubleValue() > 0
                && Double.isFinite(v.doubleValue())))) {
            return v.doubleValue();
        }
        throw new IllegalArgumentException("expected a positive number of mg per capita, or -1 for none");
    }

    static boolean asBoolean(JsonNode v) {
        if (v != null && v.isBoolean()) {
            return v.booleanValue();
        }
        throw new IllegalArgumentException("expected true or false");
    }

    static String oneOf(JsonNode v, String... allowed) {
        if (v != null && v.isTextual() && Arrays.asList(allowed).contains(v.textValue())) {
            return v.textValue();
        }
        throw new IllegalArgumentException("expected one of " + Arrays.toString(allowed));
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode v) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        if (v != null && v.isTextual()) {
            int i = names.indexOf(v.textValue());
            if (i >= 0) {
                return type.getEnumConstants()[i];
            }
        }
        throw new IllegalArgumentException("expected one of " + names);
    }
}
