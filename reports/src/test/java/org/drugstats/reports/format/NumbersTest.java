package org.drugstats.reports.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void numberRoundsToThreeSignificantDigitsAndGroupsThousands() {
        assertEquals("252,600", Numbers.number(252600));
        assertEquals("12,346", Numbers.number(12345.6));
        assertEquals("4.35", Numbers.number(4.3512));
        assertEquals("0.0723", Numbers.number(0.07234));
        assertEquals("1,000", Numbers.number(999.7));
        assertEquals("0", Numbers.number(0));
        assertEquals("\u22122.5", Numbers.number(-2.5));
        assertEquals("\u2013", Numbers.number(Double.NaN));
        assertEquals("\u2013", Numbers.number(Double.POSITIVE_INFINITY));
    }

    @Test
    void compactNamesMillionsAndBillions() {
        assertEquals("39.5 million", Numbers.compact(3.95e7));
        assertEquals("5.13 billion", Numbers.compact(5.125338222e9));
        assertEquals("345,900", Numbers.compact(345900));
        assertEquals("1.20 trillion", Numbers.compact(1.2e12));
        assertEquals("88.0 million", Numbers.compact(88019389));
    }

    /** Issue 15: people and other large amounts are not shown to the unit; below a million integers stay exact. */
    @Test
    void numberFromAMillionOnIsInWordsToThreeSignificantDigits() {
        assertEquals("88.0 million", Numbers.number(88019389));
        assertEquals("2.38 million", Numbers.number(2381776));
        assertEquals("\u22125.34 million", Numbers.number(-5339243));
        assertEquals("14.3 billion", Numbers.number(14334076157.0));
        assertEquals("999,999", Numbers.number(999999));
        assertEquals("88.0 million (81.3\u201396.1 million)", Numbers.compactRange(88019389, 81.3e6, 96.1e6));
        assertEquals("4,480 (4,000\u20135,000)", Numbers.compactRange(4480, 4000, 5000));
    }

    @Test
    void percentagesAndChanges() {
        assertEquals("+5.1%", Numbers.signedPercent(5.12));
        assertEquals("\u221217.0%", Numbers.signedPercent(-17));
        assertEquals("0.0%", Numbers.signedPercent(-0.01));
        assertEquals("84%", Numbers.percent(84));
        assertEquals("7.5%", Numbers.percent(7.5));
        assertEquals("2.1\u20133.3", Numbers.range(2.1, 3.3));
        assertEquals("", Numbers.range(Double.NaN, 3.3));
    }

    @Test
    void plainKeepsFullPrecisionWithoutExponent() {
        assertEquals("0.0000001", Numbers.plain(1.0e-7));
        assertEquals("39500000", Numbers.plain(3.95e7));
        assertEquals("0.1", Numbers.plain(0.1));
        assertEquals("", Numbers.plain(Double.NaN));
        assertEquals("2010", Numbers.year(2010));
        assertEquals("2010.5", Numbers.year(2010.5));
    }
}
