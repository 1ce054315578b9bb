package org.drugstats.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.drugstats.core.DrugstatsException;

/**
 * The last check before a result is written: no number in it is NaN or infinite. A sum or product of inputs near
 * the largest double (1.8e308) overflows to Infinity, and 0 × Infinity or Infinity / Infinity is NaN; written, they
 * would be JSON strings ("NaN", "Infinity") where a number is expected. Such a result is refused with the field
 * that overflowed, so that the input is fixed (or rescaled) rather than the output silently wrong.
 */
public final class FiniteNumbers {

    private FiniteNumbers() {
    }

    /**
     * Checks a tree of maps, lists, numbers and Jackson nodes.
     *
     * @param what the output and the input it came from, for the message ("aggregate of pop.csv")
     * @throws DrugstatsException naming the first non-finite field by its path ("[3].population")
     */
    public static void require(Object tree, String what) {
        String at = find(tree, "");
        if (at != null) {
            throw DrugstatsException.of("%s: the result %s is not a finite number (an overflow: the input's values or "
                    + "their sums exceed 1.8e308); expected inputs in a range where sums and products are finite — "
                    + "nothing written", what, at.isEmpty() ? "value" : at);
        }
    }

    private static String find(Object o, String path) {
        if (o instanceof Double d && !Double.isFinite(d)) {
            return path + " = " + d;
        }
        if (o instanceof Float f && !Float.isFinite(f)) {
            return path + " = " + f;
        }
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String r = find(e.getValue(), path + "." + e.getKey());
                if (r != null) {
                    return r;
                }
            }
        } else if (o instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                String r = find(l.get(i), path + "[" + i + "]");
                if (r != null) {
                    return r;
                }
            }
        } else if (o instanceof JsonNode n) {
            if (n.isNumber() && !Double.isFinite(n.doubleValue()) && !n.isBigInteger() && !n.isBigDecimal()) {
                return path + " = " + n.doubleValue();
            }
            if (n.isTextual() && (n.textValue().equals("NaN") || n.textValue().endsWith("Infinity"))) {
                return path + " = " + n.textValue();
            }
            if (n.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> it = n.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String r = find(e.getValue(), path + "." + e.getKey());
                    if (r != null) {
                        return r;
                    }
                }
            } else if (n.isArray()) {
                for (int i = 0; i < n.size(); i++) {
                    String r = find(n.get(i), path + "[" + i + "]");
                    if (r != null) {
                        return r;
                    }
                }
            }
        } else if (o instanceof Object[] arr) {
            return find(List.of(arr), path);
        } else if (o instanceof double[] arr) {
            for (int i = 0; i < arr.length; i++) {
                if (!Double.isFinite(arr[i])) {
                    return path + "[" + i + "] = " + arr[i];
                }
            }
        }
        return null;
    }
}
