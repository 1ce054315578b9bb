package org.drugstats.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DecimalNumbersTest {

    @Test
    void plainDecimalsAreNumbers() {
        assertEquals(OptionalDouble.of(12), DecimalNumbers.parse("12"));
        assertEquals(OptionalDouble.of(-0.5), DecimalNumbers.parse(" -0.5 "));
        assertEquals(OptionalDouble.of(0.25), DecimalNumbers.parse(".25"));
        assertEquals(OptionalDouble.of(3), DecimalNumbers.parse("+3."));
        assertEquals(OptionalDouble.of(1.2e-3), DecimalNumbers.parse("1.2e-3"));
        assertEquals(OptionalDouble.of(4e10), DecimalNumbers.parse("4E+10"));
    }

    @Test
    void javaLiteralFormsAndNonFiniteValuesAreNot() {
        for (String s : List.of("5d", "2f", "0x1p3", "NaN", "Infinity", "-Infinity", "1e999", "", " ", "1,5", "1 000",
                "e5", ".", "1e", "--1", "12a")) {
            assertEquals(OptionalDouble.empty(), DecimalNumbers.parse(s), s);
        }
        assertEquals(OptionalDouble.empty(), DecimalNumbers.parse(null));
    }
}
