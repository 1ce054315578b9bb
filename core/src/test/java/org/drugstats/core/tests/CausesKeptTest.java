package org.drugstats.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every catch-and-rethrow in the main sources of every module keeps the caught exception as the cause (so that
 * {@code -Ddrugstats.debug=true} shows where an error came from): a {@code throw} inside a {@code catch} block must
 * mention the caught variable other than through {@code getMessage()}, or rethrow an exception variable.
 */
class CausesKeptTest {

    private static final Path ROOT = Path.of(System.getProperty("drugstats.project.root", ".."));
    private static final Pattern CATCH = Pattern.compile("catch \\(([\\w.| ]+?) (\\w+)\\) \\{");
    /** picocli's TypeConversionException has no constructor with a cause; it is a usage error, not a failure. */
    private static final Set<String> ALLOWED = Set.of("throw new CommandLine.TypeConversionException(e.getMessage());");

    static List<String> droppedCauses(String source) {
        String code = EveryTestAssertsTest.blankLiteralsAndComments(source);
        List<String> out = new ArrayList<>();
        Matcher m = CATCH.matcher(code);
        while (m.find()) {
            String var = m.group(2);
            int end = m.end();
            int depth = 1;
            while (depth > 0 && end < code.length()) {
                char c = code.charAt(end++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            Matcher t = Pattern.compile("throw\\s[^;]*;", Pattern.DOTALL).matcher(code.substring(m.end(), end));
            while (t.find()) {
                String stmt = t.group().replaceAll("\\s+", " ");
                String real = source.substring(m.end() + t.start(), m.end() + t.end()).replaceAll("\\s+", " ");
                String uses = stmt.replaceAll("\\b" + var + "\\.get(Localized)?Message\\(\\)", "");
                if (!Pattern.compile("\\b" + var + "\\b").matcher(uses).find() && !stmt.matches("throw \\w+;")
                        && !ALLOWED.contains(real)) {
                    out.add("line " + (source.substring(0, m.end() + t.start()).split("\n", -1).length) + ": " + real);
                }
            }
        }
        return out;
    }

    @Test
    void everyRethrowKeepsItsCause() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(ROOT)) {
            sources = s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target/")).sorted().toList();
        }
        assertTrue(sources.size() >= 200, "main sources: " + sources.size());
        List<String> problems = new ArrayList<>();
        for (Path p : sources) {
            for (String d : droppedCauses(Files.readString(p))) {
                problems.add(ROOT.relativize(p) + " " + d);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCheckSeesADroppedCause() {
        String src = """
                class X {
                    void a() {
                        try {
                            f();
                        } catch (IOException | RuntimeException e) {
                            throw DrugstatsException.of("%s: cannot read: %s", "f;", e.getMessage());
                        }
                    }
                    void b() {
                        try {
                            f();
                        } catch (IOException e) {
                            throw DrugstatsException.of(e, "cannot read: %s", e.getMessage());
                        } catch (IllegalStateException ex) {
                            DrugstatsException de = new DrugstatsException("x", ex);
                            throw de;
                        }
                    }
                }
                """;
        assertEquals(List.of("line 6: throw DrugstatsException.of(\"%s: cannot read: %s\", \"f;\", e.getMessage());"),
                droppedCauses(src));
    }
}
