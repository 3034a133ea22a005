package org.creditexchange.ingest.stage;

import java.util.List;
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
 * Rejects rows of one file that repeat the business key of an earlier row of the same file (set-based): the first
 * row stands, each repeat is rejected with the row number it repeats. Without this, the merge would meet one key
 * twice in one statement.
 */
public class InFileDuplicateTasklet implements Tasklet {

    private final long batchId;
    private final CatalogItemDefinition item;
    private final JdbcTemplate jdbc;

    public InFileDuplicateTasklet(long batchId, CatalogItemDefinition item, JdbcTemplate jdbc) {
        this.batchId = batchId;
        this.item = item;
        this.jdbc = jdbc;
    }

    private record Repeat(int rowNo, int firstRow) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<Repeat> repeats = jdbc.query("SELECT s.row_no, f.first_row FROM cx_staged_row s JOIN ("
                        + " SELECT subject_store, business_key, MIN(row_no) AS first_row FROM cx_staged_row"
                        + " WHERE batch_id = ? AND status <> 'REJECTED' GROUP BY subject_store, business_key HAVING COUNT(*) > 1"
                        + ") f ON s.subject_store = f.subject_store AND s.business_key = f.business_key"
                        + " WHERE s.batch_id = ? AND s.status <> 'REJECTED' AND s.row_no > f.first_row ORDER BY s.row_no",
                (rs, i) -> new Repeat(rs.getInt(1), rs.getInt(2)), batchId, batchId);
        if (repeats.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        String keyTitles = String.join("、", item.businessKey().stream()
                .map(k -> item.field(k).orElseThrow().title()).toList());
        for (Repeat r : repeats) {
            Reason reason = ReasonMessages.reason("", "", "DUPLICATE_IN_FILE", Severity.ERROR, keyTitles, String.valueOf(r.firstRow()));
            Integer seq = jdbc.queryForObject("SELECT COALESCE(MAX(seq) + 1, 0) FROM cx_staged_reason WHERE batch_id = ? AND row_no = ?",
                    Integer.class, batchId, r.rowNo());
            jdbc.update("INSERT INTO cx_staged_reason (batch_id, row_no, seq, field, title, code, severity, message, hint) "
                    + "VALUES (?,?,?,?,?,?,?,?,?)", batchId, r.rowNo(), seq, reason.field(), reason.title(), reason.code(),
                    reason.severity().name(), reason.message(), reason.hint());
            jdbc.update("UPDATE cx_staged_row SET status = 'REJECTED' WHERE batch_id = ? AND row_no = ?", batchId, r.rowNo());
        }
        contribution.incrementWriteCount(repeats.size());
        return RepeatStatus.FINISHED;
    }
}
