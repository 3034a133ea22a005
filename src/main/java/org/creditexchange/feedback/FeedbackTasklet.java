package org.creditexchange.feedback;

import org.creditexchange.intake.Batch;
import org.creditexchange.intake.BatchRepository;
import org.creditexchange.intake.BatchStatus;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Last step of the ingest job: settles the batch's counts from staging (received = accepted + rejected) and issues
 * its feedback. Runs for rejected files too, whose feedback says why the file was not processed.
 */
public class FeedbackTasklet implements Tasklet {

    private final long batchId;
    private final BatchRepository batches;
    private final FeedbackService feedback;
    private final JdbcTemplate jdbc;

    public FeedbackTasklet(long batchId, BatchRepository batches, FeedbackService feedback, JdbcTemplate jdbc) {
        this.batchId = batchId;
        this.batches = batches;
        this.feedback = feedback;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Batch batch = batches.get(batchId);
        if (batch.status() == BatchStatus.PROCESSING) {
            long[] n = new long[3];
            jdbc.query("SELECT status, COUNT(*) FROM cx_staged_row WHERE batch_id = ? GROUP BY status", rs -> {
                switch (rs.getString(1)) {
                    case "ACCEPTED" -> n[0] = rs.getLong(2);
                    case "WARNED" -> n[1] = rs.getLong(2);
                    default -> n[2] = rs.getLong(2);
                }
            }, batchId);
            batches.markDone(batchId, new Batch.Counts(n[0] + n[1] + n[2], n[0] + n[1], n[1], n[2]));
        }
        feedback.issue(batchId);
        return RepeatStatus.FINISHED;
    }
}
