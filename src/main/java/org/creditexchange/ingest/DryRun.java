package org.creditexchange.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creditexchange.catalog.code.IdNumberMasking;
import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.IntakeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * {@code ingest --dry-run}: a file goes through everything up to the merge — recognise, read, map, cleanse, validate,
 * in-file duplicates, match, timeliness — and gets its feedback (in {@code <data>/dry-run/<unit>/}, never the unit's
 * folder), but nothing is kept: no record, no registry entry, no staging; the landed copy is removed unless a real
 * batch has the same content. The batch row stays, DRY_RUN, as the trace of the run; it is never an original for
 * duplicate detection, so the real file later is processed as new.
 */
@Service
public class DryRun {

    private static final Logger log = LoggerFactory.getLogger(DryRun.class);

    private final IntakeService intake;
    private final IngestService ingest;
    private final BatchRepository batches;

    public DryRun(IntakeService intake, IngestService ingest, BatchRepository batches) {
        this.intake = intake;
        this.ingest = ingest;
        this.batches = batches;
    }

    /** The file's content is that of a real batch not yet processed: it is never run dry (it would be processed for real). */
    public static final class SameAsPendingBatch extends RuntimeException {

        private final long batchId;

        SameAsPendingBatch(long batchId) {
            super("该文件与批次 " + batchId + " 的内容相同，批次 " + batchId + " 尚未处理完毕，未进行试运行。请等待批次 "
                    + batchId + " 处理完成后查看其反馈表。");
            this.batchId = batchId;
        }

        /** The real batch with the same content. */
        public long batchId() {
            return batchId;
        }
    }

    /**
     * Runs {@code file} of {@code unit} dry; returns the batch as processed (its counts and feedback paths).
     *
     * @throws SameAsPendingBatch    when a real batch with the same content is not processed yet
     * @throws IngestFailedException when the engine failed (the batch is abandoned, nothing kept)
     * @throws IOException           when the file cannot be read or landed
     */
    public Batch run(String unit, Path file, String originalName) throws IOException {
        return process(receive(unit, file, originalName));
    }

    /**
     * Lands {@code file} for a dry run.
     *
     * @throws SameAsPendingBatch when the intake hands back a real batch of the same content that is not finished
     */
    public Batch receive(String unit, Path file, String originalName) throws IOException {
        Batch received = intake.receive(unit, IntakeService.DRY_RUN_CHANNEL, file, originalName);
        if (!IntakeService.DRY_RUN_CHANNEL.equals(received.channelId())) {
            throw new SameAsPendingBatch(received.id());
        }
        return received;
    }

    /**
     * Processes a batch landed by {@link #receive} dry, then deletes what it left (staging; the landed copy unless a
     * real batch shares it) and marks it DRY_RUN, whatever happened.
     */
    public Batch process(Batch received) throws IOException {
        if (!IntakeService.DRY_RUN_CHANNEL.equals(received.channelId())) {
            throw new SameAsPendingBatch(received.id());
        }
        Batch done;
        try {
            done = ingest.process(received.id());
        } finally {
            boolean shared = batches.finishDryRun(received.id());
            if (!shared) {
                Files.deleteIfExists(received.landedPath());
            }
            log.info("Batch {}: dry run of {} finished, nothing kept", received.id(),
                    IdNumberMasking.maskEmbedded(received.originalName()));
        }
        return done;
    }
}
