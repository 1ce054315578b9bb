package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

/** The plain-Java orderings and casts of {@link SqlSemantics} agree with Spark's own. */
class SqlSemanticsTest {

    // doubles whose shortest decimal form sits on a rounding tie at the 6th place, or whose binary value does not
    static final double[] VALUES = {5.0E-7, 2.5E-6, 1.0000005, 0.1234565, 123456.0000015, 0.000000499999, 1e-7,
        505_000.125, 3.0E15 + 0.5, -5.0E-7, -2.0000005, 0.0, 7.77, 1e20};

    @Test
    void aDoubleBecomesDecimalAsSparkCastsIt() {
        SparkSession spark = SparkTestSession.get();
        List<Row> rows = new ArrayList<>();
        for (double v : VALUES) {
            rows.add(RowFactory.create(v));
        }
        List<Row> cast = spark.createDataFrame(rows, DataTypes.createStructType(List.of(
                        DataTypes.createStructField("v", DataTypes.DoubleType, false))))
                .select(org.apache.spark.sql.functions.col("v").cast(DataTypes.createDecimalType(38, 6)))
                .collectAsList();
        for (int i = 0; i < VALUES.length; i++) {
            BigDecimal spark6 = cast.get(i).getDecimal(0);
            assertEquals(0, spark6.compareTo(SqlSemantics.toDecimal(VALUES[i])), "value " + VALUES[i]);
        }
        // HALF_UP on the shortest decimal form: 5.0E-7 is 4.99999999999999977e-7 in binary, yet becomes 0.000001
        assertEquals(new BigDecimal("0.000001"), SqlSemantics.toDecimal(5.0E-7));
        assertEquals(new BigDecimal("-0.000001"), SqlSemantics.toDecimal(-5.0E-7));
        assertEquals(new BigDecimal("1.000001"), SqlSemantics.toDecimal(1.0000005));
    }

    @Test
    void aValueThatIsNoDecimalFailsClearly() {
        assertThrows(DrugstatsException.class, () -> SqlSemantics.toDecimal(Double.NaN));
        assertThrows(DrugstatsException.class, () -> SqlSemantics.toDecimal(1e40));
    }

    @Test
    void stringsOrderAsSparkOrdersTheirUtf8Bytes() {
        // U+FF21 (fullwidth A) is one UTF-16 unit above every surrogate, but below U+1F600 in UTF-8
        String fullwidth = "\uFF21";
        String emoji = new String(Character.toChars(0x1F600));
        assertTrue(fullwidth.compareTo(emoji) > 0, "UTF-16 order differs");
        assertTrue(SqlSemantics.compareUtf8(fullwidth, emoji) < 0);
        assertEquals(fullwidth, SqlSemantics.minUtf8(emoji, fullwidth));
        assertEquals("a", SqlSemantics.minUtf8(null, "a"));
        assertTrue(SqlSemantics.compareUtf8("AB", "ABC") < 0);
        assertTrue(SqlSemantics.compareUtf8("B", "a") < 0);
        SparkSession spark = SparkTestSession.get();
        List<Row> rows = List.of(RowFactory.create(emoji), RowFactory.create(fullwidth));
        Row min = spark.createDataFrame(rows, DataTypes.createStructType(List.of(
                        DataTypes.createStructField("s", DataTypes.StringType, false))))
                .agg(org.apache.spark.sql.functions.min("s")).first();
        assertEquals(fullwidth, min.getString(0));
        String least = null;
        for (Row r : rows) {
            least = SqlSemantics.minUtf8(least, r.getString(0));
        }
        assertEquals(min.getString(0), least);
    }

    @Test
    void doublesOrderWithNegativeZeroEqualAndNanLast() {
        assertEquals(0, SqlSemantics.compareDoubles(-0.0, 0.0));
        assertEquals(1, SqlSemantics.compareDoubles(Double.NaN, Double.POSITIVE_INFINITY));
        assertEquals(0, SqlSemantics.compareDoubles(Double.NaN, Double.NaN));
        assertEquals(-1, SqlSemantics.compareDoublesNullsFirst(null, -1e300));
    }
}
