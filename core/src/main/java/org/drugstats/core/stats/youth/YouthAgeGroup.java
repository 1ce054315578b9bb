package org.drugstats.core.stats.youth;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comparability rule of youth surveys: which surveyed ages are grouped. Rows of different groups are never
 * combined; only {@link #STUDENTS_15_16} is summarised by region.
 *
 * <p>The main group is students aged 15–16: the target population of the European School Survey Project on
 * Alcohol and Other Drugs (ESPAD: students who turn 16 in the survey year, i.e. aged 15 or 16 when surveyed), which
 * the World Drug Report uses when it compares drug use among students across countries. In annex table 1.4 of the
 * WDR 2025 it is also the most frequent age range (2,829 of 9,389 rows are {@code 15-16}); the next ones are
 * {@code 16-24} (788, youth household surveys) and {@code 15-19} (501). The rule, on the age as surveyed
 * ({@link #surveyedAge}):
 * <ul>
 *   <li>{@link #STUDENTS_15_16}: every surveyed age lies within 15–16 ({@code 15-16}, {@code 16-16}, and a
 *       single age 15 or 16 — England's and Switzerland's surveys of 15-year-olds, Montenegro's "(SS) 16");</li>
 *   <li>{@link #SCHOOL_AGE}: any other range ending at 19 or below ({@code 12-17}, {@code 14-18}, {@code 15-19},
 *       {@code <18}), a list of single ages all 19 or below ("11,13,15" of the HBSC surveys, "(SS) ages 13, 15,
 *       &amp; 17"), or a coverage naming grades or schools without ages ("Gardes 8, 10 and 12" of the US
 *       Monitoring the Future, "SS", "Secondary/ High School");</li>
 *   <li>{@link #YOUNG_ADULTS}: a range or list reaching 20 or above ({@code 16-24}, {@code 18-25},
 *       {@code 15-34}, "16, 19 and 21") or university students;</li>
 *   <li>{@link #UNDEFINED}: no age and no school named ("Youth (undefined)", {@code 12+}, blank).</li>
 * </ul>
 */
public enum YouthAgeGroup {
    /** Students aged 15–16 (the ESPAD target population): the comparable group. */
    STUDENTS_15_16("students-15-16", "students aged 15-16"),
    /** Other school ages (ranges ending at 19 or below, or grades without ages). */
    SCHOOL_AGE("school-age", "other school ages"),
    /** Ranges reaching 20 or above, university students. */
    YOUNG_ADULTS("young-adults", "youth including young adults"),
    /** No usable age. */
    UNDEFINED("undefined", "age not defined");

    private static final Pattern RANGE = Pattern.compile("(\\d{1,2})-(\\d{1,2})");
    private static final Pattern SINGLE = Pattern.compile("^(?:\\(SS\\)\\s*)?(\\d{1,2})$");
    private static final Pattern RANGE_WITH_GRADE =
            Pattern.compile("^(?:\\(SS\\)\\s*)?(\\d{1,2})\\s*-\\s*(\\d{1,2})\\s*\\(grade \\d+\\)$",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHOOL = Pattern.compile(
            "(?i)grade|gardes|school|secondary|bachillerato|\\(ss\\)|^ss$|pupil|student");
    private static final Pattern UNIVERSITY = Pattern.compile("(?i)universit");
    private static final Pattern AGE_LIST = Pattern.compile(
            "(?i)^(?:\\(SS\\)\\s*)?(?:ages?\\s*)?\\d{1,2}(?:\\s*(?:,|&|and)\\s*(?:&\\s*)?\\d{1,2})+$");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final String code;
    private final String label;

    YouthAgeGroup(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code written on result rows, e.g. {@code students-15-16}. */
    public String code() {
        return code;
    }

    /** A readable label. */
    public String label() {
        return label;
    }

    /**
     * The age as surveyed: the extract's {@code age} when it is a range ({@code 15-16}, {@code <18}); when it is
     * {@code _U}, the coverage text read for two forms the ingest leaves unparsed — a single age ("15", "(SS) 16",
     * written {@code 15-15}) and a range followed by a grade ("15-16 (Grade 10)", written {@code 15-16}); else
     * {@code _U}.
     *
     * @param age the extract's age column
     * @param coverage the coverage text as published (without the {@code coverage: } prefix), may be empty
     */
    public static String surveyedAge(String age, String coverage) {
        if (age != null && !age.isEmpty() && !"_U".equals(age)) {
            return age;
        }
        String c = coverage == null ? "" : coverage.strip();
        Matcher m = SINGLE.matcher(c);
        if (m.matches()) {
            return m.group(1) + "-" + m.group(1);
        }
        m = RANGE_WITH_GRADE.matcher(c);
        if (m.matches()) {
            return m.group(1) + "-" + m.group(2);
        }
        return "_U";
    }

    /** Whether {@link #surveyedAge} took the age from the coverage text rather than the age column. */
    public static boolean ageFromCoverage(String age, String coverage) {
        return ("_U".equals(age) || age == null || age.isEmpty()) && !"_U".equals(surveyedAge(age, coverage));
    }

    /**
     * The group of a surveyed age ({@link #surveyedAge}) and its coverage text.
     *
     * @param surveyedAge the age as surveyed
     * @param coverage the coverage text as published, may be empty
     */
    public static YouthAgeGroup classify(String surveyedAge, String coverage) {
        String c = coverage == null ? "" : coverage.strip();
        Matcher m = RANGE.matcher(surveyedAge == null ? "" : surveyedAge);
        if (m.matches()) {
            int lo = Integer.parseInt(m.group(1));
            int hi = Integer.parseInt(m.group(2));
            if (lo >= 15 && hi <= 16 && lo <= hi) {
                return STUDENTS_15_16;
            }
            return hi <= 19 ? SCHOOL_AGE : YOUNG_ADULTS;
        }
        if (surveyedAge != null && surveyedAge.startsWith("<")) {
            return SCHOOL_AGE;
        }
        if (AGE_LIST.matcher(c).matches()) {
            Matcher n = NUMBER.matcher(c);
            int max = 0;
            while (n.find()) {
                max = Math.max(max, Integer.parseInt(n.group()));
            }
            return max <= 19 ? SCHOOL_AGE : YOUNG_ADULTS;
        }
        if (UNIVERSITY.matcher(c).find()) {
            return YOUNG_ADULTS;
        }
        if (SCHOOL.matcher(c.toLowerCase(Locale.ROOT)).find()) {
            return SCHOOL_AGE;
        }
        return UNDEFINED;
    }
}
