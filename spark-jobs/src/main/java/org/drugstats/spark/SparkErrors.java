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
    public static DrugstatsException explain(String step, Exception e, List<InputFiles.Input> inputs) {
        if (e instanceof DrugstatsException de) {
            return de;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DrugstatsException de) {
                return de;
            }
        }
        List<Throwable> all = new java.util.ArrayList<>();
        collect(e, all, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        for (InputFiles.Input in : inputs) {
            for (var part : in.parts()) {
                String path = part.toAbsolutePath().toString();
                for (Throwable t : all) {
                    if (t.getMessage() != null && t.getMessage().contains(path)) {
                        return new DrugstatsException(part + ": cannot read input " + in.name() + " ("
                                + rootText(t) + "); the file is corrupt or not a drugstats extract", e);
                    }
                }
            }
        }
        return new DrugstatsException(step + ": failed: " + rootText(e), e);
    }

    /** The first line of the deepest cause of {@code e}. */
    private static String rootText(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(root.getClass().getSimpleName() + ": " + root.getMessage());
    }

    /**
     * The exception, its causes and the exceptions suppressed along them, in that order (Spark adds the other failures
     * of a query's stages as suppressed exceptions of the first).
     */
    private static void collect(Throwable e, List<Throwable> into, java.util.Set<Throwable> seen) {
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            into.add(t);
            for (Throwable s : t.getSuppressed()) {
                collect(s, into, seen);
            }
        }
    }

    private static String firstLine(String s) {
        int i = s.indexOf('\n');
        return (i < 0 ? s : s.substring(0, i)).strip();
    }
}
