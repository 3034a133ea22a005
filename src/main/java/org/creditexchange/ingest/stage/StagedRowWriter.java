package org.creditexchange.ingest.stage;

import java.util.ArrayList;
import java.util.List;
import org.creditexchange.ingest.validate.Reason;
import org.springframework.batch.item.Chunk;
import org.springframework.batch.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes a chunk of staged rows and their reasons with JDBC batches, in the chunk's transaction. */
public class StagedRowWriter implements ItemWriter<StagedRow> {

    private final JdbcTemplate jdbc;
    private final long batchId;

    public StagedRowWriter(JdbcTemplate jdbc, long batchId) {
        this.jdbc = jdbc;
        this.batchId = batchId;
    }

    @Override
    public void write(Chunk<? extends StagedRow> chunk) {
        List<Object[]> rows = new ArrayList<>(chunk.size());
        List<Object[]> reasons = new ArrayList<>();
        for (StagedRow r : chunk) {
            rows.add(new Object[] {batchId, r.rowNumber(), r.status().name(), r.subjectStore().name(), r.subjectKind(),
                    r.subjectName(), r.subjectCode(), r.subjectIdHash(), r.businessKey(), r.contentHash(), r.factHash(),
                    r.recordJson(), r.cellsJson(), r.personalJson(),
                    r.disclosureEnd() == null ? null : java.sql.Date.valueOf(r.disclosureEnd()), r.endsDisclosure()});
            int seq = 0;
            for (Reason reason : r.reasons()) {
                reasons.add(new Object[] {batchId, r.rowNumber(), seq++, reason.field(), reason.title(), reason.code(),
                        reason.severity().name(), reason.message(), reason.hint()});
            }
        }
        jdbc.batchUpdate("INSERT INTO cx_staged_row (batch_id, row_no, status, subject_store, subject_kind, subject_name, "
                + "subject_code, subject_id_hash, business_key, content_hash, fact_hash, record_json, cells_json, "
                + "personal_json, disclosure_end, ends_disclosure) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        if (!reasons.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO cx_staged_reason (batch_id, row_no, seq, field, title, code, severity, message, hint) "
                    + "VALUES (?,?,?,?,?,?,?,?,?)", reasons);
        }
    }
}
