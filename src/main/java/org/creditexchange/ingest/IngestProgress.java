package org.creditexchange.ingest;

import java.time.Duration;
import java.time.LocalDateTime;
import org.creditexchange.ingest.stage.FileRowReader;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.ExecutionContext;

/**
 * How far an ingest job has read its file, and the time reading the rest will take: estimated from the stage step's
 * execution context (the share of the file read, saved with every chunk by {@link FileRowReader}) and the step's own
 * rate, so any process sharing the job repository can tell. The steps after the stage (match, merge, feedback) have
 * no estimate and are not in the time left.
 *
 * @param fraction  the share of the file read, 0 to 1; null when unknown (no chunk committed yet, or a workbook that
 *                  does not declare its size)
 * @param remaining the estimated time left reading the file; null when unknown or when the step is not running (a
 *                  stopped or failed one has no time left while it stands); zero once the file is read
 */
public record IngestProgress(Double fraction, Duration remaining) {

    /** Nothing known. */
    public static final IngestProgress UNKNOWN = new IngestProgress(null, null);
    /** The whole file read. */
    public static final IngestProgress DONE = new IngestProgress(1.0, Duration.ZERO);

    /** The share of the file read in percent, 0 to 100; null when unknown. */
    public Double percent() {
        return fraction == null ? null : fraction * 100;
    }

    /**
     * The progress of {@code stage}, the stage step's execution, at {@code now} (the job repository's clock: local
     * date-time of the engine).
     *
     * @param stage the stage step's execution, with its execution context; null before the job reached it
     */
    public static IngestProgress of(StepExecution stage, LocalDateTime now) {
        if (stage == null) {
            return UNKNOWN;
        }
        if (stage.getStatus() == BatchStatus.COMPLETED) {
            return DONE;
        }
        ExecutionContext context = stage.getExecutionContext();
        if (!(context.get(FileRowReader.FRACTION_READ) instanceof Number read)) {
            return UNKNOWN;
        }
        double fraction = Math.max(0, Math.min(1, read.doubleValue()));
        if (fraction >= 1) {
            return DONE;
        }
        if (!stage.getStatus().isRunning() || stage.getStartTime() == null) {
            return new IngestProgress(fraction, null);
        }
        return new IngestProgress(fraction, remaining(fraction, rowsRead(context), stage.getReadCount(),
                Duration.between(stage.getStartTime(), now)));
    }

    /**
     * The time left: the rows still to read (the rows read so far, over restarts, scaled by the share of the file
     * they took) at the rate of this execution (a restart's first chunks skip what was committed before, so the rate
     * counts only the rows this execution read).
     */
    static Duration remaining(double fraction, long rowsReadInAll, long rowsReadHere, Duration elapsedHere) {
        if (fraction <= 0 || rowsReadInAll <= 0 || rowsReadHere <= 0 || elapsedHere.toMillis() <= 0) {
            return null;
        }
        double rowsLeft = rowsReadInAll * (1 - fraction) / fraction;
        double rowsPerMilli = rowsReadHere / (double) elapsedHere.toMillis();
        return Duration.ofMillis(Math.round(rowsLeft / rowsPerMilli));
    }

    /** {@code rows} over the time from {@code start} to {@code end}; 0 without rows or time. */
    public static double rowsPerSecond(long rows, LocalDateTime start, LocalDateTime end) {
        if (rows <= 0 || start == null || end == null) {
            return 0;
        }
        double seconds = Duration.between(start, end).toMillis() / 1000.0;
        return seconds > 0 ? rows / seconds : 0;
    }

    private static long rowsRead(ExecutionContext context) {
        return context.get(FileRowReader.ROWS_READ) instanceof Number n ? n.longValue() : 0;
    }
}
