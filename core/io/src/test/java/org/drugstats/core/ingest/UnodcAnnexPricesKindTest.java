package org.drugstats.core.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.drugstats.core.DrugstatsException;
import org.drugstats.core.data.Observation;
import org.drugstats.core.data.QualityFlag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Annex 8.1 prices and purity on a hand-made workbook of the annex's layout; conversions written beside each value. */
class UnodcAnnexPricesKindTest {

    @TempDir
    Path dir;

    private static final Object[] PRICE_HEADER = {"Region", "SubRegion", "Country/Territory", "DrugGroup", "Drug",
        "Specify", "LevelOfSale", "Year", "Typical_USD", "Minimum_USD", "Maximum_USD", "Unit"};
    private static final Object[] PURITY_HEADER = {"Region", "SubRegion", "Country/Territory", "LevelOfSale",
        "DrugGroup", "Drug", "Specify", "Year", "Typical", "Minimum", "Maximum", "Measurement"};

    private IngestResult ingest() throws IOException {
        Object[][] prices = {
            {"Prices of drugs, 2018-2022"},
            PRICE_HEADER,
            {"Africa", "East Africa", "Kenya", "Opioids", "Heroin", null, "Retail", 2022, 34.0, null, null, "Grams"},
            {"Africa", "East Africa", "Kenya", "Cannabis-type drugs", "Cannabis herb (marijuana)", null, "Retail", 2022,
                255.29, 200, 300, "Kilograms"},
            {"Africa", "East Africa", "Kenya", "“Ecstasy”-type substances", "MDMA", null, "Retail", 2022, 10, null, null,
                "1000 tablets"},
            {"Africa", "East Africa", "Mauritius", "“Ecstasy”-type substances", "MDMA", null, "Retail", 2021, 36.78,
                null, null, null},
            {"Africa", "East Africa", "Kenya", "Cocaine-type drugs", "Cocaine hydrochloride", "Powder", "Wholesale", 2021,
                null, 10, 20, "Ounce"},
            {"Nowhere", "Nowhere", "Atlantis", "Opioids", "Heroin", null, "Retail", 2022, 50, null, null, "Gram"},
        };
        Object[][] purity = {
            {"Purity of drugs, 2018-2022"},
            PURITY_HEADER,
            {"Africa", "East Africa", "Kenya", "Wholesale", "Opioids", "Heroin", null, 2020, 39, 35, 42, "% (percent)"},
            {"Africa", "North Africa", "Algeria", "Retail", "“Ecstasy”-type substances", "MDMA", null, 2022, 135, 70, 258,
                "mg/tablet"},
            {"Europe", "Western and Central Europe", "Germany", "Wholesale", "Hallucinogens", "LSD", null, 2022, 53, 22,
                78, "..."},
            {"Africa", "East Africa", "Kenya", "Wholesale", "Cocaine-type", "Cocaine salts", null, 2019, 0.15, 0.25, 0.3,
                "% (percent)"},
        };
        Path f = Workbooks.write(dir.resolve("8.1_prices_and_purity_2018-2022.xlsx"),
                new String[] {"Prices in USD", "Purities"}, prices, purity);
        return IngestKinds.byName("unodc-annex-prices").ingest(SourceFile.of(f), IngestContext.withDefaults());
    }

    private static Observation find(IngestResult r, String indicator, String area, String drug) {
        List<Observation> m = r.accepted().stream().filter(o -> o.indicator().equals(indicator)
                && o.refArea().equals(area) && o.drug().equals(drug)).toList();
        assertEquals(1, m.size(), indicator + " " + area + " " + drug);
        return m.get(0);
    }

    @Test
    void pricesArePerGramOrPerSingleUnitAndPurityIsPercentOrMgPerTablet() throws IOException {
        IngestResult r = ingest();
        assertEquals(10, r.rowsRead());
        assertEquals(7, r.rowsAccepted());
        assertEquals(3, r.rowsQuarantined());
        assertEquals(Map.of("missing-required", 1L, "unmapped-area", 1L, "unknown-code", 1L), r.quarantinedByReason());

        Observation heroin = find(r, "price_retail", "KEN", "Heroin");
        assertEquals(34.0, heroin.value(), 0.0);
        assertEquals("usd-per-gram", heroin.unit().code());
        assertNull(heroin.notes());

        Observation herb = find(r, "price_retail", "KEN", "Cannabis herb (marijuana)");
        assertEquals(255.29 / 1000, herb.value(), 1e-15); // per kilogram / 1,000
        assertEquals(0.2, herb.lower(), 1e-15);
        assertEquals(0.3, herb.upper(), 1e-15);
        assertTrue(herb.notes().startsWith("published in US$ per Kilograms (typical 255.29, minimum 200, maximum 300)"));

        Observation mdma = find(r, "price_retail_per_unit", "KEN", "MDMA");
        assertEquals(0.01, mdma.value(), 1e-15); // 10 US$ per 1,000 tablets
        assertEquals("tablet", mdma.method());
        assertEquals("usd-per-unit", mdma.unit().code());

        Observation coke = find(r, "price_wholesale", "KEN", "Cocaine hydrochloride (Powder)");
        assertNull(coke.value()); // no typical value: missing, with its range
        assertEquals("missing", coke.obsStatus().code());
        assertEquals(10 / 28.349523125, coke.lower(), 1e-12); // per ounce / 28.349523125 g
        assertEquals(20 / 28.349523125, coke.upper(), 1e-12);
        assertEquals("Powder", coke.drugSubgroup());

        Observation pure = find(r, "purity_wholesale", "KEN", "Heroin");
        assertEquals(39.0, pure.value(), 0.0);
        assertEquals("percent", pure.unit().code());
        Observation tab = find(r, "purity_retail_mg_per_tablet", "DZA", "MDMA");
        assertEquals(135.0, tab.value(), 0.0);
        assertEquals("mg-per-tablet", tab.unit().code());
        assertTrue(find(r, "purity_wholesale", "KEN", "Cocaine salts").hasFlag(QualityFlag.BEST_OUTSIDE_BOUNDS));
    }

    /**
     * Purities of 1 or less under "% (percent)": rows of the WDR 2024 workbook (sheet 'Purities'), Germany heroin
     * retail 2019 and 2020, Cyprus cannabis herb retail 2021, Belgium methamphetamine retail 2018 (no typical value),
     * and a mg/tablet row. Rule: flagged possible-fraction when every published figure is at most 1; never converted.
     */
    @Test
    void purityFiguresAllAtMostOneAreFlaggedAsPossibleFractionsAndKeptAsPublished() throws IOException {
        Object[][] prices = {{"Prices of drugs, 2018-2022"}, PRICE_HEADER,
            {"Europe", "Western and Central Europe", "Germany", "Opioids", "Heroin", null, "Retail", 2020, 40.0, null,
                null, "Grams"}};
        Object[][] purity = {{"Purity of drugs, 2018-2022"}, PURITY_HEADER,
            {"Europe", "Western and Central Europe", "Germany", "Retail", "Opioids", "Heroin", null, 2019, 0.258, 0.054,
                0.425, "% (percent)"},
            {"Europe", "Western and Central Europe", "Germany", "Retail", "Opioids", "Heroin", null, 2020, 24.6, 9.2, 40,
                "% (percent)"},
            {"Europe", "Western and Central Europe", "Cyprus", "Retail", "Cannabis-type drugs",
                "Cannabis herb (marijuana)", null, 2021, 0.81, 0.17, 21.54, "% (percent)"},
            {"Europe", "Western and Central Europe", "Belgium", "Retail", "ATS", "Methamphetamine", null, 2018, null, 0.5,
                1, "% (percent)"},
            {"Africa", "North Africa", "Algeria", "Retail", "“Ecstasy”-type substances", "MDMA", null, 2022, 0.5, null,
                null, "mg/tablet"}};
        Path f = Workbooks.write(dir.resolve("8.1_prices_and_purity_2018-2022.xlsx"),
                new String[] {"Prices in USD", "Purities"}, prices, purity);
        IngestResult r = IngestKinds.byName("unodc-annex-prices").ingest(SourceFile.of(f), IngestContext.withDefaults());
        assertEquals(6, r.rowsRead());
        assertEquals(6, r.rowsAccepted());
        List<Observation> heroin = r.accepted().stream().filter(o -> o.indicator().equals("purity_retail")
                && o.refArea().equals("DEU")).sorted(java.util.Comparator.comparing(Observation::timePeriod)).toList();
        Observation h19 = heroin.get(0);
        assertEquals(0.258, h19.value(), 0.0); // kept as published, not multiplied by 100
        assertEquals(0.054, h19.lower(), 0.0);
        assertTrue(h19.hasFlag(QualityFlag.POSSIBLE_FRACTION));
        assertTrue(h19.notes().contains("possibly a fraction of 1"), h19.notes());
        Observation h20 = heroin.get(1);
        assertEquals(24.6, h20.value(), 0.0);
        assertFalse(h20.hasFlag(QualityFlag.POSSIBLE_FRACTION));
        // a maximum above 1 puts the row on the percent scale
        assertFalse(find(r, "purity_retail", "CYP", "Cannabis herb (marijuana)").hasFlag(QualityFlag.POSSIBLE_FRACTION));
        // minimum and maximum only, both at most 1 (1 included): flagged, typical missing
        Observation meth = find(r, "purity_retail", "BEL", "Methamphetamine");
        assertNull(meth.value());
        assertTrue(meth.hasFlag(QualityFlag.POSSIBLE_FRACTION));
        // mg per tablet is not a percent
        assertFalse(find(r, "purity_retail_mg_per_tablet", "DZA", "MDMA").hasFlag(QualityFlag.POSSIBLE_FRACTION));
        assertFalse(UnodcAnnexPricesKind.possibleFraction(null, null, null));
        assertTrue(UnodcAnnexPricesKind.possibleFraction(1.0, null, null));
        assertFalse(UnodcAnnexPricesKind.possibleFraction(1.0001, null, null));
    }

    @Test
    void saleUnits() {
        assertEquals(5.0, SaleUnit.parse("5 gram").orElseThrow().perGram(), 0.0);
        assertEquals(350.0, SaleUnit.parse("350 gr").orElseThrow().perGram(), 0.0);
        assertEquals(0.1, SaleUnit.parse("100 milligram").orElseThrow().perGram(), 1e-15);
        assertEquals(453.59237, SaleUnit.parse("Pounds").orElseThrow().perGram(), 0.0);
        assertEquals(1000.0, SaleUnit.parse("Litres").orElseThrow().count(), 0.0);
        assertEquals("millilitre", SaleUnit.parse("Litre").orElseThrow().single());
        assertEquals("dose", SaleUnit.parse("Dose").orElseThrow().single());
        assertTrue(SaleUnit.parse("...").isEmpty());
        assertTrue(SaleUnit.parse(" ").isEmpty());
    }

    @Test
    void aWorkbookOfAnotherLayoutIsRefused() throws IOException {
        Path f = Workbooks.write(dir.resolve("x.xlsx"), new String[] {"S"}, new Object[][] {{"a", "b"}, {"c", "d"}});
        DrugstatsException e = assertThrows(DrugstatsException.class,
                () -> IngestKinds.byName("unodc-annex-prices").ingest(SourceFile.of(f), IngestContext.withDefaults()));
        assertTrue(e.getMessage().startsWith("x.xlsx is not a unodc-annex-prices file: expected a sheet with the header"),
                e.getMessage());
    }
}
