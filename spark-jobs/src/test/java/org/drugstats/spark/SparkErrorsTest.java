package org.drugstats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.drugstats.core.DrugstatsException;
import org.junit.jupiter.api.Test;

class SparkErrorsTest {

    static final Path PART = Path.of("/data/unodc/prevalence.parquet").toAbsolutePath();
    static final List<InputFiles.Input> INPUTS = List.of(new InputFiles.Input("unodc/prevalence.parquet", PART,
            List.of(PART), InputFiles.Kind.EXTRACT, "0", 1, null, List.of(), false));

    /** Spark's exception is checked (and thrown undeclared); the failure naming the file is a suppressed one. */
    static Exception multipleFailures() {
        Exception first = new Exception("Job aborted due to stage failure: Task 0 in stage 3.0 failed",
                new IllegalStateException("stage cancelled"));
        Exception second = new Exception("[FAILED_READ_FILE.NO_HINT] Encountered error while reading file file://"
                + PART + ".", new java.io.IOException("can not read class org.apache.parquet.format.PageHeader"));
        Exception e = new Exception("Multiple failures in stage materialization.", first);
        e.addSuppressed(second);
        return e;
    }

    @Test
    void aCheckedSparkExceptionWhoseSuppressedFailureReadsAnInputNamesTheInput() {
        DrugstatsException d = SparkErrors.explain("validate", multipleFailures(), INPUTS);
        assertEquals(PART + ": cannot read input unodc/prevalence.parquet (IOException: can not read class "
                + "org.apache.parquet.format.PageHeader); "
                + "the file is corrupt or not a drugstats extract", d.getMessage());
    }

    @Test
    void aFailureNamingNoInputNamesTheStepAndTheRootCause() {
        Exception e = new Exception("Job aborted", new ArithmeticException("/ by zero"));
        assertEquals("trend: failed: ArithmeticException: / by zero",
                SparkErrors.explain("trend", e, INPUTS).getMessage());
    }
}
