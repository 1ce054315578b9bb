package org.drugstats.reports.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.drugstats.reports.format.Numbers;
import org.drugstats.reports.html.Facts;
import org.drugstats.reports.html.Note;
import org.drugstats.reports.html.Page;
import org.drugstats.reports.html.Section;
import org.drugstats.reports.html.TableBuilder;
import org.drugstats.reports.html.TableBuilder.Kind;
import org.drugstats.reports.model.Headline;
import org.drugstats.reports.model.ResultObservation;

/**
 * SDG 16.4 — illicit financial flows: the definition, what the run's data hold, and the market-balance check
 * (which terms of production + imports = exports + seizures + consumption the data can fill, and which prices: the
 * value of seizures at wholesale prices, labelled as such — not an estimate of illicit financial flows).
 */
final class FinancialFlowsPage {

    static final String FILE = "sdg-16-4.html";

    private FinancialFlowsPage() {
    }

    static Page build(PageContext c) {
        List<Section> sections = new ArrayList<>();
        sections.add(Section.builder("definition", "Definition")
                .text("SDG target 16.4: by 2030, significantly reduce illicit financial and arms flows, strengthen the "
                        + "recovery and return of stolen assets and combat all forms of organized crime. Indicator "
                        + "16.4.1 (custodians UNODC and UNCTAD): total value of inward and outward illicit financial "
                        + "flows, in current United States dollars.")
                .text("Illicit financial flows are financial flows that are illicit in origin, transfer or use, that "
                        + "reflect an exchange of value and that cross country borders. For drug markets UNODC "
                        + "estimates them from the market identity below, valuing each flow at the price of the "
                        + "stage of the market where it occurs, and splits them into income generation (production "
                        + "and trade) and income management (laundering and investment of the proceeds).")
                .build());
        sections.add(dataHeld(c));
        sections.add(marketBalance(c));
        sections.add(SupplyPriceSections.seizureValue(c));
        return new Page(FILE, "SDG 16.4 \u2014 illicit financial flows", "SDG 16.4",
                "What indicator 16.4.1 measures, what this run's data hold for it, and how far they go towards the "
                        + "market balance from which drug-related flows are estimated.", sections);
    }

    private static Section dataHeld(PageContext c) {
        Section.Builder s = Section.builder("data", "What the data hold");
        List<ResultObservation> rows = new ArrayList<>();
        for (List<ResultObservation> l : List.of(c.run.observations(), c.run.indicators(), c.run.aggregates())) {
            rows.addAll(Select.where(l, o -> Concept.FINANCIAL_FLOWS.matches(o.indicator())));
        }
        if (rows.isEmpty()) {
            s.add(Note.empty("illicit financial flows in US dollars",
                    "None of the run's inputs reports flows; UNODC's country estimates for 16.4.1 are pilot "
                            + "studies, not a global series."));
        } else {
            TableBuilder t = TableBuilder.of("illicit-financial-flows", "Illicit financial flows")
                    .text("Area").column("Year", Kind.TEXT).text("Drug").column("Value (US$)", Kind.NUMBER)
                    .column("Low", Kind.NUMBER).column("High", Kind.NUMBER).text("Source").text("Notes");
            for (ResultObservation o : rows) {
                t.row(c.names.name(o.refArea()), o.timePeriod(), o.drug(), o.scaledValue(), o.scaledLower(),
                        o.scaledUpper(), o.source(), o.notes());
            }
            s.add(c.assets.table(t));
        }
        List<Headline> published = c.headlines.stream()
                .filter(h -> h.sdg() != null && h.sdg().startsWith("16.4")).toList();
        if (!published.isEmpty()) {
            TableBuilder t = TableBuilder.of("sdg-16-4-statements", "Published statements on SDG 16.4 in the catalog")
                    .text("Statement").column("Value", Kind.TEXT).text("Year").text("Source").text("Quote");
            for (Headline h : published) {
                t.row(h.title(), OverviewPage.formatValue(h.value(), h.unit(), h.unitMultiplier()),
                        h.year(), h.sourceDocument() + ", " + h.sourceLocator(), h.quote());
            }
            s.add(c.assets.table(t));
        }
        return s.build();
    }

    private static Section marketBalance(PageContext c) {
        Section.Builder s = Section.builder("market-balance", "Market-balance check");
        s.add(new Facts(List.of(
                new Facts.Fact("Identity", "production + imports = exports + seizures + consumption (per drug, "
                        + "country and year, in kilograms of pure drug)"),
                new Facts.Fact("Flows", "each term valued at the price of its market stage (farm-gate, wholesale, "
                        + "retail); inward and outward flows summed over countries"))));
        record Market(String name, List<String> crop, List<String> seized, List<String> used) {
        }
        List<Market> markets = List.of(
                new Market("Cocaine (coca)", List.of("coca"), List.of("cocaine", "coca"), List.of("cocaine")),
                new Market("Opiates (opium poppy)", List.of("opium", "poppy"),
                        List.of("opiate", "opioid", "heroin", "opium", "morphine"), List.of("opiate", "opioid")),
                new Market("Cannabis", List.of("cannabis"), List.of("cannabis"), List.of("cannabis")));
        TableBuilder t = TableBuilder.of("market-balance-terms", "Terms of the market identity in this run's data")
                .text("Drug market").text("Production").text("Imports").text("Exports").text("Seizures")
                .text("Consumption").column("Terms held", Kind.INTEGER);
        int anyComplete = 0;
        for (Market d : markets) {
            String production = describe(Select.where(c.run.observations(), o -> Concept.CULTIVATION.matches(
                    o.indicator()) && containsAny(o, d.crop())), "cultivated area, no yield or quantity");
            String seizures = describe(Select.where(c.run.observations(), o -> Concept.SEIZURES.matches(o.indicator())
                    && containsAny(o, d.seized())), "kilograms seized");
            String consumption = describe(Select.where(c.run.observations(), o -> Concept.PREVALENCE.matches(
                    o.indicator()) && containsAny(o, d.used())), "users (prevalence), no quantities");
            int held = seizures.isEmpty() ? 0 : 1;
            anyComplete = Math.max(anyComplete, held);
            t.row(d.name(), orNone(production), "not in the data", "not in the data", orNone(seizures),
                    orNone(consumption), held);
        }
        s.add(c.assets.table(t.note("\"Terms held\" counts the terms available as quantities (kilograms); area and "
                + "prevalence need yields, purities and per-user quantities to become kilograms.")));
        List<ResultObservation> prices = Select.where(c.run.observations(), o -> o.indicator() != null
                && o.indicator().startsWith("price_") && o.hasValue());
        List<ResultObservation> valued = Select.where(c.run.indicators(),
                o -> SupplyPriceSections.VALUE.equals(o.indicator()) && o.hasValue());
        String pricesHeld = prices.isEmpty() ? "No prices are held, so no term can be valued in US dollars."
                : String.format(Locale.ROOT, "Prices are held: %s typical retail and wholesale prices per gram or per "
                        + "unit (UNODC annex 8.1, %s, %d countries)%s.", Numbers.fixed(prices.size(), 0), Select.yearSpan(prices),
                        prices.stream().map(ResultObservation::refArea).distinct().count(), valued.isEmpty()
                                ? ", but no country has seizures and a wholesale price of the same year"
                                : "; with them the run values one term, the seizures, at the wholesale price of the "
                                        + "seizing country and year (" + Numbers.fixed(valued.stream()
                                                .filter(Select::isCountry).count(), 0) + " country-years, next "
                                        + "section)");
        s.add(Note.caution(String.format(Locale.ROOT, "The identity cannot be balanced with this run's data: at most "
                + "%d of the 5 terms is held as a quantity. %s That value of seizures is not an estimate of illicit "
                + "financial flows: 16.4.1 needs every term in kilograms of pure drug and the price of each stage of "
                + "the market (farm-gate, wholesale, retail), inward and outward. The check shows which inputs such an "
                + "estimate would need.", anyComplete, pricesHeld)));
        return s.build();
    }

    private static boolean containsAny(ResultObservation o, List<String> words) {
        for (String f : new String[] {o.drug(), o.drugGroup(), o.drugSubgroup(), o.indicator()}) {
            if (f != null) {
                String l = f.toLowerCase(Locale.ROOT);
                for (String w : words) {
                    if (l.contains(w)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String describe(List<ResultObservation> rows, String what) {
        if (rows.isEmpty()) {
            return "";
        }
        long areas = rows.stream().map(ResultObservation::refArea).distinct().count();
        return what + ", " + Numbers.fixed(areas, 0) + (areas == 1 ? " area, " : " areas, ") + Select.yearSpan(rows);
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "not in the data" : s;
    }
}
