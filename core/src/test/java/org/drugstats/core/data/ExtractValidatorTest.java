package org.drugstats.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ExtractValidatorTest {

    private static String[] good() {
        return ExtractValidator.textOf(Fixtures.observations().get(0));
    }

    private static Arguments defect(String name, Consumer<String[]> damage, QuarantineReason reason, String column,
            String rawValue) {
        return Arguments.of(name, damage, reason, column, rawValue);
    }

    static List<Arguments> defects() {
        return List.of(
                defect("empty indicator", r -> r[Column.INDICATOR.ordinal()] = " ", QuarantineReason.MISSING_REQUIRED,
                        "indicator", null),
                defect("unknown sex", r -> r[Column.SEX.ordinal()] = "X", QuarantineReason.UNKNOWN_CODE, "sex", "X"),
                defect("unknown unit", r -> r[Column.UNIT.ordinal()] = "percnt", QuarantineReason.UNKNOWN_CODE, "unit",
                        "percnt"),
                defect("unknown status", r -> r[Column.OBS_STATUS.ordinal()] = "guess", QuarantineReason.UNKNOWN_CODE,
                        "obs_status", "guess"),
                defect("unknown flag", r -> r[Column.OBS_FLAGS.ordinal()] = "footnote;odd", QuarantineReason.UNKNOWN_CODE,
                        "obs_flags", "footnote;odd"),
                defect("text in value", r -> r[Column.VALUE.ordinal()] = "2.6 (est.)", QuarantineReason.NON_NUMERIC,
                        "value", "2.6 (est.)"),
                defect("NaN is not a number", r -> r[Column.LOWER.ordinal()] = "NaN", QuarantineReason.NON_NUMERIC,
                        "lower", "NaN"),
                defect("prevalence above 100%", r -> {
                    r[Column.VALUE.ordinal()] = "120";
                    r[Column.UPPER.ordinal()] = null;
                }, QuarantineReason.OUT_OF_DOMAIN, "value", "120"),
                defect("negative hectares", r -> {
                    r[Column.UNIT.ordinal()] = "hectares";
                    r[Column.VALUE.ordinal()] = "-5";
                    r[Column.LOWER.ordinal()] = null;
                }, QuarantineReason.OUT_OF_DOMAIN, "value", "-5"),
                defect("lower above value", r -> r[Column.LOWER.ordinal()] = "2.9", QuarantineReason.RANGE_INCONSISTENT,
                        "lower", "2.9"),
                defect("value above upper", r -> r[Column.UPPER.ordinal()] = "2.5", QuarantineReason.RANGE_INCONSISTENT,
                        "upper", "2.5"),
                defect("missing value with normal status", r -> r[Column.VALUE.ordinal()] = null,
                        QuarantineReason.STATUS_VALUE_MISMATCH, "value", null),
                defect("bad unit multiplier", r -> r[Column.UNIT_MULT.ordinal()] = "six", QuarantineReason.NON_NUMERIC,
                        "unit_mult", "six"),
                defect("record number with a leading zero", r -> {
                    r[Column.RECORD.ordinal()] = "01";
                    r[Column.OBS_FLAGS.ordinal()] = "multiple-records";
                }, QuarantineReason.NON_NUMERIC, "record", "01"),
                defect("record number 0", r -> {
                    r[Column.RECORD.ordinal()] = "0";
                    r[Column.OBS_FLAGS.ordinal()] = "multiple-records";
                }, QuarantineReason.NON_NUMERIC, "record", "0"),
                defect("record number without the flag", r -> r[Column.RECORD.ordinal()] = "2",
                        QuarantineReason.MALFORMED_ROW, "record", "2"),
                defect("flag multiple-records without a record number",
                        r -> r[Column.OBS_FLAGS.ordinal()] = "nonstandard-age-base;multiple-records",
                        QuarantineReason.MALFORMED_ROW, "obs_flags", "nonstandard-age-base;multiple-records"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void eachDefectGivesItsReasonRowAndColumn(String name, Consumer<String[]> damage, QuarantineReason reason,
            String column, String rawValue) {
        String[] bad = good();
        damage.accept(bad);
        List<String[]> rows = List.of(good(), bad, ExtractValidator.textOf(Fixtures.observations().get(1)));
        ValidationResult r = ExtractValidator.validate("f.parquet", rows);
        assertEquals(3, r.rowsRead());
        assertEquals(2, r.rowsAccepted(), "only the damaged row is set aside");
        QuarantineRow q = r.quarantined().get(0);
        assertEquals(reason, q.reason(), q.describe());
        assertEquals(2, q.row());
        assertEquals(column, q.column());
        assertEquals(rawValue, q.rawValue());
        assertTrue(q.describe().startsWith("f.parquet, row 2"), q.describe());
    }

    @Test
    void duplicateKeyKeepsTheFirstAndNamesIt() {
        List<String[]> rows = new ArrayList<>();
        rows.add(good());
        rows.add(ExtractValidator.textOf(Fixtures.observations().get(1)));
        String[] dup = good();
        dup[Column.VALUE.ordinal()] = "2.7";
        rows.add(dup);
        ValidationResult r = ExtractValidator.validate("f", rows);
        assertEquals(2, r.rowsAccepted());
        QuarantineRow q = r.quarantined().get(0);
        assertEquals(QuarantineReason.DUPLICATE_KEY, q.reason());
        assertEquals(3, q.row());
        assertTrue(q.detail().contains("same key as row 1"), q.detail());
    }

    @Test
    void oneDrugNameUnderTwoGroupsIsTwoKeys() {
        // annex 7.1 files "Other drugs/substances" under several drug groups, and a run's seizures_quantity rows
        // summed by drug group have no drug at all: the group tells them apart (a run's own results/indicators
        // repeated keys before drug_group was part of the key)
        String[] a = good();
        a[Column.DRUG.ordinal()] = null;
        a[Column.DRUG_GROUP.ordinal()] = "Cocaine-type";
        String[] b = a.clone();
        b[Column.DRUG_GROUP.ordinal()] = "Opioids";
        b[Column.VALUE.ordinal()] = "2.7";
        String[] bAgain = b.clone();
        ValidationResult r = ExtractValidator.validate("f", List.of(a, b, bAgain));
        assertEquals(2, r.rowsAccepted());
        assertEquals(List.of("Cocaine-type", "Opioids"), r.accepted().stream().map(Observation::drugGroup).toList());
        QuarantineRow q = r.quarantined().get(0);
        assertEquals(QuarantineReason.DUPLICATE_KEY, q.reason());
        assertEquals(3, q.row());
        assertTrue(q.detail().contains("same key as row 2") && q.detail().contains(", drug_group=Opioids"),
                q.detail());
    }

    @Test
    void recordsOfOneKeyAreDistinctKeysButARepeatedRecordIsADuplicate() {
        String[] one = good();
        one[Column.RECORD.ordinal()] = "1";
        one[Column.OBS_FLAGS.ordinal()] = "nonstandard-age-base;multiple-records";
        String[] two = one.clone();
        two[Column.RECORD.ordinal()] = "2";
        two[Column.VALUE.ordinal()] = "2.7";
        String[] twoAgain = two.clone();
        ValidationResult r = ExtractValidator.validate("f", List.of(one, two, good(), twoAgain));
        assertEquals(3, r.rowsAccepted()); // records 1 and 2, and the row without a record
        assertEquals(List.of("1", "2"), r.accepted().stream().map(Observation::record).filter(x -> x != null).toList());
        QuarantineRow q = r.quarantined().get(0);
        assertEquals(QuarantineReason.DUPLICATE_KEY, q.reason());
        assertEquals(4, q.row());
        assertTrue(q.detail().contains("same key as row 2") && q.detail().endsWith(", record=2)"), q.detail());
        Observation a = r.accepted().get(0);
        Observation b = r.accepted().get(1);
        assertTrue(!a.key().equals(b.key()) && a.key().withoutRecord().equals(b.key().withoutRecord()));
        assertEquals(r.accepted().get(2).key(), a.key().withoutRecord());
    }

    @Test
    void canonicalOrderPutsRecordsByNumberAfterTheRowWithout() {
        Observation base = Fixtures.observations().get(0);
        List<Observation> rows = new ArrayList<>();
        for (String rec : new String[] {"10", "2", null, "1"}) {
            Observation.Builder b = base.toBuilder().record(rec);
            if (rec != null) {
                b.flag(QualityFlag.MULTIPLE_RECORDS);
            }
            rows.add(b.build());
        }
        List<String> order = Extract.of(rows, List.of(Fixtures.ORIGIN)).sorted().observations().stream()
                .map(Observation::record).toList();
        assertEquals(java.util.Arrays.asList(null, "1", "2", "10"), order);
    }

    @Test
    void publishedBestOutsideBoundsIsKeptWhenFlagged() {
        String[] r = good();
        r[Column.LOWER.ordinal()] = "2.9";
        r[Column.OBS_FLAGS.ordinal()] = "best-outside-bounds";
        ValidationResult res = ExtractValidator.validate("f", List.<String[]>of(r));
        assertEquals(1, res.rowsAccepted());
        assertTrue(res.accepted().get(0).hasFlag(QualityFlag.BEST_OUTSIDE_BOUNDS));
    }
}
