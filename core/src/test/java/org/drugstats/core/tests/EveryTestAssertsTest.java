package org.drugstats.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A guard that keeps the tests honest: every test method of every module ({@code src/test/java} anywhere under
 * the project root) asserts something — it calls an {@code assert…} method, {@code fail(…)}, or a method of its
 * own file that does (followed transitively). A test that only runs code passes whatever the code computes.
 * Weak forms that always hold are refused too: {@code x == null || …} inside an assertion.
 */
class EveryTestAssertsTest {

    private static final Path ROOT = Path.of(System.getProperty("drugstats.project.root", ".."));
    private static final Pattern TEST_ANNOTATION = Pattern.compile("@(Test|ParameterizedTest|RepeatedTest)\\b");
    private static final Pattern METHOD = Pattern.compile("(?:\\b[\\w<>\\[\\],.? ]+\\s+)(\\w+)\\s*\\([^;{]*\\)"
            + "(?:\\s*throws\\s+[\\w.,\\s]+)?\\s*\\{");
    private static final Pattern ASSERTS = Pattern.compile("\\b(assert\\w*|fail)\\s*\\(");
    private static final Pattern VACUOUS = Pattern.compile("assert\\w*\\(\\s*\\w+\\s*==\\s*null\\s*\\|\\|");

    /** Method name to body, for every method of a source (bodies with string literals and comments blanked). */
    static Map<String, String> methods(String source) {
        String code = blankLiteralsAndComments(source);
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = METHOD.matcher(code);
        int from = 0;
        while (m.find(from)) {
            int open = m.end() - 1;
            int close = matching(code, open);
            String name = m.group(1);
            if (!Set.of("if", "for", "while", "switch", "catch", "synchronized", "try", "return", "new")
                    .contains(name)) {
                out.merge(name, code.substring(open, close + 1), (a, b) -> a + b);
            }
            from = open + 1;
        }
        return out;
    }

    /** The test methods of a source: the first method declared after each test annotation. */
    static List<String> testMethods(String source) {
        String code = blankLiteralsAndComments(source);
        List<String> names = new ArrayList<>();
        Matcher a = TEST_ANNOTATION.matcher(code);
        while (a.find()) {
            Matcher m = METHOD.matcher(code);
            if (m.find(a.end())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Test methods of one source that assert nothing, directly or through methods of the same file. */
    static List<String> nonAsserting(String source) {
        Map<String, String> bodies = methods(source);
        Set<String> asserting = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<String, String> e : bodies.entrySet()) {
                if (!asserting.contains(e.getKey()) && (ASSERTS.matcher(e.getValue()).find()
                        || asserting.stream().anyMatch(n -> Pattern.compile("\\b" + n + "\\s*\\(|::" + n + "\\b")
                                .matcher(e.getValue()).find()))) {
                    asserting.add(e.getKey());
                    grew = true;
                }
            }
        }
        return testMethods(source).stream().filter(n -> !asserting.contains(n)).toList();
    }

    static String blankLiteralsAndComments(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    b.append(' ');
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                b.append(" ".repeat(end - i));
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
                b.append("\"\"").append(" ".repeat(end - i - 2));
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                j = Math.min(j + 1, s.length());
                b.append(c).append(" ".repeat(Math.max(0, j - i - 2))).append(c);
                i = j;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static int matching(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '{') {
                depth++;
            } else if (code.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return code.length() - 1;
    }

    @Test
    void everyTestMethodOfEveryModuleAsserts() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(ROOT)) {
            sources = s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/test/java/")
                    && !p.toString().contains("/target/") && !p.toString().contains("/.git/")).sorted().toList();
        }
        assertTrue(sources.size() >= 80, "test sources found under " + ROOT.toAbsolutePath() + ": " + sources.size());
        List<String> problems = new ArrayList<>();
        int tests = 0;
        for (Path p : sources) {
            String src = Files.readString(p);
            tests += testMethods(src).size();
            for (String n : nonAsserting(src)) {
                problems.add(ROOT.relativize(p) + ": " + n + " asserts nothing");
            }
            Matcher v = VACUOUS.matcher(blankLiteralsAndComments(src));
            while (v.find()) {
                problems.add(ROOT.relativize(p) + ": an assertion that holds when the value is null: " + v.group());
            }
        }
        assertTrue(tests >= 340, "test methods found: " + tests);
        assertEquals(List.of(), problems);
    }

    @Test
    void theGuardFindsATestWithoutAssertionAndFollowsHelpers() {
        String src = """
                class T {
                    @Test
                    void runsOnly() {
                        compute("{ assertEquals(1, 1); }"); // assertTrue(true)
                    }

                    @Test
                    void assertsThroughAHelper() throws Exception {
                        check(2);
                    }

                    @ParameterizedTest
                    @ValueSource(ints = {1, 2})
                    void assertsDirectly(int x) {
                        if (x > 0) {
                            assertThrows(IllegalStateException.class, () -> fail());
                        }
                    }

                    private static void check(int x) {
                        deeper(x);
                    }

                    private static void deeper(int x) {
                        assertEquals(2, x);
                    }

                    private static void compute(String s) {
                    }
                }
                """;
        assertEquals(List.of("runsOnly", "assertsThroughAHelper", "assertsDirectly"), testMethods(src));
        assertEquals(List.of("runsOnly"), nonAsserting(src));
        assertTrue(VACUOUS.matcher("assertTrue(coca == null || coca.ok());").find());
    }
}
