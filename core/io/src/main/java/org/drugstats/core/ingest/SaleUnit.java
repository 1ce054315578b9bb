package org.drugstats.core.ingest;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit of sale of a price in UNODC, <i>World Drug Report</i> statistical annex table 8.1 (column {@code Unit}:
 * "Grams", "Kilogram", "5 gram", "Ounce", "1000 tablets", "Millilitres", "Dose", ...), and how to bring a price to
 * one unit: US dollars per gram for weights (1 ounce = 28.349523125 g, 1 pound = 453.59237 g, the international
 * avoirdupois definitions), else US dollars per single unit of what is sold (a tablet, a millilitre, a dose).
 *
 * @param weight true when the unit is a weight
 * @param perGram for weights, grams in one unit of sale; else NaN
 * @param count for other units, how many single units one unit of sale holds (1000 for "1000 tablets", 1000
 *        millilitres for a litre); else NaN
 * @param single the single unit: {@code gram}, {@code tablet}, {@code unit}, {@code millilitre}, {@code dose}, ...
 * @param published the unit as published
 */
record SaleUnit(boolean weight, double perGram, double count, String single, String published) {

    private static final Pattern AMOUNT = Pattern.compile("^(\\d+(?:\\.\\d+)?)?\\s*(.+)$");

    /** The unit of a published label; empty when the label names no unit ({@code ...}, blank). */
    static Optional<SaleUnit> parse(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        Matcher m = AMOUNT.matcher(label.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double n = m.group(1) == null ? 1 : Double.parseDouble(m.group(1));
        String word = m.group(2).strip();
        double grams = switch (word) {
            case "g", "gr", "gram", "grams" -> 1;
            case "kg", "kilogram", "kilograms" -> 1000;
            case "mg", "milligram", "milligrams" -> 0.001;
            case "ounce", "ounces", "oz" -> 28.349523125;
            case "pound", "pounds", "lb" -> 453.59237;
            default -> Double.NaN;
        };
        if (!Double.isNaN(grams)) {
            return Optional.of(new SaleUnit(true, n * grams, Double.NaN, "gram", label.strip()));
        }
        String single;
        double per = 1;
        switch (word) {
            case "tablet", "tablets", "pill", "pills" -> single = "tablet";
            case "unit", "units" -> single = "unit";
            case "litre", "litres", "liter", "liters" -> {
                single = "millilitre";
                per = 1000;
            }
            case "millilitre", "millilitres", "ml" -> single = "millilitre";
            case "capsule", "capsules" -> single = "capsule";
            case "vial", "vials" -> single = "vial";
            case "..." -> {
                return Optional.empty();
            }
            default -> single = word;
        }
        if (!word.chars().anyMatch(Character::isLetter)) {
            return Optional.empty();
        }
        return Optional.of(new SaleUnit(false, Double.NaN, n * per, single, label.strip()));
    }

    /** A price per unit of sale brought to US dollars per gram (weights) or per single unit. */
    double convert(double price) {
        return weight ? price / perGram : price / count;
    }

    /** True when the price is already per gram or per single unit. */
    boolean identity() {
        return weight ? perGram == 1 : count == 1;
    }
}
