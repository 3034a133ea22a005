package org.creditexchange.ingest;

import org.creditexchange.feedback.FeedbackDeliveries;
import org.creditexchange.feedback.FeedbackService;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.stereotype.Service;

/**
 * Processes a received batch: runs the ingest job for it (or, for a duplicate, only issues the feedback that says
 * so) and returns the batch as it stands afterwards. Data problems never make this fail; a system fault marks the
 * batch FAILED and throws, and the job execution stays restartable: processing a FAILED batch again restarts its
 * job from the step that failed.
 */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final JobLauncher launcher;
    private final Job ingestJob;
    private final BatchRepository batches;
    private final FeedbackService feedback;
    private final FeedbackDeliveries deliveries;
    private final org.creditexchange.audit.AccessLog accessLog;

    /** Job parameter of a reload: tells its job instance from the batch's first one. */
    public static final String RUN_KEY = "runKey";

    public IngestService(JobLauncher launcher, Job ingestJob, BatchRepository batches, FeedbackService feedback,
                         FeedbackDeliveries deliveries, org.creditexchange.audit.AccessLog accessLog) {
        this.launcher = launcher;
        this.ingestJob = ingestJob;
        this.batches = batches;
        this.feedback = feedback;
        this.deliveries = deliveries;
        this.accessLog = accessLog;
    }

    /**
     * Processes batch {@code batchId} now, in the calling thread.
     *
     * @throws IngestFailedException when the engine failed (not for bad data)
     */
    public Batch process(long batchId) {
        Batch batch = batches.get(batchId);
        if (batch.status() == org.creditexchange.intake.BatchStatus.DUPLICATE) {
            feedback.issue(batchId);
            deliveries.deliver(batchId);
            return batches.get(batchId);
        }
        if (batch.status() == org.creditexchange.intake.BatchStatus.FAILED) {
            // Same identifying parameters: Spring Batch restarts the failed execution from the step that failed.
            log.info("Batch {}: restarting after the failure: {}", batchId, batch.failureMessage());
            batches.resumeAfterFailure(batchId);
        }
        long started = System.nanoTime();
        JobParametersBuilder builder = new JobParametersBuilder().addLong(IngestJobConfiguration.BATCH_ID, batchId);
        long runKey = batches.runKey(batchId);
        if (runKey > 0) {
            // A reload: a job instance of its own (the first processing's is complete).
            builder.addLong(RUN_KEY, runKey);
        }
        JobParameters params = builder.toJobParameters();
        JobExecution execution;
        try {
            execution = launcher.run(ingestJob, params);
        } catch (org.springframework.batch.core.repository.JobExecutionAlreadyRunningException e) {
            // Another thread or engine is on it right now: leave it be.
            log.info("Batch {}: already being processed ({})", batchId, e.getMessage());
            return batches.get(batchId);
        } catch (Exception e) {
            fail(batchId, e.getMessage());
            throw new IngestFailedException(batchId, e.getMessage(), e);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String why = execution.getAllFailureExceptions().stream().map(Throwable::toString).findFirst()
                    .orElse(execution.getExitStatus().getExitDescription());
            fail(batchId, why);
            throw new IngestFailedException(batchId, why, execution.getAllFailureExceptions().stream().findFirst().orElse(null));
        }
        // Beyond the local feedback folder (SFTP, receipts on the front-end machine): after the job committed, outside
        // its transactions; a failure here is recorded and retried, the batch stays processed.
        deliveries.deliver(batchId);
        Batch done = batches.get(batchId);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Batch {}: {} in {} s, {} rows received, {} accepted ({} with warnings), {} rejected (job execution {})",
                batchId, done.status(), String.format("%.2f", seconds), done.counts().received(), done.counts().accepted(),
                done.counts().warned(), done.counts().rejected(), execution.getId());
        return done;
    }

    /**
     * Processes a DONE or REJECTED batch again from its landed content with today's configuration (a mapping fixed,
     * a code list extended): its staging, verdict and feedback are replaced, its rows merged again — unchanged records
     * cost nothing, changed ones get a new version, nothing is stored twice — and a new feedback is issued (and
     * delivered). The reload is written to the audit log first.
     *
     * @throws IllegalStateException for a batch in another state (a FAILED or unfinished one is resumed instead)
     */
    public Batch reload(long batchId, String actor, String reason) {
        Batch batch = batches.get(batchId);
        if (batch.status() != org.creditexchange.intake.BatchStatus.DONE
                && batch.status() != org.creditexchange.intake.BatchStatus.REJECTED) {
            throw new IllegalStateException("batch " + batchId + " is " + batch.status() + ": only DONE or REJECTED batches "
                    + "are reloaded (resume a FAILED or unfinished one, a DUPLICATE has nothing of its own)");
        }
        accessLog.record(actor, "RELOAD", "batch " + batchId, reason, "unit " + batch.unitCode() + ", was "
                + batch.status() + " (" + batch.counts().accepted() + " accepted, " + batch.counts().rejected()
                + " rejected)");
        long runKey = Math.max(System.currentTimeMillis(), batches.runKey(batchId) + 1);
        batches.resetForReload(batchId, runKey);
        log.info("Batch {}: reloading with today's configuration (run {}), was {}", batchId, runKey, batch.status());
        return process(batchId);
    }

    private void fail(long batchId, String why) {
        log.error("Batch {}: engine failure (the job can be restarted): {}", batchId, why);
        batches.markFailed(batchId, why);
    }
}
