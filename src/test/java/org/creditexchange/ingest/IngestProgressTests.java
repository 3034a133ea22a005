package org.creditexchange.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.creditexchange.ingest.stage.FileRowReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

/** Percent done and time left of an ingest job, from its stage step's execution as the job repository keeps it. */
class IngestProgressTests {

    static final LocalDateTime STARTED = LocalDateTime.of(2026, 11, 2, 9, 0, 0);

    @Test
    void aRunningStageTellsTheShareReadAndTheTimeLeftAtItsOwnRate() {
        // 5,000 rows in 50 s is 100 rows/s; a quarter of the file read leaves 15,000 rows: 150 s
        StepExecution stage = stage(BatchStatus.STARTED, 0.25, 5_000, 5_000);

        IngestProgress p = IngestProgress.of(stage, STARTED.plusSeconds(50));

        assertThat(p.percent()).isEqualTo(25.0);
        assertThat(p.remaining()).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void aRestartedStageCountsItsRateOnlyOnTheRowsItReadItself() {
        // 4,000 rows were read before the stop; this execution read 1,000 in 10 s; half the file is read
        StepExecution stage = stage(BatchStatus.STARTED, 0.5, 1_000, 5_000);

        IngestProgress p = IngestProgress.of(stage, STARTED.plusSeconds(10));

        assertThat(p.percent()).isEqualTo(50.0);
        assertThat(p.remaining()).isEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void beforeItsFirstChunkNothingIsKnown() {
        StepExecution stage = new StepExecution("stage", new JobExecution(1L), 2L);
        stage.setStatus(BatchStatus.STARTED);
        stage.setStartTime(STARTED);

        assertThat(IngestProgress.of(stage, STARTED.plusSeconds(1))).isEqualTo(IngestProgress.UNKNOWN);
        assertThat(IngestProgress.of(null, STARTED)).isEqualTo(IngestProgress.UNKNOWN);
        assertThat(IngestProgress.UNKNOWN.percent()).isNull();
    }

    @Test
    void aStoppedStageKeepsItsShareButHasNoTimeLeftWhileItStands() {
        IngestProgress p = IngestProgress.of(stage(BatchStatus.STOPPED, 0.4, 2_000, 2_000), STARTED.plusSeconds(600));

        assertThat(p.percent()).isEqualTo(40.0);
        assertThat(p.remaining()).isNull();
    }

    @Test
    void aCompletedStageOrAWholeFileReadIsDoneWithNoTimeLeft() {
        assertThat(IngestProgress.of(stage(BatchStatus.COMPLETED, 0.97, 9_000, 9_000), STARTED.plusSeconds(9)))
                .isEqualTo(IngestProgress.DONE);
        assertThat(IngestProgress.of(stage(BatchStatus.STARTED, 1.0, 9_000, 9_000), STARTED.plusSeconds(9)))
                .isEqualTo(new IngestProgress(1.0, Duration.ZERO));
        assertThat(IngestProgress.DONE.percent()).isEqualTo(100.0);
    }

    @ParameterizedTest
    @CsvSource({
            "0.0, 100, 100, 1000",
            "0.5,   0, 100, 1000",
            "0.5, 100,   0, 1000",
            "0.5, 100, 100,    0"})
    void noTimeLeftIsGuessedWithoutRowsTimeOrAShare(double fraction, long inAll, long here, long millis) {
        assertThat(IngestProgress.remaining(fraction, inAll, here, Duration.ofMillis(millis))).isNull();
    }

    @Test
    void rateIsRowsOverTheTimeBetween() {
        assertThat(IngestProgress.rowsPerSecond(1_000, STARTED, STARTED.plusSeconds(4))).isEqualTo(250.0);
        assertThat(IngestProgress.rowsPerSecond(1_000, STARTED, STARTED)).isZero();
        assertThat(IngestProgress.rowsPerSecond(0, STARTED, STARTED.plusSeconds(4))).isZero();
        assertThat(IngestProgress.rowsPerSecond(1_000, null, STARTED)).isZero();
    }

    /** A stage step started at {@link #STARTED}, as the reader leaves its context after a chunk. */
    private static StepExecution stage(BatchStatus status, double fraction, long readHere, int readInAll) {
        StepExecution stage = new StepExecution("stage", new JobExecution(1L), 2L);
        stage.setStatus(status);
        stage.setStartTime(STARTED);
        stage.setReadCount(readHere);
        // The reader saves its count of rows read, over restarts, as an int.
        stage.getExecutionContext().putInt(FileRowReader.ROWS_READ, readInAll);
        stage.getExecutionContext().putDouble(FileRowReader.FRACTION_READ, fraction);
        return stage;
    }
}
