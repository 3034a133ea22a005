package org.creditexchange.ingest.stage;

import java.time.Duration;
import java.time.LocalDateTime;
import org.creditexchange.ingest.IngestProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;

/**
 * Logs the stage step's progress (rows, rate, share of the file read, time left) every few seconds and once at its
 * end: the morning log's evidence.
 */
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
            log.info("Batch {}: {} rows staged so far ({} rows/s){}", batchId(s), s.getWriteCount(),
                    rate(s.getWriteCount(), now - started), progress(IngestProgress.of(s, LocalDateTime.now())));
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

    /** {@code ", 73% of the file read, about 2 min 10 s left"}; what is unknown is left out. */
    static String progress(IngestProgress p) {
        if (p.fraction() == null) {
            return "";
        }
        String read = String.format(java.util.Locale.ROOT, ", %.0f%% of the file read", Math.floor(p.percent()));
        return p.remaining() == null ? read : read + ", about " + duration(p.remaining()) + " left";
    }

    /** {@code 2 h 05 min}, {@code 2 min 10 s}, {@code 9 s}. */
    static String duration(Duration d) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        if (s >= 3600) {
            return String.format(java.util.Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return s >= 60 ? String.format(java.util.Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }

    private static long rate(long rows, long nanos) {
        return nanos <= 0 ? 0 : Math.round(rows / (nanos / 1e9));
    }
}
