package org.drugstats.core.stats.youth;

import java.util.regex.Pattern;

/**
 * Which rows of annex table 1.4 measure a part of a drug rather than the drug: the table publishes several rows for
 * one country, drug, period and survey when the survey asked about products ("Herb", "Resin"; "Crack", "Cocaine
 * salts"; "Heroin", "Tramadol"; "Methamphetamine", "Prescription stimulants"; "Benzodiazepines", "GHB"). The
 * product is the text after the coverage in the row's notes ({@link YouthSurveyRow#product()}).
 *
 * <p>A row is a <em>whole-drug</em> row when its product is empty or names the whole ("Any Cocaine", "All
 * Opiates", "Herb and resin", "Powder and/or crack", "Stimulants (inclds Amphetamines)"); it is a <em>component</em>
 * when the product starts with a product name of {@link #COMPONENT}. Any other text (a sub-population such as
 * "Limited geography", "Flemish part", a survey name) leaves the row whole. The use of a drug is at least the use
 * of any of its products, so where a survey has only component rows the largest of them is a lower bound of the
 * drug's prevalence ({@link YouthEstimator}).
 */
public final class Products {
    static final Pattern WHOLE = Pattern.compile(
            "(?i)\\bany\\b|\\ball\\b|\\btotal\\b|herb and resin|and/ ?or|inclds|included|\\(hcl and");
    static final Pattern COMPONENT = Pattern.compile("(?i)^(herb|resin|other types of cannabis|crack|cocaine salts"
            + "|cocaine hydrochloride|powder|coca paste|coca base|base paste|pasta b|paco|other coca|other cocaine"
            + "|heroin|opium|morphine|methadone|tramadol|codeine|pharmaceutical|prescription|non - medical"
            + "|non-medical|amphetamine\\b(?!-type)|methamphetamine|other stimulants|tranquillizers\\b(?! and)"
            + "|benzodiazepines|barbiturates|ghb|other sedatives|sedatives)");

    private Products() {
    }

    /** Whether a product text names a component of the drug (see the class comment). */
    public static boolean isComponent(String product) {
        if (product == null || product.isBlank()) {
            return false;
        }
        String p = product.strip();
        return !WHOLE.matcher(p).find() && COMPONENT.matcher(p).find();
    }
}
