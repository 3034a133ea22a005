package org.creditexchange.ingest;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.creditexchange.intake.BatchRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * After the engine was stopped hard (killed, power lost), job executions it was running stay STARTED in the job
 * repository and can never be restarted. The owner of the drop routes calls {@link #recover} at startup: such
 * executions are marked FAILED (and their batches FAILED), so that processing the batch again restarts it from the
 * last committed chunk. Only one engine may process a data directory's database at a time (clustering comes with
 * the scheduler).
 */
@Component
public class StaleExecutions {

    private static final Logger log = LoggerFactory.getLogger(StaleExecutions.class);

    private final JobExplorer explorer;
    private final JobRepository repository;
    private final BatchRepository batches;

    public StaleExecutions(JobExplorer explorer, JobRepository repository, BatchRepository batches) {
        this.explorer = explorer;
        this.repository = repository;
        this.batches = batches;
    }

    /** Marks every running ingest execution FAILED; returns the batch ids concerned. */
    public List<Long> recover() {
        return recover(null);
    }

    /**
     * Marks the running ingest executions of batch {@code onlyBatch} (every batch when null) FAILED; returns the
     * batch ids concerned.
     */
    public List<Long> recover(Long onlyBatch) {
        List<Long> ids = new ArrayList<>();
        for (JobExecution e : explorer.findRunningJobExecutions(IngestJobConfiguration.JOB_NAME)) {
            Long of = e.getJobParameters().getLong(IngestJobConfiguration.BATCH_ID);
            if (onlyBatch != null && !onlyBatch.equals(of)) {
                continue;
            }
            LocalDateTime now = LocalDateTime.now();
            ExitStatus abandoned = ExitStatus.FAILED.addExitDescription("the engine stopped while this was running");
            for (StepExecution s : e.getStepExecutions()) {
                if (s.getStatus().isRunning()) {
                    s.setStatus(BatchStatus.FAILED);
                    s.setExitStatus(abandoned);
                    s.setEndTime(now);
                    repository.update(s);
                }
            }
            e.setStatus(BatchStatus.FAILED);
            e.setExitStatus(abandoned);
            e.setEndTime(now);
            repository.update(e);
            Long batchId = e.getJobParameters().getLong(IngestJobConfiguration.BATCH_ID);
            if (batchId != null) {
                batches.markFailed(batchId, "the engine stopped while processing this batch");
                ids.add(batchId);
            }
            log.warn("Job execution {} of batch {} was left running by a stopped engine: marked FAILED", e.getId(), batchId);
        }
        return ids;
    }
}
