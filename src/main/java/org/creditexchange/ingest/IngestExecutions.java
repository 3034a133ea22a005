package org.creditexchange.ingest;

import org.creditexchange.audit.AccessLog;
import org.creditexchange.intake.Batch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * An operator's hand on one ingest job execution, named by its id (as {@code status} and the job repository show
 * it): {@link #stop} asks a running one to stop after its current chunk — from any process sharing the database,
 * since the running step reads its job's status from the repository at every chunk commit — and {@link #restart}
 * takes a stopped or failed one up again from the last committed chunk. Both are written to the audit log.
 */
@Service
public class IngestExecutions {

    private static final Logger log = LoggerFactory.getLogger(IngestExecutions.class);

    private final JobExplorer explorer;
    private final JobRepository repository;
    private final IngestService ingest;
    private final AccessLog audit;

    public IngestExecutions(JobExplorer explorer, JobRepository repository, IngestService ingest, AccessLog audit) {
        this.explorer = explorer;
        this.repository = repository;
        this.ingest = ingest;
        this.audit = audit;
    }

    /**
     * Marks running execution {@code executionId} STOPPING; its step stops after the chunk it is on (committed
     * chunks stay), the job ends STOPPED and its batch FAILED, to be restarted.
     *
     * @return the batch id of the execution
     * @throws IllegalArgumentException for an unknown execution or one that is no ingest job
     * @throws IllegalStateException    when it is not running
     */
    public long stop(long executionId, String actor, String reason) {
        JobExecution execution = ingestExecution(executionId);
        if (!execution.isRunning()) {
            throw new IllegalStateException("job execution " + executionId + " is " + execution.getStatus()
                    + ", not running: nothing to stop");
        }
        long batchId = batchOf(execution);
        audit.record(actor, "STOP", "job execution " + executionId, reason, "batch " + batchId);
        execution.setStatus(BatchStatus.STOPPING);
        repository.update(execution);
        log.info("Job execution {} (batch {}): asked to stop after its current chunk", executionId, batchId);
        return batchId;
    }

    /**
     * Restarts stopped or failed execution {@code executionId} from the last committed chunk (its batch is processed
     * again under the same job instance: committed chunks are not read again).
     *
     * @throws IllegalArgumentException for an unknown execution or one that is no ingest job
     * @throws IllegalStateException    when it is neither STOPPED nor FAILED, or a later execution of it exists
     * @throws IngestFailedException    when the engine fails again
     */
    public Batch restart(long executionId, String actor, String reason) {
        long batchId = restartable(executionId);
        audit.record(actor, "RESTART", "job execution " + executionId, reason, "batch " + batchId);
        log.info("Job execution {} (batch {}): restarting from the last committed chunk", executionId, batchId);
        return ingest.process(batchId);
    }

    /**
     * Checks that execution {@code executionId} can be restarted; returns its batch id.
     *
     * @throws IllegalArgumentException for an unknown execution or one that is no ingest job
     * @throws IllegalStateException    when it is neither STOPPED nor FAILED, or a later execution of it exists
     */
    public long restartable(long executionId) {
        JobExecution execution = ingestExecution(executionId);
        if (execution.getStatus() != BatchStatus.STOPPED && execution.getStatus() != BatchStatus.FAILED) {
            throw new IllegalStateException("job execution " + executionId + " is " + execution.getStatus()
                    + ": only STOPPED or FAILED executions are restarted");
        }
        JobExecution last = explorer.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != executionId) {
            throw new IllegalStateException("job execution " + executionId + " was already taken up again by execution "
                    + last.getId() + " (" + last.getStatus() + ")");
        }
        return batchOf(execution);
    }

    private JobExecution ingestExecution(long executionId) {
        JobExecution execution = explorer.getJobExecution(executionId);
        if (execution == null || !IngestJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
            throw new IllegalArgumentException("no ingest job execution " + executionId);
        }
        return execution;
    }

    private static long batchOf(JobExecution execution) {
        Long batchId = execution.getJobParameters().getLong(IngestJobConfiguration.BATCH_ID);
        if (batchId == null) {
            throw new IllegalArgumentException("job execution " + execution.getId() + " names no batch");
        }
        return batchId;
    }
}
