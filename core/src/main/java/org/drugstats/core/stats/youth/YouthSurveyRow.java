package org.drugstats.core.stats.youth;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.Sex;
import org.drugstats.core.data.Unit;

/**
 * One row of annex table 1.4 as the ingest wrote it (both sexes, a value in percent), with what the estimator reads
 * from it: the coverage text and the product (the {@code notes} column is {@code coverage: TEXT; PRODUCT; ...}),
 * the age as surveyed and its {@link YouthAgeGroup}, and the survey year.
 *
 * @param refArea ISO3 code or a sub-national code ({@code GB-ENG})
 * @param drug the drug code of the extract ({@code cannabis}, {@code tranquillizers and sedatives}, ...)
 * @param period the recall period
 * @param timePeriod the survey period as published ({@code 2019}, {@code 2016/17})
 * @param age the extract's age ({@code 15-16}, {@code _U})
 * @param value prevalence in percent
 * @param coverage the coverage text as published (may be empty)
 * @param product the rest of the notes after the coverage: the product or sub-population ("Herb", "Crack"), may be
 *     empty
 * @param surveyType the survey type of the coverage text ({@code SS} school, {@code HHS} household), may be empty
 * @param source the Source column
 * @param record the record number among rows of one key ({@code 1}, {@code 2}, ...), empty when single
 */
public record YouthSurveyRow(String refArea, String drug, YouthPeriod period, String timePeriod, String age,
        double value, String coverage, String product, String surveyType, String source, String record) {

    private static final Pattern YEAR = Pattern.compile("^(\\d{4})");
    private static final String PREFIX = "coverage: ";

    /** Checks the parts; null texts become empty. */
    public YouthSurveyRow {
        Objects.requireNonNull(refArea, "refArea");
        Objects.requireNonNull(drug, "drug");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(timePeriod, "timePeriod");
        age = age == null ? "_U" : age;
        coverage = coverage == null ? "" : coverage;
        product = product == null ? "" : product;
        surveyType = surveyType == null ? "" : surveyType;
        source = source == null ? "" : source;
        record = record == null ? "" : record;
        if (!(value >= 0 && value <= 100)) {
            throw DrugstatsException.of("youth prevalence of %s %s %s %s must lie in [0, 100] percent, got %s",
                    refArea, drug, period.indicator(), timePeriod, value);
        }
        if (!YEAR.matcher(timePeriod).find()) {
            throw DrugstatsException.of("youth prevalence of %s %s %s: time period '%s' does not start with a year",
                    refArea, drug, period.indicator(), timePeriod);
        }
    }

    /**
     * The row of an observation, if it is a table 1.4 value for both sexes in percent (a drug of the seven sheets,
     * {@link #isSheetDrug}, an indicator of {@link YouthPeriod}, a value). The notes are split at the first {@code "; "} after the {@code coverage: }
     * prefix.
     */
    public static Optional<YouthSurveyRow> of(Observation o) {
        Optional<YouthPeriod> p = YouthPeriod.ofIndicator(o.indicator());
        if (p.isEmpty() || o.sex() != Sex.TOTAL || o.value() == null || o.unit() != Unit.PERCENT || o.drug() == null
                || o.drug().isEmpty() || !isSheetDrug(o.drugGroup())) {
            return Optional.empty();
        }
        String[] cp = coverageAndProduct(o.notes());
        return Optional.of(new YouthSurveyRow(o.refArea(), o.drug(), p.get(), o.timePeriod(), o.age(),
                o.scaledValue(), cp[0], cp[1], o.method(), o.source(), o.record()));
    }

    /**
     * Whether a row's drug is one of the table's seven sheets (cannabis, opioids, cocaine, amphetamines, ecstasy,
     * tranquillizers and sedatives, NPS): its {@code drug_group} is empty. The NPS sheet's single substances
     * (ketamine, synthetic cannabinoids, khat, …; {@code drug_group} {@code NPS}) are parts of NPS reported by a
     * few countries each and are not read.
     */
    public static boolean isSheetDrug(String drugGroup) {
        return drugGroup == null || drugGroup.isEmpty();
    }

    /** The coverage text and the product of a notes text ({@code coverage: TEXT; PRODUCT}). */
    public static String[] coverageAndProduct(String notes) {
        if (notes == null || !notes.startsWith(PREFIX)) {
            return new String[] {"", notes == null ? "" : notes};
        }
        String rest = notes.substring(PREFIX.length());
        int i = rest.indexOf("; ");
        return i < 0 ? new String[] {rest, ""} : new String[] {rest.substring(0, i), rest.substring(i + 2)};
    }

    /** The survey year: the first year of the period ({@code 2016/17} is 2016, as the 15–64 estimates count it). */
    public int surveyYear() {
        Matcher m = YEAR.matcher(timePeriod);
        m.find();
        return Integer.parseInt(m.group(1));
    }

    /** The age as surveyed ({@link YouthAgeGroup#surveyedAge}). */
    public String surveyedAge() {
        return YouthAgeGroup.surveyedAge(age, coverage);
    }

    /** The comparability group. */
    public YouthAgeGroup group() {
        return YouthAgeGroup.classify(surveyedAge(), coverage);
    }

    /** Whether the row is a component of the drug ({@link Products#isComponent}). */
    public boolean component() {
        return Products.isComponent(product);
    }
}
