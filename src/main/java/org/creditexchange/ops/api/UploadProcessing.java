package org.creditexchange.ops.api;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.creditexchange.ingest.DryRun;
import org.creditexchange.ingest.IngestFailedException;
import org.creditexchange.ingest.IngestService;
import org.creditexchange.intake.BatchRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Processes uploaded batches in the background, one at a time in arrival order, so the upload answers at once. A
 * batch the engine fails on is FAILED in the batch table (the clerk sees it when polling) and is finished by
 * {@code resume} or the next {@code serve} start; one still waiting when the engine stops stays RECEIVED and is
 * processed at the next start. A dry run still waiting then is abandoned (it would store nothing anyway).
 */
@Component
@ConditionalOnWebApplication
public class UploadProcessing implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UploadProcessing.class);

    private final IngestService ingest;
    private final BatchRepository batches;
    private final DryRun dryRun;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cx-upload");
        t.setDaemon(true);
        return t;
    });

    public UploadProcessing(IngestService ingest, BatchRepository batches, DryRun dryRun) {
        this.ingest = ingest;
        this.dryRun = dryRun;
        this.batches = batches;
    }

    /** Queues batch {@code batchId} for processing. */
    public void submit(long batchId) {
        executor.execute(() -> {
            try {
                ingest.process(batchId);
            } catch (IngestFailedException e) {
                log.error("Batch {} (uploaded): the engine failed; `resume {}` after fixing the cause", batchId, batchId);
            } catch (RuntimeException e) {
                log.error("Batch {} (uploaded): processing failed: {}", batchId, e.toString(), e);
            }
        });
    }

    /**
     * Queues the dry run of batch {@code batchId} (received on the {@code dry-run} channel): processed up to the merge
     * with its feedback written aside, then its staging deleted and the batch marked DRY_RUN, and the landed copy
     * removed unless a real batch has the same content, as {@code ingest --dry-run} ends.
     */
    public void submitDryRun(long batchId) {
        executor.execute(() -> {
            try {
                dryRun.process(batches.get(batchId));
            } catch (IngestFailedException e) {
                log.error("Batch {} (dry run, uploaded): the engine failed; nothing was kept", batchId);
            } catch (IOException | RuntimeException e) {
                log.error("Batch {} (dry run, uploaded): processing failed: {}", batchId, e.toString(), e);
            }
        });
    }

    /** Queues other work on the same thread (a reload, a restart): one batch is processed at a time. */
    public void submit(String what, Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (IngestFailedException e) {
                log.error("{}: the engine failed; resume batch {} after fixing the cause", what, e.batchId());
            } catch (RuntimeException e) {
                log.error("{}: failed: {}", what, e.toString(), e);
            }
        });
    }

    @Override
    public void destroy() throws InterruptedException {
        // The batch being processed is finished; queued ones stay RECEIVED for the next start.
        executor.shutdownNow();
        if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
            log.warn("An uploaded batch was still being processed at shutdown; the next start resumes it");
        }
    }
}
