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
 * all of a batch's rows become visible or none. A record is keyed by item, business key and sending unit:
 * <ul>
 *   <li>the same content again changes nothing (no write, no version);</li>
 *   <li>changed content from the same unit: the previous version goes to {@code cx_record_version} with its batch
 *       and row, the record takes the new values and version + 1;</li>
 *   <li>a row saying the record is no longer valid (当前状态 无效) keeps it with state INVALID (not disclosed); a row
 *       whose subject's name and code disagree, or is ambiguous, is kept HELD (疑问数据, not disclosed);</li>
 *   <li>another unit holding the same key with other content: both records are kept and a conflict is recorded
 *       for verification ({@link ConflictDetection}).</li>
 * </ul>
 * A new record takes its row's reporting delay (worked out at staging); a later version keeps the first one's.
 */
public class RecordMergeTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RecordMergeTasklet.class);

    private static final String ACCEPTED = "s.status IN ('ACCEPTED', 'WARNED')";
    private static final String STATE = "CASE WHEN s.ends_disclosure THEN 'INVALID' "
            + "WHEN s.match_status IN (%s) THEN 'HELD' ELSE 'ACTIVE' END";
    private static final String HELD = "'NAME_MISMATCH', 'AMBIGUOUS'";

    private static final String HISTORY = """
            INSERT INTO cx_record_version (record_store, record_id, version, item_id, business_key, unit_code, state,
                content_hash, record_json, personal_json, batch_id, row_no, superseded_at, superseded_by)
            SELECT 'ORG', t.id, t.version, t.item_id, t.business_key, t.unit_code, t.state, t.content_hash,
                t.record_json, t.personal_json, t.batch_id, t.row_no, ?, ?
            FROM cx_org_record t JOIN cx_staged_row s
              ON t.item_id = ? AND t.unit_code = ? AND t.business_key = s.business_key
            WHERE s.batch_id = ? AND %s AND s.subject_store = 'ORG' AND t.content_hash <> s.content_hash
            """.formatted(ACCEPTED);

    private static final String MERGE_TEMPLATE = """
            MERGE INTO cx_org_record t
            USING (SELECT s.batch_id, s.row_no, s.business_key, s.subject_kind, s.subject_name, s.subject_code,
                          s.content_hash, s.fact_hash, c.record_json, c.personal_json, s.disclosure_end, s.match_status,
                          s.subject_id, s.reporting_delay, s.delay_approximate, %s AS state
                   FROM cx_staged_row s JOIN cx_staged_content c ON c.batch_id = s.batch_id AND c.row_no = s.row_no
                   WHERE s.batch_id = ? AND %s AND s.subject_store = 'ORG') s
            ON (t.item_id = ? AND t.unit_code = ? AND t.business_key = s.business_key)
            WHEN MATCHED AND t.content_hash <> s.content_hash THEN UPDATE SET
                subject_kind = s.subject_kind, subject_name = s.subject_name, subject_code = s.subject_code,
                content_hash = s.content_hash, fact_hash = s.fact_hash, record_json = s.record_json,
                personal_json = s.personal_json,
                disclosure_end = s.disclosure_end, match_status = s.match_status, subject_id = s.subject_id,
                state = s.state, archived_at = NULL, version = t.version + 1, batch_id = s.batch_id,
                row_no = s.row_no, updated_at = ?
            WHEN NOT MATCHED THEN INSERT (item_id, business_key, subject_kind, subject_name, subject_code, unit_code,
                content_hash, fact_hash, record_json, personal_json, disclosure_end, match_status, subject_id, state, version,
                batch_id, row_no, reporting_delay, delay_approximate, created_at, updated_at)
            VALUES (?, s.business_key, s.subject_kind, s.subject_name, s.subject_code, ?, s.content_hash, s.fact_hash,
                s.record_json, s.personal_json, s.disclosure_end, s.match_status, s.subject_id, s.state, 1,
                s.batch_id, s.row_no, s.reporting_delay, s.delay_approximate, ?, ?)
            """;

    private final long batchId;
    private final String itemId;
    private final String unitCode;
    private final JdbcTemplate jdbc;
    private final String merge;

    /**
     * @param holdUnknownSubjects the item's policy: a record about a subject the registry does not know is held
     */
    public RecordMergeTasklet(long batchId, String itemId, String unitCode, boolean holdUnknownSubjects, JdbcTemplate jdbc) {
        this.batchId = batchId;
        this.itemId = itemId;
        this.unitCode = unitCode;
        this.jdbc = jdbc;
        String held = holdUnknownSubjects ? HELD + ", 'UNKNOWN'" : HELD;
        this.merge = MERGE_TEMPLATE.formatted(STATE.formatted(held), ACCEPTED);
    }

    /** The statement for the person store: the same, with the person table and the ID hash for the code. */
    static String forPersons(String sql) {
        return sql.replace("cx_org_record", "cx_person_record")
                .replace("'ORG'", "'PERSON'")
                .replace("s.subject_code", "s.subject_id_hash")
                .replace("subject_code", "subject_id_hash");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String status = jdbc.queryForObject("SELECT status FROM cx_batch WHERE id = ?", String.class, batchId);
        if ("REJECTED".equals(status)) {
            // Found damaged part-way: the file is refused as a whole, nothing of it is loaded or kept in staging.
            jdbc.update("DELETE FROM cx_staged_reason WHERE batch_id = ?", batchId);
            jdbc.update("DELETE FROM cx_staged_content WHERE batch_id = ?", batchId);
            jdbc.update("DELETE FROM cx_staged_row WHERE batch_id = ?", batchId);
            log.info("Batch {}: refused as a whole while staging: nothing merged", batchId);
            return RepeatStatus.FINISHED;
        }
        // One merge at a time: a concurrent batch of another unit must be visible to the conflict detection below.
        jdbc.queryForObject("SELECT id FROM cx_merge_lock WHERE id = 1 FOR UPDATE", Integer.class);
        // Staging was analysed after it was filled (the duplicates step); the match step's update of every row
        // changes nothing the merge's plan depends on, so only the stores are looked at here.
        PlannerStatistics.refresh(jdbc, "cx_org_record", "cx_person_record");
        PlannerStatistics.roomForLargeBatches(jdbc);
        OffsetDateTime now = OffsetDateTime.now();
        String by = "batch " + batchId;
        int versions = 0;
        int written = 0;
        for (boolean persons : new boolean[] {false, true}) {
            String history = persons ? forPersons(HISTORY) : HISTORY;
            String sql = persons ? forPersons(merge) : merge;
            long rows = jdbc.queryForObject("SELECT COUNT(*) FROM cx_staged_row WHERE batch_id = ? AND subject_store = ?",
                    Long.class, batchId, persons ? "PERSON" : "ORG");
            if (rows == 0) {
                continue;
            }
            if (PlannerStatistics.lookupsInto(jdbc, persons ? "cx_person_record" : "cx_org_record", rows)) {
                log.debug("Batch {}: {} rows looked up in the {} store by key", batchId, rows, persons ? "person" : "org");
            }
            versions += jdbc.update(history, now, by, itemId, unitCode, batchId);
            written += jdbc.update(sql, batchId, itemId, unitCode, now, itemId, unitCode, now, now);
        }
        int conflicts = new ConflictDetection(jdbc).detect(batchId, itemId, unitCode);
        contribution.incrementWriteCount(written);
        log.info("Batch {}: merged into the credit store: {} records inserted or changed ({} earlier versions kept), "
                + "{} new conflicts with other units", batchId, written, versions, conflicts);
        return RepeatStatus.FINISHED;
    }
}
