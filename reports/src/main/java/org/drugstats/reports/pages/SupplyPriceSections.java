package org.drugstats.reports.pages;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.drugstats.core.supply.SeizureCategories;
import org.drugstats.core.supply.SeizureCategory;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.ResultObservation;

/**
 * Prices and purity (UNODC annex 8.1) on the Supply page, and the value of seizures at wholesale prices on the
 * SDG 16.4 page — labelled as a value of seizures, not an estimate of illicit financial flows.
 */
final class SupplyPriceSections {

    static final String VALUE = "seizures_value_wholesale";

    private SupplyPriceSections() {
    }

    /** Typical prices per gram and purity by drug, country and year, with purity-adjusted prices. */
    static Section prices(PageContext c) {
        Section.Builder s = Section.builder("prices", "Prices and purity");
        List<ResultObservation> rows = Select.where(c.run.observations(), o -> o.indicator() != null
                && (o.indicator().equals("price_retail") || o.indicator().equals("price_wholesale")
                        || o.indicator().equals("purity_retail") || o.indicator().equals("purity_wholesale")));
        if (rows.isEmpty()) {
            return s.add(Note.empty("drug prices and purity", "None of the run's inputs holds annex 8.1 prices.")).build();
        }
        List<ResultObservation> adjusted = Select.where(c.run.indicators(), o -> o.indicator() != null
                && o.indicator().startsWith("price_purity_adjusted_"));
        s.text("Typical retail and wholesale prices in US dollars per gram (converted from the unit of sale the "
                + "country reported: per kilogram, ounce, pound...) and typical purity in per cent, with the published "
                + "minimum and maximum; the purity-adjusted price is 100 × price / purity where both are published for "
                + "the same drug, country, year and level of sale. Prices per tablet or dose are in results/observations "
                + "(price_retail_per_unit, price_wholesale_per_unit).");
        TableBuilder t = TableBuilder.of("prices-purity", "Prices (US$ per gram) and purity (%) by drug, country and year")
                .text("Drug").text("Country").column("Year", Kind.TEXT).text("Measure").column("Typical", Kind.NUMBER)
                .column("Minimum", Kind.NUMBER).column("Maximum", Kind.NUMBER).text("Notes");
        java.util.ArrayList<ResultObservation> all = new java.util.ArrayList<>(rows);
        all.addAll(adjusted);
        all.stream().sorted(Comparator.comparing((ResultObservation o) -> Objects.toString(o.drug(), ""))
                        .thenComparing(o -> c.names.name(o.refArea())).thenComparing(o -> Objects.toString(o.timePeriod(), ""))
                        .thenComparing(ResultObservation::indicator))
                .forEach(o -> t.row(o.drug(), c.names.name(o.refArea()), o.timePeriod(), measure(o.indicator()),
                        o.value(), o.lower(), o.upper(), o.notes()));
        s.add(c.assets.table(t.maxDisplayRows(200)));
        return s.build();
    }

    private static String measure(String indicator) {
        return switch (indicator) {
            case "price_retail" -> "retail price, US$/g";
            case "price_wholesale" -> "wholesale price, US$/g";
            case "purity_retail" -> "retail purity, %";
            case "purity_wholesale" -> "wholesale purity, %";
            case "price_purity_adjusted_retail" -> "retail price per pure gram, US$";
            case "price_purity_adjusted_wholesale" -> "wholesale price per pure gram, US$";
            default -> indicator;
        };
    }

    /** The value of seizures at wholesale prices, world and countries, by drug and year. */
    static Section seizureValue(PageContext c) {
        Section.Builder s = Section.builder("value-of-seizures", "Value of seizures at wholesale prices");
        List<ResultObservation> rows = Select.where(c.run.indicators(), o -> VALUE.equals(o.indicator()) && o.hasValue());
        if (rows.isEmpty()) {
            return s.add(Note.empty("value of seizures", "The run has no seizures and wholesale prices of the same "
                    + "country and year.")).build();
        }
        s.add(Note.caution("This is the value of what was seized, at the wholesale price per gram of the seizing "
                + "country and year — not an estimate of illicit financial flows (indicator 16.4.1), which needs the "
                + "whole market balance and the prices of each stage of the market."));
        s.text("Kilograms seized (seizures_total) × 1,000 × the typical wholesale price per gram of the same country and "
                + "year (UNODC annex 8.1); the range uses the published minimum and maximum prices. Countries without "
                + "a wholesale price per gram that year are not valued: the world figure covers the countries counted.");
        SeizureCategories cats = SeizureCategories.fromResources();
        TableBuilder t = TableBuilder.of("value-of-seizures", "Value of seizures at wholesale prices (US$), world")
                .text("Drug").column("Year", Kind.TEXT).column("Value (US$)", Kind.NUMBER).column("Low", Kind.NUMBER)
                .column("High", Kind.NUMBER).column("Countries valued", Kind.INTEGER).text("Notes");
        for (SeizureCategory cat : cats.categories()) {
            rows.stream().filter(o -> "WLD".equals(o.refArea()) && cat.code().equals(o.drug()))
                    .sorted(Comparator.comparing(ResultObservation::timePeriod))
                    .forEach(o -> t.row(cat.label(), o.timePeriod(), o.scaledValue(), o.lower(), o.upper(),
                            o.nWithData() == null ? Double.NaN : (double) o.nWithData(), o.notes()));
        }
        s.add(c.assets.table(t));
        TableBuilder k = TableBuilder.of("value-of-seizures-countries", "Value of seizures at wholesale prices (US$), "
                + "countries").text("Country").text("Drug").column("Year", Kind.TEXT).column("Value (US$)", Kind.NUMBER)
                .column("Low", Kind.NUMBER).column("High", Kind.NUMBER).text("How");
        rows.stream().filter(Select::isCountry).sorted(Comparator.comparingDouble(ResultObservation::scaledValue).reversed())
                .forEach(o -> k.row(c.names.name(o.refArea()), cats.category(o.drug()).label(), o.timePeriod(),
                        o.scaledValue(), o.lower(), o.upper(), o.notes()));
        s.add(c.assets.table(k.maxDisplayRows(50)));
        return s.build();
    }
}
