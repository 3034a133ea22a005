package org.creditexchange.store;

import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Merges the accepted rows of one batch into the credit store, set-based, in one transaction (the step's): either
 * all of a batch's rows become visible or none. Upsert by item and business key: the same content changes
 * nothing; changed content replaces the values and raises the version.
 */
public class RecordMergeTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RecordMergeTasklet.class);

    private static final String ORG = """
            MERGE INTO cx_org_record t
            USING (SELECT s.batch_id, s.row_no, s.business_key, s.subject_kind, s.subject_name, s.subject_code,
                          s.content_hash, s.record_json, s.personal_json
                   FROM cx_staged_row s
                   WHERE s.batch_id = ? AND s.status IN ('ACCEPTED', 'WARNED') AND s.subject_store = 'ORG') s
            ON (t.item_id = ? AND t.business_key = s.business_key)
            WHEN MATCHED AND t.content_hash <> s.content_hash THEN UPDATE SET
                subject_kind = s.subject_kind, subject_name = s.subject_name, subject_code = s.subject_code,
                unit_code = ?, content_hash = s.content_hash, record_json = s.record_json,
                personal_json = s.personal_json, version = t.version + 1,
                batch_id = s.batch_id, row_no = s.row_no, updated_at = ?
            WHEN NOT MATCHED THEN INSERT (item_id, business_key, subject_kind, subject_name, subject_code, unit_code,
                content_hash, record_json, personal_json, version, batch_id, row_no, created_at, updated_at)
            VALUES (?, s.business_key, s.subject_kind, s.subject_name, s.subject_code, ?, s.content_hash,
                s.record_json, s.personal_json, 1, s.batch_id, s.row_no, ?, ?)
            """;

    private static final String PERSON = ORG.replace("cx_org_record", "cx_person_record")
            .replace("'ORG'", "'PERSON'")
            .replace("s.subject_code", "s.subject_id_hash")
            .replace("subject_code", "subject_id_hash");

    private final long batchId;
    private final String itemId;
    private final String unitCode;
    private final JdbcTemplate jdbc;

    public RecordMergeTasklet(long batchId, String itemId, String unitCode, JdbcTemplate jdbc) {
        this.batchId = batchId;
        this.itemId = itemId;
        this.unitCode = unitCode;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        OffsetDateTime now = OffsetDateTime.now();
        int orgs = jdbc.update(ORG, batchId, itemId, unitCode, now, itemId, unitCode, now, now);
        int persons = jdbc.update(PERSON, batchId, itemId, unitCode, now, itemId, unitCode, now, now);
        contribution.incrementWriteCount(orgs + persons);
        log.info("Batch {}: merged into the credit store: {} organisation and {} person records inserted or changed",
                batchId, orgs, persons);
        return RepeatStatus.FINISHED;
    }
}
