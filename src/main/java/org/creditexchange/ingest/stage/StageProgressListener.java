package org.creditexchange.ingest.stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;

/** Logs the stage step's progress (rows, rate) every few seconds and once at its end: the morning log's evidence. */
public class StageProgressListener implements ChunkListener, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StageProgressListener.class);
    private static final long EVERY_NANOS = 5_000_000_000L;

    private long started;
    private long lastLog;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        started = System.nanoTime();
        lastLog = started;
    }

    @Override
    public void afterChunk(ChunkContext context) {
        long now = System.nanoTime();
        if (now - lastLog >= EVERY_NANOS) {
            lastLog = now;
            StepExecution s = context.getStepContext().getStepExecution();
            log.info("Batch {}: {} rows staged so far ({} rows/s)", batchId(s), s.getWriteCount(),
                    rate(s.getWriteCount(), now - started));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution s) {
        long elapsed = System.nanoTime() - started;
        log.info("Batch {}: {} rows staged in {} s ({} rows/s), {} chunks committed", batchId(s), s.getWriteCount(),
                String.format("%.2f", elapsed / 1e9), rate(s.getWriteCount(), elapsed), s.getCommitCount());
        return null;
    }

    private static Object batchId(StepExecution s) {
        return s.getJobParameters().getLong("batchId");
    }

    private static long rate(long rows, long nanos) {
        return nanos <= 0 ? 0 : Math.round(rows / (nanos / 1e9));
    }
}
