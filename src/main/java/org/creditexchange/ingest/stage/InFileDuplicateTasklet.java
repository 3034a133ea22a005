package org.creditexchange.ingest.stage;

import org.creditexchange.catalog.CatalogItemDefinition;
import org.creditexchange.ingest.validate.Reason;
import org.creditexchange.ingest.validate.ReasonMessages;
import org.creditexchange.ingest.validate.Severity;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rejects rows of one file that repeat the business key of an earlier row of the same file, set-based (two
 * statements whatever the number of repeats): the first row stands, each repeat is rejected with the row number it
 * repeats. Without this, the merge would meet one key twice in one statement.
 */
public class InFileDuplicateTasklet implements Tasklet {

    /**
     * The repeats of a batch: every non-rejected row whose key an earlier non-rejected row already has. One scan and
     * a window, never a join of staging with itself: the planner's estimates for rows staged a moment ago are
     * useless, and a nested loop over them made a 50,000-row file take minutes.
     */
    private static final String REPEATS = "SELECT w.batch_id, w.row_no, w.first_row FROM ("
            + " SELECT batch_id, row_no, MIN(row_no) OVER (PARTITION BY subject_store, business_key) AS first_row"
            + " FROM cx_staged_row WHERE batch_id = ? AND status <> 'REJECTED') w"
            + " WHERE w.row_no > w.first_row";

    private final long batchId;
    private final CatalogItemDefinition item;
    private final JdbcTemplate jdbc;

    public InFileDuplicateTasklet(long batchId, CatalogItemDefinition item, JdbcTemplate jdbc) {
        this.batchId = batchId;
        this.item = item;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        // Staging has just grown by the whole file: the planner must know it before the set-based steps.
        org.creditexchange.store.PlannerStatistics.refresh(jdbc, "cx_staged_row", "cx_staged_content", "cx_staged_reason");
        org.creditexchange.store.PlannerStatistics.roomForLargeBatches(jdbc);
        String keyTitles = String.join("、", item.businessKey().stream()
                .map(k -> item.field(k).orElseThrow().title()).toList());
        // The message with a marker where the first row's number goes: one statement writes every repeat's reason.
        String marker = "\u0001";
        Reason template = ReasonMessages.reason("", "", "DUPLICATE_IN_FILE", Severity.ERROR, keyTitles, marker);
        int cut = template.message().indexOf(marker);
        int repeats = jdbc.update("INSERT INTO cx_staged_reason (batch_id, row_no, seq, field, title, code, severity, "
                        + "message, hint) SELECT d.batch_id, d.row_no, (SELECT COALESCE(MAX(r.seq) + 1, 0) FROM cx_staged_reason r"
                        + " WHERE r.batch_id = d.batch_id AND r.row_no = d.row_no), '', '', ?, ?,"
                        + " ? || CAST(d.first_row AS VARCHAR(12)) || ?, ? FROM (" + REPEATS + ") d",
                template.code(), template.severity().name(), template.message().substring(0, cut),
                template.message().substring(cut + marker.length()), template.hint(), batchId);
        if (repeats > 0) {
            // A rejected row is not matched: it loses the mark it was staged with.
            jdbc.update("UPDATE cx_staged_row SET status = 'REJECTED', match_status = NULL WHERE batch_id = ? AND row_no IN ("
                    + "SELECT d.row_no FROM (" + REPEATS + ") d)", batchId, batchId);
        }
        contribution.incrementWriteCount(repeats);
        return RepeatStatus.FINISHED;
    }
}
