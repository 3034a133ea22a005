package org.creditexchange.ingest;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.stereotype.Component;

/**
 * The ingest jobs running now, as the job repository shows them to any process sharing the database: which batch,
 * which step, how many rows are committed and at what rate, how much of the file is read and the time left reading
 * it ({@link IngestProgress}).
 */
@Component
public class RunningIngests {

    private final JobExplorer explorer;

    public RunningIngests(JobExplorer explorer) {
        this.explorer = explorer;
    }

    /**
     * One running ingest job.
     *
     * @param executionId the job execution (for {@code stop}/{@code restart})
     * @param batchId     its batch
     * @param step        the step it is in
     * @param rowsDone    rows committed by the stage step so far
     * @param elapsed     since the job started
     * @param rowsPerSecond rows committed per second of the stage step, 0 before its first commit
     * @param percent     the share of the file read, 0 to 100; null when unknown (see {@link IngestProgress})
     * @param remaining   the estimated time left reading the file, while the stage step runs; null when unknown and
     *                    once the job is past it (the steps after it have no estimate)
     */
    public record Running(long executionId, long batchId, String step, long rowsDone, Duration elapsed,
                          double rowsPerSecond, Double percent, Duration remaining) {
    }

    /** The running ingest jobs, oldest first. */
    public List<Running> now() {
        List<Running> running = new ArrayList<>();
        LocalDateTime now = LocalDateTime.now();
        for (JobExecution e : explorer.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME)) {
            Long batchId = e.getJobParameters().getLong(IngestJobConfiguration.BATCH_ID);
            StepExecution current = e.getStepExecutions().stream()
                    .max(Comparator.comparing(StepExecution::getId)).orElse(null);
            StepExecution stage = e.getStepExecutions().stream().filter(s -> s.getStepName().equals("stage"))
                    .findFirst().orElse(null);
            long rows = stage == null ? 0 : stage.getWriteCount() + stage.getFilterCount();
            double rate = stage == null ? 0 : IngestProgress.rowsPerSecond(rows, stage.getStartTime(),
                    stage.getEndTime() != null ? stage.getEndTime() : now);
            Duration elapsed = e.getStartTime() == null ? Duration.ZERO : Duration.between(e.getStartTime(), now);
            IngestProgress progress = IngestProgress.of(stage, now);
            boolean reading = stage != null && stage.getStatus().isRunning();
            running.add(new Running(e.getId(), batchId == null ? -1 : batchId,
                    current == null ? "starting" : current.getStepName(), rows, elapsed, rate, progress.percent(),
                    reading ? progress.remaining() : null));
        }
        running.sort(Comparator.comparing(Running::executionId));
        return running;
    }
}
