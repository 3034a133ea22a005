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
 * which step, how many rows are committed and at what rate.
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
     */
    public record Running(long executionId, long batchId, String step, long rowsDone, Duration elapsed,
                          double rowsPerSecond) {
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
            double rate = 0;
            if (stage != null && stage.getStartTime() != null && rows > 0) {
                LocalDateTime end = stage.getEndTime() != null ? stage.getEndTime() : now;
                double seconds = Duration.between(stage.getStartTime(), end).toMillis() / 1000.0;
                rate = seconds > 0 ? rows / seconds : 0;
            }
            Duration elapsed = e.getStartTime() == null ? Duration.ZERO : Duration.between(e.getStartTime(), now);
            running.add(new Running(e.getId(), batchId == null ? -1 : batchId,
                    current == null ? "starting" : current.getStepName(), rows, elapsed, rate));
        }
        running.sort(Comparator.comparing(Running::executionId));
        return running;
    }
}
