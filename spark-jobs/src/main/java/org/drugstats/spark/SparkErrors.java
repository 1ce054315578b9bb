package org.drugstats.spark;

import java.util.List;
import org.drugstats.core.DrugstatsException;

/**
 * Turns a failed Spark job into the one-line error an analyst can act on. A task that failed reading an input
 * (a corrupt page, a checksum mismatch) names the input and the root cause; anything else names the step and the
 * root cause. Spark's own message (a stage, a task, a driver stack trace) is kept as the cause for
 * {@code -Ddrugstats.debug=true} (which prints the trace of every error).
 */
public final class SparkErrors {

    private SparkErrors() {
    }

    /** The error to report for {@code e}, thrown during {@code step}. */
    public static DrugstatsException explain(String step, RuntimeException e, List<InputFiles.Input> inputs) {
        if (e instanceof DrugstatsException de) {
            return de;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DrugstatsException de) {
                return de;
            }
        }
        String all = chainText(e);
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootText = firstLine(root.getClass().getSimpleName() + ": " + root.getMessage());
        for (InputFiles.Input in : inputs) {
            for (var part : in.parts()) {
                if (all.contains(part.toAbsolutePath().toString())) {
                    return new DrugstatsException(part + ": cannot read input " + in.name() + " (" + rootText
                            + "); the file is corrupt or not a drugstats extract", e);
                }
            }
        }
        return new DrugstatsException(step + ": failed: " + rootText, e);
    }

    private static String chainText(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return (i < 0 ? s : s.substring(0, i)).strip();
    }
}
